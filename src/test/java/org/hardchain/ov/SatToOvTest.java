package org.hardchain.ov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;

class SatToOvTest {

    /** Satisfying assignments counted by our own evaluator (N <= 12, so at most 4096). */
    private static long countModels(Cnf f) {
        long count = 0;
        boolean[] a = new boolean[f.numVariables()];
        for (long x = 0; x < 1L << a.length; x++) {
            for (int v = 0; v < a.length; v++) {
                a[v] = (x >>> v & 1) != 0;
            }
            if (f.isSatisfiedBy(a)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void sat4jSaysSatisfiableIffAnOrthogonalTupleExistsOn240SeededFormulas() {
        FastOvSolver fast = new FastOvSolver();
        NaiveOvSolver naive = new NaiveOvSolver();
        int sat = 0;
        int unsat = 0;
        for (long seed = 1; seed <= 240; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed * 7919);
            int n = 1 + rnd.nextInt(12);
            int k = 2 + (int) (seed % 3);
            int width = Math.min(n, 3);
            // clause/variable ratios from 1 to 8 (3-CNF threshold ~4.26): both answers occur.
            int m = (int) Math.round(n * (1 + 7 * rnd.nextDouble()));
            Cnf f = CnfGenerators.randomKCnf(n, m, width, seed);
            String msg = "seed " + seed + " N " + n + " m " + m + " k " + k;
            SatToOv red = SatToOv.of(f, k);
            OvInstance inst = red.instance();
            assertEquals(m, inst.dimension(), msg);
            assertEquals(k, inst.order(), msg);
            boolean satisfiable = Sat4jSolver.solve(f).isPresent();
            Optional<int[]> tuple = fast.findTuple(inst);
            assertEquals(satisfiable, tuple.isPresent(), msg);
            tuple.ifPresent(t -> assertTrue(f.isSatisfiedBy(red.assignmentFromTuple(t)), msg + " tuple"));
            // Orthogonal tuples and satisfying assignments are in bijection.
            long models = countModels(f);
            assertEquals(models, fast.countTuples(inst), msg);
            boolean[] partners = fast.hasPartner(inst);
            if (inst.tupleCount() * Math.max(1, m) <= 200_000) {
                Optional<int[]> nt = naive.findTuple(inst);
                assertEquals(satisfiable, nt.isPresent(), msg + " naive");
                nt.ifPresent(t -> assertTrue(f.isSatisfiedBy(red.assignmentFromTuple(t)), msg + " naive tuple"));
                assertEquals(models, naive.countTuples(inst), msg + " naive");
                assertArrayEquals(naive.hasPartner(inst), partners, msg + " naive");
            }
            if (satisfiable) {
                sat++;
                boolean[] model = Sat4jSolver.solve(f).orElseThrow();
                int[] t = red.tupleFromAssignment(model);
                assertTrue(inst.isOrthogonal(t), msg + " SAT4J's model maps to an orthogonal tuple");
                assertTrue(partners[t[0]], msg);
            } else {
                unsat++;
            }
        }
        assertTrue(sat >= 40 && unsat >= 40, "both answers occur: sat " + sat + ", unsat " + unsat);
    }

    @Test
    void assignmentTupleAssignmentRoundTrip() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 0; n <= 12; n++) {
            for (int k = 2; k <= 5; k++) {
                Cnf f = CnfGenerators.randomKCnf(Math.max(n, 1), 3, 1, n * 10L + k);
                if (n == 0) {
                    f = Cnf.of(0, List.of());
                }
                SatToOv red = SatToOv.of(f, k);
                for (int rep = 0; rep < 10; rep++) {
                    boolean[] a = new boolean[f.numVariables()];
                    for (int v = 0; v < a.length; v++) {
                        a[v] = rnd.nextBoolean();
                    }
                    int[] t = red.tupleFromAssignment(a);
                    assertArrayEquals(a, red.assignmentFromTuple(t), "N " + n + " k " + k);
                    assertArrayEquals(t, red.tupleFromAssignment(red.assignmentFromTuple(t)));
                    assertEquals(f.isSatisfiedBy(a), red.instance().isOrthogonal(t), "N " + n + " k " + k);
                }
            }
        }
    }

    @Test
    void groupsAreConsecutiveAndTheFirstNModKGetOneExtra() {
        SatToOv red = SatToOv.of(Cnf.of(11, List.of()), 3); // 11 = 3*3 + 2: sizes 4, 4, 3
        assertEquals(0, red.groupStart(0));
        assertEquals(4, red.groupSize(0));
        assertEquals(4, red.groupStart(1));
        assertEquals(4, red.groupSize(1));
        assertEquals(8, red.groupStart(2));
        assertEquals(3, red.groupSize(2));
        assertEquals(11, red.groupEnd(2));
        assertArrayEquals(new int[] {16, 16, 8}, red.instance().sizes());
        assertEquals("group 2: variables 9..11 (8 vectors)", red.describeGroup(2));
        // Bit j of the index is the group's j-th variable, lowest first: x5 true, rest false.
        boolean[] a = new boolean[11];
        a[4] = true;
        a[10] = true;
        assertArrayEquals(new int[] {0, 1, 4}, red.tupleFromAssignment(a));
    }

    @Test
    void vectorsFollowTheConventionOnAHandCheckedFormula() {
        // N = 3, k = 2: group 0 = {x1, x2}, group 1 = {x3}. Clauses: (x1 v -x3), (-x2), (x3 v x3), ().
        Cnf f = Cnf.of(3, new int[] {1, -3}, new int[] {-2}, new int[] {3, 3}, new int[] {});
        OvInstance inst = SatToOv.of(f, 2).instance();
        assertEquals(4, inst.size(0));
        assertEquals(2, inst.size(1));
        // Group 0, index i = x1 + 2*x2. Coordinate c is 1 iff no literal of clause c in the group holds.
        boolean[][] g0 = {
            {true, false, true, true},  // x1=0,x2=0: x1 false; -x2 true; no x3 literal; empty
            {false, false, true, true}, // x1=1,x2=0
            {true, true, true, true},   // x1=0,x2=1
            {false, true, true, true},  // x1=1,x2=1
        };
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(g0[i], inst.vector(0, i), "group 0 vector " + i);
        }
        assertArrayEquals(new boolean[] {false, true, true, true}, inst.vector(1, 0), "x3 = 0 satisfies -x3");
        assertArrayEquals(new boolean[] {true, true, false, true}, inst.vector(1, 1), "x3 = 1 satisfies x3");
        assertTrue(new FastOvSolver().findTuple(inst).isEmpty(), "the empty clause makes it UNSAT");
    }

    @Test
    void tautologiesAndDuplicateLiteralsAreHandled() {
        // (x1 v -x1) is always satisfied, within one group; (x1 v -x4) across groups.
        Cnf f = Cnf.of(4, new int[] {1, -1}, new int[] {2, 2, 2}, new int[] {1, -4}, new int[] {-2, 4, 1});
        for (int k = 2; k <= 4; k++) {
            SatToOv red = SatToOv.of(f, k);
            OvInstance inst = red.instance();
            for (int i = 0; i < inst.size(0); i++) {
                assertFalse(red.groupStart(0) == 0 && red.groupSize(0) >= 1 && inst.get(0, i, 0),
                        "a clause with x1 and -x1 in group 0 is never falsified there (k " + k + ")");
            }
            assertEquals(countModels(f), new FastOvSolver().countTuples(inst), "k " + k);
        }
    }

    @Test
    void fewerVariablesThanGroupsGivesSingletonSets() {
        Cnf f = Cnf.of(2, new int[] {1, 2}, new int[] {-1});
        SatToOv red = SatToOv.of(f, 4);
        assertArrayEquals(new int[] {2, 2, 1, 1}, red.instance().sizes());
        assertEquals(0, red.groupSize(3));
        assertEquals("group 3: no variables (1 vector)", red.describeGroup(3));
        int[] t = new FastOvSolver().findTuple(red.instance()).orElseThrow();
        assertArrayEquals(new boolean[] {false, true}, red.assignmentFromTuple(t));
    }

    @Test
    void noClausesGivesDimensionZeroAndEveryTupleOrthogonal() {
        SatToOv red = SatToOv.of(Cnf.of(5, List.of()), 2);
        assertEquals(0, red.instance().dimension());
        assertEquals(32, new FastOvSolver().countTuples(red.instance()));
        SatToOv none = SatToOv.of(Cnf.of(0, List.of()), 3);
        assertArrayEquals(new int[] {1, 1, 1}, none.instance().sizes());
        assertEquals(1, new NaiveOvSolver().countTuples(none.instance()));
    }

    @Test
    void tooLargeInstancesAreRefusedWithAnEstimate() {
        Cnf f = CnfGenerators.randomKCnf(60, 10, 3, 1);
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> SatToOv.of(f, 2));
        assertTrue(e.getMessage().contains("2^30"), e.getMessage());
        e = assertThrows(ResourceLimitException.class, () -> SatToOv.of(f, 3, 1000));
        assertTrue(e.getMessage().contains("2^20") && e.getMessage().contains("1000"), e.getMessage());
        assertThrows(UsageException.class, () -> SatToOv.of(f, 1));
        List<int[]> none = new ArrayList<>();
        assertEquals(3, SatToOv.of(Cnf.of(6, none), 3, 4).instance().order());
    }
}
