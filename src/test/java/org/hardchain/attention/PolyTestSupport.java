package org.hardchain.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random inputs and a tiny exact reference (plain loops, max-subtracted softmax). */
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

    /** Exact order-k attention by enumerating key tuples, softmax shifted by the row maximum. */
    static Matrix exact(AttentionInput in) {
        int k = in.order();
        int d = in.d();
        int dv = in.dv();
        int[] n = new int[k - 1];
        int tuples = 1;
        for (int p = 0; p < k - 1; p++) {
            n[p] = in.n(p + 1);
            tuples *= n[p];
        }
        double[] out = new double[in.nq() * dv];
        double[] s = new double[tuples];
        for (int i = 0; i < in.nq(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int x = 0; x < tuples; x++) {
                int[] j = tuple(x, n);
                double acc = 0;
                for (int t = 0; t < d; t++) {
                    double prod = in.q().get(i, t);
                    for (int p = 0; p < k - 1; p++) {
                        prod *= in.key(p + 1).get(j[p], t);
                    }
                    acc += prod;
                }
                s[x] = acc / d;
                max = Math.max(max, s[x]);
            }
            double den = 0;
            double[] num = new double[dv];
            for (int x = 0; x < tuples; x++) {
                int[] j = tuple(x, n);
                double w = Math.exp(s[x] - max);
                den += w;
                for (int e = 0; e < dv; e++) {
                    double v = 1;
                    for (int p = 0; p < k - 1; p++) {
                        v *= in.value(p + 1).get(j[p], e);
                    }
                    num[e] += w * v;
                }
            }
            for (int e = 0; e < dv; e++) {
                out[i * dv + e] = num[e] / den;
            }
        }
        return Matrix.of(in.nq(), dv, out);
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
