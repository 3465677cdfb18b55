package org.hardchain.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random inputs for the polynomial-method tests (the exact reference is {@link NaiveAttention}). */
final class PolyTestSupport {
    private PolyTestSupport() {
    }

    static Matrix uniform(Random rnd, int rows, int cols, double bound) {
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (2 * rnd.nextDouble() - 1) * bound;
        }
        return Matrix.of(rows, cols, a);
    }

    /** Q (nq x d), K_p and V_p (n[p] rows), entries uniform in [-b, b]. */
    static AttentionInput input(long seed, int nq, int[] n, int d, int dv, double b) {
        Random rnd = new Random(seed);
        Matrix q = uniform(rnd, nq, d, b);
        List<Matrix> keys = new ArrayList<>();
        List<Matrix> values = new ArrayList<>();
        for (int rows : n) {
            keys.add(uniform(rnd, rows, d, b));
            values.add(uniform(rnd, rows, dv, b));
        }
        return AttentionInput.of(q, keys, values);
    }

    /** Key tuple number x, last index fastest (the order of ColumnwiseKronecker). */
    static int[] tuple(int x, int[] n) {
        int[] j = new int[n.length];
        for (int p = n.length - 1; p >= 0; p--) {
            j[p] = x % n[p];
            x /= n[p];
        }
        return j;
    }

    static double maxRelDiff(Matrix a, Matrix b) {
        double worst = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                double x = a.get(i, j);
                double y = b.get(i, j);
                double diff = Math.abs(x - y) / Math.max(1e-300, Math.max(Math.abs(x), Math.abs(y)));
                if (!(diff <= worst)) {
                    worst = diff;
                }
            }
        }
        return worst;
    }
}
