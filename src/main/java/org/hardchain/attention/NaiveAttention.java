package org.hardchain.attention;

/**
 * The reference for order-k attention (THEORY.md §1): for each query row, plain loops over
 * every key tuple {@code J = (j_1..j_{k-1})} in two passes (the maximum score, then
 * {@code sum_J e^{S[i,J] - max} (V_1[j_1] ∘ ... ∘ V_{k-1}[j_{k-1}])} and the row sum), so no
 * score of any finite magnitude overflows. Cost {@code Theta(n_q * prod_p n_p * k * (d + d_v))}
 * time, {@code O(k + d_v)} memory beyond the output. Kept simple to serve as the oracle of
 * {@link ExactAttention}.
 */
public final class NaiveAttention implements AttentionAlgorithm {

    @Override
    public Matrix compute(AttentionInput in) {
        int[] all = new int[in.nq()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return computeRows(in, all);
    }

    @Override
    public String name() {
        return "naive";
    }

    /** Exact output rows {@code Att[rows[0]], Att[rows[1]], ...} as a {@code rows.length x d_v} matrix. */
    public Matrix computeRows(AttentionInput in, int[] rows) {
        ExactAttention.checkNonEmpty(in);
        int k = in.order();
        int d = in.d();
        int dv = in.dv();
        double[] out = new double[rows.length * dv];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            if (i < 0 || i >= in.nq()) {
                throw new IndexOutOfBoundsException("query row " + i + " outside 0.." + (in.nq() - 1));
            }
            double max = Double.NEGATIVE_INFINITY;
            int[] j = new int[k - 1];
            do {
                max = Math.max(max, score(in, i, j, d));
            } while (next(in, j));
            double sum = 0;
            double[] acc = new double[dv];
            j = new int[k - 1];
            do {
                double e = Math.exp(score(in, i, j, d) - max);
                sum += e;
                for (int c = 0; c < dv; c++) {
                    double v = e;
                    for (int p = 0; p < k - 1; p++) {
                        v *= in.value(p + 1).get(j[p], c);
                    }
                    acc[c] += v;
                }
            } while (next(in, j));
            for (int c = 0; c < dv; c++) {
                out[r * dv + c] = acc[c] / sum;
            }
        }
        return Matrix.wrap(rows.length, dv, out);
    }

    /** {@code S[i, J] = <Q[i], K_1[j_1], ..., K_{k-1}[j_{k-1}]> / d}. */
    static double score(AttentionInput in, int i, int[] j, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double x = in.q().get(i, t);
            for (int p = 0; p < j.length; p++) {
                x *= in.key(p + 1).get(j[p], t);
            }
            s += x;
        }
        return s / d;
    }

    /** Advances the key tuple like an odometer; false after the last one. */
    private static boolean next(AttentionInput in, int[] j) {
        for (int p = j.length - 1; p >= 0; p--) {
            if (++j[p] < in.n(p + 1)) {
                return true;
            }
            j[p] = 0;
        }
        return false;
    }
}
