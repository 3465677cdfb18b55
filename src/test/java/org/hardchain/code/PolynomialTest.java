package org.hardchain.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolynomialTest {
    private static final long SEED = 77L;

    private static Polynomial random(SplittableRandom rnd, PrimeField f, int maxDeg) {
        long[] c = new long[rnd.nextInt(maxDeg + 2)];
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextLong(f.p());
        }
        return Polynomial.of(f, c);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 101, 65537, 2147483647L})
    void batchEvaluationByDifferencesEqualsHornerAtEveryPoint(long p) {
        PrimeField f = PrimeField.of(p);
        SplittableRandom rnd = new SplittableRandom(SEED + p);
        for (int it = 0; it < 200; it++) {
            Polynomial g = random(rnd, f, 12);
            int n = rnd.nextInt(60);
            assertArrayEquals(g.evaluateAtConsecutiveNaive(n), g.evaluateAtConsecutive(n),
                    "seed " + (SEED + p) + " it " + it + " g=" + g + " n=" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 101, 65537, 2147483647L})
    void fastInterpolationEqualsVandermondeSolveAndHitsThePoints(long p) {
        PrimeField f = PrimeField.of(p);
        SplittableRandom rnd = new SplittableRandom(SEED * 3 + p);
        for (int it = 0; it < 100; it++) {
            int n = 1 + rnd.nextInt((int) Math.min(p, 12));
            Set<Long> used = new HashSet<>();
            long[] xs = new long[n];
            long[] ys = new long[n];
            for (int i = 0; i < n; i++) {
                long x;
                do {
                    x = rnd.nextLong(p);
                } while (!used.add(x));
                xs[i] = x;
                ys[i] = rnd.nextLong(p);
            }
            String ctx = "seed " + (SEED * 3 + p) + " it " + it;
            Polynomial fast = Polynomial.interpolate(f, xs, ys);
            Polynomial naive = Polynomial.interpolateNaive(f, xs, ys);
            assertEquals(naive, fast, ctx);
            assertEquals(true, fast.degree() < n, ctx);
            for (int i = 0; i < n; i++) {
                assertEquals(ys[i], fast.evaluate(xs[i]), ctx + " point " + xs[i]);
            }
        }
    }

    @Test
    void interpolatingAPolynomialsOwnValuesGivesItBack() {
        PrimeField f = PrimeField.of(65537);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int it = 0; it < 50; it++) {
            Polynomial g = random(rnd, f, 10);
            int n = g.degree() + 1 + rnd.nextInt(3);
            long[] xs = new long[n];
            for (int i = 0; i < n; i++) {
                xs[i] = i;
            }
            assertEquals(g, Polynomial.interpolate(f, xs, g.evaluateAtConsecutive(n)), "seed " + SEED + " it " + it);
        }
    }

    @Test
    void ringOperationsAreEvaluationHomomorphisms() {
        PrimeField f = PrimeField.of(101);
        SplittableRandom rnd = new SplittableRandom(SEED + 5);
        for (int it = 0; it < 100; it++) {
            Polynomial g = random(rnd, f, 6);
            Polynomial h = random(rnd, f, 6);
            long a = rnd.nextLong(101);
            for (long x = 0; x < 101; x += 7) {
                String ctx = "seed " + (SEED + 5) + " g=" + g + " h=" + h + " x=" + x;
                assertEquals(f.add(g.evaluate(x), h.evaluate(x)), g.add(h).evaluate(x), ctx);
                assertEquals(f.sub(g.evaluate(x), h.evaluate(x)), g.subtract(h).evaluate(x), ctx);
                assertEquals(f.mul(g.evaluate(x), h.evaluate(x)), g.multiply(h).evaluate(x), ctx);
                assertEquals(f.mul(a, g.evaluate(x)), g.scale(a).evaluate(x), ctx);
            }
            if (g.degree() >= 0 && h.degree() >= 0) {
                assertEquals(g.degree() + h.degree(), g.multiply(h).degree(), "degrees add over a field");
            }
        }
    }

    @Test
    void handCheckedPolynomial() {
        PrimeField f = PrimeField.of(7);
        Polynomial g = Polynomial.of(f, 1, 0, 3, 7); // 3x^2 + 1, the 7 vanishes
        assertEquals(2, g.degree());
        assertArrayEquals(new long[] {1, 4, 6, 0, 0, 6, 4, 1}, g.evaluateAtConsecutive(8));
        assertEquals(-1, Polynomial.zero(f).degree());
        assertEquals(Polynomial.zero(f), Polynomial.of(f, 7, 14));
    }

    @Test
    void repeatedInterpolationPointIsRejected() {
        PrimeField f = PrimeField.of(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Polynomial.interpolate(f, new long[] {1, 6}, new long[] {0, 0}));
        assertEquals(true, e.getMessage().contains("6"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Polynomial.interpolate(f, new long[] {1, 2}, new long[] {0}));
    }
}
