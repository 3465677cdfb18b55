package org.hardchain.protocol;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact acceptance probability: {@code accepting} of the {@code total = L^ell} random
 * strings make Alice accept.
 *
 * @param accepting the number of accepting random strings
 * @param total     L^ell
 */
public record Acceptance(long accepting, long total) {
    public Acceptance {
        if (total < 1 || accepting < 0 || accepting > total) {
            throw new IllegalArgumentException("need 0 <= accepting <= total, total >= 1; got " + accepting + "/" + total);
        }
    }

    /** The probability as a reduced fraction. */
    public BigFraction fraction() {
        return new BigFraction(BigInteger.valueOf(accepting), BigInteger.valueOf(total));
    }

    /** The reduced fraction as text, e.g. {@code "1/2"}, {@code "0"}, {@code "1"}. */
    public String fractionString() {
        BigFraction f = fraction();
        return f.getDenominator().equals(BigInteger.ONE) ? f.getNumerator().toString()
                : f.getNumerator() + "/" + f.getDenominator();
    }

    /** The probability as a double. */
    public double probability() {
        return (double) accepting / total;
    }
}
