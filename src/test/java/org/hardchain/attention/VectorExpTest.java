package org.hardchain.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.hardchain.util.Simd;
import org.junit.jupiter.api.Test;

class VectorExpTest {
    @Test
    void vectorExpMatchesMathExpWithinFourUlpOnTheNonPositiveRange() {
        assumeTrue(Simd.available(), "Vector API not loaded");
        long seed = 7;
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -708 * r.nextDouble() : -Math.abs(r.nextGaussian());
        }
        double[] y = VectorRowKernel.expNonPositive(x);
        for (int i = 0; i < x.length; i++) {
            double e = Math.exp(x[i]);
            assertEquals(e, y[i], 4 * Math.ulp(e), "seed " + seed + " x = " + x[i]);
        }
    }

    @Test
    void vectorExpEdgeCases() {
        assumeTrue(Simd.available(), "Vector API not loaded");
        double[] x = {0.0, -0.0, Double.NEGATIVE_INFINITY, -708, -708.0000001, -745.2, -1e300, -Double.MAX_VALUE,
            -Math.log(2) / 2, -Math.log(2), -1e-300};
        double[] y = VectorRowKernel.expNonPositive(x);
        assertEquals(1.0, y[0], 0.0);
        assertEquals(1.0, y[1], 0.0);
        assertEquals(Math.exp(-708), y[3], 4 * Math.ulp(Math.exp(-708)));
        assertEquals(0.0, y[2], 3.4e-308);
        for (int i = 4; i <= 7; i++) {
            assertEquals(0.0, y[i], 3.4e-308, "x = " + x[i]);
        }
        assertEquals(Math.exp(x[8]), y[8], 2 * Math.ulp(Math.exp(x[8])));
        assertEquals(0.5, y[9], 2 * Math.ulp(0.5));
        assertEquals(1.0, y[10], 0.0);
    }
}
