package org.hardchain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrimeFieldTest {
    private static final long SEED = 20231004L;

    private static long elem(SplittableRandom rnd, long p) {
        // bias towards the edges 0, 1, p-1 where reductions go wrong
        int pick = rnd.nextInt(8);
        return switch (pick) {
            case 0 -> 0;
            case 1 -> 1 % p;
            case 2 -> p - 1;
            default -> rnd.nextLong(p);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 101, 65537, 2147483647L})
    void operationsAgreeWithBigIntegerAndSatisfyTheFieldLaws(long p) {
        PrimeField f = PrimeField.of(p);
        BigInteger bp = BigInteger.valueOf(p);
        SplittableRandom rnd = new SplittableRandom(SEED + p);
        for (int it = 0; it < 5000; it++) {
            long a = elem(rnd, p);
            long b = elem(rnd, p);
            long c = elem(rnd, p);
            String ctx = "seed " + (SEED + p) + " p=" + p + " a=" + a + " b=" + b + " c=" + c;
            BigInteger ba = BigInteger.valueOf(a);
            BigInteger bb = BigInteger.valueOf(b);
            assertEquals(ba.add(bb).mod(bp).longValue(), f.add(a, b), ctx);
            assertEquals(ba.subtract(bb).mod(bp).longValue(), f.sub(a, b), ctx);
            assertEquals(ba.multiply(bb).mod(bp).longValue(), f.mul(a, b), ctx);
            assertEquals(ba.negate().mod(bp).longValue(), f.neg(a), ctx);
            long e = rnd.nextLong(1L << 40);
            assertEquals(ba.modPow(BigInteger.valueOf(e), bp).longValue(), f.pow(a, e), ctx + " e=" + e);
            long big = rnd.nextLong();
            assertEquals(BigInteger.valueOf(big).mod(bp).longValue(), f.reduce(big), ctx + " big=" + big);
            // laws
            assertEquals(f.add(f.add(a, b), c), f.add(a, f.add(b, c)), ctx);
            assertEquals(f.mul(f.mul(a, b), c), f.mul(a, f.mul(b, c)), ctx);
            assertEquals(f.add(a, b), f.add(b, a), ctx);
            assertEquals(f.mul(a, b), f.mul(b, a), ctx);
            assertEquals(f.mul(a, f.add(b, c)), f.add(f.mul(a, b), f.mul(a, c)), ctx);
            assertEquals(0, f.add(a, f.neg(a)), ctx);
            if (a != 0) {
                assertEquals(ba.modInverse(bp).longValue(), f.inv(a), ctx);
                assertEquals(1, f.mul(a, f.inv(a)), ctx);
                assertEquals(b, f.mul(f.div(b, a), a), ctx);
            }
        }
    }

    @Test
    void zeroHasNoInverse() {
        assertThrows(ArithmeticException.class, () -> PrimeField.of(7).inv(0));
        assertThrows(ArithmeticException.class, () -> PrimeField.of(7).inv(14));
    }

    @Test
    void rejectsNonPrimesAndOutOfRangeWithTheValueInTheMessage() {
        UsageException e = assertThrows(UsageException.class, () -> PrimeField.of(91));
        assertTrue(e.getMessage().contains("91") && e.getMessage().contains("not prime"), e.getMessage());
        e = assertThrows(UsageException.class, () -> PrimeField.of(1));
        assertTrue(e.getMessage().contains("p = 1"), e.getMessage());
        e = assertThrows(UsageException.class, () -> PrimeField.of(2147483659L));
        assertTrue(e.getMessage().contains("2147483659"), e.getMessage());
    }

    @Test
    void smallestPrimeAtLeastMatchesTrialDivision() {
        for (long n = -3; n < 2000; n++) {
            long q = PrimeField.smallestPrimeAtLeast(n);
            long expect = Math.max(2, n);
            while (!isPrimeByTrialDivision(expect)) {
                expect++;
            }
            assertEquals(expect, q, "n=" + n);
        }
        assertEquals(2147483647L, PrimeField.smallestPrimeAtLeast(2147483640L));
        assertThrows(UsageException.class, () -> PrimeField.smallestPrimeAtLeast(2147483648L));
    }

    @Test
    void bitsPerSymbolIsCeilLog2() {
        assertEquals(1, PrimeField.of(2).bitsPerSymbol());
        assertEquals(2, PrimeField.of(3).bitsPerSymbol());
        assertEquals(3, PrimeField.of(5).bitsPerSymbol());
        assertEquals(17, PrimeField.of(65537).bitsPerSymbol());
        assertEquals(31, PrimeField.of(2147483647L).bitsPerSymbol());
    }

    private static boolean isPrimeByTrialDivision(long n) {
        if (n < 2) {
            return false;
        }
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
