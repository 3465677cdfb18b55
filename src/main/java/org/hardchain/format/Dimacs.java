package org.hardchain.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hardchain.cnf.Cnf;

/**
 * DIMACS CNF files: a strict reader of our own and a writer (round trip: {@code parse(write(f))
 * equals f}).
 *
 * <p>The format read: lines starting with {@code c} are comments (anywhere, also before the
 * header); blank lines are ignored; exactly one header {@code p cnf N M} (N, M in
 * [0, 2^31 - 1]) precedes the clauses; clauses are whitespace-separated (spaces or tabs)
 * nonzero literals in [-N, N], each ended by {@code 0}, and may span lines or share one; a
 * lone {@code 0} is the empty clause. A line starting with {@code %} ends the formula and
 * everything after it is ignored, as in the SATLIB benchmark files. The number of clauses
 * must equal M.
 *
 * <p>Everything else is rejected with an {@link InputFormatException} {@code FILE:LINE: what
 * was expected}: a literal above N, numbers outside the int range (never wrapped), a lone
 * {@code -}, negative or malformed header counts, a missing, duplicate or late header,
 * too many or too few clauses, a last clause without its {@code 0}, and any other token.
 * SAT4J's own reader accepts several of these silently (see issue 2), which is why this
 * one exists.
 *
 * <p>Cost: {@code O(file size)} time; memory {@code O(total literals)}. Nothing is allocated
 * from the header's claims, so {@code p cnf 2000000000 1} with one small clause is cheap.
 */
public final class Dimacs {
    /** Longest piece of an offending token quoted in an error message. */
    private static final int QUOTE_LIMIT = 40;

    private Dimacs() {
    }

    /** Reads a DIMACS CNF file (UTF-8; undecodable bytes show up as bad tokens). */
    public static Cnf read(Path file) throws IOException {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        }
    }

    /**
     * Parses DIMACS CNF text; {@code fileName} is used in error messages only.
     *
     * @throws InputFormatException if the text is malformed
     * @throws UncheckedIOException if reading fails
     */
    public static Cnf parse(String fileName, Reader in) {
        try {
            return new Parser(fileName).parse(in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses DIMACS CNF text held in a string. */
    public static Cnf parse(String fileName, String text) {
        return parse(fileName, new java.io.StringReader(text));
    }

    /**
     * Writes {@code f}: each comment line as {@code c ...} (a comment holding newlines gives
     * several lines), the header {@code p cnf N M}, then one clause per line ended by {@code 0}.
     */
    public static void write(Cnf f, Writer out, List<String> comments) throws IOException {
        for (String comment : comments) {
            for (String line : comment.split("\r\n|\r|\n", -1)) {
                out.write(line.isEmpty() ? "c\n" : "c " + line + "\n");
            }
        }
        out.write("p cnf " + f.numVariables() + " " + f.numClauses() + "\n");
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < f.numClauses(); c++) {
            sb.setLength(0);
            for (int j = 0; j < f.clauseLength(c); j++) {
                sb.append(f.literal(c, j)).append(' ');
            }
            sb.append("0\n");
            out.write(sb.toString());
        }
        out.flush();
    }

    /** Writes {@code f} to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, Cnf f, List<String> comments) throws IOException {
        AtomicFiles.writeText(file, w -> write(f, w, comments));
    }

    /** The whole text {@link #write(Cnf, Writer, List)} would write. */
    public static String toString(Cnf f, List<String> comments) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            write(f, w, comments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String quote(String token) {
        return token.length() <= QUOTE_LIMIT ? "'" + token + "'" : "'" + token.substring(0, QUOTE_LIMIT) + "...'";
    }

    private static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\u000B' || ch == '\r';
    }

    /** Splits a line at blanks (spaces, tabs, form feeds). */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** Sentinel of {@link #parseNumber} for a token that is not {@code -?[0-9]+}. */
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Sentinel of {@link #parseNumber} for a number outside the int range. */
    private static final long OUT_OF_RANGE = Long.MAX_VALUE;

    /** {@code -?[0-9]+} as a long if it fits an int, else one of the two sentinels. */
    private static long parseNumber(String token) {
        int i = 0;
        boolean negative = false;
        if (token.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        if (i == token.length()) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        boolean tooBig = false;
        for (; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (ch < '0' || ch > '9') {
                return NOT_A_NUMBER;
            }
            if (!tooBig) {
                value = value * 10 + (ch - '0');
                if (value > 1L << 31) {
                    tooBig = true;
                }
            }
        }
        long signed = negative ? -value : value;
        if (tooBig || signed > Integer.MAX_VALUE || signed < Integer.MIN_VALUE) {
            return OUT_OF_RANGE;
        }
        return signed;
    }

    /** One pass over the lines; the state of the reader. */
    private static final class Parser {
        private final String file;
        private long lineNo;
        private long headerLine;
        private int numVars = -1;
        private int declaredClauses;
        private final List<int[]> clauses = new ArrayList<>();
        private int[] current = new int[16];
        private int currentLength;
        private long currentStart;
        private long lastLiteralLine;

        Parser(String file) {
            this.file = file;
        }

        private InputFormatException error(long line, String problem) {
            return new InputFormatException(file, line, problem);
        }

        Cnf parse(BufferedReader in) throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int start = 0;
                while (start < line.length() && isBlank(line.charAt(start))) {
                    start++;
                }
                if (start == line.length()) {
                    continue;
                }
                char first = line.charAt(start);
                if (first == 'c') {
                    continue;
                }
                if (first == '%') {
                    break;
                }
                if (first == 'p') {
                    header(line);
                } else {
                    clauseLine(line);
                }
            }
            if (numVars < 0) {
                throw error(0, "no 'p cnf VARIABLES CLAUSES' header (the file has no clauses either)");
            }
            if (currentLength > 0) {
                throw error(lastLiteralLine, "the last clause (from line " + currentStart
                        + ") is not terminated by 0");
            }
            if (clauses.size() != declaredClauses) {
                throw error(headerLine, "the header declares " + declaredClauses
                        + " clauses but the file has " + clauses.size());
            }
            return Cnf.of(numVars, clauses);
        }

        private void header(String line) {
            if (numVars >= 0) {
                throw error(lineNo, "a second 'p' header (the first is at line " + headerLine + ")");
            }
            List<String> t = tokens(line);
            String expected = "expected 'p cnf VARIABLES CLAUSES', got " + quote(line.strip());
            if (t.size() != 4 || !t.get(0).equals("p") || !t.get(1).equals("cnf")) {
                throw error(lineNo, expected);
            }
            numVars = headerCount(t.get(2), "variables", expected);
            declaredClauses = headerCount(t.get(3), "clauses", expected);
            headerLine = lineNo;
        }

        private int headerCount(String token, String what, String expected) {
            long v = parseNumber(token);
            if (v == NOT_A_NUMBER) {
                throw error(lineNo, expected + ": the number of " + what + " " + quote(token)
                        + " is not an integer");
            }
            if (v == OUT_OF_RANGE) {
                throw error(lineNo, "the number of " + what + " " + quote(token)
                        + " is out of range [0, " + Integer.MAX_VALUE + "]");
            }
            if (v < 0) {
                throw error(lineNo, "the number of " + what + " must be >= 0, got " + v);
            }
            return (int) v;
        }

        private void clauseLine(String line) {
            List<String> t = tokens(line);
            if (numVars < 0) {
                throw error(lineNo, "expected the 'p cnf VARIABLES CLAUSES' header before the clauses, got "
                        + quote(line.strip()));
            }
            for (String token : t) {
                long v = parseNumber(token);
                if (v == NOT_A_NUMBER) {
                    throw error(lineNo, "expected a literal (a nonzero integer in [-" + numVars + ", "
                            + numVars + "]) or 0 ending the clause, got " + quote(token));
                }
                if (v == OUT_OF_RANGE) {
                    throw error(lineNo, "literal " + quote(token) + " is out of the int range [-"
                            + Integer.MAX_VALUE + ", " + Integer.MAX_VALUE + "]");
                }
                if (currentLength == 0 && clauses.size() == declaredClauses) {
                    throw error(lineNo, "more clauses than the " + declaredClauses
                            + " declared in the header at line " + headerLine);
                }
                if (v == 0) {
                    clauses.add(Arrays.copyOf(current, currentLength));
                    currentLength = 0;
                    continue;
                }
                if (Math.abs(v) > numVars) {
                    throw error(lineNo, "literal " + v + " exceeds the " + numVars
                            + " variables declared in the header at line " + headerLine);
                }
                if (currentLength == 0) {
                    currentStart = lineNo;
                }
                if (currentLength == current.length) {
                    current = Arrays.copyOf(current, current.length * 2);
                }
                current[currentLength++] = (int) v;
                lastLiteralLine = lineNo;
            }
        }
    }
}
