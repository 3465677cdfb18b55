package org.hardchain.maxip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hardchain.util.Progress;
import org.hardchain.util.ResourceLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastMaxIpTest {

    private static void assertSame(MaxIpInstance inst, String what) {
        MaxIpResult naive = new NaiveMaxIp().solve(inst);
        for (MaxIpSolver fast : new MaxIpSolver[] {new FastMaxIp(), new FastMaxIp(1, Long.MAX_VALUE, Progress.silent())}) {
            MaxIpResult r = fast.solve(inst);
            assertEquals(inst.size(0), r.size(), what);
            for (int i = 0; i < r.size(); i++) {
                assertEquals(naive.max(i), r.max(i), what + " row " + i);
            }
            assertNull(r.inconsistency(inst), what);
        }
        assertNull(naive.inconsistency(inst), what);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void fastEqualsNaiveOnRandomSparseInstances(int k) {
        for (long seed = 0; seed < 40; seed++) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed * 31 + k);
            int d = r.nextInt(0, 200);
            double density = new double[] {0.02, 0.1, 0.3, 0.7, 1.0}[r.nextInt(5)];
            int[] sizes = new int[k];
            for (int p = 0; p < k; p++) {
                sizes[p] = r.nextInt(0, k == 4 ? 6 : 12);
            }
            MaxIpInstance inst = MaxIpGenerators.random(d, density, seed, sizes);
            assertSame(inst, "k=" + k + " seed=" + seed + " " + inst);
        }
    }

    @Test
    void dimensionZeroGivesMaximumZeroWithAnArgMax() {
        MaxIpInstance inst = MaxIpGenerators.random(0, 0.5, 1, 3, 2, 2);
        MaxIpResult r = new FastMaxIp().solve(inst);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, r.max(i));
            assertArrayEquals(new int[] {0, 0}, r.argmax(i));
        }
        assertSame(inst, "D'=0");
    }

    @Test
    void emptyKeySetMeansNoTupleAndMaximumZero() {
        MaxIpInstance inst = MaxIpGenerators.random(50, 0.5, 2, 4, 3, 0);
        MaxIpResult r = new FastMaxIp().solve(inst);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, r.max(i));
            assertNull(r.argmax(i));
        }
        assertSame(inst, "empty B_2");
        assertEquals(0, new FastMaxIp().solve(MaxIpGenerators.random(50, 0.5, 3, 0, 3, 3)).size());
    }

    @Test
    void handCheckedTripleInnerProducts() {
        MaxIpInstance inst = MaxIpInstance.builder(3, 130, 3, Ratio.of(1, 3))
                .alice(0, 0, new int[] {1, 64, 65, 129})
                .alice(1, 5, new int[] {})
                .key(1, 0, new int[] {1, 64, 129})
                .key(1, 1, new int[] {64, 65, 129})
                .key(2, 0, new int[] {1, 65})
                .key(2, 1, new int[] {64, 65, 129})
                .build();
        assertEquals(1, inst.innerProduct(0, 0, 0));
        assertEquals(2, inst.innerProduct(0, 0, 1));
        assertEquals(1, inst.innerProduct(0, 1, 0));
        assertEquals(3, inst.innerProduct(0, 1, 1));
        MaxIpResult r = new FastMaxIp().solve(inst);
        assertEquals(3, r.max(0));
        assertArrayEquals(new int[] {1, 1}, r.argmax(0));
        assertEquals(0, r.max(1));
        assertTrue(inst.isYes(3));
        assertTrue(inst.isNo(1));
        assertTrue(!inst.isNo(2));
    }

    @Test
    void refusesWhenTheKeyBitsetsExceedTheByteLimit() {
        MaxIpInstance inst = MaxIpGenerators.random(6400, 0.01, 4, 2, 10);
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> new FastMaxIp(2, 1000, Progress.silent()).solve(inst));
        assertTrue(e.getMessage().contains("8000"), e.getMessage());
    }

    @Test
    void manyRowsAcrossChunksAgreeWithNaive() {
        MaxIpInstance inst = MaxIpGenerators.random(300, 0.2, 5, 200, 15, 7);
        assertSame(inst, "200 rows");
    }
}
