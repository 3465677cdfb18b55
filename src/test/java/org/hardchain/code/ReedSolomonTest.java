package org.hardchain.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReedSolomonTest {
    private static final long SEED = 4242L;

    private static long[] message(SplittableRandom rnd, ReedSolomon c) {
        long[] u = new long[c.dimension()];
        for (int j = 0; j < u.length; j++) {
            u[j] = rnd.nextLong(c.field().p());
        }
        return u;
    }

    @ParameterizedTest(name = "p={0} L={1} D={2}")
    @CsvSource({"2,2,1", "3,3,2", "101,20,5", "101,101,7", "65537,40,9", "65537,60,33", "2147483647,30,6", "2147483647,40,25"})
    void encodingIsSystematicLinearAndEqualsInterpolationThenEvaluation(long p, int l, int d) {
        PrimeField f = PrimeField.of(p);
        ReedSolomon code = ReedSolomon.systematic(f, l, d);
        SplittableRandom rnd = new SplittableRandom(SEED + p + l + d);
        for (int it = 0; it < 50; it++) {
            String ctx = "seed " + (SEED + p + l + d) + " it " + it;
            long[] u = message(rnd, code);
            long[] v = message(rnd, code);
            int[] cu = code.encode(u);
            assertArrayEquals(code.encodeNaive(u), cu, ctx);
            for (int j = 0; j < d; j++) {
                assertEquals(u[j], cu[j], ctx + " systematic position " + j);
            }
            assertArrayEquals(u, code.message(cu), ctx);
            assertTrue(code.isCodeword(cu), ctx);
            long a = rnd.nextLong(p);
            long b = rnd.nextLong(p);
            long[] w = new long[d];
            for (int j = 0; j < d; j++) {
                w[j] = f.add(f.mul(a, u[j]), f.mul(b, v[j]));
            }
            int[] cv = code.encode(v);
            int[] cw = code.encode(w);
            for (int s = 0; s < l; s++) {
                assertEquals(f.add(f.mul(a, cu[s]), f.mul(b, cv[s])), cw[s], ctx + " linearity at " + s);
            }
            if (d < l) {
                int[] bad = cu.clone();
                int s = d + rnd.nextInt(l - d);
                bad[s] = (int) f.add(bad[s], 1 + rnd.nextLong(p - 1));
                assertFalse(code.isCodeword(bad), ctx + " corrupted at " + s);
            }
        }
    }

    @Test
    void encodeSupportIsTheEncodingOfTheZeroOneMessage() {
        ReedSolomon code = ReedSolomon.systematic(PrimeField.of(13), 12, 4);
        for (int mask = 0; mask < 16; mask++) {
            long[] u = new long[4];
            int[] support = new int[Integer.bitCount(mask)];
            int n = 0;
            for (int j = 0; j < 4; j++) {
                if ((mask >> j & 1) != 0) {
                    u[j] = 1;
                    support[n++] = j;
                }
            }
            assertArrayEquals(code.encode(u), code.encodeSupport(support), "mask " + mask);
        }
    }

    @ParameterizedTest(name = "p={0} L={1} w={2} k={3}")
    @CsvSource({"5,5,2,2", "7,7,3,3", "11,9,3,4", "101,30,4,4", "65537,25,5,5", "2147483647,12,2,3", "3,3,1,4"})
    void productOfKCodewordsIsACodewordOfTheProductCode(long p, int l, int w, int k) {
        PrimeField f = PrimeField.of(p);
        ReedSolomon code = ReedSolomon.systematic(f, l, w);
        ReedSolomon product = code.productCode(k);
        assertEquals(k * (w - 1) + 1, product.dimension());
        SplittableRandom rnd = new SplittableRandom(SEED * 7 + p + k);
        boolean sawFullDegree = false;
        for (int it = 0; it < 50; it++) {
            int[][] words = new int[k][];
            for (int i = 0; i < k; i++) {
                words[i] = code.encode(message(rnd, code));
            }
            int[] prod = ReedSolomon.hadamard(f, words);
            assertTrue(product.isCodeword(prod), "seed " + (SEED * 7 + p + k) + " it " + it);
            if (w > 1 && product.dimension() < l && product.dimension() > 1) {
                // the product usually has degree exactly k(w-1): then it is not in RS(k(w-1))
                ReedSolomon smaller = ReedSolomon.systematic(f, l, product.dimension() - 1);
                sawFullDegree |= !smaller.isCodeword(prod);
            }
        }
        if (w > 1 && product.dimension() < l && p > 3) {
            assertTrue(sawFullDegree, "the closure bound k(w-1)+1 should be tight for random codewords");
        }
    }

    @ParameterizedTest(name = "p={0} L={1} D={2}")
    @CsvSource({"2,2,1", "2,2,2", "3,3,1", "3,3,2", "5,5,2", "5,4,3", "7,6,3", "7,7,4", "11,8,3", "13,13,3"})
    void distanceByEnumerationIsLMinusDPlusOne(long p, int l, int d) {
        ReedSolomon code = ReedSolomon.systematic(PrimeField.of(p), l, d);
        assertEquals(l - d + 1, code.distance());
        assertEquals(l - d + 1, code.distanceByEnumeration(1_000_000));
    }

    @Test
    void enumerationRefusesAboveTheLimitWithTheEstimate() {
        ReedSolomon code = ReedSolomon.systematic(PrimeField.of(101), 50, 5);
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> code.distanceByEnumeration(1000));
        assertTrue(e.getMessage().contains("1.05e10"), e.getMessage());
    }

    @Test
    void infeasibleCodesAreRejectedWithTheirValues() {
        PrimeField f = PrimeField.of(7);
        UsageException e = assertThrows(UsageException.class, () -> ReedSolomon.systematic(f, 5, 0));
        assertTrue(e.getMessage().contains("D = 0"), e.getMessage());
        e = assertThrows(UsageException.class, () -> ReedSolomon.systematic(f, 3, 4));
        assertTrue(e.getMessage().contains("L = 3") && e.getMessage().contains("D = 4"), e.getMessage());
        e = assertThrows(UsageException.class, () -> ReedSolomon.systematic(f, 8, 2));
        assertTrue(e.getMessage().contains("p = 7") && e.getMessage().contains("L = 8"), e.getMessage());
        e = assertThrows(UsageException.class, () -> ReedSolomon.systematic(f, 6, 3).productCode(3));
        assertTrue(e.getMessage().contains("RS(7)") && e.getMessage().contains("L = 6"), e.getMessage());
    }
}
