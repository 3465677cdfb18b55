package org.hardchain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.hardchain.format.InputFormatException;
import org.hardchain.util.UsageException;

/**
 * Exit codes of every command (picocli conventions), and the one-line error report.
 *
 * <ul>
 * <li>0: success;</li>
 * <li>1: internal failure (a bug, out of memory, an output file that cannot be written);</li>
 * <li>2: usage error (bad option, infeasible parameters, a size estimate above a limit);</li>
 * <li>3: a malformed or unreadable input file.</li>
 * </ul>
 * Each failure prints one line on stderr; {@code --debug} adds the stack trace.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;

    private ExitCodes() {
    }

    /** Prints one line for {@code t} on {@code err} and returns its exit code. */
    public static int report(Throwable t, PrintWriter err, boolean debug) {
        Throwable cause = t;
        while (cause instanceof UncheckedIOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        int code;
        String line;
        if (cause instanceof InputFormatException) {
            code = INPUT;
            line = cause.getMessage();
        } else if (cause instanceof UsageException) {
            code = USAGE;
            line = cause.getMessage();
        } else if (cause instanceof NoSuchFileException e) {
            code = INPUT;
            line = e.getFile() + ": no such file";
        } else if (cause instanceof AccessDeniedException e) {
            code = INPUT;
            line = e.getFile() + ": permission denied";
        } else if (cause instanceof FileSystemException e) {
            code = INTERNAL;
            line = e.getFile() + ": " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        } else if (cause instanceof IOException) {
            code = INTERNAL;
            line = "I/O error: " + cause.getMessage();
        } else if (cause instanceof OutOfMemoryError) {
            code = INTERNAL;
            line = "out of memory (raise the heap with JAVA_OPTS=-Xmx..., or use smaller parameters)";
        } else {
            code = INTERNAL;
            line = "internal error: " + cause + (debug ? "" : " (rerun with --debug for the stack trace)");
        }
        err.println("hardchain: " + line);
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
