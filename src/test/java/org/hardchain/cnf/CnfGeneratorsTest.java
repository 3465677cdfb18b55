package org.hardchain.cnf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;

class CnfGeneratorsTest {
    @Test
    void randomKCnfIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        for (long seed = 0; seed < 20; seed++) {
            Cnf a = CnfGenerators.randomKCnf(20, 85, 3, seed);
            assertEquals(a, CnfGenerators.randomKCnf(20, 85, 3, seed), "seed " + seed);
            assertNotEquals(a, CnfGenerators.randomKCnf(20, 85, 3, seed + 1), "seed " + seed);
            Cnf p = CnfGenerators.plantedKCnf(20, 85, 3, seed);
            assertEquals(p, CnfGenerators.plantedKCnf(20, 85, 3, seed), "seed " + seed);
            assertArrayEquals(CnfGenerators.plantedAssignment(20, seed), CnfGenerators.plantedAssignment(20, seed));
        }
    }

    @Test
    void randomKCnfClausesHaveWidthDistinctVariablesInRange() {
        for (long seed = 0; seed < 50; seed++) {
            int n = 3 + (int) seed % 10;
            int k = 1 + (int) (seed % n);
            Cnf f = CnfGenerators.randomKCnf(n, 30, k, seed);
            assertEquals(n, f.numVariables());
            assertEquals(30, f.numClauses());
            for (int c = 0; c < f.numClauses(); c++) {
                assertEquals(k, f.clauseLength(c), "seed " + seed);
                Set<Integer> vars = new HashSet<>();
                for (int j = 0; j < k; j++) {
                    int v = Math.abs(f.literal(c, j));
                    assertTrue(v >= 1 && v <= n, "seed " + seed);
                    vars.add(v);
                }
                assertEquals(k, vars.size(), "seed " + seed + ": repeated variable in clause " + c);
            }
        }
    }

    @Test
    void randomKCnfIsRoughlyUniformOverVariablesAndSigns() {
        Cnf f = CnfGenerators.randomKCnf(10, 20_000, 3, 99);
        int[] count = new int[11];
        int negative = 0;
        for (int c = 0; c < f.numClauses(); c++) {
            for (int j = 0; j < 3; j++) {
                count[Math.abs(f.literal(c, j))]++;
                negative += f.literal(c, j) < 0 ? 1 : 0;
            }
        }
        // 60000 literals: 6000 per variable expected, sd about 73; half negative, sd about 122.
        for (int v = 1; v <= 10; v++) {
            assertTrue(Math.abs(count[v] - 6000) < 500, "seed 99, variable " + v + ": " + count[v]);
        }
        assertTrue(Math.abs(negative - 30_000) < 1000, "seed 99, negative literals " + negative);
    }

    @Test
    void plantedFormulaIsSatisfiedByItsHiddenAssignment() {
        for (long seed = 0; seed < 200; seed++) {
            int n = 3 + (int) (seed % 30);
            int k = 1 + (int) (seed % 4 % n);
            int m = 6 * n;
            Cnf f = CnfGenerators.plantedKCnf(n, m, k, seed);
            assertEquals(m, f.numClauses(), "seed " + seed);
            assertTrue(f.isSatisfiedBy(CnfGenerators.plantedAssignment(n, seed)), "seed " + seed);
        }
    }

    @Test
    void pigeonholeHasTheStandardShape() {
        Cnf php = CnfGenerators.pigeonhole(3);
        assertEquals(12, php.numVariables());
        assertEquals(4 + 3 * 6, php.numClauses());
        assertArrayEquals(new int[] {1, 2, 3}, php.clause(0));
        assertArrayEquals(new int[] {10, 11, 12}, php.clause(3));
        assertArrayEquals(new int[] {-1, -4}, php.clause(4));
        // PHP(1, 0): one pigeon, no hole: a single empty clause.
        assertEquals(Cnf.of(0, new int[0]), CnfGenerators.pigeonhole(0));
    }

    @Test
    void pigeonholeWithoutOnePigeonIsSatisfiable() {
        // Dropping the last pigeon's clause leaves m pigeons in m holes: satisfiable.
        for (int h = 1; h <= 4; h++) {
            Cnf php = CnfGenerators.pigeonhole(h);
            java.util.List<int[]> cl = new java.util.ArrayList<>();
            for (int c = 0; c < php.numClauses(); c++) {
                if (c != h) {
                    cl.add(php.clause(c));
                }
            }
            assertTrue(BruteForceSat.isSatisfiable(Cnf.of(php.numVariables(), cl)), "h = " + h);
        }
    }

    @Test
    void infeasibleParametersAreUsageErrorsNamingTheValues() {
        UsageException e = assertThrows(UsageException.class, () -> CnfGenerators.randomKCnf(2, 5, 3, 0));
        assertTrue(e.getMessage().contains("got 3"), e.getMessage());
        assertThrows(UsageException.class, () -> CnfGenerators.randomKCnf(5, -1, 3, 0));
        assertThrows(UsageException.class, () -> CnfGenerators.plantedKCnf(-1, 5, 3, 0));
        assertThrows(UsageException.class, () -> CnfGenerators.plantedKCnf(5, 5, 0, 0));
        assertThrows(UsageException.class, () -> CnfGenerators.pigeonhole(-1));
        UsageException big = assertThrows(UsageException.class, () -> CnfGenerators.pigeonhole(100_000));
        assertTrue(big.getMessage().contains("PHP(100001, 100000)"), big.getMessage());
    }
}
