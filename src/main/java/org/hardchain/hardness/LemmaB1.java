package org.hardchain.hardness;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hardchain.util.UsageException;

/**
 * The parameters of the reduction from Gap-k-MaxIP to order-k attention: Lemma B.1 and
 * Theorem B.2 of Alman &amp; Song 2023 ("How to Capture Higher-order Correlations?"),
 * generalized to order k as in THEORY §9, for both {@link Construction}s.
 *
 * <p>With key sets of sizes {@code n_p}, {@code R_t = prod n_p}, threshold t and gap eps, the
 * score scale is {@code lambda = ln(gamma R_t) / (eps t)}, so {@code e^{lambda eps t} = gamma R_t}.
 * A query row's attention output (value 1 on real key rows) is {@code f(X) = X / (X + C)}
 * with {@code X = sum_real e^{lambda IP}} and C the mass of the other tuples; YES gives
 * {@code X >= x_yes = e^{lambda t} + R_t - 1}, NO gives {@code X <= x_no = R_t e^{lambda (1-eps) t}}.
 * The threshold is {@code theta = (f(x_yes) + f(x_no)) / 2} and an approximate oracle needs
 * accuracy {@code eps_a < (f(x_yes) - f(x_no)) / 2}.
 * <ul>
 * <li>Reference: {@code C = e^{lambda h_eff} + M}, {@code M = prod(n_p+1) - R_t - 1}, with
 * {@code h_eff} chosen so C is {@code sqrt(x_yes x_no)} (so eps_a is about
 * {@code (sqrt(gamma)-1)/(2(sqrt(gamma)+1))}, 1/6 for gamma = 4); h = ceil(h_eff) reference
 * columns, width {@code d = D' + h}.</li>
 * <li>Paper: {@code z_p = n_p} zero rows per key set, {@code C = prod(n_p + z_p) - R_t}, width
 * {@code d = D'}; eps_a is then about {@code (2^{k-1}-1) e^{-lambda (1-eps) t}}, i.e. 1/poly.</li>
 * </ul>
 * In both the entry bound is the scale {@code B = s = (d lambda)^{1/k}}, since
 * {@code lambda = s^k / d}. Everything is computed in log space (no {@code e^{lambda t}} is
 * ever formed); {@code f(x_yes) - f(x_no)} is computed as {@code (x-y)C/((x+C)(y+C))} without
 * cancellation. Cost O(k) arithmetic on numbers of O(k log n) bits.
 *
 * <p>{@code org.hardchain.maxip.MaxIpRegime} estimates the same quantities from the sizes
 * alone for the {@code ov2maxip} report, with an integer h and no fractional reference entry,
 * so its eps_a is a little smaller (0.150 instead of 0.1667 at gamma = 4); this class is what
 * the construction actually uses.
 */
public final class LemmaB1 {
    /** THEORY §9's default separation gamma = x_yes / x_no. */
    public static final double DEFAULT_GAMMA = 4;

    private LemmaB1() {
    }

    /**
     * The design, fixed for an instance and all its restrictions (self-reduction): scale,
     * width, reference columns and padding counts.
     *
     * @param construction which construction
     * @param order        k
     * @param dimension    D'
     * @param threshold    t
     * @param eps          eps in (0, 1]
     * @param gamma        the separation aimed at, >= 2
     * @param lambda       {@code ln(gamma R_t) / (eps t)}
     * @param h            reference columns (0 for the paper construction)
     * @param hEff         the all-reference tuple's score divided by lambda, in [0, h]
     * @param padding      zero rows appended to each key set (paper; zeros for reference)
     * @param width        attention width d (D' + h, at least 1)
     * @param scale        s = (d lambda)^{1/k}, the entry bound B
     */
    public record Design(Construction construction, int order, int dimension, long threshold, double eps,
            double gamma, double lambda, int h, double hEff, int[] padding, int width, double scale) {

        /** {@code padding[p-1]} for key set p (a copy). */
        @Override
        public int[] padding() {
            return padding.clone();
        }

        int pad(int p) {
            return padding[p - 1];
        }
    }

    /**
     * The decision threshold for one (possibly restricted) set of key sizes.
     *
     * @param keyTuples R_t
     * @param logXYes   ln x_yes
     * @param logXNo    ln x_no
     * @param logMass   ln C (the non-real tuples' mass)
     * @param hEff      reference exponent used (reference construction), else 0
     * @param fYes      f(x_yes)
     * @param fNo       f(x_no)
     * @param theta     the threshold, (f(x_yes) + f(x_no)) / 2
     * @param epsA      the accuracy an approximate oracle must beat, (f(x_yes) - f(x_no)) / 2
     */
    public record Threshold(double keyTuples, double logXYes, double logXNo, double logMass, double hEff,
            double fYes, double fNo, double theta, double epsA) {
    }

    /**
     * The design for an instance with set sizes {@code sizes[0] = |A|, sizes[p] = |B_p|}.
     *
     * @throws UsageException if a key set is empty (no key tuple: the softmax is undefined),
     *                        gamma &lt; 2, or the reference columns do not fit an int
     */
    public static Design design(Construction c, int order, int dimension, long threshold, double eps,
            long[] sizes, double gamma) {
        if (sizes.length != order) {
            throw new IllegalArgumentException("Dimension mismatch: " + sizes.length + " sizes for order " + order);
        }
        if (!(gamma >= 2) || !Double.isFinite(gamma)) {
            throw new UsageException("gamma = " + gamma + " must be a finite number >= 2");
        }
        if (!(eps > 0 && eps <= 1) || threshold < 1) {
            throw new IllegalArgumentException("need eps in (0, 1] and t >= 1, got eps = " + eps + ", t = " + threshold);
        }
        double logR = 0;
        for (int p = 1; p < order; p++) {
            if (sizes[p] < 1) {
                throw new UsageException("key set " + p + " is empty: with no key tuple the softmax is undefined");
            }
            logR += Math.log(sizes[p]);
        }
        double lambda = (Math.log(gamma) + logR) / (eps * threshold);
        int[] padding = new int[order - 1];
        if (c == Construction.PAPER) {
            for (int p = 1; p < order; p++) {
                padding[p - 1] = Math.toIntExact(sizes[p]);
            }
            int width = Math.max(1, dimension);
            return new Design(c, order, dimension, threshold, eps, gamma, lambda, 0, 0, padding, width,
                    Math.pow(width * lambda, 1.0 / order));
        }
        long[] keys = new long[order - 1];
        for (int p = 1; p < order; p++) {
            keys[p - 1] = sizes[p];
        }
        double hEff = referenceExponent(lambda, threshold, eps, keys, Double.POSITIVE_INFINITY);
        double hc = Math.ceil(hEff);
        if (hc > Integer.MAX_VALUE - (double) dimension - 1) {
            throw new UsageException("the reference construction needs h = " + hc + " columns, beyond an int");
        }
        int h = (int) hc;
        int width = Math.max(1, dimension + h);
        return new Design(c, order, dimension, threshold, eps, gamma, lambda, h, hEff, padding, width,
                Math.pow(width * lambda, 1.0 / order));
    }

    /**
     * The threshold for key-set sizes {@code keySizes[p-1] = n_p} (each >= 1) under a design:
     * for the reference construction it re-tunes h_eff in [0, h] so C is as close to
     * {@code sqrt(x_yes x_no)} as the design allows; for the paper one the padding rows stay.
     * Valid for every restriction of the instance: x_yes / x_no >= gamma R_t / R_t' >= gamma.
     */
    public static Threshold threshold(Design d, long[] keySizes) {
        if (keySizes.length != d.order() - 1) {
            throw new IllegalArgumentException("Dimension mismatch: " + keySizes.length + " key sizes for order "
                    + d.order());
        }
        BigInteger r = BigInteger.ONE;
        for (long n : keySizes) {
            if (n < 1) {
                throw new IllegalArgumentException("key set size " + n + " must be >= 1");
            }
            r = r.multiply(BigInteger.valueOf(n));
        }
        double logR = log(r);
        double lt = d.lambda() * d.threshold();
        double logYes = LogMath.add(lt, log(r.subtract(BigInteger.ONE)));
        double logNo = logR + d.lambda() * (1 - d.eps()) * d.threshold();
        double logMass;
        double hEff = 0;
        if (d.construction() == Construction.PAPER) {
            BigInteger all = BigInteger.ONE;
            for (int p = 1; p < d.order(); p++) {
                all = all.multiply(BigInteger.valueOf(keySizes[p - 1] + d.pad(p)));
            }
            logMass = log(all.subtract(r));
        } else {
            hEff = referenceExponent(d.lambda(), d.threshold(), d.eps(), keySizes, d.h());
            logMass = LogMath.add(d.lambda() * hEff, log(mixed(keySizes)));
        }
        double fYes = LogMath.ratio(logYes, logMass);
        double fNo = LogMath.ratio(logNo, logMass);
        double gap = LogMath.ratioGap(logYes, logNo, logMass);
        return new Threshold(r.doubleValue(), logYes, logNo, logMass, hEff, fYes, fNo, fNo + gap / 2, gap / 2);
    }

    /**
     * The padding rows (all in K_1) the paper construction would need for the same constant
     * accuracy as the reference one: C = prod(n_p + z_p) - R_t at {@code sqrt(x_yes x_no)},
     * i.e. {@code z_1 = sqrt(x_yes x_no) / prod_{p>=2} n_p}. A double (it is usually huge).
     */
    public static double paddingRowsForConstantAccuracy(Design d, long[] keySizes) {
        Threshold th = threshold(d, keySizes);
        double logTarget = (th.logXYes() + th.logXNo()) / 2;
        double logRest = 0;
        for (int p = 1; p < keySizes.length; p++) {
            logRest += Math.log(keySizes[p]);
        }
        return Math.exp(logTarget - logRest);
    }

    /**
     * The all-reference exponent h_eff in [0, cap] with {@code e^{lambda h_eff} + M} closest to
     * {@code sqrt(x_yes x_no)} (0 when M alone reaches it).
     */
    private static double referenceExponent(double lambda, long t, double eps, long[] keySizes, double cap) {
        BigInteger r = BigInteger.ONE;
        for (long n : keySizes) {
            r = r.multiply(BigInteger.valueOf(n));
        }
        double logYes = LogMath.add(lambda * t, log(r.subtract(BigInteger.ONE)));
        double logNo = log(r) + lambda * (1 - eps) * t;
        double logTarget = (logYes + logNo) / 2;
        double logM = log(mixed(keySizes));
        if (LogMath.add(0, logM) >= logTarget) {
            return 0;
        }
        double h = LogMath.sub(logTarget, logM) / lambda;
        return Math.max(0, Math.min(cap, h));
    }

    /** M = prod(n_p + 1) - R_t - 1, the tuples mixing real and reference rows. */
    static BigInteger mixed(long[] keySizes) {
        BigInteger plus = BigInteger.ONE;
        BigInteger r = BigInteger.ONE;
        for (long n : keySizes) {
            plus = plus.multiply(BigInteger.valueOf(n + 1));
            r = r.multiply(BigInteger.valueOf(n));
        }
        return plus.subtract(r).subtract(BigInteger.ONE);
    }

    /** ln x of a non-negative integer (negative infinity for 0), for any size. */
    static double log(BigInteger x) {
        if (x.signum() < 0) {
            throw new IllegalArgumentException("log of negative " + x);
        }
        if (x.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int shift = Math.max(0, x.bitLength() - 60);
        return Math.log(x.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    /**
     * Both constructions' parameters for one instance, reference first: what each needs in
     * width, rows, entry bound and oracle accuracy (THEORY §9's side-by-side report).
     */
    public static java.util.List<Map<String, Object>> sideBySide(org.hardchain.maxip.MaxIpInstance inst, double gamma) {
        long[] sizes = new long[inst.order()];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = inst.size(p);
        }
        long[] keys = java.util.Arrays.copyOfRange(sizes, 1, sizes.length);
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Construction c : Construction.values()) {
            Design d = design(c, inst.order(), inst.dimension(), inst.threshold(), inst.eps().value(), sizes, gamma);
            Map<String, Object> m = report(d, threshold(d, keys), sizes);
            long[] rows = new long[inst.order()];
            rows[0] = sizes[0];
            for (int p = 1; p < rows.length; p++) {
                rows[p] = sizes[p] + (c == Construction.REFERENCE ? 1 : d.pad(p));
            }
            m.put("attention_sizes", rows);
            if (c == Construction.PAPER) {
                m.put("padding_rows_for_constant_eps_a", paddingRowsForConstantAccuracy(d, keys));
            }
            out.add(m);
        }
        return out;
    }

    /** The design and threshold as a report map (snake_case keys). */
    public static Map<String, Object> report(Design d, Threshold th, long[] sizes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("construction", d.construction().id());
        m.put("order", d.order());
        m.put("sizes", sizes.clone());
        m.put("dimension", d.dimension());
        m.put("threshold_t", d.threshold());
        m.put("eps", d.eps());
        m.put("gamma", d.gamma());
        m.put("key_tuples", th.keyTuples());
        m.put("lambda", d.lambda());
        m.put("h", d.h());
        m.put("h_eff", th.hEff());
        m.put("padding_rows", d.padding());
        m.put("width", d.width());
        m.put("scale_s", d.scale());
        m.put("entry_bound", d.scale());
        m.put("log_x_yes", th.logXYes());
        m.put("log_x_no", th.logXNo());
        m.put("log_mass", th.logMass());
        m.put("f_yes", th.fYes());
        m.put("f_no", th.fNo());
        m.put("theta", th.theta());
        m.put("eps_a", th.epsA());
        return m;
    }
}
