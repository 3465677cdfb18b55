package org.hardchain.format;

/**
 * A malformed input file. The message has the form {@code FILE:LINE: what was expected},
 * so editors and terminals can jump to the place. The CLI prints it on one line and exits
 * with code 3.
 */
public final class InputFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String problem;

    /**
     * @param file    the file name as the user gave it (or a description such as {@code "<stdin>"})
     * @param line    the 1-based line number, or 0 when the problem concerns the whole file
     * @param problem what was expected or what is wrong, without the location
     */
    public InputFormatException(String file, long line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 for a problem with the whole file. */
    public long line() {
        return line;
    }

    /** The problem without its location. */
    public String problem() {
        return problem;
    }
}
