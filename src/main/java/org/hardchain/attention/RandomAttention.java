package org.hardchain.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random attention inputs with every entry uniform in {@code [-B, B]} (the bounded-entry
 * regime of ATAttC, THEORY.md §1). Seeded: the same arguments give the same input.
 */
public final class RandomAttention {
    private RandomAttention() {
    }

    /**
     * Q ({@code nq x d}), then K_1..K_{k-1} ({@code n x d}), then V_1..V_{k-1}
     * ({@code n x dv}), each filled row-major from one {@link SplittableRandom}.
     *
     * @throws IllegalArgumentException on order &lt; 2, negative sizes, or a negative or non-finite bound
     */
    public static AttentionInput uniform(int order, int nq, int n, int d, int dv, double bound, long seed) {
        int[] ns = new int[order - 1];
        java.util.Arrays.fill(ns, n);
        return uniform(nq, ns, d, dv, bound, seed);
    }

    /** As {@link #uniform(int, int, int, int, int, double, long)} with key set p of size {@code ns[p-1]}. */
    public static AttentionInput uniform(int nq, int[] ns, int d, int dv, double bound, long seed) {
        if (ns.length < 1) {
            throw new IllegalArgumentException("order must be >= 2, got " + (ns.length + 1));
        }
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("entry bound must be finite and >= 0, got " + bound);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix q = fill(rnd, nq, d, bound);
        List<Matrix> keys = new ArrayList<>();
        List<Matrix> values = new ArrayList<>();
        for (int n : ns) {
            keys.add(fill(rnd, n, d, bound));
        }
        for (int n : ns) {
            values.add(fill(rnd, n, dv, bound));
        }
        return AttentionInput.of(q, keys, values);
    }

    private static Matrix fill(SplittableRandom rnd, int rows, int cols, double bound) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + " x " + cols);
        }
        double[] a = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < a.length; i++) {
            a[i] = bound * (2 * rnd.nextDouble() - 1);
        }
        return Matrix.wrap(rows, cols, a);
    }
}
