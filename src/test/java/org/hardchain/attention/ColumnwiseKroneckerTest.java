package org.hardchain.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColumnwiseKroneckerTest {

    @Test
    void rowsAreEntrywiseProductsOfRowPairsOnAHandCase() {
        Matrix a = Matrix.ofRows(new double[][] {{1, 2}, {3, 4}});
        Matrix b = Matrix.ofRows(new double[][] {{5, 6}, {7, 8}, {9, 10}});
        Matrix c = ColumnwiseKronecker.of(a, b);
        assertEquals(Matrix.ofRows(new double[][] {{5, 12}, {7, 16}, {9, 20}, {15, 24}, {21, 32}, {27, 40}}), c);
    }

    @Test
    void mismatchedColumnCountsAreRejectedWithBothCounts() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ColumnwiseKronecker.of(Matrix.zeros(2, 3), Matrix.zeros(2, 4)));
        assertEquals("Dimension mismatch: 3 != 4 columns", e.getMessage());
    }

    /** THEORY.md §2: (U_1 ⊘ ... ⊘ U_{k-1})^T (V_1 ⊘ ... ⊘ V_{k-1}) = ∘_p U_p^T V_p. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void kroneckerIdentityHoldsOnRandomMatricesWithUnequalRowCounts(int k) {
        for (long seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed * 31 + k);
            int r = 1 + rnd.nextInt(6);
            int dv = 1 + rnd.nextInt(4);
            List<Matrix> us = new ArrayList<>();
            List<Matrix> vs = new ArrayList<>();
            List<Matrix> products = new ArrayList<>();
            for (int p = 0; p < k - 1; p++) {
                int n = 1 + rnd.nextInt(5);
                Matrix u = PolyTestSupport.uniform(rnd, n, r, 2);
                Matrix v = PolyTestSupport.uniform(rnd, n, dv, 2);
                us.add(u);
                vs.add(v);
                products.add(ColumnwiseKronecker.transposeTimes(u, v));
            }
            Matrix left = ColumnwiseKronecker.transposeTimes(ColumnwiseKronecker.of(us), ColumnwiseKronecker.of(vs));
            Matrix right = ColumnwiseKronecker.hadamard(products);
            assertEquals(r, left.rows());
            for (int a = 0; a < r; a++) {
                for (int b = 0; b < dv; b++) {
                    assertEquals(right.get(a, b), left.get(a, b), 1e-12 * (1 + Math.abs(right.get(a, b))),
                            "seed " + seed + ", k " + k + ", entry (" + a + ", " + b + ")");
                }
            }
        }
    }

    @Test
    void productIsAssociative() {
        Random rnd = new Random(7);
        Matrix a = PolyTestSupport.uniform(rnd, 2, 3, 1);
        Matrix b = PolyTestSupport.uniform(rnd, 3, 3, 1);
        Matrix c = PolyTestSupport.uniform(rnd, 4, 3, 1);
        Matrix left = ColumnwiseKronecker.of(ColumnwiseKronecker.of(a, b), c);
        Matrix right = ColumnwiseKronecker.of(a, ColumnwiseKronecker.of(b, c));
        assertEquals(0, PolynomialAttention.maxAbsDifference(left, right), 1e-15, "seed 7");
    }
}
