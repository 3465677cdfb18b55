package org.hardchain.code;

import org.apache.commons.math3.primes.Primes;
import org.hardchain.util.UsageException;

/**
 * The prime field F_p for a prime {@code 2 <= p < 2^31} (THEORY.md §6). Elements are the
 * longs {@code 0..p-1}; a product of two elements is below 2^62, so every operation is
 * exact in {@code long} arithmetic followed by one reduction.
 *
 * <p>Cost: add, subtract, negate and multiply O(1); inverse O(log p) (extended Euclid).
 *
 * <p>This class is immutable.
 */
public final class PrimeField {
    /** The largest prime this class accepts, 2^31 - 1 (a Mersenne prime). */
    public static final long MAX_PRIME = Integer.MAX_VALUE;

    private final long p;

    private PrimeField(long p) {
        this.p = p;
    }

    /**
     * The field F_p.
     *
     * @throws UsageException if p is not a prime in [2, 2^31 - 1]
     */
    public static PrimeField of(long p) {
        if (p < 2 || p > MAX_PRIME) {
            throw new UsageException("prime p = " + p + " must be in [2, " + MAX_PRIME + "]");
        }
        if (!Primes.isPrime((int) p)) {
            throw new UsageException("p = " + p + " is not prime");
        }
        return new PrimeField(p);
    }

    /**
     * The smallest prime {@code >= n} (Commons Math {@code Primes.nextPrime}).
     *
     * @throws UsageException if that prime would exceed 2^31 - 1
     */
    public static long smallestPrimeAtLeast(long n) {
        if (n <= 2) {
            return 2;
        }
        if (n > MAX_PRIME) {
            throw new UsageException("no prime >= " + n + " fits below 2^31");
        }
        return Primes.nextPrime((int) n);
    }

    /** The characteristic p. */
    public long p() {
        return p;
    }

    /** Bits needed to write one element: ceil(log2 p). */
    public int bitsPerSymbol() {
        return 64 - Long.numberOfLeadingZeros(p - 1);
    }

    /** The canonical representative of {@code a mod p} in [0, p). */
    public long reduce(long a) {
        long r = a % p;
        return r < 0 ? r + p : r;
    }

    /** a + b for elements a, b in [0, p). */
    public long add(long a, long b) {
        long s = a + b;
        return s >= p ? s - p : s;
    }

    /** a - b for elements a, b in [0, p). */
    public long sub(long a, long b) {
        long s = a - b;
        return s < 0 ? s + p : s;
    }

    /** -a for an element a in [0, p). */
    public long neg(long a) {
        return a == 0 ? 0 : p - a;
    }

    /** a * b for elements a, b in [0, p). */
    public long mul(long a, long b) {
        return (a * b) % p;
    }

    /**
     * The inverse of a nonzero element (extended Euclid).
     *
     * @throws ArithmeticException if a = 0 mod p
     */
    public long inv(long a) {
        long r0 = p;
        long r1 = reduce(a);
        if (r1 == 0) {
            throw new ArithmeticException("0 has no inverse in F_" + p);
        }
        long s0 = 0;
        long s1 = 1;
        while (r1 != 0) {
            long q = r0 / r1;
            long r2 = r0 - q * r1;
            r0 = r1;
            r1 = r2;
            long s2 = s0 - q * s1;
            s0 = s1;
            s1 = s2;
        }
        return reduce(s0);
    }

    /** a / b for elements a and nonzero b. */
    public long div(long a, long b) {
        return mul(a, inv(b));
    }

    /** a^e for e >= 0 (square and multiply; 0^0 = 1). */
    public long pow(long a, long e) {
        if (e < 0) {
            throw new IllegalArgumentException("exponent must be >= 0, got " + e);
        }
        long base = reduce(a);
        long result = 1 % p;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = mul(result, base);
            }
            base = mul(base, base);
            e >>= 1;
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimeField f && f.p == p;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(p);
    }

    @Override
    public String toString() {
        return "F_" + p;
    }
}
