package org.hardchain.experiment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.ExactAttention;
import org.hardchain.attention.ExpApproximation;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.MonomialBasis;
import org.hardchain.attention.PolyAttentionReport;
import org.hardchain.attention.PolynomialAttention;
import org.hardchain.attention.RandomAttention;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.maxip.MaxIpGenerators;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.util.Progress;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;

/**
 * The regime contrast of THEORY.md §11: the polynomial method (Alman &amp; Song 2023,
 * Algorithm 1 / Lemma E.1, Theorem 1.4 for k = 3) against the exact algorithm (§3) over a grid
 * of sequence lengths n and entry bounds B, at one requested output error eps, on uniform inputs
 * ({@link #uniform}) or on the attention instances of Lemma B.1 ({@link #adversarial}).
 *
 * <p>Per point (n, B), on one seeded input with entries in [-B, B]:
 * <ol>
 * <li>exact attention on R sampled query rows (timed; the ground truth), then the full exact
 *     run if the time per row times n_q is within the point's time limit, else that
 *     extrapolation ({@code exact_measured = false});</li>
 * <li>the polynomial method at eps: the smallest certified degree g
 *     ({@link PolynomialAttention#polynomial}), rank {@code r = C(d+g, g)}; it is run only if
 *     {@code r <= prod_p n_p} (otherwise its factorization is no cheaper than the exact tensor,
 *     THEORY.md §4.6, and the row says {@code rank_exceeds_key_tuples}). Where no degree reaches
 *     eps in double, the rank is the exact-arithmetic estimate of {@link ChebyshevDegree};</li>
 * <li>the polynomial method at the sweep's fixed degree, for measured error against B.</li>
 * </ol>
 * Errors are max |T - Att| over the sampled rows (all rows when the full exact run was done).
 * Cost per point: {@code O((R + n_q) prod n_p d)} for exact plus {@code O(r d (n_q + sum n_p))}.
 */
public final class Sweep {
    private Sweep() {
    }

    /** Builds the inputs of the sweep: the entry bounds at each n, and the input of one point. */
    public interface InputSource {
        /** The entry bounds swept at sequence length n, increasing. */
        List<Double> bounds(int n);

        /** The input at (n, B) for B one of {@link #bounds(int)}. */
        AttentionInput input(int n, double bound);

        /** A short description for reports. */
        String describe();

        /** Whether {@link #input} accepts any B > 0 (so a crossover can be bisected between grid points). */
        default boolean continuous() {
            return false;
        }
    }

    /**
     * Inputs uniform in [-B, B]: B times the same seeded uniform draws for every B at a given n.
     *
     * @throws IllegalArgumentException if the config has no entry bounds
     */
    public static InputSource uniform(SweepConfig c) {
        if (c.bounds().isEmpty()) {
            throw new IllegalArgumentException("uniform inputs need at least one entry bound B");
        }
        return new InputSource() {
            @Override
            public List<Double> bounds(int n) {
                return c.bounds();
            }

            @Override
            public AttentionInput input(int n, double bound) {
                return RandomAttention.uniform(c.order(), n, n, c.d(), c.d(), bound, c.seed());
            }

            @Override
            public String describe() {
                return "uniform in [-B, B], seed " + c.seed();
            }

            @Override
            public boolean continuous() {
                return true;
            }
        };
    }

    /**
     * The attention instances of Lemma B.1 (reference construction, THEORY.md §9, built by
     * {@link AttentionReduction}) of seeded random Gap-k-MaxIP instances
     * ({@link MaxIpGenerators#random}: dimension D' = the config's d, density 1/2,
     * t = D', 1 - eps = 1/2) with |A| = n and |B_p| = n - 1, so that Q and every key matrix
     * (with its reference row) have n rows. The entry bound is the construction's scale
     * {@code B = s = (d lambda)^{1/k}} with {@code d = D' + h}: one B per n, the config's bounds
     * are not used. The attention output does not depend on whether the random instance keeps
     * the gap promise, so every row is a valid timing and error point.
     */
    public static InputSource adversarial(SweepConfig c) {
        java.util.Map<Integer, AttentionReduction> cache = new java.util.HashMap<>();
        java.util.function.IntFunction<AttentionReduction> reduction = n -> cache.computeIfAbsent(n, m -> {
            if (m < 2) {
                throw new IllegalArgumentException("adversarial inputs need n >= 2 (a key set of n - 1 >= 1 vectors), got "
                        + m);
            }
            int[] sizes = new int[c.order()];
            java.util.Arrays.fill(sizes, m - 1);
            sizes[0] = m;
            MaxIpInstance inst = MaxIpGenerators.random(c.d(), 0.5, c.seed(), sizes);
            return AttentionReduction.of(inst, Construction.REFERENCE, LemmaB1.DEFAULT_GAMMA);
        });
        return new InputSource() {
            @Override
            public List<Double> bounds(int n) {
                return List.of(reduction.apply(n).design().scale());
            }

            @Override
            public AttentionInput input(int n, double bound) {
                AttentionReduction red = reduction.apply(n);
                if (bound != red.design().scale()) {
                    throw new IllegalArgumentException("the Lemma B.1 instance at n = " + n + " has B = "
                            + red.design().scale() + ", not " + bound);
                }
                return red.input();
            }

            @Override
            public String describe() {
                return "Lemma B.1 (reference construction, gamma " + LemmaB1.DEFAULT_GAMMA
                        + ") of random Gap-k-MaxIP instances, D' = " + c.d() + ", density 1/2, seed " + c.seed();
            }
        };
    }

    /** The sweep on uniform inputs. */
    public static SweepResult run(SweepConfig c, Progress progress) {
        return run(c, uniform(c), progress);
    }

    /** The sweep on the inputs {@code source} builds; {@code progress} counts points. */
    public static SweepResult run(SweepConfig c, InputSource source, Progress progress) {
        warmUp(c, source);
        List<SweepRow> rows = new ArrayList<>();
        for (int n : c.ns()) {
            for (double b : source.bounds(n)) {
                rows.addAll(point(c, source.input(n, b), n, b));
                progress.advance(1);
            }
        }
        SweepResult grid = new SweepResult(c, source.describe(), rows, Map.of());
        if (!source.continuous()) {
            return grid;
        }
        Map<Integer, Double> refined = new LinkedHashMap<>();
        for (int n : c.ns()) {
            SweepResult.Crossover x = grid.crossover(n, "operations");
            if (Double.isFinite(x.lastWin()) && Double.isFinite(x.firstLoss())) {
                refined.put(n, bisectOperations(c, source, n, x.lastWin(), x.firstLoss()));
            }
        }
        return new SweepResult(c, source.describe(), rows, refined);
    }

    /** Bisection steps of {@link #bisectOperations}: the bracket shrinks by 2^-12 in log B. */
    static final int BISECTION_STEPS = 12;

    /**
     * A B* in {@code (lo, hi]} where the polynomial method stops winning by multiply-adds
     * ({@link #winsByOperations}), given that it wins at lo and loses at hi: bisection in log B
     * on inputs built by {@code source} (degree selection only, nothing is run). Returns the
     * geometric midpoint of the final bracket.
     */
    static double bisectOperations(SweepConfig c, InputSource source, int n, double lo, double hi) {
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = Math.sqrt(lo * hi);
            if (winsByOperations(c, source.input(n, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /**
     * Whether the polynomial method at eps needs rank {@code <= prod n_p} and fewer multiply-adds
     * than exact attention on {@code in} (the same criterion as
     * {@link SweepResult#polyWinsByOperations}).
     */
    static boolean winsByOperations(SweepConfig c, AttentionInput in) {
        double r = rank(in.d(), degreeAtEpsilon(c, in).degree());
        return r <= in.keyTuples() && polyOps(in, r) < in.nq() * in.keyTuples() * (in.d() + in.dv());
    }

    /**
     * The degree of the polynomial method at eps on {@code in}: the certified one, or where no
     * degree reaches eps in double, the exact-arithmetic estimate of {@link ChebyshevDegree}
     * with the reason.
     */
    static Degree degreeAtEpsilon(SweepConfig c, AttentionInput in) {
        PolynomialAttention.Options opt = PolynomialAttention.Options.epsilon(c.epsilon()).withMaxDegree(c.maxDegree());
        try {
            return new Degree(PolynomialAttention.polynomial(in, opt), -1, null, null);
        } catch (UsageException e) {
            double delta = ExpApproximation.deltaForOutputError(c.epsilon(), PolynomialAttention.valueBound(in));
            double range = PolynomialAttention.scoreRange(in);
            String status = e.getMessage().startsWith("no polynomial of degree") ? "over_degree_cap"
                    : "below_double_floor";
            if (range > ChebyshevDegree.MAX_RANGE) {
                return new Degree(null, -1, status, e.getMessage() + "; score range above "
                        + SweepRow.num(ChebyshevDegree.MAX_RANGE) + ": degree not estimated");
            }
            int g = ChebyshevDegree.degree(Math.max(range, 1e-300), delta);
            return new Degree(null, g, status, e.getMessage());
        }
    }

    /** A certified polynomial, or an estimated degree with the status and reason why none was certified. */
    record Degree(ExpApproximation polynomial, int estimated, String status, String reason) {
        int degree() {
            return polynomial != null ? polynomial.degree() : estimated;
        }
    }

    /**
     * Runs every point of the smallest n once, untimed and discarded, so that the timed points do
     * not pay for JIT compilation (the smallest n is the cheapest row of the grid).
     */
    private static void warmUp(SweepConfig c, InputSource source) {
        int n = c.ns().get(0);
        SweepConfig once = c.withRepeats(1);
        for (double b : source.bounds(n)) {
            point(once, source.input(n, b), n, b);
        }
    }

    /** The three rows (exact, poly, poly_fixed) of one point. */
    static List<SweepRow> point(SweepConfig c, AttentionInput in, int n, double b) {
        int k = c.order();
        int d = in.d();
        double tuples = in.keyTuples();
        double range = PolynomialAttention.scoreRange(in);
        int[] sample = PolynomialAttention.sampleRows(in.nq(), c.rows());
        ExactAttention exact = ExactAttention.create();

        // 1. exact: sampled rows (ground truth), then a full run or the extrapolation
        Matrix truthRows = null;
        double sampleSeconds = Double.POSITIVE_INFINITY;
        for (int x = 0; x < c.repeats(); x++) {
            long t0 = System.nanoTime();
            truthRows = exact.computeRows(in, sample);
            sampleSeconds = Math.min(sampleSeconds, (System.nanoTime() - t0) / 1e9);
        }
        double extrapolated = sampleSeconds / sample.length * in.nq();
        boolean measured = extrapolated <= c.pointSeconds();
        double exactSeconds = extrapolated;
        Matrix truth = truthRows;
        int[] truthIndex = sample;
        if (measured) {
            exactSeconds = Double.POSITIVE_INFINITY;
            for (int x = 0; x < c.repeats(); x++) {
                long t0 = System.nanoTime();
                truth = exact.compute(in);
                exactSeconds = Math.min(exactSeconds, (System.nanoTime() - t0) / 1e9);
            }
            truthIndex = null;
        }
        int checked = truthIndex == null ? in.nq() : truthIndex.length;
        double exactOps = in.nq() * tuples * (d + in.dv());
        double exactRate = exactOps / Math.max(exactSeconds, 1e-9);
        List<SweepRow> out = new ArrayList<>();
        out.add(new SweepRow(k, n, d, b, "exact", "ok", -1, Double.NaN, tuples, exactSeconds, 0, 0, Double.NaN,
                measured, checked, exactOps, range, measured ? "" : "extrapolated from " + sample.length + " rows"));

        // 2. the polynomial method at eps
        PolynomialAttention.Options opt = PolynomialAttention.Options.epsilon(c.epsilon()).withMaxDegree(c.maxDegree());
        Degree deg = null;
        double chooseSeconds = Double.POSITIVE_INFINITY;
        for (int x = 0; x < c.repeats(); x++) {
            long t0 = System.nanoTime();
            deg = degreeAtEpsilon(c, in);
            chooseSeconds = Math.min(chooseSeconds, (System.nanoTime() - t0) / 1e9);
            if (deg.polynomial() == null) {
                break;
            }
        }
        if (deg.polynomial() == null) {
            double r = rank(d, deg.degree());
            out.add(notRun(c, in, n, b, "poly", deg.status(), deg.degree(), r, tuples, measured, polyOps(in, r), range,
                    "degree from the exact-arithmetic Chebyshev estimate; " + deg.reason()));
        } else {
            out.add(runPoly(c, in, n, b, "poly", deg.polynomial(), opt, chooseSeconds, truth, truthIndex, measured,
                    exactRate, range));
        }

        // 3. the polynomial method at the fixed degree
        PolynomialAttention.Options fixed = PolynomialAttention.Options.degree(c.fixedDegree());
        ExpApproximation pf;
        try {
            pf = PolynomialAttention.polynomial(in, fixed);
        } catch (UsageException e) {
            double r = rank(d, c.fixedDegree());
            out.add(notRun(c, in, n, b, "poly_fixed", "below_double_floor", c.fixedDegree(), r, tuples, measured,
                    polyOps(in, r), range, e.getMessage()));
            return out;
        }
        out.add(runPoly(c, in, n, b, "poly_fixed", pf, fixed, 0, truth, truthIndex, measured, Double.NaN, range));
        return out;
    }

    private static SweepRow runPoly(SweepConfig c, AttentionInput in, int n, double b, String method,
            ExpApproximation p, PolynomialAttention.Options opt, double chooseSeconds, Matrix truth,
            int[] truthIndex, boolean measured, double exactRate, double range) {
        int d = in.d();
        double tuples = in.keyTuples();
        int g = p.degree();
        double r = rank(d, g);
        double ops = polyOps(in, r);
        if (method.equals("poly") && r > tuples) {
            return notRun(c, in, n, b, method, "rank_exceeds_key_tuples", g, r, tuples, measured, ops, range,
                    "rank " + SweepRow.num(r) + " > prod n_p = " + SweepRow.num(tuples) + ": not competitive");
        }
        if (Double.isFinite(exactRate) && ops / exactRate > c.pointSeconds()) {
            return notRun(c, in, n, b, method, "over_time_limit", g, r, tuples, measured, ops, range,
                    "predicted " + SweepRow.num(ops / exactRate) + " s at the exact kernel's rate > limit "
                            + SweepRow.num(c.pointSeconds()) + " s");
        }
        PolynomialAttention.Result res = null;
        double secs = Double.POSITIVE_INFINITY;
        try {
            for (int x = 0; x < c.repeats(); x++) {
                long t0 = System.nanoTime();
                res = PolynomialAttention.compute(in, p, opt);
                secs = Math.min(secs, (System.nanoTime() - t0) / 1e9);
            }
        } catch (ResourceLimitException e) {
            return notRun(c, in, n, b, method, "resource_limit", g, r, tuples, measured, ops, range, e.getMessage());
        }
        PolyAttentionReport rep = res.report();
        double err = maxError(res.output(), truth, truthIndex);
        int checked = truthIndex == null ? in.nq() : truthIndex.length;
        return new SweepRow(c.order(), n, d, b, method, "ok", g, rep.rank(), tuples, secs + chooseSeconds, chooseSeconds, err,
                rep.totalBound(), measured, checked, ops, range, "");
    }

    private static SweepRow notRun(SweepConfig c, AttentionInput in, int n, double b, String method, String status,
            int g, double r, double tuples, boolean measured, double ops, double range, String note) {
        return new SweepRow(c.order(), n, in.d(), b, method, status, g, r, tuples, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                measured, 0, ops, range, note);
    }

    /** {@code r (d_v + 1)(n_q + sum_p n_p)}: Algorithm 1's multiply-adds (THEORY.md §4.4). */
    static double polyOps(AttentionInput in, double rank) {
        double rows = in.nq();
        for (int p = 1; p < in.order(); p++) {
            rows += in.n(p);
        }
        return rank * (in.dv() + 1) * rows;
    }

    /** C(d + g, g) as a double. */
    static double rank(int d, int g) {
        if (g < 0) {
            return Double.NaN; // no degree known
        }
        BigInteger r = MonomialBasis.rank(d, g);
        return r.doubleValue();
    }

    /** max |T[i] - truth| over the truth rows ({@code index == null}: all rows). NaN propagates. */
    static double maxError(Matrix t, Matrix truth, int[] index) {
        double worst = 0;
        for (int x = 0; x < truth.rows(); x++) {
            int i = index == null ? x : index[x];
            for (int e = 0; e < t.cols(); e++) {
                double diff = Math.abs(t.get(i, e) - truth.get(x, e));
                if (!(diff <= worst)) {
                    worst = diff;
                }
            }
        }
        return worst;
    }
}
