package org.hardchain.maxip;

/**
 * The regime quantities of a Gap-k-MaxIP instance that the next reduction (Lemma B.1 of
 * Alman &amp; Song 2023, generalized; THEORY §9, reference-token construction) needs, computed
 * in log space so huge exponentials do not overflow. These are estimates for a parameter
 * report: the attention stage chooses h (and the fine reference coordinate) itself.
 *
 * <ul>
 * <li>{@code n = max(|A|, |B_1|, ..., |B_{k-1}|)}, the attention sequence length, and the
 * ratio {@code D'/log2 n} (the theorem's regime needs d = O(log n));</li>
 * <li>{@code R_t = prod_p |B_p|}, {@code lambda = ln(gamma R_t) / (eps t)} (so
 * {@code e^{lambda eps t} = gamma R_t});</li>
 * <li>{@code x_yes = e^{lambda t} + R_t - 1}, {@code x_no = R_t e^{lambda (1-eps) t}},
 * {@code M = prod_p (|B_p|+1) - R_t - 1}, and the integer {@code h >= 0} making
 * {@code e^{lambda h} + M} closest (from above) to {@code sqrt(x_yes x_no)};</li>
 * <li>{@code d = D' + h}, the entry bound {@code B = s = (d lambda)^{1/k}}, its ratio to
 * {@code (ln R_t)^{1/k}}, and the oracle accuracy needed,
 * {@code eps_a = (f(x_yes) - f(x_no)) / 2} with {@code f(x) = x / (x + e^{lambda h} + M)}.</li>
 * </ul>
 * When some key set is empty (R_t = 0) the attention quantities are NaN.
 *
 * @param n               max set size
 * @param dOverLog2n      D' / log2 n (NaN when n <= 1)
 * @param keyTuples       R_t
 * @param gamma           the separation x_yes / x_no aimed at
 * @param lambda          the score scale lambda
 * @param h               the number of reference columns
 * @param width           d = D' + h
 * @param entryBound      B = (d lambda)^{1/k}
 * @param entryBoundRatio B / (ln R_t)^{1/k}
 * @param oracleAccuracy  eps_a an attention oracle must beat
 */
public record MaxIpRegime(long n, double dOverLog2n, double keyTuples, double gamma, double lambda, long h,
        double width, double entryBound, double entryBoundRatio, double oracleAccuracy) {

    /** THEORY §9's default separation gamma. */
    public static final double DEFAULT_GAMMA = 4;

    /**
     * Computes the quantities from the sizes alone.
     *
     * @param order     k
     * @param dimension D'
     * @param threshold t
     * @param eps       eps in (0, 1]
     * @param sizes     {@code sizes[0] = |A|}, {@code sizes[p] = |B_p|}
     * @param gamma     >= 2
     */
    public static MaxIpRegime of(int order, long dimension, long threshold, double eps, long[] sizes, double gamma) {
        if (sizes.length != order) {
            throw new IllegalArgumentException("Dimension mismatch: " + sizes.length + " sizes for order " + order);
        }
        if (!(gamma >= 2)) {
            throw new IllegalArgumentException("gamma = " + gamma + " must be >= 2");
        }
        long n = 0;
        double logR = 0;
        double logPlus = 0;
        double rt = 1;
        for (int p = 0; p < order; p++) {
            n = Math.max(n, sizes[p]);
            if (p > 0) {
                logR += Math.log(sizes[p]);
                logPlus += Math.log(sizes[p] + 1.0);
                rt *= sizes[p];
            }
        }
        double ratio = n > 1 ? dimension / (Math.log(n) / Math.log(2)) : Double.NaN;
        if (rt == 0) {
            return new MaxIpRegime(n, ratio, 0, gamma, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double t = threshold;
        double lambda = (Math.log(gamma) + logR) / (eps * t);
        double logYes = lambda * t + Math.log1p(Math.expm1(logR) * Math.exp(-lambda * t)); // e^{lt} + R - 1
        double logNo = logR + lambda * (1 - eps) * t;
        double logTarget = (logYes + logNo) / 2;
        // M = prod(n_p + 1) - R_t - 1 >= 0; log M via log(prod(n_p+1)) and a subtraction in log space.
        double logM = logM(sizes, logPlus, logR);
        long h;
        if (logM >= logTarget) {
            h = 0;
        } else {
            double logRest = logSub(logTarget, logM);
            h = Math.max(0, (long) Math.ceil(logRest / lambda));
        }
        double logDen = logAdd(lambda * h, logM);
        double fYes = 1 / (1 + Math.exp(logDen - logYes));
        double fNo = 1 / (1 + Math.exp(logDen - logNo));
        double d = dimension + h;
        double b = Math.pow(d * lambda, 1.0 / order);
        double bRatio = logR > 0 ? b / Math.pow(logR, 1.0 / order) : Double.NaN;
        return new MaxIpRegime(n, ratio, rt, gamma, lambda, h, d, b, bRatio, (fYes - fNo) / 2);
    }

    /** The quantities for an instance. */
    public static MaxIpRegime of(MaxIpInstance inst, double gamma) {
        long[] sizes = new long[inst.order()];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = inst.size(p);
        }
        return of(inst.order(), inst.dimension(), inst.threshold(), inst.eps().value(), sizes, gamma);
    }

    /** log M, M = prod_p (|B_p|+1) - R_t - 1, exact while the products fit a long. */
    private static double logM(long[] sizes, double logPlus, double logR) {
        try {
            long plus = 1;
            long r = 1;
            for (int p = 1; p < sizes.length; p++) {
                plus = Math.multiplyExact(plus, sizes[p] + 1);
                r = Math.multiplyExact(r, sizes[p]);
            }
            return Math.log((double) (plus - r - 1));
        } catch (ArithmeticException e) {
            return logSub(logPlus, logAdd(logR, 0));
        }
    }

    /** log(e^a + e^b). */
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

    /** log(e^a - e^b) for a >= b (negative infinity when equal). */
    private static double logSub(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b >= a) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log(-Math.expm1(b - a));
    }
}
