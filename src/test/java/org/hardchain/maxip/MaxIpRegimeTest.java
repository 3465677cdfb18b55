package org.hardchain.maxip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaxIpRegimeTest {

    /** The same quantities with plain doubles (no log space), valid for small numbers. */
    @Test
    void logSpaceQuantitiesMatchDirectFormulasOnSmallInstances() {
        int[][] cases = {{2, 20, 4, 10, 3}, {3, 30, 6, 12, 5, 4}, {4, 40, 8, 9, 2, 3, 2}};
        double[] epss = {0.5, 0.75, 0.875};
        for (int c = 0; c < cases.length; c++) {
            int k = cases[c][0];
            long d = cases[c][1];
            long t = cases[c][2];
            long[] sizes = new long[k];
            for (int p = 0; p < k; p++) {
                sizes[p] = cases[c][3 + p];
            }
            double eps = epss[c];
            MaxIpRegime r = MaxIpRegime.of(k, d, t, eps, sizes, 4);
            double rt = 1;
            double plus = 1;
            for (int p = 1; p < k; p++) {
                rt *= sizes[p];
                plus *= sizes[p] + 1;
            }
            double m = plus - rt - 1;
            double lambda = Math.log(4 * rt) / (eps * t);
            assertEquals(lambda, r.lambda(), 1e-12, "case " + c);
            double yes = Math.exp(lambda * t) + rt - 1;
            double no = rt * Math.exp(lambda * (1 - eps) * t);
            assertTrue(yes / no >= 4 - 1e-9, "case " + c + ": separation " + yes / no);
            double target = Math.sqrt(yes * no);
            long h = r.h();
            assertTrue(Math.exp(lambda * h) + m >= target * (1 - 1e-12) || h == 0, "case " + c);
            assertTrue(h == 0 || Math.exp(lambda * (h - 1)) + m < target, "case " + c + ": h = " + h + " is not the least");
            double den = Math.exp(lambda * h) + m;
            double acc = (yes / (yes + den) - no / (no + den)) / 2;
            assertEquals(acc, r.oracleAccuracy(), 1e-12, "case " + c);
            assertEquals(Math.pow((d + h) * lambda, 1.0 / k), r.entryBound(), 1e-9, "case " + c);
            long n = 0;
            for (long s : sizes) {
                n = Math.max(n, s);
            }
            assertEquals(d / (Math.log(n) / Math.log(2)), r.dOverLog2n(), 1e-12);
        }
    }

    @Test
    void emptyKeySetGivesNoAttentionQuantities() {
        MaxIpRegime r = MaxIpRegime.of(3, 10, 4, 0.5, new long[] {5, 0, 3}, 4);
        assertEquals(0, r.keyTuples());
        assertTrue(Double.isNaN(r.entryBound()));
    }

    @Test
    void hugeExponentsStayFinite() {
        MaxIpRegime r = MaxIpRegime.of(3, 1_000_000, 100_000, 0.999, new long[] {1 << 20, 1 << 20, 1 << 20}, 4);
        assertTrue(Double.isFinite(r.entryBound()) && r.entryBound() > 0, r.toString());
        assertTrue(r.oracleAccuracy() > 0 && r.oracleAccuracy() < 0.5, r.toString());
    }
}
