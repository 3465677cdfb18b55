package org.hardchain.hardness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;

class LemmaB1Test {
    private static final MathContext MC = new MathContext(80);

    /** e^x for x >= 0 in BigDecimal: halve until x <= 1/2, Taylor series, square back. */
    static BigDecimal exp(BigDecimal x) {
        int m = 0;
        while (x.compareTo(new BigDecimal("0.5")) > 0) {
            x = x.divide(BigDecimal.valueOf(2), MC);
            m++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int i = 1; i < 80; i++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(i), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < m; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** f(x) = x / (x + C). */
    static BigDecimal f(BigDecimal x, BigDecimal c) {
        return x.divide(x.add(c, MC), MC);
    }

    /** Checks a design's threshold against exact BigDecimal arithmetic. */
    private static void checkExact(LemmaB1.Design d, long[] keys, String msg) {
        LemmaB1.Threshold th = LemmaB1.threshold(d, keys);
        BigInteger rInt = BigInteger.ONE;
        BigInteger plus = BigInteger.ONE;
        BigInteger padded = BigInteger.ONE;
        for (int p = 0; p < keys.length; p++) {
            rInt = rInt.multiply(BigInteger.valueOf(keys[p]));
            plus = plus.multiply(BigInteger.valueOf(keys[p] + 1));
            padded = padded.multiply(BigInteger.valueOf(keys[p] + d.padding()[p]));
        }
        BigDecimal r = new BigDecimal(rInt);
        BigDecimal lambda = new BigDecimal(d.lambda());
        BigDecimal t = BigDecimal.valueOf(d.threshold());
        BigDecimal xYes = exp(lambda.multiply(t, MC)).add(r, MC).subtract(BigDecimal.ONE, MC);
        BigDecimal xNo = r.multiply(exp(lambda.multiply(t, MC).multiply(BigDecimal.ONE.subtract(
                new BigDecimal(d.eps()), MC), MC)), MC);
        BigDecimal c;
        if (d.construction() == Construction.REFERENCE) {
            BigDecimal m = new BigDecimal(plus.subtract(rInt).subtract(BigInteger.ONE));
            c = exp(lambda.multiply(new BigDecimal(th.hEff()), MC)).add(m, MC);
        } else {
            c = new BigDecimal(padded.subtract(rInt));
        }
        BigDecimal fYes = f(xYes, c);
        BigDecimal fNo = f(xNo, c);
        BigDecimal epsA = fYes.subtract(fNo, MC).divide(BigDecimal.valueOf(2), MC);
        BigDecimal theta = fYes.add(fNo, MC).divide(BigDecimal.valueOf(2), MC);
        assertEquals(1, xYes.divide(xNo, MC).compareTo(new BigDecimal(d.gamma()).multiply(new BigDecimal("0.999999"))),
                msg + ": x_yes / x_no >= gamma");
        assertEquals(logOf(xYes), th.logXYes(), 1e-12 * Math.max(1, th.logXYes()), msg + " log x_yes");
        assertEquals(logOf(xNo), th.logXNo(), 1e-12 * Math.max(1, th.logXNo()), msg + " log x_no");
        assertEquals(logOf(c), th.logMass(), 1e-12 * Math.max(1, Math.abs(th.logMass())), msg + " log C");
        assertEquals(fYes.doubleValue(), th.fYes(), 1e-12, msg + " f(x_yes)");
        assertEquals(fNo.doubleValue(), th.fNo(), 1e-12, msg + " f(x_no)");
        assertEquals(theta.doubleValue(), th.theta(), 1e-12, msg + " theta");
        assertEquals(epsA.doubleValue(), th.epsA(), 1e-9 * epsA.doubleValue() + 1e-300, msg + " eps_a (relative)");
    }

    private static double logOf(BigDecimal x) {
        int shift = Math.max(0, x.toBigInteger().bitLength() - 60);
        return Math.log(x.divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift)), MC).doubleValue()) + shift * Math.log(2);
    }

    @Test
    void thresholdsMatchExactArithmeticOnSmallCasesForBothConstructions() {
        long[][] sizes = {{5, 3}, {7, 1}, {4, 2, 3}, {10, 4, 4}, {3, 2, 2, 2}, {6, 9, 1, 5}};
        long[] ts = {1, 4, 6, 9};
        double[] epss = {1, 0.5, 1.0 / 3, 0.125};
        for (Construction c : Construction.values()) {
            for (long[] s : sizes) {
                for (long t : ts) {
                    for (double eps : epss) {
                        LemmaB1.Design d = LemmaB1.design(c, s.length, 7, t, eps, s, 4);
                        long[] keys = java.util.Arrays.copyOfRange(s, 1, s.length);
                        String msg = c + " sizes " + java.util.Arrays.toString(s) + " t " + t + " eps " + eps;
                        checkExact(d, keys, msg);
                        // restrictions of the key sets: the threshold is re-derived and still exact
                        long[] half = keys.clone();
                        half[0] = Math.max(1, half[0] / 2);
                        checkExact(d, half, msg + " restricted");
                    }
                }
            }
        }
    }

    @Test
    void hugeExponentsDoNotOverflowAndStillMatchExactArithmetic() {
        long[] s = {1000, 1000, 1000};
        LemmaB1.Design d = LemmaB1.design(Construction.REFERENCE, 3, 40, 20, 0.01, s, 4);
        assertTrue(d.lambda() * d.threshold() > 800, "e^{lambda t} overflows a double: lambda t = " + d.lambda() * 20);
        long[] keys = {1000, 1000};
        LemmaB1.Threshold th = LemmaB1.threshold(d, keys);
        assertTrue(Double.isFinite(th.theta()) && Double.isFinite(th.logXYes()), th::toString);
        checkExact(d, keys, "huge");
        assertEquals(logOf(exp(new BigDecimal(d.lambda() * 20))), d.lambda() * 20, 1e-9);
    }

    @Test
    void referenceAccuracyIsTheConstantOfTheGeometricMeanAndPaperAccuracyIsInversePolynomial() {
        for (double gamma : new double[] {4, 9, 16}) {
            long[] s = {50, 64, 64};
            LemmaB1.Design ref = LemmaB1.design(Construction.REFERENCE, 3, 100, 6, 0.5, s, gamma);
            LemmaB1.Threshold th = LemmaB1.threshold(ref, new long[] {64, 64});
            double g = Math.sqrt(gamma);
            // C = sqrt(x_yes x_no) and x_yes/x_no = gamma (up to the R_t - 1 term) give (g-1)/(2(g+1))
            assertEquals((g - 1) / (2 * (g + 1)), th.epsA(), 2e-3, "gamma " + gamma);
            assertEquals(0.5, th.theta(), 2e-3, "gamma " + gamma);
            LemmaB1.Design paper = LemmaB1.design(Construction.PAPER, 3, 100, 6, 0.5, s, gamma);
            LemmaB1.Threshold pt = LemmaB1.threshold(paper, new long[] {64, 64});
            assertTrue(pt.epsA() < 0.01 && pt.epsA() > 0, "paper eps_a " + pt.epsA());
            assertTrue(LemmaB1.paddingRowsForConstantAccuracy(paper, new long[] {64, 64}) > 64 * 64,
                    "constant accuracy by padding needs more rows than R_t");
        }
    }

    @Test
    void scaleIsTheEntryBoundWithLambdaEqualToSToTheKOverD() {
        long[] s = {8, 8, 8};
        for (Construction c : Construction.values()) {
            LemmaB1.Design d = LemmaB1.design(c, 3, 50, 6, 0.5, s, 4);
            assertEquals(d.lambda(), Math.pow(d.scale(), 3) / d.width(), 1e-12 * d.lambda(), c.id());
            assertEquals(Math.log(4 * 64) / 3, d.lambda(), 1e-12, c.id());
        }
    }

    @Test
    void emptyKeySetAndSmallGammaAreUsageErrors() {
        assertThrows(UsageException.class,
                () -> LemmaB1.design(Construction.REFERENCE, 2, 3, 1, 1, new long[] {2, 0}, 4));
        assertThrows(UsageException.class,
                () -> LemmaB1.design(Construction.REFERENCE, 2, 3, 1, 1, new long[] {2, 2}, 1.5));
    }
}
