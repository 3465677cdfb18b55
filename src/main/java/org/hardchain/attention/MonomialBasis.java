package org.hardchain.attention;

import java.math.BigInteger;
import org.hardchain.util.ResourceLimitException;

/**
 * The multi-indices {@code alpha in N^d} with {@code |alpha| <= g}, one column of the
 * low-rank factors each (THEORY.md §4.3). There are {@code r = C(d + g, g)} of them. They are
 * listed by degree, and every column {@code c > 0} has a parent column (alpha minus one unit
 * vector {@code e_t}, t = {@link #variable(int)}) listed before it, so a row of monomials
 * {@code x^alpha} costs one multiplication per column: {@code m[c] = m[parent(c)] * x[t]}.
 *
 * <p>Enumeration: the children of a monomial whose largest variable is l are
 * {@code alpha + e_t} for {@code t >= l}, which lists every multi-index exactly once.
 * With each column also comes {@code |alpha| / alpha_t}, the factor by which the multinomial
 * coefficient {@code multinom(|alpha|; alpha) = |alpha|! / prod alpha_t!} grows from parent to
 * child.
 *
 * <p>Memory: 4 arrays of r entries. This class is immutable.
 */
public final class MonomialBasis {
    /** The largest rank accepted: columns are indexed by int and held in a few arrays. */
    public static final long MAX_RANK = 50_000_000L;

    private final int d;
    private final int g;
    private final int[] parent;
    private final int[] variable;
    private final short[] degree;
    private final double[] multinomialStep;

    private MonomialBasis(int d, int g, int[] parent, int[] variable, short[] degree, double[] step) {
        this.d = d;
        this.g = g;
        this.parent = parent;
        this.variable = variable;
        this.degree = degree;
        this.multinomialStep = step;
    }

    /**
     * The rank {@code C(d + g, g)}, exact.
     *
     * @throws IllegalArgumentException for negative d or g
     */
    public static BigInteger rank(int d, int g) {
        if (d < 0 || g < 0) {
            throw new IllegalArgumentException("need d >= 0 and g >= 0, got d = " + d + ", g = " + g);
        }
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= g; i++) {
            r = r.multiply(BigInteger.valueOf(d + i)).divide(BigInteger.valueOf(i));
        }
        return r;
    }

    /**
     * The basis for d variables and degree g.
     *
     * @throws ResourceLimitException if {@code C(d + g, g) > maxRank} (or above {@link #MAX_RANK})
     */
    public static MonomialBasis of(int d, int g, long maxRank) {
        if (d < 1 || g < 0 || g > Short.MAX_VALUE) {
            throw new IllegalArgumentException("need d >= 1 and 0 <= g <= " + Short.MAX_VALUE + ", got d = " + d + ", g = " + g);
        }
        BigInteger big = rank(d, g);
        double limit = Math.min(maxRank, MAX_RANK);
        ResourceLimitException.check("low-rank factorization of degree " + g + " in d = " + d,
                big.doubleValue(), limit, "columns (rank C(d+g, g))", "--max-rank");
        int r = big.intValueExact();
        int[] parent = new int[r];
        int[] variable = new int[r];
        short[] deg = new short[r];
        double[] step = new double[r];
        int[] last = new int[r];      // largest variable index of the monomial
        int[] lastExp = new int[r];   // its exponent
        parent[0] = -1;
        variable[0] = -1;
        last[0] = 0;
        int count = 1;
        int levelStart = 0;
        int levelEnd = 1;
        for (int s = 1; s <= g; s++) {
            for (int c = levelStart; c < levelEnd; c++) {
                for (int t = last[c]; t < d; t++) {
                    parent[count] = c;
                    variable[count] = t;
                    deg[count] = (short) s;
                    int exp = (c > 0 && t == last[c]) ? lastExp[c] + 1 : 1;
                    last[count] = t;
                    lastExp[count] = exp;
                    step[count] = (double) s / exp;
                    count++;
                }
            }
            levelStart = levelEnd;
            levelEnd = count;
        }
        if (count != r) {
            throw new IllegalStateException("internal error: enumerated " + count + " monomials, expected " + r);
        }
        return new MonomialBasis(d, g, parent, variable, deg, step);
    }

    /** Number of variables d. */
    public int variables() {
        return d;
    }

    /** Largest degree g. */
    public int maxDegree() {
        return g;
    }

    /** The rank r = C(d + g, g) = number of columns. */
    public int size() {
        return parent.length;
    }

    /** Parent column of column c > 0 (alpha - e_t); -1 for the constant monomial. */
    public int parent(int c) {
        return parent[c];
    }

    /** The variable t with column c = parent(c) + e_t; -1 for c = 0. */
    public int variable(int c) {
        return variable[c];
    }

    /** |alpha| of column c. */
    public int degree(int c) {
        return degree[c];
    }

    /** The exponent vector alpha of column c (O(g) by walking up the parents). */
    public int[] exponents(int c) {
        int[] alpha = new int[d];
        for (int x = c; x > 0; x = parent[x]) {
            alpha[variable[x]]++;
        }
        return alpha;
    }

    /**
     * Fills {@code out[off .. off + r)} with the monomials {@code x^alpha} (x of length d).
     * Cost: r multiplications.
     */
    public void monomials(double[] x, int xOff, double[] out, int off) {
        out[off] = 1;
        int r = parent.length;
        for (int c = 1; c < r; c++) {
            out[off + c] = out[off + parent[c]] * x[xOff + variable[c]];
        }
    }

    /**
     * Fills {@code out[off .. off + r)} with {@code coef[|alpha|] multinom(|alpha|; alpha) x^alpha}.
     * With {@code sum_t |x_t| <= 1} every entry before the coefficient is in [-1, 1]: the
     * entries of degree s sum (in absolute value) to {@code (sum_t |x_t|)^s}.
     * Cost: about 2r multiplications.
     */
    public void weightedMonomials(double[] x, int xOff, double[] coef, double[] out, int off) {
        out[off] = 1;
        int r = parent.length;
        for (int c = 1; c < r; c++) {
            out[off + c] = out[off + parent[c]] * x[xOff + variable[c]] * multinomialStep[c];
        }
        for (int c = 0; c < r; c++) {
            out[off + c] *= coef[degree[c]];
        }
    }
}
