package org.hardchain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.ExactAttention;
import org.hardchain.attention.MonomialBasis;
import org.hardchain.attention.PolynomialAttention;
import org.hardchain.attention.RandomAttention;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.maxip.MaxIpGenerators;
import org.hardchain.util.Progress;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static final long SEED = 11;

    @Test
    void smallPointMeasuresExactAndPolynomialAgainstIndependentExactRows() {
        SweepConfig c = SweepConfig.of(3, List.of(24), 3, List.of(0.5), 1e-4, 6, SEED).withRepeats(1);
        SweepResult r = Sweep.run(c, Progress.silent());
        SweepRow e = r.row(24, 0.5, "exact");
        SweepRow p = r.row(24, 0.5, "poly");
        assertTrue(e.exactMeasured(), e::toString);
        assertEquals(24, e.rowsChecked());
        assertEquals("ok", p.status(), p::toString);
        assertEquals(MonomialBasis.rank(3, p.degree()).doubleValue(), p.rank());
        // recompute the error independently: the same input, the polynomial method, all exact rows
        AttentionInput in = RandomAttention.uniform(3, 24, 24, 3, 3, 0.5, SEED);
        double err = PolynomialAttention.maxAbsDifference(
                PolynomialAttention.compute(in, PolynomialAttention.Options.epsilon(1e-4)).output(),
                ExactAttention.create().compute(in));
        assertEquals(err, p.maxError(), 1e-15, "seed " + SEED);
        assertTrue(p.maxError() <= 1e-4 && p.maxError() <= p.errorBound(), p::toString);
        assertEquals(24.0 * 24 * 24 * 6, e.multiplyAdds());
        assertEquals(p.rank() * 4 * 72, p.multiplyAdds());
    }

    @Test
    void overTheTimeLimitExactIsExtrapolatedFromSampledRowsAndPolyIsNotRun() {
        SweepConfig c = SweepConfig.of(3, List.of(32), 3, List.of(0.5), 1e-3, 4, SEED).withRepeats(1)
                .withPointSeconds(1e-12);
        SweepResult r = Sweep.run(c, Progress.silent());
        SweepRow e = r.row(32, 0.5, "exact");
        assertFalse(e.exactMeasured(), e::toString);
        assertEquals(4, e.rowsChecked());
        assertTrue(e.note().contains("extrapolated from 4 rows"), e::toString);
        SweepRow p = r.row(32, 0.5, "poly");
        assertEquals("over_time_limit", p.status(), p::toString);
        assertTrue(Double.isNaN(p.seconds()));
        assertFalse(r.polyWinsByTime(32, 0.5));
    }

    @Test
    void rankAboveTheKeyTuplesIsRecordedAsNotCompetitiveWithoutRunning() {
        // n = 6, k = 3: 36 key tuples; B = 1.5, d = 4 needs degree >= 5, rank >= C(9, 4) = 126
        SweepConfig c = SweepConfig.of(3, List.of(6), 4, List.of(1.5), 1e-3, 6, SEED).withRepeats(1);
        SweepResult r = Sweep.run(c, Progress.silent());
        SweepRow p = r.row(6, 1.5, "poly");
        assertEquals("rank_exceeds_key_tuples", p.status(), p::toString);
        assertTrue(p.rank() > 36, p::toString);
        assertTrue(Double.isNaN(p.seconds()) && Double.isNaN(p.maxError()));
        assertFalse(r.polyWinsByOperations(6, 1.5));
        assertEquals("ok", r.row(6, 1.5, "poly_fixed").status());
    }

    @Test
    void crossoverBracketsTheFirstLossByOperations() {
        SweepConfig c = SweepConfig.of(2, List.of(64), 2, List.of(0.25, 1.0, 4.0, 8.0), 1e-3, 4, SEED).withRepeats(1);
        SweepResult r = Sweep.run(c, Progress.silent());
        SweepResult.Crossover x = r.crossover(64, "operations");
        int firstLoss = -1;
        for (int i = 0; i < c.bounds().size(); i++) {
            if (!r.polyWinsByOperations(64, c.bounds().get(i))) {
                firstLoss = i;
                break;
            }
        }
        assertTrue(firstLoss > 0, r.toCsv());
        assertEquals(c.bounds().get(firstLoss), x.firstLoss());
        assertEquals(c.bounds().get(firstLoss - 1), x.lastWin());
        assertEquals(Math.sqrt(x.lastWin() * x.firstLoss()), x.estimate(), 1e-12);
        assertEquals(Math.sqrt(Math.log(64)), x.logRoot(), 1e-12);
        // bisection: the polynomial method wins just below B* and loses just above, by operations
        assertTrue(x.bisected() > x.lastWin() && x.bisected() < x.firstLoss(), x.toString());
        double half = Math.pow(x.firstLoss() / x.lastWin(), Math.scalb(1.0, -Sweep.BISECTION_STEPS - 1));
        Sweep.InputSource src = Sweep.uniform(c);
        assertTrue(Sweep.winsByOperations(c, src.input(64, x.bisected() / half * (1 - 1e-9))), x.toString());
        assertFalse(Sweep.winsByOperations(c, src.input(64, x.bisected() * half * (1 + 1e-9))), x.toString());
        assertTrue(Double.isNaN(r.crossover(64, "time").bisected()));
    }

    @Test
    void adversarialInputsAreTheLemmaB1InstancesAndLieOutsideThePolynomialRegime() {
        SweepConfig c = SweepConfig.of(3, List.of(8, 12), 3, List.of(), 1e-2, 4, SEED).withRepeats(1);
        SweepResult r = Sweep.run(c, Sweep.adversarial(c), Progress.silent());
        for (int n : c.ns()) {
            AttentionReduction red = AttentionReduction.of(MaxIpGenerators.random(3, 0.5, SEED, n, n - 1, n - 1),
                    Construction.REFERENCE, LemmaB1.DEFAULT_GAMMA);
            assertEquals(List.of(red.design().scale()), r.bounds(n), "seed " + SEED);
            SweepRow e = r.row(n, red.design().scale(), "exact");
            assertEquals(red.design().width(), e.d(), "seed " + SEED);
            assertEquals((double) n * n, e.keyTuples(), "seed " + SEED);
            SweepRow p = r.row(n, red.design().scale(), "poly");
            assertTrue(p.rank() > p.keyTuples() && !p.ran(), p::toString);
        }
    }

    @Test
    void hugeScoreRangeIsRecordedWithoutADegreeEstimateInsteadOfFailing() {
        // B = 40, k = 3: scores up to about 40^3 / 2, past what the Chebyshev estimate computes
        SweepConfig c = SweepConfig.of(3, List.of(6), 2, List.of(40.0), 1e-3, 2, SEED).withRepeats(1);
        SweepResult r = Sweep.run(c, Progress.silent());
        SweepRow p = r.row(6, 40.0, "poly");
        assertTrue(p.scoreRange() > ChebyshevDegree.MAX_RANGE, p::toString);
        assertEquals(-1, p.degree(), p::toString);
        assertTrue(Double.isNaN(p.rank()) && !p.ran(), p::toString);
        assertTrue(p.note().contains("degree not estimated"), p::toString);
        assertFalse(r.polyWinsByOperations(6, 40.0));
    }

    @Test
    void uniformInputsNeedABound() {
        SweepConfig c = SweepConfig.of(3, List.of(8), 3, List.of(), 1e-2, 4, SEED);
        assertThrows(IllegalArgumentException.class, () -> Sweep.uniform(c));
    }

    @Test
    void configRejectsBadGridsWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepConfig.of(3, List.of(8), 2, List.of(-1.0), 1e-3, 4, 1));
        assertTrue(e.getMessage().contains("[-1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepConfig.of(1, List.of(8), 2, List.of(1.0), 1e-3, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> SweepConfig.of(3, List.of(8, 8), 2, List.of(1.0), 1e-3, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> SweepConfig.of(3, List.of(8), 2, List.of(1.0), 2, 4, 1));
    }

    @Test
    void csvLineLeavesNaNEmptyAndQuotesNotesWithCommas() {
        SweepRow r = new SweepRow(3, 8, 2, 0.5, "poly", "resource_limit", 3, 10, 64, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, true, 0, 1200, 0.1, "a, \"b\"");
        assertEquals("3,8,2,0.500000,poly,resource_limit,3,10,64,,,,,true,0,1200,0.100000,\"a, \"\"b\"\"\"",
                r.toCsv());
    }
}
