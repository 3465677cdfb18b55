package org.hardchain.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hardchain.ov.OvInstance;

/**
 * The {@code .ov} text format for k-OV instances ({@link OvInstance}).
 *
 * <pre>
 * c any comment (lines starting with "c" followed by a space, or a lone "c")
 * p ov K M N_0 N_1 ... N_{K-1}
 * v 0110...      (one line per vector: "v", then the M coordinates as a 0/1 string)
 * ...
 * </pre>
 *
 * <ul>
 * <li>The header gives the order K (&gt;= 2), the dimension M (&gt;= 0) and the K set sizes.
 *     It must come before the first vector and appear once.</li>
 * <li>Then exactly {@code N_0 + ... + N_{K-1}} vector lines: the N_0 vectors of set 0 in
 *     index order, then those of set 1, and so on. A vector line is {@code v}, one or more
 *     blanks, and exactly M characters {@code 0}/{@code 1}, coordinate 0 first. With M = 0
 *     the line is a lone {@code v}.</li>
 * <li>Comment lines and blank lines may appear anywhere; trailing blanks and CR are ignored.</li>
 * </ul>
 *
 * A dense 0/1 string is used rather than sparse index lists because SAT&nbsp;&rarr;&nbsp;k-OV
 * vectors are dense (a coordinate is 1 for a constant fraction of partial assignments).
 *
 * <p>The reader is strict: every deviation is an {@link InputFormatException} naming the
 * file, the line and what was expected (wrong counts, wrong lengths, bad characters,
 * missing or repeated header, numbers out of range). It never allocates from the header's
 * claims: memory grows only with the vector lines actually read.
 */
public final class OvFormat {
    private OvFormat() {
    }

    /** Reads an {@code .ov} file (UTF-8). */
    public static OvInstance read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputFormatException(file.toString(), 0, "not a UTF-8 text file");
        }
    }

    /**
     * Parses {@code .ov} text.
     *
     * @param name the file name for error messages
     * @throws InputFormatException on malformed input
     */
    public static OvInstance parse(String name, Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        OvInstance.Builder builder = null;
        int k = 0;
        int m = 0;
        long[] sizes = null;
        long total = 0;
        long seen = 0;
        int set = 0;
        long headerLine = 0;
        long lineNo = 0;
        String raw;
        while ((raw = r.readLine()) != null) {
            lineNo++;
            String line = stripTrailing(raw);
            if (line.isEmpty() || line.equals("c") || line.startsWith("c ") || line.startsWith("c\t")) {
                continue;
            }
            if (line.startsWith("p ") || line.startsWith("p\t") || line.equals("p")) {
                if (builder != null) {
                    throw new InputFormatException(name, lineNo, "second header line (the first is on line "
                            + headerLine + ")");
                }
                String[] t = line.trim().split("[ \t]+");
                if (t.length < 3 || !t[1].equals("ov")) {
                    throw new InputFormatException(name, lineNo, "expected header 'p ov K M N_0 ... N_{K-1}', got '"
                            + shorten(line) + "'");
                }
                k = parseCount(name, lineNo, t[2], "order K", 2, 1 << 20);
                if (t.length < 4) {
                    throw new InputFormatException(name, lineNo, "header misses the dimension M: expected 'p ov "
                            + k + " M N_0 ... N_" + (k - 1) + "'");
                }
                m = parseCount(name, lineNo, t[3], "dimension M", 0, Integer.MAX_VALUE - 64);
                if (t.length - 4 != k) {
                    throw new InputFormatException(name, lineNo, "header gives " + (t.length - 4)
                            + " set sizes, order K = " + k + " needs " + k);
                }
                sizes = new long[k];
                for (int p = 0; p < k; p++) {
                    sizes[p] = parseCount(name, lineNo, t[4 + p], "size N_" + p, 0, Integer.MAX_VALUE - 16);
                    total += sizes[p];
                }
                builder = OvInstance.builder(k, m);
                headerLine = lineNo;
                while (set < k && sizes[set] == 0) {
                    set++;
                }
                continue;
            }
            if (line.startsWith("v")) {
                if (builder == null) {
                    throw new InputFormatException(name, lineNo, "vector before the header 'p ov K M N_0 ... N_{K-1}'");
                }
                if (seen == total) {
                    throw new InputFormatException(name, lineNo, "more vectors than the header's N_0 + ... + N_"
                            + (k - 1) + " = " + total);
                }
                String bits = line.substring(1);
                if (!bits.isEmpty() && bits.charAt(0) != ' ' && bits.charAt(0) != '\t') {
                    throw new InputFormatException(name, lineNo, "expected 'v' followed by a blank and " + m
                            + " characters 0/1, got '" + shorten(line) + "'");
                }
                bits = bits.strip();
                if (bits.length() != m) {
                    throw new InputFormatException(name, lineNo, "vector " + (seen - offset(sizes, set)) + " of set "
                            + set + " has " + bits.length() + " coordinates, dimension M = " + m);
                }
                int[] ones = new int[countOnes(name, lineNo, bits)];
                int j = 0;
                for (int c = 0; c < m; c++) {
                    if (bits.charAt(c) == '1') {
                        ones[j++] = c;
                    }
                }
                builder.addOnes(set, ones);
                seen++;
                while (set < k && builder.size(set) == sizes[set]) {
                    set++;
                }
                continue;
            }
            throw new InputFormatException(name, lineNo, "expected a comment 'c ...', the header 'p ov ...' or a vector 'v ...', got '"
                    + shorten(line) + "'");
        }
        if (builder == null) {
            throw new InputFormatException(name, Math.max(lineNo, 1), "missing header 'p ov K M N_0 ... N_{K-1}'");
        }
        if (seen < total) {
            throw new InputFormatException(name, Math.max(lineNo, 1), "file ends after " + seen + " of "
                    + total + " vectors (set " + set + " has " + builder.size(set) + " of " + sizes[set] + ")");
        }
        return builder.build();
    }

    /** Writes {@code instance} to {@code file} atomically, with the comments first. */
    public static void write(Path file, OvInstance instance, List<String> comments) throws IOException {
        AtomicFiles.writeText(file, w -> write(instance, w, comments));
    }

    /** Writes {@code instance} in the {@code .ov} format (comments may span lines; each line gets "c "). */
    public static void write(OvInstance instance, Writer out, List<String> comments) throws IOException {
        for (String comment : comments) {
            for (String part : comment.split("\r?\n|\r", -1)) {
                out.write(part.isEmpty() ? "c\n" : "c " + part + "\n");
            }
        }
        int k = instance.order();
        int m = instance.dimension();
        StringBuilder sb = new StringBuilder("p ov ").append(k).append(' ').append(m);
        for (int p = 0; p < k; p++) {
            sb.append(' ').append(instance.size(p));
        }
        out.write(sb.append('\n').toString());
        char[] line = new char[m + 3];
        line[0] = 'v';
        line[1] = ' ';
        line[m + 2] = '\n';
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < instance.size(p); i++) {
                long[] words = instance.words(p, i);
                for (int c = 0; c < m; c++) {
                    line[2 + c] = (words[c >>> 6] >>> (c & 63) & 1L) != 0 ? '1' : '0';
                }
                if (m == 0) {
                    out.write("v\n");
                } else {
                    out.write(line);
                }
            }
        }
        out.flush();
    }

    private static long offset(long[] sizes, int set) {
        long o = 0;
        for (int p = 0; p < set; p++) {
            o += sizes[p];
        }
        return o;
    }

    private static int countOnes(String name, long lineNo, String bits) {
        int ones = 0;
        for (int c = 0; c < bits.length(); c++) {
            char ch = bits.charAt(c);
            if (ch == '1') {
                ones++;
            } else if (ch != '0') {
                throw new InputFormatException(name, lineNo, "coordinate " + c + " is '" + printable(ch)
                        + "', expected 0 or 1");
            }
        }
        return ones;
    }

    private static int parseCount(String name, long lineNo, String token, String what, long min, long max) {
        if (token.isEmpty() || token.length() > 12 || !token.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new InputFormatException(name, lineNo, what + " must be a non-negative integer, got '"
                    + shorten(token) + "'");
        }
        long v = Long.parseLong(token);
        if (v < min || v > max) {
            throw new InputFormatException(name, lineNo, what + " = " + v + " not in [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String printable(char ch) {
        return ch < 32 || ch == 127 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
    }

    private static String shorten(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        StringBuilder sb = new StringBuilder();
        for (char ch : t.toCharArray()) {
            sb.append(printable(ch));
        }
        return sb.toString();
    }
}
