package org.hardchain.ov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hardchain.util.Simd;
import org.junit.jupiter.api.Test;

class OvSolverTest {
    private static final int[] DIMENSIONS = {0, 1, 2, 7, 63, 64, 65, 130, 200};

    /** The fast solvers under test: threads x kernel. */
    private static List<FastOvSolver> fastSolvers() {
        return List.of(new FastOvSolver(2, true), new FastOvSolver(1, true),
                new FastOvSolver(2, false), new FastOvSolver(1, false));
    }

    /**
     * A random instance whose density is chosen so that both answers occur, with some vectors
     * replaced by all-zero or all-one vectors and some sets possibly empty.
     */
    static OvInstance mixedInstance(long seed, int k, int m) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int maxSize = k <= 2 ? 20 : k == 3 ? 9 : k == 4 ? 5 : 4;
        // P(a fixed tuple is orthogonal) = (1 - rho^k)^m: aim near 1/prod(n), i.e. mixed answers.
        double rho = switch (rnd.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            default -> Math.pow(1 - Math.pow(0.3 + 0.7 * rnd.nextDouble(), 1.0 / Math.max(1, m)), 1.0 / k);
        };
        OvInstance.Builder b = OvInstance.builder(k, m);
        for (int p = 0; p < k; p++) {
            int n = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(maxSize);
            for (int i = 0; i < n; i++) {
                boolean[] row = new boolean[m];
                int kind = rnd.nextInt(10);
                for (int c = 0; c < m; c++) {
                    row[c] = kind == 0 ? false : kind == 1 || rnd.nextDouble() < rho;
                }
                b.add(p, row);
            }
        }
        return b.build();
    }

    @Test
    void fastSolverEqualsNaiveSolverOnMixedRandomInstances() {
        NaiveOvSolver naive = new NaiveOvSolver();
        int found = 0;
        int notFound = 0;
        for (long seed = 1; seed <= 400; seed++) {
            int k = 2 + (int) (seed % 4);
            int m = DIMENSIONS[(int) ((seed / 4) % DIMENSIONS.length)];
            OvInstance inst = mixedInstance(seed, k, m);
            String msg = "seed " + seed + " " + inst;
            Optional<int[]> expected = naive.findTuple(inst);
            long count = naive.countTuples(inst);
            boolean[] partners = naive.hasPartner(inst);
            assertEquals(expected.isPresent(), count > 0, msg);
            if (expected.isPresent()) {
                found++;
            } else {
                notFound++;
            }
            for (FastOvSolver fast : fastSolvers()) {
                String m2 = msg + " " + fast.kernelName() + " x" + fast.threads();
                Optional<int[]> got = fast.findTuple(inst);
                assertEquals(expected.isPresent(), got.isPresent(), m2);
                got.ifPresent(t -> {
                    assertArrayEquals(expected.get(), t, m2 + ": lexicographically first tuple");
                    assertTrue(inst.isOrthogonal(t), m2);
                });
                assertEquals(count, fast.countTuples(inst), m2);
                assertArrayEquals(partners, fast.hasPartner(inst), m2);
            }
        }
        assertTrue(found > 50 && notFound > 50, "both answers occur: " + found + " / " + notFound);
    }

    @Test
    void largerInstancesAgreeAcrossKernelsAndThreads() {
        // Sizes past the SIMD step with tails, several words: fast variants against each other
        // and against the naive count where affordable.
        NaiveOvSolver naive = new NaiveOvSolver();
        for (long seed = 1; seed <= 12; seed++) {
            int k = 2 + (int) (seed % 3);
            int m = new int[] {64, 65, 130, 200}[(int) (seed % 4)];
            int n = k == 2 ? 203 : k == 3 ? 37 : 13;
            double rho = Math.pow(1 - Math.pow(0.5, 1.0 / m), 1.0 / k);
            int[] sizes = new int[k];
            Arrays.fill(sizes, n);
            sizes[k - 1] = n + (int) seed;
            OvInstance inst = OvGenerators.random(m, sizes, rho, seed);
            long expected = naive.countTuples(inst);
            for (FastOvSolver fast : fastSolvers()) {
                String msg = "seed " + seed + " " + inst + " " + fast.kernelName() + " x" + fast.threads();
                assertEquals(expected, fast.countTuples(inst), msg);
                assertArrayEquals(naive.hasPartner(inst), fast.hasPartner(inst), msg);
                assertEquals(naive.findTuple(inst).map(Arrays::toString), fast.findTuple(inst).map(Arrays::toString), msg);
            }
        }
    }

    @Test
    void handCheckedTripleInstance() {
        // set 0: 110, 011; set 1: 101, 111; set 2: 010, 100, 001.
        OvInstance inst = OvInstance.builder(3, 3)
                .addOnes(0, 0, 1).addOnes(0, 1, 2)
                .addOnes(1, 0, 2).addOnes(1, 0, 1, 2)
                .addOnes(2, 1).addOnes(2, 0).addOnes(2, 2)
                .build();
        // Orthogonal triples: AND of sets 0,1 then with set 2.
        // (0,0): 100 -> orthogonal to 010, 001 -> 2; (0,1): 110 -> 001 -> 1;
        // (1,0): 001 -> 010, 100 -> 2; (1,1): 011 -> 100 -> 1. Total 6.
        for (OvSolver s : List.of(new NaiveOvSolver(), new FastOvSolver(2, true), new FastOvSolver(1, false))) {
            assertEquals(6, s.countTuples(inst), s.getClass().getSimpleName());
            assertArrayEquals(new int[] {0, 0, 0}, s.findTuple(inst).orElseThrow());
            assertArrayEquals(new boolean[] {true, true}, s.hasPartner(inst));
        }
    }

    @Test
    void emptySetMeansNoTupleEvenInDimensionZero() {
        OvInstance inst = OvInstance.builder(3, 0).addOnes(0).addOnes(2).build();
        for (OvSolver s : List.of(new NaiveOvSolver(), new FastOvSolver())) {
            assertTrue(s.findTuple(inst).isEmpty());
            assertEquals(0, s.countTuples(inst));
            assertArrayEquals(new boolean[] {false}, s.hasPartner(inst));
        }
    }

    @Test
    void dimensionZeroMakesEveryTupleOrthogonal() {
        OvInstance inst = OvInstance.builder(4, 0).addOnes(0).addOnes(0).addOnes(1).addOnes(1).addOnes(1)
                .addOnes(2).addOnes(3).addOnes(3).build();
        for (OvSolver s : List.of(new NaiveOvSolver(), new FastOvSolver())) {
            assertEquals(2 * 3 * 1 * 2, s.countTuples(inst));
            assertArrayEquals(new int[] {0, 0, 0, 0}, s.findTuple(inst).orElseThrow());
        }
    }

    @Test
    void countBeyondLongRangeIsAnErrorNotAWrongNumber() {
        int n = 1 << 21; // 2^63 tuples, all orthogonal in dimension 0
        OvInstance.Builder b = OvInstance.builder(3, 0);
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < n; i++) {
                b.addOnes(p);
            }
        }
        OvInstance inst = b.build();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> new FastOvSolver().countTuples(inst));
        assertTrue(e.getMessage().contains("exceeds 2^63 - 1"), e.getMessage());
    }

    @Test
    void simdPropertyFalseSelectsTheScalarKernel() {
        String old = System.getProperty("hardchain.simd");
        try {
            System.setProperty("hardchain.simd", "false");
            assertFalse(Simd.available());
            assertEquals("scalar", new FastOvSolver(2, true).kernelName());
        } finally {
            if (old == null) {
                System.clearProperty("hardchain.simd");
            } else {
                System.setProperty("hardchain.simd", old);
            }
        }
        if (Simd.available()) {
            assertTrue(new FastOvSolver(2, true).kernelName().startsWith("Vector API"));
        }
    }

    @Test
    void plantedTupleIsOrthogonalAndFound() {
        for (long seed = 1; seed <= 30; seed++) {
            int k = 2 + (int) (seed % 4);
            int[] sizes = new int[k];
            Arrays.fill(sizes, 5 + (int) (seed % 7));
            OvGenerators.Planted pl = OvGenerators.planted(100, sizes, 0.9, seed);
            assertTrue(pl.instance().isOrthogonal(pl.tuple()), "seed " + seed);
            assertTrue(new FastOvSolver().findTuple(pl.instance()).isPresent(), "seed " + seed);
            assertTrue(new FastOvSolver().hasPartner(pl.instance())[pl.tuple()[0]], "seed " + seed);
        }
    }

    @Test
    void generatorsAreDeterministicInTheSeed() {
        int[] sizes = {4, 5, 6};
        assertEquals(OvGenerators.random(70, sizes, 0.4, 9), OvGenerators.random(70, sizes, 0.4, 9));
        assertFalse(OvGenerators.random(70, sizes, 0.4, 9).equals(OvGenerators.random(70, sizes, 0.4, 10)));
        assertEquals(OvGenerators.planted(70, sizes, 0.4, 9).instance(), OvGenerators.planted(70, sizes, 0.4, 9).instance());
        assertThrows(IllegalArgumentException.class, () -> OvGenerators.random(3, sizes, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> OvGenerators.planted(3, new int[] {2, 0}, 0.5, 1));
    }

    @Test
    void instanceAccessorsAgreeWithTheRowsGiven() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int m : DIMENSIONS) {
            List<List<boolean[]>> sets = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                List<boolean[]> rows = new ArrayList<>();
                for (int i = 0; i < 4 + p; i++) {
                    boolean[] row = new boolean[m];
                    for (int c = 0; c < m; c++) {
                        row[c] = rnd.nextBoolean();
                    }
                    rows.add(row);
                }
                sets.add(rows);
            }
            OvInstance inst = OvInstance.of(m, sets);
            assertEquals(OvInstance.wordsFor(m), inst.wordsPerVector());
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < sets.get(p).size(); i++) {
                    boolean[] row = sets.get(p).get(i);
                    assertArrayEquals(row, inst.vector(p, i), "m " + m);
                    long[] w = inst.words(p, i);
                    List<List<long[]>> one = List.of(List.of(w), List.of(w));
                    assertEquals(OvInstance.fromWords(m, one).vector(0, 0).length, m);
                    for (int c = 0; c < m; c++) {
                        assertEquals(row[c], inst.get(p, i, c));
                    }
                    int[] ones = inst.ones(p, i);
                    assertEquals(ones.length, (int) IntStreamCount.count(row));
                }
            }
        }
    }

    @Test
    void factoriesRejectBadInputWithTheOffendingValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OvInstance.of(3, List.of(List.of(new boolean[3]), List.of(new boolean[2]))));
        assertTrue(e.getMessage().contains("length 2, dimension is 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OvInstance.builder(1, 3));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OvInstance.builder(2, 3).addWords(0, new long[] {8L}));
        assertTrue(e.getMessage().contains("at or above the dimension 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OvInstance.builder(2, 3).addOnes(1, 3));
        assertTrue(e.getMessage().contains("coordinate 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OvInstance.ofWordMajor(65,
                new int[] {1, 2}, new long[][] {{0, 0}, {0, 0, 0, 2}}));
        assertTrue(e.getMessage().contains("vector 1 of set 1 has a bit set at or above the dimension 65"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OvInstance.ofWordMajor(65,
                new int[] {1, 2}, new long[][] {{0, 0}, {0, 0, 0}}));
        assertTrue(e.getMessage().contains("set 1: 3 words for 2 vectors of 2 words"), e.getMessage());
    }

    /** Counts true entries (kept tiny and obvious: an oracle for {@link OvInstance#ones}). */
    private static final class IntStreamCount {
        static long count(boolean[] row) {
            long c = 0;
            for (boolean b : row) {
                c += b ? 1 : 0;
            }
            return c;
        }
    }
}
