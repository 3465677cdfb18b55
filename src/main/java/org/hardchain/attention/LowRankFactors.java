package org.hardchain.attention;

import java.util.ArrayList;
import java.util.List;
import org.hardchain.util.ResourceLimitException;

/**
 * The rank-{@code r = C(d+g, g)} factors of THEORY.md §4.3 (Alman &amp; Song 2023, Lemma E.1
 * with the tight monomial count), materialized: {@code P(S) = U_0 (U_1 ⊘ ... ⊘ U_{k-1})^T}
 * exactly, where {@code P(x) = sum_s a_s (x/R)^s} is an {@link ExpApproximation}.
 *
 * <p>Scaled form (what {@link PolynomialAttention} streams): with
 * {@code m_{p,t} = max_j |K_p[j,t]|} (1 if that column is 0),
 * {@code U_p[j, alpha] = (K_p[j] / m_p)^alpha} in [-1, 1], and
 * {@code U_0[i, alpha] = a_{|alpha|} multinom(|alpha|; alpha) z_i^alpha} with
 * {@code z_{i,t} = Q[i,t] prod_p m_{p,t} / (d R)}; by the multinomial theorem
 * {@code sum_alpha U_0[i,alpha] prod_p U_p[j_p,alpha] = sum_s a_s (S[i,J]/R)^s}.
 * This is THEORY's {@code c_{|alpha|} d^{-|alpha|} multinom Q^alpha} and {@code K_p^alpha}
 * with the factors {@code R^{-s}} and {@code m_{p,t}^{alpha_t}} moved between sides, which
 * keeps every entry bounded for any degree.
 *
 * <p>Cost {@code O(r (n_q + sum_p n_p))} time and memory: for tests and small inputs.
 * This class is immutable.
 */
public final class LowRankFactors {
    private final MonomialBasis basis;
    private final Matrix u0;
    private final List<Matrix> keyFactors;

    private LowRankFactors(MonomialBasis basis, Matrix u0, List<Matrix> keyFactors) {
        this.basis = basis;
        this.u0 = u0;
        this.keyFactors = keyFactors;
    }

    /**
     * The factors of {@code in} for {@code p}, which must cover the score range.
     *
     * @throws ResourceLimitException if the factors would exceed {@code maxEntries}
     */
    public static LowRankFactors of(AttentionInput in, ExpApproximation p, double maxEntries) {
        if (p.range() < PolynomialAttention.scoreRange(in)) {
            throw new IllegalArgumentException("polynomial range " + p.range() + " is below the score range "
                    + PolynomialAttention.scoreRange(in));
        }
        MonomialBasis basis = MonomialBasis.of(in.d(), p.degree(), MonomialBasis.MAX_RANK);
        int r = basis.size();
        double rows = in.nq();
        for (int q = 1; q < in.order(); q++) {
            rows += in.n(q);
        }
        ResourceLimitException.check("materialized low-rank factors", rows * r, maxEntries, "entries",
                "(none: use PolynomialAttention.compute, which streams)");
        int d = in.d();
        double[] colProd = PolynomialAttention.keyColumnProducts(in);
        double[] a = p.scaledCoefficients();
        double scale = 1.0 / (d * p.range());
        double[] u = new double[in.nq() * r];
        double[] z = new double[d];
        for (int i = 0; i < in.nq(); i++) {
            for (int t = 0; t < d; t++) {
                z[t] = in.q().get(i, t) * colProd[t] * scale;
            }
            basis.weightedMonomials(z, 0, a, u, i * r);
        }
        List<Matrix> keys = new ArrayList<>();
        for (int q = 1; q < in.order(); q++) {
            Matrix k = in.key(q);
            double[] inv = new double[d];
            for (int t = 0; t < d; t++) {
                double mx = 0;
                for (int j = 0; j < k.rows(); j++) {
                    mx = Math.max(mx, Math.abs(k.get(j, t)));
                }
                inv[t] = mx > 0 ? 1 / mx : 1;
            }
            double[] f = new double[k.rows() * r];
            double[] x = new double[d];
            for (int j = 0; j < k.rows(); j++) {
                for (int t = 0; t < d; t++) {
                    x[t] = k.get(j, t) * inv[t];
                }
                basis.monomials(x, 0, f, j * r);
            }
            keys.add(Matrix.wrap(k.rows(), r, f));
        }
        return new LowRankFactors(basis, Matrix.wrap(in.nq(), r, u), List.copyOf(keys));
    }

    public MonomialBasis basis() {
        return basis;
    }

    /** The rank r. */
    public int rank() {
        return basis.size();
    }

    /** {@code U_0} (n_q x r). */
    public Matrix queryFactor() {
        return u0;
    }

    /** {@code U_p} (n_p x r), p = 1..k-1. */
    public Matrix keyFactor(int p) {
        return keyFactors.get(p - 1);
    }

    /**
     * {@code U_0 (U_1 ⊘ ... ⊘ U_{k-1})^T} (n_q x prod n_p), naive: equals P applied to every
     * score, up to rounding. Columns are key tuples in the order of {@link ColumnwiseKronecker}.
     */
    public Matrix scores() {
        Matrix kron = ColumnwiseKronecker.of(keyFactors);
        int nq = u0.rows();
        int nt = kron.rows();
        int r = rank();
        double[] out = new double[Math.multiplyExact(nq, nt)];
        double[] x = u0.data();
        double[] y = kron.data();
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < nt; j++) {
                double s = 0;
                for (int c = 0; c < r; c++) {
                    s += x[i * r + c] * y[j * r + c];
                }
                out[i * nt + j] = s;
            }
        }
        return Matrix.wrap(nq, nt, out);
    }
}
