package org.hardchain.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.hardchain.util.ResourceLimitException;
import org.junit.jupiter.api.Test;

class MonomialBasisTest {

    @Test
    void listsEveryMultiIndexOfDegreeAtMostGExactlyOnce() {
        for (int d = 1; d <= 5; d++) {
            for (int g = 0; g <= 6; g++) {
                MonomialBasis b = MonomialBasis.of(d, g, Long.MAX_VALUE);
                assertEquals(CombinatoricsUtils.binomialCoefficient(d + g, g), b.size(), "d " + d + ", g " + g);
                Set<String> seen = new HashSet<>();
                int prevDegree = 0;
                for (int c = 0; c < b.size(); c++) {
                    int[] alpha = b.exponents(c);
                    int deg = Arrays.stream(alpha).sum();
                    assertEquals(b.degree(c), deg);
                    assertTrue(deg <= g && deg >= prevDegree, "graded order");
                    prevDegree = deg;
                    assertTrue(seen.add(Arrays.toString(alpha)), "duplicate " + Arrays.toString(alpha));
                    if (c > 0) {
                        assertTrue(b.parent(c) < c);
                    }
                }
            }
        }
    }

    @Test
    void monomialsAndMultinomialWeightsMatchDirectFormulas() {
        Random rnd = new Random(11);
        MonomialBasis b = MonomialBasis.of(3, 5, Long.MAX_VALUE);
        double[] x = {rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5};
        double[] coef = {1.5, -2, 0.25, 3, 0.125, -1};
        double[] m = new double[b.size()];
        double[] w = new double[b.size()];
        b.monomials(x, 0, m, 0);
        b.weightedMonomials(x, 0, coef, w, 0);
        for (int c = 0; c < b.size(); c++) {
            int[] alpha = b.exponents(c);
            double direct = 1;
            long multinom = CombinatoricsUtils.factorial(b.degree(c));
            for (int t = 0; t < 3; t++) {
                direct *= Math.pow(x[t], alpha[t]);
                multinom /= CombinatoricsUtils.factorial(alpha[t]);
            }
            assertEquals(direct, m[c], 1e-15, "seed 11, column " + c);
            assertEquals(coef[b.degree(c)] * multinom * direct, w[c], 1e-14, "seed 11, column " + c);
        }
        // multinomial theorem: the degree-s weights sum to (sum x_t)^s
        double s1 = x[0] + x[1] + x[2];
        double total = 0;
        for (int c = 0; c < b.size(); c++) {
            total += w[c] / coef[b.degree(c)] * (b.degree(c) == 4 ? 1 : 0);
        }
        assertEquals(Math.pow(s1, 4), total, 1e-14);
    }

    @Test
    void rankIsExactAndTooLargeARankIsAResourceLimit() {
        assertEquals(12870, MonomialBasis.rank(8, 8).intValueExact());
        assertEquals("718406958841", MonomialBasis.rank(64, 10).toString());
        var e = assertThrows(ResourceLimitException.class, () -> MonomialBasis.of(64, 10, 1_000_000));
        assertTrue(e.getMessage().contains("--max-rank"), e.getMessage());
    }
}
