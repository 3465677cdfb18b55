package org.hardchain.ov;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded random k-OV instances. The same parameters and seed give the same instance on
 * every machine ({@link SplittableRandom}).
 */
public final class OvGenerators {
    private OvGenerators() {
    }

    /** An instance with a planted orthogonal tuple, and where it was planted. */
    public record Planted(OvInstance instance, int[] tuple) {
        public Planted {
            tuple = tuple.clone();
        }

        @Override
        public int[] tuple() {
            return tuple.clone();
        }
    }

    /**
     * k sets of the given sizes of vectors in {0,1}^m, each coordinate 1 independently with
     * probability {@code density}. A fixed tuple is orthogonal with probability
     * {@code (1 - density^k)^m}.
     *
     * @throws IllegalArgumentException if {@code density} is not in [0, 1], fewer than 2 sizes,
     *                                  a negative size or dimension
     */
    public static OvInstance random(int dimension, int[] sizes, double density, long seed) {
        checkParameters(dimension, sizes, density);
        SplittableRandom rnd = new SplittableRandom(seed);
        OvInstance.Builder b = OvInstance.builder(sizes.length, dimension);
        long[] row = new long[OvInstance.wordsFor(dimension)];
        for (int p = 0; p < sizes.length; p++) {
            for (int i = 0; i < sizes[p]; i++) {
                fillRandom(rnd, row, dimension, density);
                b.addWords(p, row);
            }
        }
        return b.build();
    }

    /**
     * Like {@link #random}, then a tuple chosen uniformly (from the same seed) is made
     * orthogonal: at every coordinate where all k chosen vectors are 1, the coordinate of one
     * of them, chosen uniformly, is cleared. Other tuples may be orthogonal too.
     *
     * @throws IllegalArgumentException as {@link #random}, or if a set is empty
     */
    public static Planted planted(int dimension, int[] sizes, double density, long seed) {
        checkParameters(dimension, sizes, density);
        for (int p = 0; p < sizes.length; p++) {
            if (sizes[p] == 0) {
                throw new IllegalArgumentException("cannot plant a tuple: set " + p + " is empty");
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = sizes.length;
        int words = OvInstance.wordsFor(dimension);
        long[][][] rows = new long[k][][];
        for (int p = 0; p < k; p++) {
            rows[p] = new long[sizes[p]][words];
            for (int i = 0; i < sizes[p]; i++) {
                fillRandom(rnd, rows[p][i], dimension, density);
            }
        }
        int[] tuple = new int[k];
        for (int p = 0; p < k; p++) {
            tuple[p] = rnd.nextInt(sizes[p]);
        }
        for (int c = 0; c < dimension; c++) {
            long bit = 1L << (c & 63);
            boolean all = true;
            for (int p = 0; p < k && all; p++) {
                all = (rows[p][tuple[p]][c >>> 6] & bit) != 0;
            }
            if (all) {
                int p = rnd.nextInt(k);
                rows[p][tuple[p]][c >>> 6] &= ~bit;
            }
        }
        OvInstance.Builder b = OvInstance.builder(k, dimension);
        for (int p = 0; p < k; p++) {
            for (long[] row : rows[p]) {
                b.addWords(p, row);
            }
        }
        return new Planted(b.build(), tuple);
    }

    private static void fillRandom(SplittableRandom rnd, long[] row, int dimension, double density) {
        Arrays.fill(row, 0L);
        for (int c = 0; c < dimension; c++) {
            if (rnd.nextDouble() < density) {
                row[c >>> 6] |= 1L << (c & 63);
            }
        }
    }

    private static void checkParameters(int dimension, int[] sizes, double density) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        if (sizes.length < 2) {
            throw new IllegalArgumentException("order k must be >= 2, got " + sizes.length + " set sizes");
        }
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
        for (int n : sizes) {
            if (n < 0) {
                throw new IllegalArgumentException("set sizes must be >= 0, got " + Arrays.toString(sizes));
            }
        }
    }
}
