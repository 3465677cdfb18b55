package org.hardchain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hardchain.attention.ExpApproximation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChebyshevDegreeTest {
    @Test
    void besselValuesMatchTables() {
        // I_0(1) = 1.2660658777520082, I_1(1) = 0.5651591039924851, I_5(10) = 777.1882864032599
        assertEquals(Math.log(1.2660658777520082), ChebyshevDegree.logBesselI(0, 1), 1e-14);
        assertEquals(Math.log(0.5651591039924851), ChebyshevDegree.logBesselI(1, 1), 1e-14);
        assertEquals(Math.log(777.1882864032599), ChebyshevDegree.logBesselI(5, 10), 1e-12);
    }

    /**
     * The estimate is two-sided against the independent certificate of {@link ExpApproximation}
     * (Bessel series in BigDecimal, plus the exact aliasing of the double polynomial): at the
     * estimated degree the certificate meets delta, one degree lower it is above delta / 2
     * (the certificate is at least the truncation tail, half the estimate's bound).
     */
    @ParameterizedTest
    @CsvSource({"0.5,1e-3", "1,1e-6", "2,1e-4", "5,1e-3", "8,1e-2"})
    void estimateIsTightAgainstTheCertifiedInterpolant(double range, double delta) {
        int g = ChebyshevDegree.degree(range, delta);
        assertTrue(ExpApproximation.ofDegree(range, g).interpolationBound() <= delta, "R=" + range + " g=" + g);
        if (g > 0) {
            assertTrue(ExpApproximation.ofDegree(range, g - 1).interpolationBound() > delta / 2,
                    "R=" + range + " g=" + g);
        }
    }

    @Test
    void degreeGrowsWithTheRangeAtFixedDelta() {
        int prev = -1;
        for (double r : new double[] {1, 4, 16, 64}) {
            int g = ChebyshevDegree.degree(r, 1e-6);
            assertTrue(g > prev && g >= r, "R=" + r + " g=" + g);
            prev = g;
        }
    }

    @Test
    void rejectsOutOfRangeArguments() {
        assertThrows(IllegalArgumentException.class, () -> ChebyshevDegree.degree(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ChebyshevDegree.degree(1, 1));
    }
}
