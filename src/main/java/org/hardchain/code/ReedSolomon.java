package org.hardchain.code;

import java.util.Objects;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;

/**
 * The systematic Reed-Solomon code RS(D) of length L over F_p on the evaluation points
 * {@code x_s = s} ({@code s = 0..L-1}, distinct because p >= L), THEORY.md §6.
 * Codewords are the evaluations of the polynomials of degree {@code < D}; a message
 * {@code u in F_p^D} is encoded by the unique such polynomial with {@code f(s) = u_s} for
 * {@code s < D}, so the first D symbols of a codeword are its message.
 *
 * <ul>
 * <li>Distance {@code L - D + 1}: two distinct codewords agree on at most D - 1 points.</li>
 * <li>Product closure: the entry-wise product of k codewords of RS(w) is a codeword of
 * RS(k(w-1)+1) (degrees add), see {@link #productCode(int)}.</li>
 * </ul>
 *
 * <p><b>The cost of the stand-in.</b> Alman &amp; Song (2023), Theorem 4.4 (after
 * Rubinstein 2018), use algebraic-geometry codes, whose alphabet size stays constant while
 * the length L grows. A Reed-Solomon code needs L distinct points, so its alphabet p is at
 * least L: a symbol costs {@code log2 p >= log2 L} bits instead of O(1), which enlarges
 * every message of the protocol and the dimension of the Gap-k-MaxIP instance built from
 * it by a factor that grows with L. The workbench accepts this (its L are small) and
 * reports it.
 *
 * <p>Encoding is a matrix-vector product with the L x D Lagrange basis matrix
 * {@code G[s][j] = l_j(s)}, precomputed once per code in O(L D) time and memory
 * ({@code l_j} is the Lagrange basis polynomial of the points 0..D-1). Encoding costs
 * O(L D), or O(L * weight) for a 0/1 message ({@link #encodeSupport}).
 *
 * <p>This class is immutable.
 */
public final class ReedSolomon {
    /** Largest generator matrix (L * D entries) this class builds. */
    public static final long MAX_GENERATOR_ENTRIES = 1L << 27;

    private final PrimeField field;
    private final int length;
    private final int dimension;
    /** G[s * dimension + j] = l_j(s). */
    private final int[] generator;
    /**
     * Products (each at most (p-1)^2) that can be added to a reduced accumulator (below p)
     * without overflowing a long: the matrix-vector product reduces once per this many
     * terms (about 2 for p near 2^31, billions for p below 2^16).
     */
    private final long lazyTerms;

    private ReedSolomon(PrimeField field, int length, int dimension, int[] generator) {
        this.field = field;
        this.length = length;
        this.dimension = dimension;
        this.generator = generator;
        long p = field.p();
        this.lazyTerms = p == 2 ? Long.MAX_VALUE : Math.max(1, (Long.MAX_VALUE - p) / ((p - 1) * (p - 1)));
    }

    /**
     * The systematic RS(D) of length L over {@code field} on the points 0..L-1.
     *
     * @throws UsageException if D < 1, L < D, p < L, or L * D is above {@link #MAX_GENERATOR_ENTRIES}
     */
    public static ReedSolomon systematic(PrimeField field, int length, int dimension) {
        Objects.requireNonNull(field, "field");
        if (dimension < 1) {
            throw new UsageException("code dimension D = " + dimension + " must be >= 1");
        }
        if (length < dimension) {
            throw new UsageException("code length L = " + length + " must be >= the dimension D = " + dimension);
        }
        if (field.p() < length) {
            throw new UsageException("prime p = " + field.p() + " must be >= the code length L = " + length
                    + " (the L evaluation points must be distinct in F_p)");
        }
        long entries = (long) length * dimension;
        if (entries > MAX_GENERATOR_ENTRIES) {
            throw new ResourceLimitException(String.format(java.util.Locale.ROOT,
                    "the Reed-Solomon generator matrix L x D = %d x %d would need %s entries, above %s;"
                            + " use a smaller length or block size",
                    length, dimension, ResourceLimitException.human(entries),
                    ResourceLimitException.human(MAX_GENERATOR_ENTRIES)));
        }
        int d = dimension;
        // invW[j] = 1 / prod_{m != j, m < D} (j - m)
        long[] invW = new long[d];
        for (int j = 0; j < d; j++) {
            long w = 1;
            for (int m = 0; m < d; m++) {
                if (m != j) {
                    w = field.mul(w, field.reduce(j - m));
                }
            }
            invW[j] = field.inv(w);
        }
        int[] g = new int[length * d];
        long[] prefix = new long[d + 1];
        long[] suffix = new long[d + 1];
        for (int s = 0; s < length; s++) {
            if (s < d) {
                g[s * d + s] = 1;
                continue;
            }
            // l_j(s) = prod_{m<j}(s-m) * prod_{j<m<D}(s-m) * invW[j]
            prefix[0] = 1;
            for (int m = 0; m < d; m++) {
                prefix[m + 1] = field.mul(prefix[m], field.reduce(s - m));
            }
            suffix[d] = 1;
            for (int m = d - 1; m >= 0; m--) {
                suffix[m] = field.mul(suffix[m + 1], field.reduce(s - m));
            }
            for (int j = 0; j < d; j++) {
                g[s * d + j] = (int) field.mul(field.mul(prefix[j], suffix[j + 1]), invW[j]);
            }
        }
        return new ReedSolomon(field, length, dimension, g);
    }

    public PrimeField field() {
        return field;
    }

    /** L, the number of symbols of a codeword. */
    public int length() {
        return length;
    }

    /** D, the number of message symbols (polynomials of degree < D). */
    public int dimension() {
        return dimension;
    }

    /** The minimum distance, L - D + 1 (RS codes are MDS). */
    public int distance() {
        return length - dimension + 1;
    }

    /** The Lagrange basis value {@code l_j(s)}: entry (s, j) of the generator matrix. */
    public long basis(int s, int j) {
        return generator[s * dimension + j];
    }

    /**
     * The systematic encoding of {@code message} (D symbols in [0, p)): the matrix-vector
     * product with the precomputed Lagrange basis matrix, O(L D) multiplications, with one
     * reduction per point when p is below about 2^16 (products are summed lazily).
     */
    public int[] encode(long[] message) {
        checkMessage(message);
        long p = field.p();
        int[] out = new int[length];
        for (int s = 0; s < length; s++) {
            long acc = 0;
            int row = s * dimension;
            int pending = 0;
            for (int j = 0; j < dimension; j++) {
                acc += generator[row + j] * message[j];
                if (++pending == lazyTerms) {
                    acc %= p;
                    pending = 0;
                }
            }
            out[s] = (int) (acc % p);
        }
        return out;
    }

    /**
     * The encoding of the 0/1 message with ones exactly at the given positions (each in
     * [0, D), no repeats): the sum of those columns of the generator matrix. O(L * |support|).
     */
    public int[] encodeSupport(int[] support) {
        long p = field.p();
        long[] acc = new long[length];
        for (int j : support) {
            if (j < 0 || j >= dimension) {
                throw new IllegalArgumentException("message position " + j + " is not in [0, " + dimension + ")");
            }
            for (int s = 0; s < length; s++) {
                long v = acc[s] + generator[s * dimension + j];
                acc[s] = v >= p ? v - p : v;
            }
        }
        int[] out = new int[length];
        for (int s = 0; s < length; s++) {
            out[s] = (int) acc[s];
        }
        return out;
    }

    /**
     * The systematic encoding the naive way, an oracle independent of the basis matrix:
     * Lagrange-interpolate the message on the points 0..D-1 and evaluate the polynomial at
     * every point by Horner. O(D^2 + L D).
     */
    public int[] encodeNaive(long[] message) {
        Polynomial f = polynomial(message);
        int[] out = new int[length];
        for (int s = 0; s < length; s++) {
            out[s] = (int) f.evaluate(s);
        }
        return out;
    }

    /** The polynomial of degree {@code < D} whose values at 0..D-1 are the message. */
    public Polynomial polynomial(long[] message) {
        checkMessage(message);
        long[] xs = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            xs[j] = j;
        }
        return Polynomial.interpolate(field, xs, message);
    }

    /** The message of a codeword: its first D symbols. */
    public long[] message(int[] codeword) {
        checkWord(codeword);
        long[] u = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            u[j] = codeword[j];
        }
        return u;
    }

    /**
     * Whether {@code word} (L symbols) is a codeword: every symbol is in [0, p) and the word
     * equals the encoding of its first D symbols. O(L D).
     */
    public boolean isCodeword(int[] word) {
        checkWord(word);
        long[] u = new long[dimension];
        for (int s = 0; s < length; s++) {
            if (word[s] < 0 || word[s] >= field.p()) {
                return false;
            }
        }
        for (int j = 0; j < dimension; j++) {
            u[j] = word[j];
        }
        int[] c = encode(u);
        return java.util.Arrays.equals(c, word);
    }

    /**
     * The code that contains every entry-wise product of k codewords of this code:
     * RS(k(D-1)+1) on the same points.
     *
     * @throws UsageException if k < 1 or L < k(D-1)+1
     */
    public ReedSolomon productCode(int k) {
        if (k < 1) {
            throw new UsageException("number of factors k = " + k + " must be >= 1");
        }
        long d = (long) k * (dimension - 1) + 1;
        if (d > length) {
            throw new UsageException("the product of " + k + " codewords of RS(" + dimension + ") lies in RS("
                    + d + "), which needs length L >= " + d + ", but L = " + length);
        }
        return systematic(field, length, (int) d);
    }

    /** The entry-wise (Hadamard) product of words of equal length. */
    public static int[] hadamard(PrimeField field, int[]... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("need at least one word");
        }
        int n = words[0].length;
        int[] out = new int[n];
        for (int s = 0; s < n; s++) {
            long acc = 1 % field.p();
            for (int[] w : words) {
                if (w.length != n) {
                    throw new IllegalArgumentException("Dimension mismatch: " + w.length + " != " + n);
                }
                acc = field.mul(acc, w[s]);
            }
            out[s] = (int) acc;
        }
        return out;
    }

    /** The number of positions where two words differ. */
    public static int hammingDistance(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Dimension mismatch: " + a.length + " != " + b.length);
        }
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d++;
            }
        }
        return d;
    }

    /**
     * The minimum distance by enumeration: the least weight of a nonzero codeword (the
     * code is linear), over all p^D - 1 nonzero messages. O(p^D L D).
     *
     * @param maxCodewords refuse (with the estimate) when p^D is above this
     * @throws ResourceLimitException if p^D > maxCodewords
     */
    public int distanceByEnumeration(long maxCodewords) {
        double count = Math.pow(field.p(), dimension);
        ResourceLimitException.check("enumerating RS(" + dimension + ") over " + field,
                count, maxCodewords, "codewords", "a larger maxCodewords");
        long[] u = new long[dimension];
        int best = Integer.MAX_VALUE;
        while (increment(u, field.p())) {
            int[] c = encode(u);
            int weight = 0;
            for (int v : c) {
                if (v != 0) {
                    weight++;
                }
            }
            best = Math.min(best, weight);
        }
        return best == Integer.MAX_VALUE ? length : best;
    }

    /** Base-p odometer increment (digit 0 first); false after wrapping to all zeros. */
    private static boolean increment(long[] digits, long p) {
        for (int i = 0; i < digits.length; i++) {
            if (++digits[i] < p) {
                return true;
            }
            digits[i] = 0;
        }
        return false;
    }

    private void checkMessage(long[] message) {
        if (message.length != dimension) {
            throw new IllegalArgumentException("Dimension mismatch: message has " + message.length
                    + " symbols != D = " + dimension);
        }
        for (long v : message) {
            if (v < 0 || v >= field.p()) {
                throw new IllegalArgumentException("message symbol " + v + " is not in [0, " + field.p() + ")");
            }
        }
    }

    private void checkWord(int[] word) {
        if (word.length != length) {
            throw new IllegalArgumentException("Dimension mismatch: word has " + word.length + " symbols != L = " + length);
        }
    }

    @Override
    public String toString() {
        return "systematic RS(" + dimension + ") of length " + length + " over " + field;
    }
}
