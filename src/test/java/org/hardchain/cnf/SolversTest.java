package org.hardchain.cnf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SAT4J and brute force on hand-checked edge cases, and against each other. */
class SolversTest {
    private static final List<Function<Cnf, Optional<boolean[]>>> SOLVERS =
            List.of(Sat4jSolver::solve, BruteForceSat::solve);

    private static void assertSat(Cnf f, String why) {
        for (Function<Cnf, Optional<boolean[]>> s : SOLVERS) {
            Optional<boolean[]> a = s.apply(f);
            assertTrue(a.isPresent(), why);
            assertEquals(f.numVariables(), a.get().length, why);
            assertTrue(f.isSatisfiedBy(a.get()), why);
        }
    }

    private static void assertUnsat(Cnf f, String why) {
        for (Function<Cnf, Optional<boolean[]>> s : SOLVERS) {
            assertFalse(s.apply(f).isPresent(), why);
        }
    }

    @Test
    void emptyFormulaWithoutVariablesIsSatisfiedByTheEmptyAssignment() {
        assertSat(Cnf.of(0), "N = 0, m = 0");
        assertEquals(0, Sat4jSolver.solve(Cnf.of(0)).orElseThrow().length);
    }

    @Test
    void formulaWithoutClausesIsSatisfiableAndUnusedVariablesAreFalse() {
        boolean[] a = Sat4jSolver.solve(Cnf.of(5)).orElseThrow();
        assertArrayEquals(new boolean[5], a);
        boolean[] b = Sat4jSolver.solve(Cnf.of(4, new int[] {2})).orElseThrow();
        assertArrayEquals(new boolean[] {false, true, false, false}, b);
    }

    @Test
    void emptyClauseMakesTheFormulaUnsatisfiable() {
        assertUnsat(Cnf.of(0, new int[0]), "lone empty clause, N = 0");
        assertUnsat(Cnf.of(3, new int[] {1, 2}, new int[0], new int[] {3}), "empty clause among others");
    }

    @Test
    void duplicateLiteralsAndTautologiesAreHandled() {
        assertSat(Cnf.of(2, new int[] {1, 1, 1}, new int[] {-2, -2}), "duplicates");
        assertSat(Cnf.of(1, new int[] {1, -1}), "tautology alone");
        assertUnsat(Cnf.of(1, new int[] {1, 1}, new int[] {-1, -1}, new int[] {1, -1}), "x and not x, with a tautology");
        boolean[] a = Sat4jSolver.solve(Cnf.of(2, new int[] {2, 2}, new int[] {1, -1, 2})).orElseThrow();
        assertTrue(a[1]);
    }

    @Test
    void contradictoryUnitClausesAreUnsatisfiable() {
        assertUnsat(Cnf.of(1, new int[] {1}, new int[] {-1}), "x and not x");
    }

    @Test
    void hugeDeclaredVariableCountWithFewUsedIsSolvedCheaply() {
        // SAT4J is told only about the variables that occur; the model has N entries.
        Cnf f = Cnf.of(1_000_000, new int[] {-1_000_000}, new int[] {3});
        boolean[] a = Sat4jSolver.solve(f).orElseThrow();
        assertEquals(1_000_000, a.length);
        assertTrue(a[2]);
        assertFalse(a[999_999]);
    }

    @Test
    void sat4jRefusesAModelAboveItsLimit() {
        Cnf f = Cnf.of(Integer.MAX_VALUE, new int[] {1});
        UsageException e = assertThrows(UsageException.class, () -> Sat4jSolver.solve(f));
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
    }

    @Test
    void bruteForceRefusesMoreThanThirtyVariables() {
        UsageException e = assertThrows(UsageException.class, () -> BruteForceSat.solve(Cnf.of(31)));
        assertTrue(e.getMessage().contains("31"), e.getMessage());
        assertTrue(BruteForceSat.isSatisfiable(Cnf.of(30, new int[] {30}, new int[] {-29})));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void pigeonholeIsUnsatisfiableForBothSolvers(int holes) {
        Cnf php = CnfGenerators.pigeonhole(holes);
        assertUnsat(php, "PHP(" + (holes + 1) + ", " + holes + ")");
    }

    @Test
    void sat4jAgreesWithBruteForceOnSeededRandomFormulas() {
        int sat = 0;
        int unsat = 0;
        SplittableRandom meta = new SplittableRandom(20261204L);
        for (int i = 0; i < 400; i++) {
            long seed = meta.nextLong();
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 1 + rnd.nextInt(14);
            int width = 1 + rnd.nextInt(Math.min(n, 4));
            double ratio = switch (width) {
                case 1 -> 0.3 + rnd.nextDouble();
                case 2 -> 0.5 + 1.5 * rnd.nextDouble();
                case 3 -> 3.0 + 2.5 * rnd.nextDouble();
                default -> 7.0 + 5.0 * rnd.nextDouble();
            };
            int m = (int) Math.round(ratio * n);
            Cnf f = CnfGenerators.randomKCnf(n, m, width, seed);
            // Sprinkle in duplicates, tautologies and the odd empty clause.
            if (i % 7 == 0) {
                List<int[]> cl = new ArrayList<>();
                for (int c = 0; c < f.numClauses(); c++) {
                    cl.add(f.clause(c));
                }
                int v = 1 + rnd.nextInt(n);
                cl.add(new int[] {v, v, -v});
                cl.add(new int[] {v, v});
                if (i % 49 == 0) {
                    cl.add(new int[0]);
                }
                f = Cnf.of(n, cl);
            }
            Optional<boolean[]> s = Sat4jSolver.solve(f);
            Optional<boolean[]> b = BruteForceSat.solve(f);
            String why = "seed " + seed + ", N = " + n + ", m = " + m + ", k = " + width;
            assertEquals(b.isPresent(), s.isPresent(), why);
            if (s.isPresent()) {
                sat++;
                assertTrue(f.isSatisfiedBy(s.get()), why);
                assertTrue(f.isSatisfiedBy(b.get()), why);
            } else {
                unsat++;
            }
        }
        // Both answers must occur often, or the comparison would prove little.
        assertTrue(sat >= 50 && unsat >= 50, "sat " + sat + ", unsat " + unsat);
    }
}
