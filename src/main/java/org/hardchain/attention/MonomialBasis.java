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
 * <p>Enumeration: the monomials of degree s whose largest variable is t are
 * {@code x_t} times the monomials of degree s - 1 whose largest variable is {@code <= t}, which
 * lists every multi-index exactly once. Each level is sorted by largest variable, so those
 * parents are a prefix of the previous level and a row is built by g d contiguous runs
 * {@code m[dst + i] = m[src + i] x_t} ({@link #runs()}), which vectorize.
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
    private final int[] runs;

    private MonomialBasis(int d, int g, int[] parent, int[] variable, short[] degree, double[] step, int[] runs) {
        this.runs = runs;
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
        int[] runs = new int[3 * g * d];
        parent[0] = -1;
        variable[0] = -1;
        int count = 1;
        int levelStart = 0;
        // prefix[t] = number of monomials of the previous level whose largest variable is <= t
        int[] prefix = new int[d];
        java.util.Arrays.fill(prefix, 1);
        int run = 0;
        for (int s = 1; s <= g; s++) {
            int[] next = new int[d];
            int start = count;
            for (int t = 0; t < d; t++) {
                runs[run++] = levelStart;
                runs[run++] = count;
                runs[run++] = prefix[t];
                for (int i = 0; i < prefix[t]; i++) {
                    int c = levelStart + i;
                    parent[count] = c;
                    variable[count] = t;
                    deg[count] = (short) s;
                    int exp = (c > 0 && t == last[c]) ? lastExp[c] + 1 : 1;
                    last[count] = t;
                    lastExp[count] = exp;
                    step[count] = (double) s / exp;
                    count++;
                }
                next[t] = count - start;
            }
            levelStart = start;
            prefix = next;
        }
        if (count != r) {
            throw new IllegalStateException("internal error: enumerated " + count + " monomials, expected " + r);
        }
        return new MonomialBasis(d, g, parent, variable, deg, step, runs);
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
        int t = 0;
        for (int q = 0; q < runs.length; q += 3) {
            double xt = x[xOff + t];
            int src = off + runs[q];
            int dst = off + runs[q + 1];
            int len = runs[q + 2];
            for (int i = 0; i < len; i++) {
                out[dst + i] = out[src + i] * xt;
            }
            t = t + 1 == d ? 0 : t + 1;
        }
    }

    /**
     * The runs of the row construction, 3 ints each: source start, destination start, length;
     * run number q uses variable {@code q mod d}. Do not modify.
     */
    int[] runs() {
        return runs;
    }

    /** {@code |alpha| / alpha_t} per column (unused for column 0). Do not modify. */
    double[] multinomialSteps() {
        return multinomialStep;
    }

    /** The first column of degree s (s = 0..g+1; {@code levelStart(g + 1) = r}). */
    public int levelStart(int s) {
        return s == 0 ? 0 : s > g ? parent.length : runs[3 * (s - 1) * d + 1];
    }

    /**
     * Fills {@code out[off .. off + r)} with {@code coef[|alpha|] multinom(|alpha|; alpha) x^alpha}.
     * With {@code sum_t |x_t| <= 1} every entry before the coefficient is in [-1, 1]: the
     * entries of degree s sum (in absolute value) to {@code (sum_t |x_t|)^s}.
     * Cost: about 2r multiplications.
     */
    public void weightedMonomials(double[] x, int xOff, double[] coef, double[] out, int off) {
        out[off] = 1;
        int t = 0;
        for (int q = 0; q < runs.length; q += 3) {
            double xt = x[xOff + t];
            int src = off + runs[q];
            int dst = off + runs[q + 1];
            int len = runs[q + 2];
            int st = runs[q + 1];
            for (int i = 0; i < len; i++) {
                out[dst + i] = out[src + i] * xt * multinomialStep[st + i];
            }
            t = t + 1 == d ? 0 : t + 1;
        }
        // level s is the contiguous range [levelStart(s), levelStart(s + 1))
        for (int s = 0; s <= g; s++) {
            double a = coef[s];
            int end = levelStart(s + 1);
            for (int i = levelStart(s); i < end; i++) {
                out[off + i] *= a;
            }
        }
    }
}
