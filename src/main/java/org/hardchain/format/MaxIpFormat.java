package org.hardchain.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.Ratio;

/**
 * The sparse text format of Gap-k-MaxIP instances ({@code .maxip}), version 1.
 *
 * <pre>
 * c any comment line starts with "c" (blank lines are ignored too)
 * p maxip K D T EPS N0 N1 ... N(K-1)
 * a SOURCE MERLIN C1 C2 ...        (N0 lines: Alice's vectors)
 * b 1 SOURCE C1 C2 ...             (N1 lines: key set B_1)
 * ...
 * b K-1 SOURCE C1 C2 ...           (N(K-1) lines: key set B_(K-1))
 * </pre>
 * K is the order (>= 2), D the dimension D' (>= 0), T the threshold t (>= 1), EPS the gap as
 * an exact fraction {@code NUM/DEN} in (0, 1], N0..N(K-1) the set sizes. Each vector line gives
 * its provenance (SOURCE: index of the source vector in the k-OV set; MERLIN: Merlin message
 * id, Alice's vectors only) and then its support: strictly increasing coordinates in
 * {@code [0, D)}. Vectors appear set by set, in order. Tokens are separated by spaces or tabs.
 *
 * <p>The reader never allocates from the header's claims: vectors are collected as they are
 * read and their number is checked against the header. Every error is an
 * {@link InputFormatException} with the line number.
 */
public final class MaxIpFormat {
    private MaxIpFormat() {
    }

    /** Reads an instance from {@code file}. */
    public static MaxIpInstance read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /** Reads an instance; {@code name} is used in error messages. */
    public static MaxIpInstance read(Reader in, String name) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        long lineNo = 0;
        String line;
        MaxIpInstance.Builder builder = null;
        long[] declared = null;
        int k = 0;
        int dimension = 0;
        int set = 0;
        int[] buf = new int[64];
        while ((line = r.readLine()) != null) {
            lineNo++;
            Tokens tok = new Tokens(line, name, lineNo);
            if (!tok.hasNext()) {
                continue;
            }
            String first = tok.next();
            if (first.equals("c")) {
                continue;
            }
            if (builder == null) {
                if (!first.equals("p")) {
                    throw new InputFormatException(name, lineNo,
                            "expected the header 'p maxip K D T EPS N0 .. N(K-1)' before any vector, found '" + first + "'");
                }
                String kind = tok.hasNext() ? tok.next() : "";
                if (!kind.equals("maxip")) {
                    throw new InputFormatException(name, lineNo, "expected 'p maxip', found 'p " + kind + "'");
                }
                k = (int) tok.nextLong("order K", 2, 1 << 20);
                dimension = (int) tok.nextLong("dimension D", 0, Integer.MAX_VALUE - 64);
                long t = tok.nextLong("threshold T", 1, Long.MAX_VALUE);
                String epsText = tok.hasNext() ? tok.next() : "";
                Ratio eps;
                try {
                    eps = Ratio.parse(epsText);
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(name, lineNo, "expected the gap EPS as a fraction NUM/DEN, found '"
                            + epsText + "'");
                }
                if (eps.num() == 0 || eps.num() > eps.den()) {
                    throw new InputFormatException(name, lineNo, "gap EPS = " + epsText + " must be in (0, 1]");
                }
                declared = new long[k];
                for (int s = 0; s < k; s++) {
                    declared[s] = tok.nextLong("size N" + s, 0, Integer.MAX_VALUE - 8);
                }
                tok.expectEnd("the header has K + 5 = " + (k + 5) + " fields after 'p'");
                builder = MaxIpInstance.builder(k, dimension, t, eps.oneMinus());
                continue;
            }
            while (set < k && builder.size(set) == declared[set]) {
                set++;
            }
            int source;
            long merlin = 0;
            if (first.equals("a")) {
                if (set != 0) {
                    throw new InputFormatException(name, lineNo, set == k
                            ? "more vectors than the header declares"
                            : "an Alice vector ('a' line) beyond the " + declared[0] + " the header declares");
                }
                source = (int) tok.nextLong("SOURCE index", 0, Integer.MAX_VALUE);
                merlin = tok.nextLong("MERLIN message id", 0, Long.MAX_VALUE);
            } else if (first.equals("b")) {
                if (set == k) {
                    throw new InputFormatException(name, lineNo, "more vectors than the header declares");
                }
                if (set == 0) {
                    throw new InputFormatException(name, lineNo, "key vector ('b' line) before the " + declared[0]
                            + " Alice vectors the header declares (found " + builder.size(0) + ")");
                }
                long p = tok.nextLong("key set number", 1, k - 1);
                if (p != set) {
                    throw new InputFormatException(name, lineNo, "expected a vector of key set " + set + " (set "
                            + set + " has " + builder.size(set) + " of " + declared[set] + " vectors), found set " + p);
                }
                source = (int) tok.nextLong("SOURCE index", 0, Integer.MAX_VALUE);
            } else if (first.equals("p")) {
                throw new InputFormatException(name, lineNo, "a second header line");
            } else {
                throw new InputFormatException(name, lineNo, "expected a vector line starting with 'a' or 'b' (or a comment 'c'), found '"
                        + first + "'");
            }
            int n = 0;
            long prev = -1;
            while (tok.hasNext()) {
                long c = tok.nextLong("coordinate", 0, Long.MAX_VALUE);
                if (c >= dimension) {
                    throw new InputFormatException(name, lineNo, "coordinate " + c + " is outside [0, " + dimension + ")");
                }
                if (c <= prev) {
                    throw new InputFormatException(name, lineNo, "coordinates must be strictly increasing: " + c
                            + " follows " + prev);
                }
                prev = c;
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, 2 * n);
                }
                buf[n++] = (int) c;
            }
            int[] support = Arrays.copyOf(buf, n);
            if (set == 0) {
                builder.alice(source, merlin, support);
            } else {
                builder.key(set, source, support);
            }
        }
        if (builder == null) {
            throw new InputFormatException(name, Math.max(1, lineNo), "no header 'p maxip K D T EPS N0 .. N(K-1)' found");
        }
        for (int s = 0; s < k; s++) {
            if (builder.size(s) != declared[s]) {
                throw new InputFormatException(name, lineNo, "end of file after " + builder.size(s) + " vectors of set "
                        + s + ", the header declares " + declared[s]);
            }
        }
        return builder.build();
    }

    /** Writes {@code inst} to {@code file} atomically. */
    public static void write(Path file, MaxIpInstance inst) throws IOException {
        AtomicFiles.writeText(file, w -> write(w, inst));
    }

    /** Writes {@code inst} in the format above, with a comment line first. */
    public static void write(Writer w, MaxIpInstance inst) throws IOException {
        int k = inst.order();
        w.write("c hardchain Gap-" + k + "-MaxIP instance: t = " + inst.threshold() + ", 1 - eps = "
                + inst.oneMinusEps() + "\n");
        StringBuilder s = new StringBuilder(256);
        s.append("p maxip ").append(k).append(' ').append(inst.dimension()).append(' ').append(inst.threshold())
                .append(' ').append(inst.eps());
        for (int p = 0; p < k; p++) {
            s.append(' ').append(inst.size(p));
        }
        w.write(s.append('\n').toString());
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < inst.size(p); i++) {
                s.setLength(0);
                if (p == 0) {
                    s.append("a ").append(inst.source(0, i)).append(' ').append(inst.merlin(i));
                } else {
                    s.append("b ").append(p).append(' ').append(inst.source(p, i));
                }
                for (int c : inst.support(p, i)) {
                    s.append(' ').append(c);
                }
                w.write(s.append('\n').toString());
            }
        }
    }

    /** Whitespace-separated tokens of one line with strict number parsing. */
    private static final class Tokens {
        private final String line;
        private final String name;
        private final long lineNo;
        private int pos;

        Tokens(String line, String name, long lineNo) {
            this.line = line;
            this.name = name;
            this.lineNo = lineNo;
            skip();
        }

        private void skip() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t' || line.charAt(pos) == '\r')) {
                pos++;
            }
        }

        boolean hasNext() {
            return pos < line.length();
        }

        String next() {
            int start = pos;
            while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t' && line.charAt(pos) != '\r') {
                pos++;
            }
            String t = line.substring(start, pos);
            skip();
            return t;
        }

        long nextLong(String what, long min, long max) {
            if (!hasNext()) {
                throw new InputFormatException(name, lineNo, "expected " + what + ", found the end of the line");
            }
            int start = pos;
            long v = 0;
            boolean neg = pos < line.length() && line.charAt(pos) == '-';
            if (neg) {
                pos++;
            }
            int digits = 0;
            boolean overflow = false;
            while (pos < line.length() && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
                int d = line.charAt(pos++) - '0';
                if (v > (Long.MAX_VALUE - d) / 10) {
                    overflow = true;
                } else {
                    v = 10 * v + d;
                }
                digits++;
            }
            boolean endOk = pos == line.length() || line.charAt(pos) == ' ' || line.charAt(pos) == '\t'
                    || line.charAt(pos) == '\r';
            if (digits == 0 || !endOk) {
                pos = start;
                throw new InputFormatException(name, lineNo, "expected " + what + " (an integer), found '" + next() + "'");
            }
            String text = line.substring(start, pos);
            skip();
            if (overflow || (neg ? -v : v) < min || (neg ? -v : v) > max) {
                throw new InputFormatException(name, lineNo, what + " " + text + " is outside [" + min + ", " + max + "]");
            }
            return neg ? -v : v;
        }

        void expectEnd(String why) {
            if (hasNext()) {
                throw new InputFormatException(name, lineNo, "unexpected '" + next() + "': " + why);
            }
        }
    }
}
