package org.hardchain.hardness;

/**
 * Log-space arithmetic for the Lemma B.1 quantities, whose exponentials {@code e^{lambda t}}
 * overflow doubles long before the instances get large. Every function is exact up to one
 * or two roundings of {@link Math#log1p}/{@link Math#expm1}.
 */
final class LogMath {
    private LogMath() {
    }

    /** {@code log(e^a + e^b)}. */
    static double add(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }

    /** {@code log(e^a - e^b)} for {@code a >= b}; negative infinity when equal. */
    static double sub(double a, double b) {
        if (b > a) {
            throw new IllegalArgumentException("log(e^a - e^b) needs a >= b, got a = " + a + ", b = " + b);
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b == a) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log(-Math.expm1(b - a));
    }

    /** {@code f(x) = x / (x + C)} from {@code log x} and {@code log C}: {@code 1 / (1 + e^{log C - log x})}. */
    static double ratio(double logX, double logC) {
        return 1 / (1 + Math.exp(logC - logX));
    }

    /**
     * {@code f(x) - f(y)} for {@code x >= y}, {@code f(x) = x / (x + C)}, without cancellation:
     * {@code (x - y) C / ((x + C)(y + C))}.
     */
    static double ratioGap(double logX, double logY, double logC) {
        double log = sub(logX, logY) + logC - add(logX, logC) - add(logY, logC);
        return Math.exp(log);
    }
}
