package org.hardchain.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.Simd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolynomialAttentionTest {

    @Test
    void scoreRangeBoundsEveryScoreAndIsAtMostBToTheK() {
        for (long seed = 1; seed <= 10; seed++) {
            AttentionInput in = PolyTestSupport.input(seed, 5, new int[] {4, 3}, 3, 2, 1.7);
            double r = PolynomialAttention.scoreRange(in);
            assertTrue(r <= Math.pow(in.entryBound(), 3) + 1e-12, "seed " + seed);
            double worst = 0;
            for (int i = 0; i < 5; i++) {
                for (int j1 = 0; j1 < 4; j1++) {
                    for (int j2 = 0; j2 < 3; j2++) {
                        double s = 0;
                        for (int t = 0; t < 3; t++) {
                            s += in.q().get(i, t) * in.key(1).get(j1, t) * in.key(2).get(j2, t);
                        }
                        assertTrue(Math.abs(s / 3) <= r * (1 + 1e-12), "seed " + seed);
                        worst = Math.max(worst, Math.abs(s / 3));
                    }
                }
            }
            assertTrue(worst > 0.05 * r, "seed " + seed + ": bound " + r + " vacuous against max score " + worst);
        }
    }

    /** P(S) = U_0 (U_1 ⊘ ... ⊘ U_{k-1})^T: the factors reproduce P on every score. */
    @ParameterizedTest
    @CsvSource({"2, 3, 4", "3, 2, 5", "3, 4, 3", "4, 2, 3"})
    void factorsReproduceThePolynomialOnEveryScore(int k, int d, int g) {
        for (long seed = 1; seed <= 5; seed++) {
            int[] n = new int[k - 1];
            for (int p = 0; p < k - 1; p++) {
                n[p] = 2 + (int) ((seed + p) % 3);
            }
            AttentionInput in = PolyTestSupport.input(seed, 4, n, d, 2, 1.3);
            ExpApproximation p = ExpApproximation.ofDegree(PolynomialAttention.scoreRange(in), g);
            LowRankFactors f = LowRankFactors.of(in, p, 1e7);
            assertEquals(MonomialBasis.rank(d, g).intValueExact(), f.rank());
            Matrix ps = f.scores();
            for (int i = 0; i < in.nq(); i++) {
                for (int x = 0; x < ps.cols(); x++) {
                    int[] j = PolyTestSupport.tuple(x, n);
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        double prod = in.q().get(i, t);
                        for (int q = 0; q < k - 1; q++) {
                            prod *= in.key(q + 1).get(j[q], t);
                        }
                        s += prod;
                    }
                    double expected = p.evaluate(s / d);
                    assertEquals(expected, ps.get(i, x), 1e-12 * (1 + Math.abs(expected)),
                            "seed " + seed + ", k " + k + ", row " + i + ", tuple " + x);
                }
            }
        }
    }

    /** The requested output error is met against exact attention (Lemmas D.5, D.6). */
    @ParameterizedTest
    @CsvSource({
        "2, 0.5, 4, 1e-3", "2, 1, 4, 1e-6", "2, 1.5, 3, 1e-4", "2, 2, 2, 1e-2", "2, 1, 1, 1e-9",
        "3, 0.5, 4, 1e-3", "3, 1, 3, 1e-6", "3, 1.3, 2, 1e-4", "3, 1, 5, 1e-2", "3, 1.6, 2, 1e-3"})
    void meetsTheRequestedErrorAgainstExactAttention(int k, double b, int d, double eps) {
        for (long seed = 1; seed <= 3; seed++) {
            int[] n = k == 2 ? new int[] {37} : new int[] {9, 13};
            AttentionInput in = PolyTestSupport.input(seed * 1000 + k, 11, n, d, 3, b);
            var res = PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(eps));
            double err = PolynomialAttention.maxAbsDifference(res.output(), new NaiveAttention().compute(in));
            String msg = "seed " + seed + ": " + res.report();
            assertTrue(err <= eps, "error " + err + " > eps " + eps + "; " + msg);
            assertTrue(res.report().totalBound() <= eps * (1 + 1e-12), msg);
            assertTrue(err <= res.report().aPrioriBound() + res.report().roundingBound(), msg);
        }
    }

    @Test
    void aPrioriBoundIsAtLeastTheMeasuredErrorForFixedDegrees() {
        for (int g = 1; g <= 8; g++) {
            AttentionInput in = PolyTestSupport.input(77 + g, 6, new int[] {7, 5}, 3, 2, 1.4);
            var res = PolynomialAttention.compute(in, PolynomialAttention.Options.degree(g));
            double err = PolynomialAttention.maxAbsDifference(res.output(), new NaiveAttention().compute(in));
            assertTrue(err <= res.report().totalBound(),
                    "seed " + (77 + g) + ", degree " + g + ": measured " + err + " > bound " + res.report());
            assertEquals(g, res.report().degree());
        }
    }

    @Test
    void streamedAlgorithmEqualsTheNaivePolynomialReference() {
        for (long seed = 1; seed <= 6; seed++) {
            int k = 2 + (int) (seed % 3);
            int[] n = new int[k - 1];
            for (int p = 0; p < k - 1; p++) {
                n[p] = 3 + (int) ((seed * 7 + p) % 5);
            }
            AttentionInput in = PolyTestSupport.input(seed, 9, n, 3, 2, 1.2);
            ExpApproximation p = ExpApproximation.ofDegree(PolynomialAttention.scoreRange(in), 5);
            Matrix fast = PolynomialAttention.compute(in, p, PolynomialAttention.Options.degree(5)).output();
            Matrix naive = PolynomialAttention.naive(in, p);
            assertTrue(PolyTestSupport.maxRelDiff(fast, naive) <= 1e-11, "seed " + seed + ", k " + k);
        }
    }

    @Test
    void simdAndScalarKernelsAgree() {
        // Odd rank and value widths exercise the vector tails: d = 4, g = 5 gives r = 126; dv = 1, 3, 8, 9.
        // Blocks of 7 rows exercise the 4-, 2- and 1-row paths of the query kernel.
        for (int dv : new int[] {1, 3, 8, 9}) {
            for (int blk : new int[] {16, 7}) {
                AttentionInput in = PolyTestSupport.input(500 + dv, 45, new int[] {31, 17}, 4, dv, 1);
                var opt = PolynomialAttention.Options.degree(5).withBlockRows(blk);
                Matrix simd = PolynomialAttention.compute(in, opt.withSimd(true)).output();
                Matrix scalar = PolynomialAttention.compute(in, opt.withSimd(false)).output();
                assertTrue(PolyTestSupport.maxRelDiff(simd, scalar) <= 1e-12, "seed " + (500 + dv)
                        + ", dv " + dv + ", block " + blk + ", kernel " + Simd.describe());
            }
        }
    }

    @Test
    void tinyBlocksAndManyThreadsGiveTheOneBlockResult() {
        AttentionInput in = PolyTestSupport.input(99, 23, new int[] {19, 11}, 3, 2, 1);
        var opt = PolynomialAttention.Options.epsilon(1e-6);
        Matrix one = PolynomialAttention.compute(in, opt.withBlockRows(1000).withThreads(1)).output();
        for (int blk : new int[] {1, 2, 3, 7}) {
            for (int threads : new int[] {1, 2, 3}) {
                Matrix m = PolynomialAttention.compute(in, opt.withBlockRows(blk).withThreads(threads)).output();
                assertTrue(PolyTestSupport.maxRelDiff(one, m) <= 1e-12,
                        "seed 99, block " + blk + ", threads " + threads);
            }
        }
    }

    @Test
    void sampledExactRowsMeasureTheErrorOnLargerInputs() {
        AttentionInput in = RandomAttention.uniform(3, 300, 200, 6, 5, 1.0, 2024);
        var res = PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-7));
        int[] rows = PolynomialAttention.sampleRows(in.nq(), 12);
        var checked = PolynomialAttention.checkedAgainstExact(res, in, rows);
        double err = checked.report().measuredError();
        assertEquals(12, checked.report().rowsChecked());
        assertTrue(err > 0 && err <= 1e-7, "seed 2024: " + checked.report());
        assertTrue(err <= checked.report().totalBound(), "seed 2024: " + checked.report());
        // the sampled rows are the exact kernel's rows of the full naive output
        assertEquals(List.of(0, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275),
                java.util.Arrays.stream(rows).boxed().toList());
    }

    /** Working memory is O(block r + r d_v): allocation beyond the output does not grow with n. */
    @Test
    void allocationBeyondTheOutputDoesNotGrowWithN() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        var opt = PolynomialAttention.Options.degree(4).withThreads(1).withBlockRows(32).withSimd(false);
        long[] beyond = new long[2];
        int[] sizes = {1000, 8000};
        for (int rep = 0; rep < 2; rep++) { // the first round loads classes
            for (int x = 0; x < 2; x++) {
                AttentionInput in = RandomAttention.uniform(3, sizes[x], sizes[x], 4, 4, 1.0, 31 + x);
                long before = mx.getThreadAllocatedBytes(tid);
                PolynomialAttention.compute(in, opt);
                long used = mx.getThreadAllocatedBytes(tid) - before;
                beyond[x] = used - 8L * sizes[x] * 4;
            }
        }
        // r = C(8, 4) = 70: block 32 x 70 + partial sums 5 x 70 per key set: a few kB.
        assertTrue(Math.abs(beyond[1] - beyond[0]) < 64 * 1024,
                "seeds 31, 32: allocation beyond the output " + beyond[0] + " B at n = 1000, " + beyond[1]
                        + " B at n = 8000");
    }

    @Test
    void nonFiniteInputsAreAUsageErrorNamingTheBound() {
        Matrix q = Matrix.ofRows(new double[][] {{1, Double.NaN}});
        Matrix k = Matrix.ofRows(new double[][] {{1, 2}});
        Matrix v = Matrix.ofRows(new double[][] {{Double.POSITIVE_INFINITY}});
        var e = assertThrows(org.hardchain.util.UsageException.class, () -> PolynomialAttention.compute(
                AttentionInput.of(q, List.of(k), List.of(Matrix.ofRows(new double[][] {{1}}))),
                PolynomialAttention.Options.epsilon(1e-3)));
        assertTrue(e.getMessage().contains("R = NaN"), e.getMessage());
        assertThrows(org.hardchain.util.UsageException.class, () -> PolynomialAttention.compute(
                AttentionInput.of(Matrix.ofRows(new double[][] {{1, 1}}), List.of(k), List.of(v)),
                PolynomialAttention.Options.degree(3)));
    }

    /** Scores up to R = 7 and 5000 key rows: rounding alone (about u n e^{2R}) exceeds eps = 1e-6. */
    @Test
    void errorBelowTheRoundingOfAlgorithmOneIsAUsageError() {
        double[] keys = new double[5000];
        double[] values = new double[5000];
        for (int j = 0; j < keys.length; j++) {
            keys[j] = j % 2 == 0 ? 2.65 : -2.65;
            values[j] = 1;
        }
        AttentionInput in = AttentionInput.of(Matrix.ofRows(new double[][] {{2.65}}),
                List.of(Matrix.of(5000, 1, keys)), List.of(Matrix.of(5000, 1, values)));
        var e = assertThrows(org.hardchain.util.UsageException.class,
                () -> PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-6)));
        assertTrue(e.getMessage().contains("out of reach in double precision"), e.getMessage());
        // a looser eps is fine, and meets its bound
        var res = PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-3));
        assertTrue(res.report().totalBound() <= 1e-3, res.report().toString());
        assertEquals(1.0, res.output().get(0, 0), 1e-3);
    }

    @Test
    void emptyKeySetIsRejected() {
        AttentionInput in = AttentionInput.of(Matrix.zeros(2, 2), List.of(Matrix.zeros(0, 2)), List.of(Matrix.zeros(0, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-3)));
    }

    @Test
    void zeroInputsGiveTheAverageOfTheValues() {
        Matrix q = Matrix.zeros(3, 2);
        Matrix k1 = Matrix.zeros(4, 2);
        Matrix v1 = Matrix.ofRows(new double[][] {{1}, {2}, {3}, {6}});
        AttentionInput in = AttentionInput.of(q, List.of(k1), List.of(v1));
        var res = PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-9));
        for (int i = 0; i < 3; i++) {
            assertEquals(3.0, res.output().get(i, 0), 1e-12);
        }
        assertEquals(0.0, res.report().scoreRange());
    }

    @Test
    void reportCarriesDegreeRankBoundsAndSnakeCaseKeys() {
        AttentionInput in = PolyTestSupport.input(5, 8, new int[] {6, 6}, 4, 4, 1);
        var r = PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-5)).report();
        assertEquals(MonomialBasis.rank(4, r.degree()).intValueExact(), r.rank());
        assertEquals(3, r.order());
        assertEquals(List.of(6, 6), r.keyRows());
        assertEquals(1e-5 / (2 * r.valueBound() + 1e-5), r.targetDelta(), 1e-18);
        assertTrue(r.certifiedDelta() <= r.targetDelta());
        assertTrue(r.scoreRange() <= r.entryBoundPowK());
        var m = r.toMap();
        assertEquals(List.of("method", "order", "query_rows", "key_rows", "d", "dv", "degree", "rank",
                "score_range", "entry_bound_pow_k", "value_bound", "requested_epsilon", "target_delta",
                "certified_delta", "a_priori_bound", "rounding_bound", "total_bound", "measured_error",
                "rows_checked", "block_rows", "threads", "kernel", "poly_multiply_adds", "exact_multiply_adds",
                "seconds"), List.copyOf(m.keySet()));
        assertEquals((double) r.rank() * 5 * (8 + 12), r.polyMultiplyAdds());
        assertEquals(8.0 * 36 * 8, r.exactMultiplyAdds());
        assertEquals(null, m.get("measured_error"));
        assertEquals(0.25, r.withMeasuredError(0.25, 3).toMap().get("measured_error"));
    }

    @Test
    void rankAboveTheLimitIsAResourceLimitBeforeAllocating() {
        AttentionInput in = PolyTestSupport.input(1, 2, new int[] {2}, 16, 1, 1);
        var e = assertThrows(ResourceLimitException.class, () -> PolynomialAttention.compute(in,
                PolynomialAttention.Options.degree(12).withMaxRank(100_000)));
        assertTrue(e.getMessage().contains("--max-rank"), e.getMessage());
    }
}
