package org.hardchain.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.hardchain.util.ResourceLimitException;

/**
 * Order-k attention by the polynomial method: Algorithm 1 of Alman &amp; Song 2023 (Lemma E.1,
 * Theorem 1.4 for k = 3; "Fast Attention Requires Bounded Entries" for k = 2), generalized to
 * every order k as in THEORY.md §4.
 *
 * <ol>
 * <li>Score range: the data bound {@code R = max_i sum_t |Q[i,t]| prod_p max_j |K_p[j,t]| / d}
 *     ({@code >= max |S|}, and {@code <= B^k}, Lemma D.3).</li>
 * <li>A polynomial P for e^x on [-R, R] with certified relative error delta
 *     ({@link ExpApproximation}), of a fixed degree or the smallest degree that meets
 *     {@code delta = eps / (2 V + eps)}, {@code V = prod_p max|V_p|} (Lemmas D.5, D.6).</li>
 * <li>Rank-{@code r = C(d+g, g)} factors with {@code P(S) = U_0 (U_1 ⊘ ... ⊘ U_{k-1})^T}
 *     ({@link LowRankFactors}), built row by row and never held whole.</li>
 * <li>{@code W = (U_1^T [V_1 1]) ∘ ... ∘ (U_{k-1}^T [V_{k-1} 1])} by the column-wise Kronecker
 *     identity (Lemma C.3, THEORY.md §2), streaming key rows in blocks; then
 *     {@code T = diag(w)^{-1} U_0 W} streaming query rows in blocks, w being W's last column
 *     multiplied out.</li>
 * </ol>
 *
 * <p>Guarantee: {@code ||T - Att||_inf <= 2 delta / (1 - delta) V} in exact arithmetic, plus
 * a rounding term reported separately ({@link PolyAttentionReport#roundingBound()}).
 * Cost: {@code O(r (d_v + 1) (n_q + sum_p n_p))} time; memory
 * {@code O(threads (block r + (d_v + 1) r))} beyond inputs and output. Factors are scaled so
 * that every entry of {@code U_p} is in [-1, 1] and every entry of {@code U_0} is at most
 * {@code max_s |a_s|} (about e^R), whatever the degree.
 */
public final class PolynomialAttention {
    private PolynomialAttention() {
    }

    /**
     * Options of the method: the requested output error eps or a fixed degree, and the
     * streaming and resource parameters. This record is immutable.
     *
     * @param epsilon   requested {@code ||T - Att||_inf}, or NaN with a fixed degree
     * @param degree    the fixed degree g, or -1 to choose it from epsilon
     * @param blockRows rows per streamed block, 0 for automatic ({@code 2^18 / r} clamped to [8, 256])
     * @param threads   worker threads (parts the rows are split into), >= 1
     * @param maxDegree cap of the automatic degree
     * @param maxRank   refuse ranks above this ({@link ResourceLimitException})
     * @param simd      use the Vector API kernels when available
     */
    public record Options(double epsilon, int degree, int blockRows, int threads, int maxDegree,
            long maxRank, boolean simd) {
        public Options {
            if (degree < -1) {
                throw new IllegalArgumentException("degree must be >= 0 (or -1 for automatic), got " + degree);
            }
            if (degree == -1 && !(epsilon > 0 && Double.isFinite(epsilon))) {
                throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
            }
            if (blockRows < 0 || threads < 1 || maxDegree < 0 || maxRank < 1) {
                throw new IllegalArgumentException("need blockRows >= 0, threads >= 1, maxDegree >= 0,"
                        + " maxRank >= 1; got " + blockRows + ", " + threads + ", " + maxDegree + ", " + maxRank);
            }
        }

        /** Defaults for output error eps: automatic block size, all processors, SIMD on. */
        public static Options epsilon(double eps) {
            return new Options(eps, -1, 0, Runtime.getRuntime().availableProcessors(),
                    ExpApproximation.DEFAULT_MAX_DEGREE, 5_000_000L, true);
        }

        /** Defaults for a fixed degree g. */
        public static Options degree(int g) {
            return new Options(Double.NaN, g, 0, Runtime.getRuntime().availableProcessors(),
                    ExpApproximation.DEFAULT_MAX_DEGREE, 5_000_000L, true);
        }

        public Options withBlockRows(int rows) {
            return new Options(epsilon, degree, rows, threads, maxDegree, maxRank, simd);
        }

        public Options withThreads(int n) {
            return new Options(epsilon, degree, blockRows, n, maxDegree, maxRank, simd);
        }

        public Options withMaxDegree(int g) {
            return new Options(epsilon, degree, blockRows, threads, g, maxRank, simd);
        }

        public Options withMaxRank(long r) {
            return new Options(epsilon, degree, blockRows, threads, maxDegree, r, simd);
        }

        public Options withSimd(boolean on) {
            return new Options(epsilon, degree, blockRows, threads, maxDegree, maxRank, on);
        }
    }

    /** The output T and its report. */
    public record Result(Matrix output, PolyAttentionReport report) {
    }

    /**
     * The data-dependent score bound {@code R = max_i sum_t |Q[i,t]| prod_p max_j |K_p[j,t]| / d}
     * (THEORY.md §4.1): {@code |S[i,J]| <= R} for every query i and key tuple J. Cost O(input).
     */
    public static double scoreRange(AttentionInput in) {
        double[] colMax = keyColumnProducts(in);
        double[] q = in.q().data();
        int d = in.d();
        double best = 0;
        for (int i = 0; i < in.nq(); i++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
                s += Math.abs(q[i * d + t]) * colMax[t];
            }
            best = Math.max(best, s / d);
        }
        return best;
    }

    /** {@code V = prod_p max |V_p| = max_J ||V_1[j_1] ∘ ... ∘ V_{k-1}[j_{k-1}]||_inf} (Lemma D.6). */
    public static double valueBound(AttentionInput in) {
        double v = 1;
        for (Matrix m : in.values()) {
            v *= m.maxAbs();
        }
        return v;
    }

    private static double keyRowsSum(AttentionInput in) {
        double n = 0;
        for (int p = 1; p < in.order(); p++) {
            n += in.n(p);
        }
        return n;
    }

    /** {@code prod_p max_j |K_p[j,t]|} for each coordinate t. */
    static double[] keyColumnProducts(AttentionInput in) {
        int d = in.d();
        double[] prod = new double[d];
        java.util.Arrays.fill(prod, 1);
        for (Matrix k : in.keys()) {
            double[] a = k.data();
            double[] mx = new double[d];
            for (int j = 0; j < k.rows(); j++) {
                for (int t = 0; t < d; t++) {
                    mx[t] = Math.max(mx[t], Math.abs(a[j * d + t]));
                }
            }
            for (int t = 0; t < d; t++) {
                prod[t] *= mx[t];
            }
        }
        return prod;
    }

    /**
     * Chooses the polynomial for {@code in} as {@code opt} asks: fixed degree, or the smallest
     * degree whose certified delta gives output error eps by Lemmas D.5/D.6, raising it while
     * the rounding term would push the total above eps.
     */
    public static ExpApproximation polynomial(AttentionInput in, Options opt) {
        double range = polynomialRange(finiteScoreRange(in));
        if (opt.degree() >= 0) {
            return ExpApproximation.ofDegree(range, opt.degree());
        }
        double vb = valueBound(in);
        double delta = ExpApproximation.deltaForOutputError(opt.epsilon(), vb);
        ExpApproximation p = ExpApproximation.forRelativeError(range, delta, opt.maxDegree());
        // delta leaves no room for rounding: raise the degree while that helps (rarely needed)
        while (totalBound(in, p, vb) > opt.epsilon() && p.degree() < opt.maxDegree()
                && roundingBound(p, roundingTerms(in, p.degree()), vb) < opt.epsilon() / 2) {
            p = ExpApproximation.ofDegree(range, p.degree() + 1);
        }
        double total = totalBound(in, p, vb);
        if (total > opt.epsilon()) {
            throw new org.hardchain.util.UsageException(String.format(java.util.Locale.ROOT,
                    "output error %.3g is out of reach in double precision on scores in [-%.6g, %.6g]: degree %d"
                            + " gives the bound %.3g (rounding alone %.3g); raise the error or use --degree",
                    opt.epsilon(), range, range, p.degree(), total,
                    roundingBound(p, roundingTerms(in, p.degree()), vb)));
        }
        return p;
    }

    private static double totalBound(AttentionInput in, ExpApproximation p, double vb) {
        return ExpApproximation.outputErrorBound(p.certifiedDelta(), vb)
                + roundingBound(p, roundingTerms(in, p.degree()), vb);
    }

    /** {@link #scoreRange}, refusing inputs with NaN or infinite entries. */
    private static double finiteScoreRange(AttentionInput in) {
        double range = scoreRange(in);
        if (!Double.isFinite(range) || !Double.isFinite(valueBound(in))) {
            throw new org.hardchain.util.UsageException("inputs have NaN or infinite entries (score bound R = "
                    + range + ", value bound " + valueBound(in) + "): the polynomial method needs finite inputs");
        }
        return range;
    }

    /**
     * The half-width used for the polynomial: the score range widened by {@code 1e-12} relative
     * (so that scores whose rounding differs from the bound's still fall inside), or 1 when all
     * scores are 0.
     */
    static double polynomialRange(double scoreRange) {
        return scoreRange > 0 ? scoreRange * (1 + 1e-12) : 1;
    }

    /**
     * The number of roundings along any one term's path in Algorithm 1: the sums over key rows,
     * the rank sum and the products that build a monomial.
     */
    static long roundingTerms(AttentionInput in, int degree) {
        long n = 0;
        for (int p = 1; p < in.order(); p++) {
            n += in.n(p);
        }
        double r = MonomialBasis.rank(in.d(), degree).doubleValue();
        return n + (long) Math.min(r, 1e15) + 3L * (degree + 1) * in.order() + 8;
    }

    /**
     * Worst-case rounding of Algorithm 1 in double, on the output: with
     * {@code rho = gamma_N e^R sum_s |a_s| / (1 - delta)} (every term of every row sum is at most
     * {@code sum |a_s|} in absolute value while the row sum is at least {@code (1 - delta) e^{-R}}
     * per tuple), the output moves by at most {@code 2 rho / (1 - rho) V}.
     */
    static double roundingBound(ExpApproximation p, long terms, double valueBound) {
        double u = 0x1p-53;
        double nu = terms * u;
        double gamma = nu / (1 - nu);
        double delta = Math.min(p.certifiedDelta(), 0.5);
        double rho = gamma * Math.exp(p.range()) * p.sumAbsCoefficients() / (1 - delta);
        return rho >= 1 ? Double.POSITIVE_INFINITY : 2 * rho / (1 - rho) * valueBound;
    }

    /**
     * Algorithm 1 for {@code in} with the options {@code opt}.
     *
     * @throws IllegalArgumentException if a key set is empty or d = 0 (softmax undefined)
     * @throws org.hardchain.util.UsageException if no degree up to the cap reaches eps
     * @throws ResourceLimitException if the rank exceeds {@code opt.maxRank()}
     */
    public static Result compute(AttentionInput in, Options opt) {
        ExactAttention.checkNonEmpty(in);
        long t0 = System.nanoTime();
        ExpApproximation p = polynomial(in, opt);
        long t1 = System.nanoTime();
        return compute(in, p, opt, (t1 - t0) / 1e9);
    }

    /**
     * Algorithm 1 with a given polynomial, which must cover the score range of {@code in}.
     *
     * @throws IllegalArgumentException if {@code p.range()} is below {@link #scoreRange(AttentionInput)}
     */
    public static Result compute(AttentionInput in, ExpApproximation p, Options opt) {
        return compute(in, p, opt, 0);
    }

    private static Result compute(AttentionInput in, ExpApproximation p, Options opt, double polySeconds) {
        ExactAttention.checkNonEmpty(in);
        double range = finiteScoreRange(in);
        if (p.range() < range) {
            throw new IllegalArgumentException("polynomial covers [-" + p.range() + ", " + p.range()
                    + "] but scores reach " + range);
        }
        int d = in.d();
        int dv = in.dv();
        int m = dv + 1;
        int k = in.order();
        long t0 = System.nanoTime();
        MonomialBasis basis = MonomialBasis.of(d, p.degree(), opt.maxRank());
        int r = basis.size();
        int blk = opt.blockRows() > 0 ? opt.blockRows() : Math.max(8, Math.min(256, (1 << 18) / r));
        int threads = opt.threads();
        double bytes = 8.0 * threads * ((double) blk * r + (double) m * r + blk * m) + 8.0 * (k - 1) * m * r;
        ResourceLimitException.check("streamed polynomial attention working memory", bytes,
                Math.max(1 << 30, Runtime.getRuntime().maxMemory() / 2.0), "bytes", "-Xmx (JAVA_OPTS)");
        PolyKernels kern = opt.simd() ? PolyKernels.forCurrentPlatform() : PolyKernels.scalar();
        double[] colProd = keyColumnProducts(in);
        AtomicLong buildNanos = new AtomicLong();

        // Key side: W^T (m x r) = Hadamard product over p of (U_p^T [V_p 1])^T.
        double[] wt = null;
        for (int pp = 1; pp < k; pp++) {
            double[] part = keySide(in.key(pp), in.value(pp), basis, blk, threads, kern, buildNanos);
            if (wt == null) {
                wt = part;
            } else {
                for (int x = 0; x < wt.length; x++) {
                    wt[x] *= part[x];
                }
            }
        }
        long t1 = System.nanoTime();
        long keyBuild = buildNanos.getAndSet(0);

        // Query side: z_t = Q[i,t] prod_p max_j|K_p[j,t]| / (d R), so that sum_t |z_t| <= 1.
        double[] a = p.scaledCoefficients();
        double scale = 1.0 / (d * p.range());
        double[] out = new double[Math.multiplyExact(in.nq(), dv)];
        double[] q = in.q().data();
        int nq = in.nq();
        int blocks = (nq + blk - 1) / blk;
        final double[] w = wt;
        parallel(blocks, threads, (lo, hi) -> {
            double[] u = new double[blk * r];
            double[] z = new double[d];
            double[] acc = new double[4 * m];
            for (int b = lo; b < hi; b++) {
                int i0 = b * blk;
                int rows = Math.min(blk, nq - i0);
                long s = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    for (int t = 0; t < d; t++) {
                        z[t] = q[(i0 + i) * d + t] * colProd[t] * scale;
                    }
                    kern.weightedMonomials(basis, z, a, u, i * r);
                }
                buildNanos.addAndGet(System.nanoTime() - s);
                kern.apply(u, rows, r, w, m, out, i0 * dv, acc);
            }
        });
        long t2 = System.nanoTime();
        long queryBuild = buildNanos.get();

        double vb = valueBound(in);
        double delta = p.certifiedDelta();
        double bound = delta < 1 ? ExpApproximation.outputErrorBound(delta, vb) : Double.POSITIVE_INFINITY;
        double rounding = roundingBound(p, roundingTerms(in, p.degree()), vb);
        List<Integer> keyRows = new ArrayList<>();
        for (int pp = 1; pp < k; pp++) {
            keyRows.add(in.n(pp));
        }
        PolyAttentionReport report = new PolyAttentionReport(k, nq, keyRows, d, dv, p.degree(), r,
                range, Math.pow(in.entryBound(), k), vb, opt.degree() >= 0 ? Double.NaN : opt.epsilon(),
                opt.degree() >= 0 ? Double.NaN : ExpApproximation.deltaForOutputError(opt.epsilon(), vb),
                delta, bound, rounding, bound + rounding, Double.NaN, 0, blk, threads, kern.name(),
                polySeconds, (t1 - t0) / 1e9, (t2 - t1) / 1e9, keyBuild / 1e9, queryBuild / 1e9,
                (double) r * m * (nq + keyRowsSum(in)), nq * in.keyTuples() * (d + dv));
        return new Result(Matrix.wrap(nq, dv, out), report);
    }

    /** {@code (U_p^T [V_p 1])^T} for one key set, streamed in blocks, parts merged in order. */
    private static double[] keySide(Matrix key, Matrix value, MonomialBasis basis, int blk, int threads,
            PolyKernels kern, AtomicLong buildNanos) {
        int n = key.rows();
        int d = key.cols();
        int dv = value.cols();
        int m = dv + 1;
        int r = basis.size();
        double[] ka = key.data();
        double[] va = value.data();
        double[] scale = new double[d];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < d; t++) {
                scale[t] = Math.max(scale[t], Math.abs(ka[j * d + t]));
            }
        }
        for (int t = 0; t < d; t++) {
            scale[t] = scale[t] > 0 ? 1 / scale[t] : 1;
        }
        int blocks = (n + blk - 1) / blk;
        int parts = Math.max(1, Math.min(threads, blocks));
        List<double[]> partial = new ArrayList<>();
        for (int x = 0; x < parts; x++) {
            partial.add(new double[m * r]);
        }
        IntStream.range(0, parts).parallel().forEach(part -> {
            int lo = (int) ((long) blocks * part / parts);
            int hi = (int) ((long) blocks * (part + 1) / parts);
            double[] wt = partial.get(part);
            double[] u = new double[blk * r];
            double[] v = new double[blk * m];
            double[] x = new double[d];
            for (int b = lo; b < hi; b++) {
                int j0 = b * blk;
                int rows = Math.min(blk, n - j0);
                long s = System.nanoTime();
                for (int j = 0; j < rows; j++) {
                    for (int t = 0; t < d; t++) {
                        x[t] = ka[(j0 + j) * d + t] * scale[t];
                    }
                    kern.monomials(basis, x, u, j * r);
                    System.arraycopy(va, (j0 + j) * dv, v, j * m, dv);
                    v[j * m + dv] = 1;
                }
                buildNanos.addAndGet(System.nanoTime() - s);
                kern.accumulate(u, rows, r, v, m, wt);
            }
        });
        double[] sum = partial.get(0);
        for (int x = 1; x < parts; x++) {
            double[] o = partial.get(x);
            for (int y = 0; y < sum.length; y++) {
                sum[y] += o[y];
            }
        }
        return sum;
    }

    private interface Range {
        void run(int lo, int hi);
    }

    private static void parallel(int blocks, int threads, Range body) {
        int parts = Math.max(1, Math.min(threads, blocks));
        if (parts == 1) {
            body.run(0, blocks);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(part ->
                body.run((int) ((long) blocks * part / parts), (int) ((long) blocks * (part + 1) / parts)));
    }

    /**
     * The naive reference of the same approximation: {@code P} applied to every score
     * {@code S[i,J]} (computed directly), normalized per row and applied to
     * {@code V_1 ⊘ ... ⊘ V_{k-1}} by enumerating all key tuples. It differs from
     * {@link #compute} only by rounding. Cost: {@code O(n_q prod_p n_p (d + g + d_v))}.
     */
    public static Matrix naive(AttentionInput in, ExpApproximation p) {
        int k = in.order();
        int d = in.d();
        int dv = in.dv();
        int nq = in.nq();
        double tuples = in.keyTuples();
        ResourceLimitException.check("naive polynomial attention", (double) nq * tuples, 1e10,
                "score evaluations", "(none: use compute)");
        int[] n = new int[k - 1];
        for (int pp = 0; pp < k - 1; pp++) {
            n[pp] = in.n(pp + 1);
        }
        double[] out = new double[nq * dv];
        double[] num = new double[dv];
        int[] j = new int[k - 1];
        for (int i = 0; i < nq; i++) {
            java.util.Arrays.fill(num, 0);
            java.util.Arrays.fill(j, 0);
            double den = 0;
            boolean empty = false;
            for (int pp = 0; pp < k - 1; pp++) {
                empty |= n[pp] == 0;
            }
            while (!empty) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double prod = in.q().get(i, t);
                    for (int pp = 0; pp < k - 1; pp++) {
                        prod *= in.key(pp + 1).get(j[pp], t);
                    }
                    s += prod;
                }
                double pv = p.evaluate(s / d);
                den += pv;
                for (int e = 0; e < dv; e++) {
                    double v = 1;
                    for (int pp = 0; pp < k - 1; pp++) {
                        v *= in.value(pp + 1).get(j[pp], e);
                    }
                    num[e] += pv * v;
                }
                int pp = k - 2;
                while (pp >= 0 && ++j[pp] == n[pp]) {
                    j[pp] = 0;
                    pp--;
                }
                if (pp < 0) {
                    break;
                }
            }
            for (int e = 0; e < dv; e++) {
                out[i * dv + e] = num[e] / den;
            }
        }
        return Matrix.wrap(nq, dv, out);
    }

    /**
     * {@code count} query rows spread evenly over {@code [0, nq)}: row {@code floor(j nq / count)}
     * for j < count (all rows when count >= nq).
     */
    public static int[] sampleRows(int nq, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("row count must be >= 0, got " + count);
        }
        int c = Math.min(count, nq);
        int[] rows = new int[c];
        for (int j = 0; j < c; j++) {
            rows[j] = (int) ((long) j * nq / c);
        }
        return rows;
    }

    /**
     * {@code result} with its report's measured error: the largest {@code |T - Att|} over the
     * given query rows, the exact rows computed by {@link ExactAttention#computeRows} at
     * {@code prod_p n_p (d + d_v)} per row (THEORY.md §3).
     */
    public static Result checkedAgainstExact(Result result, AttentionInput in, int[] rows) {
        if (rows.length == 0) {
            return result;
        }
        Matrix exact = ExactAttention.create().computeRows(in, rows);
        Matrix t = result.output();
        double worst = 0;
        for (int x = 0; x < rows.length; x++) {
            for (int e = 0; e < t.cols(); e++) {
                double diff = Math.abs(t.get(rows[x], e) - exact.get(x, e));
                if (!(diff <= worst)) {
                    worst = diff;
                }
            }
        }
        return new Result(t, result.report().withMeasuredError(worst, rows.length));
    }

    /** This method as an {@link AttentionAlgorithm} (name {@code "poly"}) with fixed options. */
    public static AttentionAlgorithm algorithm(Options opt) {
        return new AttentionAlgorithm() {
            @Override
            public Matrix compute(AttentionInput in) {
                return PolynomialAttention.compute(in, opt).output();
            }

            @Override
            public String name() {
                return "poly";
            }
        };
    }

    /** The largest absolute entry of {@code a - b} (same shapes). */
    public static double maxAbsDifference(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("Dimension mismatch: " + a + " != " + b);
        }
        double[] x = a.data();
        double[] y = b.data();
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double diff = Math.abs(x[i] - y[i]);
            if (!(diff <= worst)) {
                worst = diff; // NaN propagates
            }
        }
        return worst;
    }
}
