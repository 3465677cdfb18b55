package org.hardchain.ov;

import java.util.Arrays;
import java.util.List;
import org.hardchain.util.ResourceLimitException;

/**
 * An instance of k-Orthogonal-Vectors (k-OV; Alman &amp; Song 2023, Definition 4.2 for
 * k = 3, THEORY §5): k sets {@code A_0..A_{k-1}} of vectors in {0,1}^m. A tuple
 * {@code (a_0, ..., a_{k-1})}, one vector from each set, is <em>orthogonal</em> when
 * {@code <a_0, ..., a_{k-1}> = sum_c prod_p a_p[c] = 0}, i.e. no coordinate is 1 in all
 * k vectors.
 *
 * <p>Vectors are bit-packed into {@code W = ceil(m / 64)} {@code long} words: bit
 * {@code c % 64} of word {@code c / 64} is coordinate c. Bits at positions {@code >= m}
 * are always 0 (solvers rely on it, so no tail mask is needed). Storage is
 * <em>word-major per set</em>: set p is one {@code long[W * n_p]} array holding word w of
 * vector i at index {@code w * n_p + i}, so word w of consecutive vectors is contiguous
 * and a SIMD kernel loads 8 vectors of a set in one 512-bit load.
 *
 * <p>Memory: {@code 8 * W * sum_p n_p} bytes. This class is immutable; build instances
 * with {@link #of}, {@link #fromWords} or a {@link Builder}.
 */
public final class OvInstance {
    /** Largest number of longs one set may hold (a Java array bound). */
    static final long MAX_WORDS_PER_SET = Integer.MAX_VALUE - 16L;

    private final int dimension;
    private final int wordsPerVector;
    private final int[] sizes;
    /** data[p][w * n_p + i] = word w of vector i of set p. */
    private final long[][] data;

    private OvInstance(int dimension, int[] sizes, long[][] data) {
        this.dimension = dimension;
        this.wordsPerVector = wordsFor(dimension);
        this.sizes = sizes;
        this.data = data;
    }

    /**
     * An instance over word-major arrays built by a trusted constructor in this package (no
     * copy; {@code data[p]} must have length {@code W * sizes[p]} and no bit at or above the
     * dimension, which is checked).
     */
    static OvInstance ofWordMajor(int dimension, int[] sizes, long[][] data) {
        if (sizes.length < 2 || sizes.length != data.length || dimension < 0) {
            throw new IllegalArgumentException("bad shape: order " + sizes.length + ", " + data.length
                    + " arrays, dimension " + dimension);
        }
        int words = wordsFor(dimension);
        long tail = (dimension & 63) == 0 ? 0L : -1L << (dimension & 63);
        for (int p = 0; p < sizes.length; p++) {
            if (sizes[p] < 0 || data[p].length != (long) words * sizes[p]) {
                throw new IllegalArgumentException("set " + p + ": " + data[p].length + " words for "
                        + sizes[p] + " vectors of " + words + " words");
            }
            for (int i = 0; words > 0 && i < sizes[p]; i++) {
                if ((data[p][(words - 1) * sizes[p] + i] & tail) != 0) {
                    throw new IllegalArgumentException("vector " + i + " of set " + p
                            + " has a bit set at or above the dimension " + dimension);
                }
            }
        }
        return new OvInstance(dimension, sizes.clone(), data);
    }

    /** The number of 64-bit words of a vector of dimension {@code m}: {@code ceil(m / 64)}. */
    public static int wordsFor(int dimension) {
        return (int) ((dimension + 63L) >>> 6);
    }

    /**
     * An instance from 0/1 rows: {@code sets.get(p).get(i)[c]} is coordinate c of vector i
     * of set p.
     *
     * @throws IllegalArgumentException if there are fewer than 2 sets, the dimension is
     *                                  negative, or a row's length is not the dimension
     */
    public static OvInstance of(int dimension, List<List<boolean[]>> sets) {
        Builder b = builder(sets.size(), dimension);
        for (int p = 0; p < sets.size(); p++) {
            for (boolean[] row : sets.get(p)) {
                b.add(p, row);
            }
        }
        return b.build();
    }

    /**
     * An instance from packed rows: {@code sets.get(p).get(i)} is the {@code W}-word
     * packing of vector i of set p (coordinate c at bit {@code c % 64} of word {@code c / 64}).
     *
     * @throws IllegalArgumentException if a row does not have W words or has a bit set at a
     *                                  position {@code >= dimension}
     */
    public static OvInstance fromWords(int dimension, List<List<long[]>> sets) {
        Builder b = builder(sets.size(), dimension);
        for (int p = 0; p < sets.size(); p++) {
            for (long[] row : sets.get(p)) {
                b.addWords(p, row);
            }
        }
        return b.build();
    }

    /** A builder for an instance of the given order k (>= 2) and dimension m (>= 0). */
    public static Builder builder(int order, int dimension) {
        return new Builder(order, dimension);
    }

    /** k, the number of sets. */
    public int order() {
        return sizes.length;
    }

    /** m, the dimension of every vector. */
    public int dimension() {
        return dimension;
    }

    /** W = ceil(m / 64), the number of words of a packed vector. */
    public int wordsPerVector() {
        return wordsPerVector;
    }

    /** n_p, the number of vectors of set p. */
    public int size(int p) {
        return sizes[checkSet(p)];
    }

    /** All set sizes (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The number of k-tuples, {@code prod_p n_p}, or {@code Long.MAX_VALUE} if it overflows a long. */
    public long tupleCount() {
        long t = 1;
        for (int n : sizes) {
            if (n == 0) {
                return 0;
            }
            if (t > Long.MAX_VALUE / n) {
                return Long.MAX_VALUE;
            }
            t *= n;
        }
        return t;
    }

    /** Coordinate c of vector i of set p. */
    public boolean get(int p, int i, int c) {
        checkVector(p, i);
        if (c < 0 || c >= dimension) {
            throw new IndexOutOfBoundsException("coordinate " + c + " not in [0, " + dimension + ")");
        }
        return (data[p][(c >>> 6) * sizes[p] + i] >>> (c & 63) & 1L) != 0;
    }

    /** Word w of vector i of set p (bits beyond the dimension are 0). */
    public long word(int p, int i, int w) {
        checkVector(p, i);
        if (w < 0 || w >= wordsPerVector) {
            throw new IndexOutOfBoundsException("word " + w + " not in [0, " + wordsPerVector + ")");
        }
        return data[p][w * sizes[p] + i];
    }

    /** The W packed words of vector i of set p (a copy). */
    public long[] words(int p, int i) {
        checkVector(p, i);
        long[] out = new long[wordsPerVector];
        int n = sizes[p];
        for (int w = 0; w < wordsPerVector; w++) {
            out[w] = data[p][w * n + i];
        }
        return out;
    }

    /** Vector i of set p as 0/1 values. */
    public boolean[] vector(int p, int i) {
        long[] w = words(p, i);
        boolean[] out = new boolean[dimension];
        for (int c = 0; c < dimension; c++) {
            out[c] = (w[c >>> 6] >>> (c & 63) & 1L) != 0;
        }
        return out;
    }

    /** The coordinates where vector i of set p is 1, ascending. */
    public int[] ones(int p, int i) {
        long[] w = words(p, i);
        int count = 0;
        for (long x : w) {
            count += Long.bitCount(x);
        }
        int[] out = new int[count];
        int j = 0;
        for (int wi = 0; wi < w.length; wi++) {
            long x = w[wi];
            while (x != 0) {
                out[j++] = (wi << 6) + Long.numberOfTrailingZeros(x);
                x &= x - 1;
            }
        }
        return out;
    }

    /**
     * Whether the tuple (one index per set) is orthogonal. Cost O(k W).
     *
     * @throws IllegalArgumentException if the tuple has the wrong length or an index is out of range
     */
    public boolean isOrthogonal(int[] tuple) {
        checkTuple(tuple);
        for (int w = 0; w < wordsPerVector; w++) {
            long and = -1L;
            for (int p = 0; p < sizes.length; p++) {
                and &= data[p][w * sizes[p] + tuple[p]];
            }
            if (and != 0) {
                return false;
            }
        }
        return true;
    }

    /** Throws unless {@code tuple} has k entries, entry p in [0, n_p). */
    public void checkTuple(int[] tuple) {
        if (tuple.length != sizes.length) {
            throw new IllegalArgumentException("tuple has " + tuple.length + " indices, instance has order " + sizes.length);
        }
        for (int p = 0; p < tuple.length; p++) {
            if (tuple[p] < 0 || tuple[p] >= sizes[p]) {
                throw new IllegalArgumentException("tuple index " + tuple[p] + " of set " + p
                        + " not in [0, " + sizes[p] + ")");
            }
        }
    }

    /**
     * The internal word-major array of set p (not a copy: callers in this package must not
     * modify it). Word w of vector i is at {@code w * n_p + i}.
     */
    long[] rawSet(int p) {
        return data[p];
    }

    private int checkSet(int p) {
        if (p < 0 || p >= sizes.length) {
            throw new IndexOutOfBoundsException("set " + p + " not in [0, " + sizes.length + ")");
        }
        return p;
    }

    private void checkVector(int p, int i) {
        checkSet(p);
        if (i < 0 || i >= sizes[p]) {
            throw new IndexOutOfBoundsException("vector " + i + " of set " + p + " not in [0, " + sizes[p] + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OvInstance other && other.dimension == dimension
                && Arrays.equals(other.sizes, sizes) && Arrays.deepEquals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(sizes)) + Arrays.deepHashCode(data);
    }

    @Override
    public String toString() {
        return "OvInstance[order " + sizes.length + ", dimension " + dimension + ", sizes " + Arrays.toString(sizes) + "]";
    }

    /**
     * Collects vectors set by set and packs them into an {@link OvInstance}. Memory grows with
     * the vectors added (never allocated from a declared size). Not thread-safe; one use.
     */
    public static final class Builder {
        private final int dimension;
        private final int words;
        private final int[] counts;
        /** Row-major packed rows per set, grown by doubling. */
        private final long[][] buf;
        private boolean built;

        private Builder(int order, int dimension) {
            if (order < 2) {
                throw new IllegalArgumentException("order k must be >= 2, got " + order);
            }
            if (dimension < 0) {
                throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
            }
            this.dimension = dimension;
            this.words = wordsFor(dimension);
            this.counts = new int[order];
            this.buf = new long[order][];
            for (int p = 0; p < order; p++) {
                buf[p] = new long[0];
            }
        }

        /** The number of vectors added to set p so far. */
        public int size(int p) {
            checkSetIndex(p);
            return counts[p];
        }

        /** Appends a vector given as 0/1 values to set p. */
        public Builder add(int p, boolean[] row) {
            checkSetIndex(p);
            if (row.length != dimension) {
                throw new IllegalArgumentException("vector " + counts[p] + " of set " + p + " has length "
                        + row.length + ", dimension is " + dimension);
            }
            long[] packed = new long[words];
            for (int c = 0; c < dimension; c++) {
                if (row[c]) {
                    packed[c >>> 6] |= 1L << (c & 63);
                }
            }
            return append(p, packed);
        }

        /** Appends the vector with ones exactly at the given coordinates (any order, repeats allowed). */
        public Builder addOnes(int p, int... ones) {
            checkSetIndex(p);
            long[] packed = new long[words];
            for (int c : ones) {
                if (c < 0 || c >= dimension) {
                    throw new IllegalArgumentException("coordinate " + c + " of vector " + counts[p] + " of set " + p
                            + " not in [0, " + dimension + ")");
                }
                packed[c >>> 6] |= 1L << (c & 63);
            }
            return append(p, packed);
        }

        /** Appends a packed vector (W words, no bit at or above the dimension) to set p. */
        public Builder addWords(int p, long[] packed) {
            checkSetIndex(p);
            if (packed.length != words) {
                throw new IllegalArgumentException("vector " + counts[p] + " of set " + p + " has " + packed.length
                        + " words, dimension " + dimension + " needs " + words);
            }
            if (words > 0 && (dimension & 63) != 0 && (packed[words - 1] >>> (dimension & 63)) != 0) {
                throw new IllegalArgumentException("vector " + counts[p] + " of set " + p
                        + " has a bit set at or above the dimension " + dimension);
            }
            return append(p, packed.clone());
        }

        private Builder append(int p, long[] packed) {
            if (built) {
                throw new IllegalStateException("builder already used");
            }
            int n = counts[p];
            long needed = (long) (n + 1) * words;
            if (needed > MAX_WORDS_PER_SET || n == Integer.MAX_VALUE - 16) {
                throw new ResourceLimitException("set " + p + " would hold more than " + MAX_WORDS_PER_SET
                        + " words (" + (n + 1) + " vectors of " + words + " words); use a smaller instance");
            }
            if (needed > buf[p].length) {
                long cap = Math.max(needed, Math.min(MAX_WORDS_PER_SET, Math.max(16L, 2L * buf[p].length)));
                buf[p] = Arrays.copyOf(buf[p], (int) cap);
            }
            System.arraycopy(packed, 0, buf[p], n * words, words);
            counts[p] = n + 1;
            return this;
        }

        /** Packs the vectors into an immutable instance (word-major per set). */
        public OvInstance build() {
            if (built) {
                throw new IllegalStateException("builder already used");
            }
            built = true;
            int k = counts.length;
            long[][] data = new long[k][];
            for (int p = 0; p < k; p++) {
                int n = counts[p];
                long[] rowMajor = buf[p];
                long[] wordMajor = new long[n * words];
                for (int i = 0; i < n; i++) {
                    for (int w = 0; w < words; w++) {
                        wordMajor[w * n + i] = rowMajor[i * words + w];
                    }
                }
                data[p] = wordMajor;
                buf[p] = null;
            }
            return new OvInstance(dimension, counts.clone(), data);
        }

        private void checkSetIndex(int p) {
            if (p < 0 || p >= counts.length) {
                throw new IndexOutOfBoundsException("set " + p + " not in [0, " + counts.length + ")");
            }
        }
    }
}
