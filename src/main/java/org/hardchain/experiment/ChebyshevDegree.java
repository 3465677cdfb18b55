package org.hardchain.experiment;

/**
 * The degree Chebyshev interpolation of e^x on {@code [-R, R]} needs for relative error delta
 * in exact arithmetic, by the Jacobi-Anger tail bound (THEORY.md §4.2): with
 * {@code e^{Ry} = I_0(R) + 2 sum_{j>=1} I_j(R) T_j(y)}, the degree-g interpolant is within
 * {@code 2 sum_{j>g} 2 I_j(R)} of e^x on the interval (aliasing at most doubles the truncation
 * tail), and {@code e^x >= e^{-R}}, so
 * <pre>  delta(g) <= 4 e^R sum_{j>g} I_j(R).</pre>
 * The sweep uses it only where {@link org.hardchain.attention.ExpApproximation} refuses
 * (delta below its double-precision floor {@code ~ u e^{2R}}, or past its degree cap), to say
 * how large the rank would have had to be: an upper bound on the degree this method needs,
 * never a run. Bessel terms are summed in log space from their power series
 * {@code I_j(R) = sum_m (R/2)^{2m+j} / (m! (m+j)!)}. Cost {@code O(g (R + g))}.
 */
public final class ChebyshevDegree {
    /** The largest range R estimated (the cost grows like R^2). */
    public static final double MAX_RANGE = 1e4;

    private ChebyshevDegree() {
    }

    /**
     * The smallest g with {@code 4 e^R sum_{j>g} I_j(R) <= delta}.
     *
     * @throws IllegalArgumentException unless {@code 0 < R <= MAX_RANGE} and {@code 0 < delta < 1}
     */
    public static int degree(double range, double delta) {
        if (!(range > 0 && range <= MAX_RANGE)) {
            throw new IllegalArgumentException("range R must be in (0, " + MAX_RANGE + "], got " + range);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        double target = Math.log(delta) - Math.log(4) - range;
        // log of the tail sum_{j>g} I_j(R): the terms decrease in j, and once j > R they fall at
        // least geometrically (I_{j+1} <= R/(2(j+1)) I_j), so the tail is bounded by the first term
        // over (1 - ratio). Walk g upward until that bound meets the target.
        for (int g = 0;; g++) {
            int j = g + 1;
            double ratio = range / (2.0 * (j + 1));
            double logTail;
            if (ratio < 0.5) {
                logTail = logBesselI(j, range) - Math.log1p(-ratio);
            } else {
                logTail = logTailDirect(j, range);
            }
            if (logTail <= target) {
                return g;
            }
            if (g > 100_000) {
                throw new IllegalStateException("no degree up to 100000 for R = " + range + ", delta = " + delta);
            }
        }
    }

    /** log sum_{j' >= j} I_{j'}(R), summed term by term until the geometric bound applies. */
    private static double logTailDirect(int j, double range) {
        double acc = Double.NEGATIVE_INFINITY;
        for (int x = j;; x++) {
            double ratio = range / (2.0 * (x + 1));
            if (ratio < 0.5) {
                return logAdd(acc, logBesselI(x, range) - Math.log1p(-ratio));
            }
            acc = logAdd(acc, logBesselI(x, range));
        }
    }

    /** log I_j(R) from the power series, in log space (all terms positive). */
    static double logBesselI(int j, double range) {
        double logHalf = Math.log(range / 2);
        double acc = Double.NEGATIVE_INFINITY;
        double logTerm = j * logHalf - logFactorial(j);
        for (int m = 0;; m++) {
            if (m > 0) {
                logTerm += 2 * logHalf - Math.log(m) - Math.log(m + j);
            }
            acc = logAdd(acc, logTerm);
            // terms decrease once (R/2)^2 < m (m + j); stop when they no longer move the sum
            if ((double) m * (m + j) > range * range / 4 && logTerm < acc - 40) {
                return acc;
            }
        }
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }
}
