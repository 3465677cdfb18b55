package org.hardchain.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpApproximationTest {

    /** Checks |P(x) - e^x| <= delta e^x on 200k random points, the endpoints and 0. */
    private static double worstOnRandomPoints(ExpApproximation p, long seed) {
        Random rnd = new Random(seed);
        double r = p.range();
        double worst = 0;
        double[] fixed = {-r, r, 0, Math.nextUp(-r), Math.nextDown(r)};
        for (double x : fixed) {
            worst = Math.max(worst, Math.abs(p.evaluate(x) - Math.exp(x)) / Math.exp(x));
        }
        for (int i = 0; i < 200_000; i++) {
            double x = -r + 2 * r * rnd.nextDouble();
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(p.evaluate(x) - e) / e);
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"0.25, 1e-12", "1, 1e-6", "1, 1e-10", "3, 1e-8", "7.5, 1e-4", "10, 1e-3", "0.001, 1e-14"})
    void certifiedDeltaHoldsOnADenseRandomSetIncludingTheEndpoints(double range, double delta) {
        ExpApproximation p = ExpApproximation.forRelativeError(range, delta);
        assertTrue(p.certifiedDelta() <= delta, p.toString());
        double worst = worstOnRandomPoints(p, 42);
        // Math.exp itself is within 1 ulp.
        assertTrue(worst <= p.certifiedDelta() + 0x1p-52,
                "seed 42: measured " + worst + " > certified " + p.certifiedDelta() + " for " + p);
        // And the certificate is not vacuous: within a factor 4 of what is measured near -R.
        assertTrue(p.interpolationBound() <= 4 * worst + 1e-13,
                "certificate " + p.interpolationBound() + " far above measured " + worst);
    }

    @Test
    void automaticDegreeIsTheSmallestThatMeetsDelta() {
        for (double range : new double[] {0.5, 1, 2, 5}) {
            for (double delta : new double[] {1e-3, 1e-7}) {
                ExpApproximation p = ExpApproximation.forRelativeError(range, delta);
                assertTrue(p.certifiedDelta() <= delta);
                if (p.degree() > 0) {
                    ExpApproximation lower = ExpApproximation.ofDegree(range, p.degree() - 1);
                    assertTrue(lower.certifiedDelta() > delta, "degree " + (p.degree() - 1) + " already meets "
                            + delta + " on R = " + range);
                }
            }
        }
    }

    @Test
    void degreeGrowsWithTheRangeAndAsTheErrorShrinks() {
        int previous = -1;
        for (double range : new double[] {0.1, 0.5, 1, 2, 4, 8}) {
            int g = ExpApproximation.forRelativeError(range, 1e-4).degree();
            assertTrue(g >= previous, "degree " + g + " at R = " + range + " below " + previous);
            previous = g;
        }
        assertTrue(previous > ExpApproximation.forRelativeError(0.1, 1e-4).degree());
        previous = -1;
        for (double delta : new double[] {1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12}) {
            int g = ExpApproximation.forRelativeError(1.5, delta).degree();
            assertTrue(g >= previous, "degree " + g + " at delta = " + delta + " below " + previous);
            previous = g;
        }
    }

    @Test
    void fixedDegreeReportsItsCertifiedDelta() {
        ExpApproximation p = ExpApproximation.ofDegree(1, 6);
        assertEquals(6, p.degree());
        // The error of degree-6 interpolation of e^x on [-1, 1] is about 2 I_7(1) e ~ 1.3e-6 at x = -1.
        assertTrue(p.certifiedDelta() > 1e-7 && p.certifiedDelta() < 1e-5, p.toString());
        assertTrue(worstOnRandomPoints(p, 3) <= p.certifiedDelta() + 0x1p-52);
        assertTrue(p.gridDelta() <= p.certifiedDelta());
    }

    @Test
    void coefficientsInTheScaledVariableStayBoundedForLargeDegrees() {
        ExpApproximation p = ExpApproximation.ofDegree(8, 60);
        for (int s = 0; s <= 60; s++) {
            assertTrue(Math.abs(p.scaledCoefficient(s)) <= Math.exp(8), "a_" + s + " = " + p.scaledCoefficient(s));
        }
        // Near the Taylor coefficients R^s / s! for small s.
        assertEquals(8.0, p.scaledCoefficient(1), 1e-6);
        assertEquals(32.0, p.scaledCoefficient(2), 1e-6);
    }

    @Test
    void besselSeriesMatchesKnownValues() {
        MathContext mc = new MathContext(40);
        // I_0(1) and I_1(1), from tables (Abramowitz & Stegun 9.8).
        assertEquals(1.2660658777520082, ExpApproximation.besselI(0, BigDecimal.ONE, mc).doubleValue(), 3e-16);
        assertEquals(0.5651591039924851, ExpApproximation.besselI(1, BigDecimal.ONE, mc).doubleValue(), 3e-16);
        // e^x = I_0(x) + 2 sum_j I_j(x) at x = 3.
        BigDecimal x = new BigDecimal(3);
        double sum = ExpApproximation.besselI(0, x, mc).doubleValue();
        for (int j = 1; j < 60; j++) {
            sum += 2 * ExpApproximation.besselI(j, x, mc).doubleValue();
        }
        assertEquals(Math.exp(3), sum, 1e-13 * Math.exp(3));
    }

    @Test
    void errorBelowTheDoublePrecisionFloorIsAUsageError() {
        var e = assertThrows(UsageException.class, () -> ExpApproximation.forRelativeError(20, 1e-9));
        assertTrue(e.getMessage().contains("double-precision floor"), e.getMessage());
    }

    @Test
    void degreeCapIsAUsageErrorNamingTheCap() {
        var e = assertThrows(UsageException.class, () -> ExpApproximation.forRelativeError(2, 1e-9, 5));
        assertTrue(e.getMessage().contains("degree <= 5"), e.getMessage());
    }

    @Test
    void outputErrorPropagationRoundTrips() {
        double delta = ExpApproximation.deltaForOutputError(1e-6, 3);
        assertEquals(1e-6 / (6 + 1e-6), delta, 1e-20);
        assertEquals(1e-6, ExpApproximation.outputErrorBound(delta, 3), 1e-18);
        assertEquals(0.5, ExpApproximation.deltaForOutputError(1e-3, 0));
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> ExpApproximation.ofDegree(-1, 3));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExpApproximation.forRelativeError(1, 1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }
}
