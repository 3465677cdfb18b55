package org.hardchain.explain;

import java.math.BigInteger;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.ColumnwiseKronecker;
import org.hardchain.attention.ExpApproximation;
import org.hardchain.attention.LowRankFactors;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.MonomialBasis;
import org.hardchain.attention.NaiveAttention;
import org.hardchain.attention.PolynomialAttention;
import org.hardchain.attention.RandomAttention;
import org.hardchain.util.UsageException;

/**
 * Walkthrough of the polynomial method (Alman &amp; Song 2023, Lemma E.1 and Algorithm 1,
 * generalized; Aggarwal &amp; Alman 2022 for the degree; THEORY §4) on a small seeded input with
 * entries in [-B, B]: the inputs, every score, the range R, the polynomial's degree, coefficients
 * and certified relative error, the rank r = C(d+g, g) and the factor shapes, P(S) against
 * exp(S), Algorithm 1's output against exact attention with the a-priori bound of Lemmas
 * D.5/D.6, and how the degree and rank grow with the entry bound B at the same output error:
 * why bounded entries matter. Single-threaded scalar arithmetic, so the text is reproducible.
 */
public final class PolyExplain {
    /** Largest number of rows n (queries and each key set) explained. */
    public static final int MAX_ROWS = 6;
    /** Largest width d explained. */
    public static final int MAX_WIDTH = 4;
    /** Largest number of key tuples n^{k-1} explained (every score is printed). */
    public static final int MAX_TUPLES = 36;

    private PolyExplain() {
    }

    /**
     * The walkthrough text for {@code RandomAttention.uniform(order, n, n, d, 1, bound, seed)}
     * with the degree chosen for output error {@code eps}, or fixed to {@code degree} when it
     * is non-negative.
     *
     * @throws UsageException if n, d or n^{k-1} are above the limits, or eps is out of reach
     */
    public static String explain(int order, int n, int d, double bound, long seed, double eps, int degree) {
        if (order < 2 || n < 1 || d < 1 || n > MAX_ROWS || d > MAX_WIDTH || Math.pow(n, order - 1) > MAX_TUPLES) {
            throw new UsageException("explain poly prints every score: need k >= 2, 1 <= n <= " + MAX_ROWS + ", 1 <= d <= "
                    + MAX_WIDTH + " and n^(k-1) <= " + MAX_TUPLES + "; got k = " + order + ", n = " + n + ", d = " + d);
        }
        if (!(bound > 0) || !Double.isFinite(bound)) {
            throw new UsageException("entry bound B = " + bound + " must be positive and finite");
        }
        if (degree < 0 && !(eps > 0 && eps < 1)) {
            throw new UsageException("output error eps = " + eps + " must be in (0, 1)");
        }
        AttentionInput in = RandomAttention.uniform(order, n, n, d, 1, bound, seed);
        PolynomialAttention.Options opt = (degree >= 0 ? PolynomialAttention.Options.degree(degree)
                : PolynomialAttention.Options.epsilon(eps)).withThreads(1).withSimd(false);
        Text t = new Text();
        t.line("polynomial method for order-%d attention (Alman-Song 2023, Lemma E.1 and Algorithm 1; THEORY section 4)",
                order);
        t.line("input: k = %d, n_q = n_p = %d, d = %d, d_v = 1, entries uniform in [-%s, %s], seed %d",
                order, n, d, Text.num(bound), Text.num(bound), seed);
        matrix(t, "Q", in.q());
        for (int p = 1; p < order; p++) {
            matrix(t, "K_" + p, in.key(p));
        }
        for (int p = 1; p < order; p++) {
            matrix(t, "V_" + p + "^T", transpose(in.value(p)));
        }
        Matrix kron = ColumnwiseKronecker.of(in.keys());
        int tuples = kron.rows();
        double[] s = new double[n * tuples];
        t.line("scores S[i, J] = <Q[i], K_1[j_1], ..., K_{k-1}[j_{k-1}]> / d (%d key tuples J, j_1 most significant):",
                tuples);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < tuples; j++) {
                double v = 0;
                for (int c = 0; c < d; c++) {
                    v += in.q().get(i, c) * kron.get(j, c);
                }
                s[i * tuples + j] = v / d;
                b.append(String.format(java.util.Locale.ROOT, " %7.4f", v / d));
            }
            t.line("  i = %d:%s", i, b);
        }
        double range = PolynomialAttention.scoreRange(in);
        double vb = PolynomialAttention.valueBound(in);
        t.line("score bound R = max_i sum_t |Q[i,t]| prod_p max_j |K_p[j,t]| / d = %s (Lemma D.3: R <= B^k = %s)",
                Text.num(range), Text.num(Math.pow(bound, order)));
        ExpApproximation poly = PolynomialAttention.polynomial(in, opt);
        if (degree < 0) {
            t.line("requested output error eps = %s; value bound V = prod_p max|V_p| = %s; relative error asked of P:"
                    + " delta = eps / (2V + eps) = %s", Text.num(eps), Text.num(vb),
                    Text.num(ExpApproximation.deltaForOutputError(eps, vb)));
        }
        int g = poly.degree();
        t.line("P = Chebyshev interpolant of e^x on [-R', R'], R' = %s: degree g = %d%s", Text.num(poly.range()), g,
                degree < 0 ? " (the smallest that reaches delta)" : " (fixed)");
        StringBuilder coef = new StringBuilder();
        double[] a = poly.scaledCoefficients();
        for (int i = 0; i < a.length; i++) {
            coef.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.6e", a[i]));
        }
        t.line("  coefficients a_0..a_g of P(x) = sum_s a_s (x/R')^s: %s", coef);
        t.line("  certified relative error |P(x) - e^x| <= delta e^x on [-R', R']: delta = %s", Text.num(poly.certifiedDelta()));
        BigInteger rank = MonomialBasis.rank(d, g);
        LowRankFactors f = LowRankFactors.of(in, poly, 1e6);
        t.line("low-rank factors: rank r = C(d+g, g) = C(%d, %d) = %s; U_0 is %d x %d, each U_p is %d x %d;"
                + " P(S) = U_0 (U_1 (x) ... (x) U_{k-1})^T", d + g, g, rank, f.queryFactor().rows(), f.rank(), n, f.rank());
        t.line("  r %s prod_p n_p = %d key tuples: the factorization %s", rank.longValue() < tuples ? "<" : ">=", tuples,
                rank.longValue() < tuples ? "is cheaper than the exact sum" : "does not pay off here (tiny n)");
        Matrix ps = f.scores();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < tuples; j++) {
                double e = Math.exp(s[i * tuples + j]);
                worst = Math.max(worst, Math.abs(ps.get(i, j) - e) / e);
            }
        }
        t.line("  max_{i,J} |P(S)[i,J] - e^S[i,J]| / e^S[i,J] = %.3e (certificate %.3e)", worst, poly.certifiedDelta());
        Matrix approx = PolynomialAttention.compute(in, poly, opt).output();
        Matrix exact = new NaiveAttention().compute(in);
        t.line("Algorithm 1 output T (row sums w = U_0((U_1^T 1) o ... o (U_{k-1}^T 1)), T = diag(w)^-1 U_0 W) against exact Att:");
        double err = 0;
        for (int i = 0; i < n; i++) {
            double diff = Math.abs(approx.get(i, 0) - exact.get(i, 0));
            err = Math.max(err, diff);
            t.line("  i = %d: T = %9.6f, Att = %9.6f, |T - Att| = %.2e", i, approx.get(i, 0), exact.get(i, 0), diff);
        }
        t.line("||T - Att||_inf = %.3e <= a-priori bound 2 delta/(1 - delta) V = %.3e (Lemmas D.5, D.6)", err,
                ExpApproximation.outputErrorBound(poly.certifiedDelta(), vb));
        t.line("why bounded entries matter: worst-case scores |S| <= R = B^k; the degree for output error %s"
                + " (V = B^(k-1)) and the rank at d = %d:", Text.num(degree < 0 ? eps : 1e-3), d);
        double target = degree < 0 ? eps : 1e-3;
        for (double b : new double[] {0.5, 1, 1.5, 2, 2.5, 3}) {
            double r = Math.pow(b, order);
            double v = Math.pow(b, order - 1);
            try {
                ExpApproximation p = ExpApproximation.forRelativeError(r, ExpApproximation.deltaForOutputError(target, v));
                t.line("  B = %.1f: R = %7.3f, g = %3d, r = C(d+g, g) = %s", b, r, p.degree(), MonomialBasis.rank(d, p.degree()));
            } catch (UsageException ex) {
                t.line("  B = %.1f: R = %7.3f, no degree up to %d reaches it in double precision", b, r,
                        ExpApproximation.DEFAULT_MAX_DEGREE);
            }
        }
        t.line("g grows linearly in R ~ B^k, r = C(d+g, g) like g^d: once r passes prod_p n_p the exact algorithm wins");
        return t.toString();
    }

    private static void matrix(Text t, String name, Matrix m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m.rows(); i++) {
            b.append(i == 0 ? "" : "; ");
            for (int j = 0; j < m.cols(); j++) {
                b.append(j == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.4f", m.get(i, j)));
            }
        }
        t.line("%s (%d x %d, rows separated by ;): %s", name, m.rows(), m.cols(), b);
    }

    private static Matrix transpose(Matrix m) {
        double[] out = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[j * m.rows() + i] = m.get(i, j);
            }
        }
        return Matrix.of(m.cols(), m.rows(), out);
    }
}
