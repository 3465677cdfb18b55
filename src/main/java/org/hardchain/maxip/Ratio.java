package org.hardchain.maxip;

import java.math.BigInteger;

/**
 * An exact non-negative rational number {@code num/den} in lowest terms, used for the gap of
 * Gap-k-MaxIP: with the protocol of Theorem 4.5 the no-case bound is
 * {@code 1 - eps = (k(w-1))^ell / L^ell}, which a {@code double} would round. This class is
 * immutable.
 *
 * @param num the numerator, {@code >= 0}
 * @param den the denominator, {@code >= 1}
 */
public record Ratio(long num, long den) {

    /** Validates and reduces; use {@link #of} from outside. */
    public Ratio {
        if (num < 0 || den <= 0) {
            throw new IllegalArgumentException("ratio " + num + "/" + den
                    + " must have numerator >= 0 and denominator >= 1");
        }
        long g = gcd(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    /** {@code num/den}, reduced. */
    public static Ratio of(long num, long den) {
        return new Ratio(num, den);
    }

    /**
     * Parses {@code "NUM/DEN"} or an integer {@code "N"}.
     *
     * @throws IllegalArgumentException with the offending text when malformed
     */
    public static Ratio parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                return of(Long.parseLong(text), 1);
            }
            return of(Long.parseLong(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction NUM/DEN of non-negative integers");
        }
    }

    /** {@code 1 - this}; requires {@code this <= 1}. */
    public Ratio oneMinus() {
        if (num > den) {
            throw new IllegalArgumentException("1 - " + this + " is negative");
        }
        return of(den - num, den);
    }

    /** Whether {@code integer <= this * factor}, computed exactly. */
    public boolean timesAtLeast(long integer, long factor) {
        return BigInteger.valueOf(integer).multiply(BigInteger.valueOf(den))
                .compareTo(BigInteger.valueOf(num).multiply(BigInteger.valueOf(factor))) <= 0;
    }

    /** The nearest double. */
    public double value() {
        return (double) num / den;
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
