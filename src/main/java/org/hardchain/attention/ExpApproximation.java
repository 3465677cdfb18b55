package org.hardchain.attention;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.hardchain.util.UsageException;

/**
 * A degree-g polynomial P with certified relative error {@code |P(x) - e^x| <= delta e^x}
 * on {@code [-R, R]}: step 2 of the polynomial method (THEORY.md §4.2; Alman &amp; Song 2023,
 * Lemma E.1 for order 3, Lemma 3.1 of "Fast Attention Requires Bounded Entries" for
 * order 2). The degree such a polynomial needs is
 * {@code Theta(max(R, log(1/delta) / log(log(1/delta) / R)))} (Aggarwal &amp; Alman, CCC 2022);
 * Chebyshev interpolation reaches it up to a constant factor.
 *
 * <p><b>Construction.</b> P interpolates {@code f(y) = e^{R y}} at the g + 1 Chebyshev
 * nodes of the first kind in the scaled variable {@code y = x / R in [-1, 1]}; its Chebyshev
 * coefficients come from the DCT formula (compensated sums in double; coefficients below the
 * DCT's own rounding level {@code 4 (g+1) u e^R} are chopped to 0), and the conversion to
 * the monomial basis {@code P(x) = sum_s a_s (x/R)^s} is done exactly in {@link BigDecimal}
 * before one final rounding of each {@code a_s} to double. Working in y keeps the
 * coefficients of order {@code e^R} however large g is (the monomial basis in x would need
 * {@code R^s} factors and, for large R, its conversion loses every digit).
 *
 * <p><b>Certificate.</b> The polynomial actually used (the double coefficients {@code a_s})
 * is converted back, exactly, to its Chebyshev coefficients {@code c'_j}. With the
 * Jacobi-Anger expansion {@code e^{Ry} = I_0(R) + 2 sum_{j>=1} I_j(R) T_j(y)} (modified Bessel
 * functions, summed in {@link BigDecimal} from their positive power series), and
 * {@code |T_j| <= 1} on [-1, 1],
 * <pre>  |P - e^{Ry}| <= sum_{j<=g} |b_j - c'_j| + sum_{j>g} b_j      (b_0 = I_0, b_j = 2 I_j)</pre>
 * everywhere on [-1, 1], and {@code e^{Ry} >= e^{-R}} turns this into a relative bound.
 * The infinite tail is summed explicitly until {@code j + 1 >= R}, and bounded beyond by a
 * geometric series: termwise in the power series {@code I_{j+1}(R) <= R/(2(j+1)) I_j(R)}.
 * This bound is nearly tight at {@code x = -R}, where the relative error peaks. Added to it is
 * the worst-case rounding of Horner evaluation in double,
 * {@code e^R gamma_{2g+2} sum_s |a_s| + 4 (R + 1) u} ({@code u = 2^-53},
 * {@code gamma_n = n u / (1 - n u)}). No grid margin argument is needed; as an independent
 * check the factory also evaluates P in double on a grid of at least 4001 points (and the
 * endpoints) against {@link Math#exp} and refuses to return a polynomial whose grid error
 * exceeds its certificate.
 *
 * <p><b>Floating-point floor.</b> Any polynomial for e^x evaluated in double near
 * {@code x = -R} sums terms of size about {@code e^R} to a result of size {@code e^-R}, so
 * no delta below about {@code u e^{2R}} is reachable; {@link #forRelativeError} says so
 * with a {@link UsageException}.
 *
 * <p>Cost: certification is {@code O(g^2)} big-decimal operations plus the Bessel series;
 * evaluation {@code O(g)}. This class is immutable.
 */
public final class ExpApproximation {
    /** Degree cap of {@link #forRelativeError(double, double)}. */
    public static final int DEFAULT_MAX_DEGREE = 300;

    private static final double U = 0x1p-53;

    private final double range;
    private final double[] coefficients;
    private final double interpolationBound;
    private final double roundingBound;
    private final double gridDelta;

    private ExpApproximation(double range, double[] coefficients, double interpolationBound,
            double roundingBound, double gridDelta) {
        this.range = range;
        this.coefficients = coefficients;
        this.interpolationBound = interpolationBound;
        this.roundingBound = roundingBound;
        this.gridDelta = gridDelta;
    }

    /**
     * The Chebyshev interpolant of degree {@code degree} for e^x on {@code [-range, range]},
     * with its certified relative error.
     *
     * @throws IllegalArgumentException if {@code range} is not finite and positive or
     *         {@code degree} is negative
     */
    public static ExpApproximation ofDegree(double range, int degree) {
        checkRange(range);
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
        MathContext mc = contextFor(range);
        double[] a = monomialCoefficients(chebyshevInterpolationCoefficients(range, degree), mc);
        double interp = interpolationBound(range, a, mc);
        double sumAbs = 0;
        for (double x : a) {
            sumAbs += Math.abs(x);
        }
        double rounding = Math.exp(range) * (1 + 1e-12) * gamma(2 * degree + 2) * sumAbs * (1 + 1e-12)
                + 4 * (range + 1) * U;
        ExpApproximation p = new ExpApproximation(range, a, interp, rounding, 0);
        double grid = p.gridError(Math.max(4001, 50 * (degree + 1)));
        // Math.exp is within 1 ulp: allow 2u beyond the certificate for the reference itself.
        if (!(grid <= p.certifiedDelta() * (1 + 1e-9) + 2 * U)) {
            throw new IllegalStateException("internal error: grid error " + grid + " of degree " + degree
                    + " on [-" + range + ", " + range + "] exceeds its certificate " + p.certifiedDelta());
        }
        return new ExpApproximation(range, a, interp, rounding, grid);
    }

    /** {@link #forRelativeError(double, double, int)} with {@link #DEFAULT_MAX_DEGREE}. */
    public static ExpApproximation forRelativeError(double range, double delta) {
        return forRelativeError(range, delta, DEFAULT_MAX_DEGREE);
    }

    /**
     * The Chebyshev interpolant of the smallest degree {@code g <= maxDegree} whose certified
     * relative error on {@code [-range, range]} is at most {@code delta}.
     *
     * @throws UsageException if no degree up to {@code maxDegree} reaches {@code delta} (the cap
     *         is reached, or delta is below the double-precision floor {@code ~ u e^{2R}})
     */
    public static ExpApproximation forRelativeError(double range, double delta, int maxDegree) {
        checkRange(range);
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("relative error delta must be in (0, 1), got " + delta);
        }
        // Exponential search (degrees 0, 1, 3, 7, ...) for a degree that meets delta, then binary
        // search below it for the smallest one: O(log g) certificates.
        int g = 0;
        ExpApproximation best = null;
        int lo = -1;
        int hi = -1;
        for (int step = 1; g <= maxDegree; step *= 2) {
            ExpApproximation p = ofDegree(range, g);
            if (p.certifiedDelta() <= delta) {
                hi = g;
                best = p;
                break;
            }
            if (p.roundingBound() > delta) {
                throw floor(range, delta, p);
            }
            lo = g;
            if (g == maxDegree) {
                break;
            }
            g = Math.min(maxDegree, g + step);
        }
        if (best == null) {
            ExpApproximation p = ofDegree(range, maxDegree);
            throw new UsageException(String.format(java.util.Locale.ROOT,
                    "no polynomial of degree <= %d reaches relative error %.3g for e^x on [-%.6g, %.6g]"
                            + " (degree %d certifies %.3g); raise the degree cap or the error",
                    maxDegree, delta, range, range, maxDegree, p.certifiedDelta()));
        }
        // The certificate decreases with g except near the rounding floor: binary search the gap.
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            ExpApproximation p = ofDegree(range, mid);
            if (p.certifiedDelta() <= delta) {
                hi = mid;
                best = p;
            } else {
                lo = mid;
            }
        }
        return best;
    }

    private static UsageException floor(double range, double delta, ExpApproximation p) {
        return new UsageException(String.format(java.util.Locale.ROOT,
                "relative error %.3g for e^x on [-%.6g, %.6g] is below the double-precision floor"
                        + " (rounding alone is %.3g, about u e^{2R}); lower the entry bound or raise the error",
                delta, range, range, p.roundingBound()));
    }

    /**
     * The relative error delta to ask of the polynomial for output error {@code eps}:
     * {@code eps / (2 V + eps)} with V the value bound {@code max_J ||V_1[j_1] o ... ||_inf}
     * (THEORY.md §4.5; Lemmas D.5, D.6), so that {@link #outputErrorBound} gives back eps.
     * When V = 0 the output is 0 whatever delta, and 1/2 is returned.
     */
    public static double deltaForOutputError(double eps, double valueBound) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("output error eps must be positive and finite, got " + eps);
        }
        if (!(valueBound >= 0) || !Double.isFinite(valueBound)) {
            throw new IllegalArgumentException("value bound must be finite and >= 0, got " + valueBound);
        }
        if (valueBound == 0) {
            return 0.5;
        }
        return Math.min(0.5, eps / (2 * valueBound + eps));
    }

    /**
     * The a-priori output error {@code 2 delta / (1 - delta) * V} of Lemmas D.5 and D.6: if
     * every entry of P(S) is within relative error delta of exp(S), Algorithm 1's output is
     * within this of the exact attention (in exact arithmetic).
     */
    public static double outputErrorBound(double delta, double valueBound) {
        return 2 * delta / (1 - delta) * valueBound;
    }

    /** The half-width R of the interval [-R, R]. */
    public double range() {
        return range;
    }

    /** The degree g. */
    public int degree() {
        return coefficients.length - 1;
    }

    /** {@code a_s}: the coefficient of {@code (x/R)^s}, s = 0..g. */
    public double scaledCoefficient(int s) {
        return coefficients[s];
    }

    /** A copy of {@code a_0..a_g}, the coefficients in the scaled variable {@code y = x/R}. */
    public double[] scaledCoefficients() {
        return coefficients.clone();
    }

    /**
     * The certified relative error: {@link #interpolationBound()} + {@link #roundingBound()}.
     * For every double x in [-R, R], the value of {@link #evaluate(double)} is within this
     * relative error of e^x.
     */
    public double certifiedDelta() {
        return interpolationBound + roundingBound;
    }

    /** The certified relative error of P itself, evaluated exactly (see the class comment). */
    public double interpolationBound() {
        return interpolationBound;
    }

    /** The worst-case rounding of Horner evaluation in double, relative to e^x. */
    public double roundingBound() {
        return roundingBound;
    }

    /** The largest relative error measured on the factory's check grid (at most the certificate). */
    public double gridDelta() {
        return gridDelta;
    }

    /** {@code sum_s |a_s|}: bounds |P| on [-R, R] and scales every rounding error of P. */
    public double sumAbsCoefficients() {
        double s = 0;
        for (double a : coefficients) {
            s += Math.abs(a);
        }
        return s;
    }

    /** P(x) by Horner's rule in {@code y = x / R}. Cost O(g). */
    public double evaluate(double x) {
        double y = x / range;
        double acc = coefficients[coefficients.length - 1];
        for (int s = coefficients.length - 2; s >= 0; s--) {
            acc = acc * y + coefficients[s];
        }
        return acc;
    }

    /** The largest relative error {@code |P(x) - e^x| / e^x} over m >= 2 equispaced points of [-R, R]. */
    public double gridError(int m) {
        if (m < 2) {
            throw new IllegalArgumentException("grid needs >= 2 points, got " + m);
        }
        double worst = 0;
        for (int i = 0; i < m; i++) {
            double x = i == m - 1 ? range : -range + 2 * range * i / (m - 1);
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(evaluate(x) - e) / e);
        }
        return worst;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ExpApproximation[degree %d on [-%.6g, %.6g], delta %.3g]",
                degree(), range, range, certifiedDelta());
    }

    // ---------------------------------------------------------------- construction

    private static void checkRange(double range) {
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range R must be positive and finite, got " + range);
        }
        if (range > 350) {
            throw new UsageException("score range R = " + range + " is too large for a polynomial for e^x in"
                    + " double precision (e^{2R} overflows relative accuracy); the exact method applies");
        }
    }

    /** Enough digits to resolve errors of size 1e-20 e^{-2R} against terms of size e^R. */
    private static MathContext contextFor(double range) {
        return new MathContext(40 + (int) Math.ceil(2 * range / Math.log(10)), RoundingMode.HALF_EVEN);
    }

    private static double gamma(int n) {
        double nu = n * U;
        return nu / (1 - nu);
    }

    /**
     * {@code c_j = (2/N) sum_m f(y_m) T_j(y_m)}, N = g + 1, {@code y_m = cos(pi (m + 1/2) / N)}:
     * the interpolant is {@code c_0 / 2 + sum_{j>=1} c_j T_j}. Returned with c_0 already halved.
     */
    static double[] chebyshevInterpolationCoefficients(double range, int degree) {
        int n = degree + 1;
        double[] f = new double[n];
        for (int m = 0; m < n; m++) {
            f[m] = Math.exp(range * Math.cos(Math.PI * (2 * m + 1) / (2.0 * n)));
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            double comp = 0;
            for (int m = 0; m < n; m++) {
                // angle pi j (2m+1) / (2n), reduced modulo 2 pi exactly in integers
                long num = ((long) j * (2 * m + 1)) % (4L * n);
                double term = f[m] * Math.cos(Math.PI * num / (2.0 * n));
                double y = term - comp;
                double t = sum + y;
                comp = (t - sum) - y;
                sum = t;
            }
            c[j] = 2.0 * sum / n;
        }
        c[0] /= 2;
        // Chop coefficients at the level of the DCT's own rounding (about n u max f): they are
        // noise, and in the monomial basis they would be amplified by up to 2^j.
        double noise = 4.0 * n * U * Math.exp(range);
        for (int j = 1; j < n; j++) {
            if (Math.abs(c[j]) <= noise) {
                c[j] = 0;
            }
        }
        return c;
    }

    /** Monomial coefficients of {@code sum_j c_j T_j(y)}, exact in BigDecimal, rounded once. */
    static double[] monomialCoefficients(double[] cheb, MathContext mc) {
        int n = cheb.length;
        BigDecimal[] acc = new BigDecimal[n];
        Arrays.fill(acc, BigDecimal.ZERO);
        BigInteger[] prev = {BigInteger.ONE}; // T_0
        BigInteger[] cur = n > 1 ? new BigInteger[] {BigInteger.ZERO, BigInteger.ONE} : null; // T_1
        addScaled(acc, prev, cheb[0]);
        if (n > 1) {
            addScaled(acc, cur, cheb[1]);
        }
        for (int j = 2; j < n; j++) {
            BigInteger[] next = new BigInteger[j + 1];
            Arrays.fill(next, BigInteger.ZERO);
            for (int s = 0; s < cur.length; s++) {
                next[s + 1] = next[s + 1].add(cur[s].shiftLeft(1));
            }
            for (int s = 0; s < prev.length; s++) {
                next[s] = next[s].subtract(prev[s]);
            }
            addScaled(acc, next, cheb[j]);
            prev = cur;
            cur = next;
        }
        double[] a = new double[n];
        for (int s = 0; s < n; s++) {
            a[s] = acc[s].doubleValue();
        }
        return a;
    }

    private static void addScaled(BigDecimal[] acc, BigInteger[] poly, double c) {
        if (c == 0) {
            return;
        }
        BigDecimal bc = new BigDecimal(c);
        for (int s = 0; s < poly.length; s++) {
            if (poly[s].signum() != 0) {
                acc[s] = acc[s].add(bc.multiply(new BigDecimal(poly[s])));
            }
        }
    }

    /**
     * The certified bound {@code e^R (sum_{j<=g} |b_j - c'_j| + sum_{j>g} b_j)} of the class
     * comment, for the polynomial with monomial coefficients {@code a} in y.
     */
    static double interpolationBound(double range, double[] a, MathContext mc) {
        int g = a.length - 1;
        // Exact Chebyshev coefficients of the double polynomial: y^s = 2^{-s} sum_k C(s,k) T_{|s-2k|}.
        BigDecimal[] cp = new BigDecimal[g + 1];
        Arrays.fill(cp, BigDecimal.ZERO);
        BigInteger[] binom = {BigInteger.ONE};
        for (int s = 0; s <= g; s++) {
            if (s > 0) {
                BigInteger[] nb = new BigInteger[s + 1];
                nb[0] = BigInteger.ONE;
                nb[s] = BigInteger.ONE;
                for (int k = 1; k < s; k++) {
                    nb[k] = binom[k - 1].add(binom[k]);
                }
                binom = nb;
            }
            if (a[s] == 0) {
                continue;
            }
            BigDecimal as = new BigDecimal(a[s]).divide(new BigDecimal(BigInteger.ONE.shiftLeft(s)));
            for (int k = 0; k <= s; k++) {
                int j = Math.abs(s - 2 * k);
                cp[j] = cp[j].add(as.multiply(new BigDecimal(binom[k])));
            }
        }
        BigDecimal r = new BigDecimal(range);
        BigDecimal sum = BigDecimal.ZERO;
        int j = 0;
        BigDecimal bj = null;
        BigDecimal cutoff = null;
        for (;; j++) {
            BigDecimal ij = besselI(j, r, mc);
            bj = j == 0 ? ij : ij.multiply(BigDecimal.valueOf(2));
            if (j == 0) {
                // negligible: 1e-30 of the smallest value e^{-R} of the function, times e^{-R}
                cutoff = new BigDecimal(Math.exp(-range)).multiply(new BigDecimal(Math.exp(-range)))
                        .multiply(ij).movePointLeft(30);
            }
            BigDecimal diff = j <= g ? bj.subtract(cp[j]).abs() : bj;
            sum = sum.add(diff, mc);
            // Beyond g: stop once b_{j+1}/b_j <= 1/2 and b_j is negligible; the rest is <= b_j.
            if (j > g && j + 1 >= range && bj.compareTo(cutoff) < 0) {
                break;
            }
        }
        sum = sum.add(bj, mc); // geometric remainder sum_{i>j} b_i <= b_j (ratio <= 1/2)
        // Slack: the BigDecimal context rounding (relative 10^-(40+)) is far below 1e-12.
        return Math.exp(range) * (1 + 1e-12) * sum.doubleValue() * (1 + 1e-12);
    }

    /** I_j(x) = sum_m (x/2)^{2m+j} / (m! (m+j)!), with an upper bound on the truncated tail. */
    static BigDecimal besselI(int j, BigDecimal x, MathContext mc) {
        BigDecimal half = x.divide(BigDecimal.valueOf(2));
        BigDecimal half2 = half.multiply(half, mc);
        BigDecimal term = BigDecimal.ONE;
        for (int i = 1; i <= j; i++) {
            term = term.multiply(half, mc).divide(BigDecimal.valueOf(i), mc);
        }
        BigDecimal sum = term;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int m = 0;; m++) {
            BigDecimal ratio = half2.divide(BigDecimal.valueOf((long) (m + 1) * (m + j + 1)), mc);
            term = term.multiply(ratio, mc);
            sum = sum.add(term, mc);
            if (ratio.compareTo(BigDecimal.valueOf(0.5)) <= 0
                    && (term.signum() == 0 || term.compareTo(sum.multiply(eps, mc)) < 0)) {
                // remaining terms: geometric with ratio <= 1/2, so at most `term` more
                return sum.add(term, mc);
            }
        }
    }
}
