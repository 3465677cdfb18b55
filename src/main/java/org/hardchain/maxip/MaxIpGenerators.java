package org.hardchain.maxip;

import java.util.SplittableRandom;

/** Seeded random Gap-k-MaxIP instances, for tests and benchmarks. */
public final class MaxIpGenerators {
    private MaxIpGenerators() {
    }

    /**
     * Independent Bernoulli({@code density}) coordinates in every vector; t = max(1, D'),
     * 1 - eps = 1/2, provenance = index (Merlin id 0).
     *
     * @param sizes {@code sizes[0] = |A|}, {@code sizes[p] = |B_p|}; its length is the order k
     */
    public static MaxIpInstance random(int dimension, double density, long seed, int... sizes) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density " + density + " is not in [0, 1]");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        MaxIpInstance.Builder b = MaxIpInstance.builder(sizes.length, dimension, Math.max(1, dimension), Ratio.of(1, 2));
        int[] buf = new int[dimension];
        for (int p = 0; p < sizes.length; p++) {
            for (int i = 0; i < sizes[p]; i++) {
                int n = 0;
                for (int c = 0; c < dimension; c++) {
                    if (rnd.nextDouble() < density) {
                        buf[n++] = c;
                    }
                }
                int[] sup = java.util.Arrays.copyOf(buf, n);
                if (p == 0) {
                    b.alice(i, 0, sup);
                } else {
                    b.key(p, i, sup);
                }
            }
        }
        return b.build();
    }
}
