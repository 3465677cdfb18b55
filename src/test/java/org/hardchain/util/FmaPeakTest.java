package org.hardchain.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FmaPeakTest {
    @Test
    void chainsComputeTheGeometricSeriesTheyClaim() {
        // Each lane of each chain runs a <- a * x + y from 0: after n steps a = y (1 - x^n) / (1 - x).
        int n = 1000;
        double lanesTimesChains = FmaPeak.flopsPerCall(n) / (2.0 * n);
        double one = (1 - Math.pow(0.999999, n)) * (1e-6 / (1 - 0.999999));
        assertEquals(lanesTimesChains * one, FmaPeak.chains(n), 1e-9 * lanesTimesChains);
    }

    @Test
    void scalarFallbackComputesTheSameSeries() {
        String old = System.getProperty("hardchain.simd");
        try {
            System.setProperty("hardchain.simd", "false");
            int n = 500;
            assertEquals(2.0 * 8 * n, FmaPeak.flopsPerCall(n));
            double one = (1 - Math.pow(0.999999, n)) * (1e-6 / (1 - 0.999999));
            assertEquals(8 * one, FmaPeak.chains(n), 1e-9);
        } finally {
            if (old == null) {
                System.clearProperty("hardchain.simd");
            } else {
                System.setProperty("hardchain.simd", old);
            }
        }
    }

    @Test
    void measuredPeakIsPositiveAndFinite() {
        double g = FmaPeak.measure(1, 30);
        assertTrue(g > 0.01 && Double.isFinite(g), "GFLOP/s " + g);
    }
}
