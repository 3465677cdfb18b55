package org.hardchain.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long computation, on stderr. On a terminal it redraws one line at most
 * five times a second; otherwise (logs, CI) it prints a line at most every ten seconds.
 * Nothing is printed for runs shorter than two seconds. Thread-safe.
 */
public final class Progress implements AutoCloseable {
    private static final Progress SILENT = new Progress(null, "", 0);

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean tty;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private long done;
    private boolean printed;

    private Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.tty = System.console() != null;
    }

    /** A progress reporter on stderr for {@code total} units of work. */
    public static Progress start(String label, long total) {
        return new Progress(System.err, label, total);
    }

    /** A reporter that prints nothing (library use, tests). */
    public static Progress silent() {
        return SILENT;
    }

    /** Records {@code units} more units of work done. */
    public void advance(long units) {
        if (out == null) {
            return;
        }
        synchronized (this) {
            done += units;
            long now = System.nanoTime();
            long interval = tty ? 200_000_000L : 10_000_000_000L;
            if (now - start < 2_000_000_000L || now - lastPrint < interval) {
                return;
            }
            lastPrint = now;
            double secs = (now - start) / 1e9;
            String line;
            if (total > 0) {
                double frac = Math.min(1.0, (double) done / total);
                double eta = frac > 0 ? secs * (1 - frac) / frac : Double.NaN;
                line = String.format(Locale.ROOT, "%s: %5.1f%% (%d/%d) %.0fs elapsed, ~%.0fs left",
                        label, 100 * frac, done, total, secs, eta);
            } else {
                line = String.format(Locale.ROOT, "%s: %d done, %.0fs elapsed", label, done, secs);
            }
            if (tty) {
                out.print("\r" + line + "   ");
            } else {
                out.println(line);
            }
            out.flush();
            printed = true;
        }
    }

    @Override
    public void close() {
        if (out != null && tty) {
            synchronized (this) {
                if (printed) {
                    out.print("\r\033[K");
                    out.flush();
                }
            }
        }
    }
}
