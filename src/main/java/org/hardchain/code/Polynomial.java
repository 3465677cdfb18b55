package org.hardchain.code;

import java.util.Arrays;
import java.util.Objects;

/**
 * A polynomial over a prime field F_p, {@code f(x) = sum_i c_i x^i}, with its
 * coefficients stored trimmed (no leading zeros; the zero polynomial has degree -1).
 *
 * <p>Evaluation at the consecutive points {@code 0, 1, ..., n-1} (the evaluation points of
 * the workbench's Reed-Solomon codes, THEORY.md §6) has a fast path by forward
 * differences beside the naive one (Horner at every point).
 *
 * <p>This class is immutable.
 */
public final class Polynomial {
    private final PrimeField field;
    private final long[] coeffs;

    private Polynomial(PrimeField field, long[] trimmed) {
        this.field = field;
        this.coeffs = trimmed;
    }

    /** The polynomial with the given coefficients (lowest degree first), reduced mod p. */
    public static Polynomial of(PrimeField field, long... coefficients) {
        Objects.requireNonNull(field, "field");
        long[] c = new long[coefficients.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = field.reduce(coefficients[i]);
        }
        return new Polynomial(field, trim(c));
    }

    /** The zero polynomial. */
    public static Polynomial zero(PrimeField field) {
        return new Polynomial(field, new long[0]);
    }

    private static long[] trim(long[] c) {
        int n = c.length;
        while (n > 0 && c[n - 1] == 0) {
            n--;
        }
        return n == c.length ? c : Arrays.copyOf(c, n);
    }

    public PrimeField field() {
        return field;
    }

    /** The degree; -1 for the zero polynomial. */
    public int degree() {
        return coeffs.length - 1;
    }

    /** The coefficient of x^i (0 beyond the degree). */
    public long coefficient(int i) {
        return i < coeffs.length ? coeffs[i] : 0;
    }

    /** The coefficients, lowest degree first (a copy, of length degree + 1). */
    public long[] coefficients() {
        return coeffs.clone();
    }

    /** f(x) by Horner's rule: O(deg) multiplications. */
    public long evaluate(long x) {
        long xr = field.reduce(x);
        long acc = 0;
        for (int i = coeffs.length - 1; i >= 0; i--) {
            acc = field.add(field.mul(acc, xr), coeffs[i]);
        }
        return acc;
    }

    /**
     * The values {@code f(0), ..., f(n-1)}: the naive way, Horner at every point.
     * Cost O(n deg) multiplications.
     */
    public long[] evaluateAtConsecutiveNaive(int n) {
        long[] out = new long[n];
        for (int s = 0; s < n; s++) {
            out[s] = evaluate(s);
        }
        return out;
    }

    /**
     * The values {@code f(0), ..., f(n-1)} by forward differences: Horner at the first
     * deg + 1 points, then each further value with deg additions
     * ({@code Delta^j f(x+1) = Delta^j f(x) + Delta^{j+1} f(x)}, and {@code Delta^{deg} f}
     * is constant). Cost O(deg^2) multiplications plus O(n deg) additions, no
     * multiplication per point.
     */
    public long[] evaluateAtConsecutive(int n) {
        long[] out = new long[n];
        int d = degree();
        if (d <= 0) {
            Arrays.fill(out, d < 0 ? 0 : coeffs[0]);
            return out;
        }
        int head = Math.min(n, d + 1);
        long[] diff = new long[d + 1];
        for (int s = 0; s < d + 1; s++) {
            diff[s] = evaluate(s);
        }
        System.arraycopy(diff, 0, out, 0, head);
        if (n <= d + 1) {
            return out;
        }
        // diff[j] <- Delta^j f(0), computed in place.
        for (int j = 1; j <= d; j++) {
            for (int s = d; s >= j; s--) {
                diff[s] = field.sub(diff[s], diff[s - 1]);
            }
        }
        // diff[j] now holds Delta^j f(0) at index j; step to x = 1, 2, ...
        long p = field.p();
        for (int x = 1; x < n; x++) {
            for (int j = 0; j < d; j++) {
                long v = diff[j] + diff[j + 1];
                diff[j] = v >= p ? v - p : v;
            }
            out[x] = diff[0];
        }
        return out;
    }

    /** f + g. */
    public Polynomial add(Polynomial g) {
        checkField(g);
        long[] c = new long[Math.max(coeffs.length, g.coeffs.length)];
        for (int i = 0; i < c.length; i++) {
            c[i] = field.add(coefficient(i), g.coefficient(i));
        }
        return new Polynomial(field, trim(c));
    }

    /** f - g. */
    public Polynomial subtract(Polynomial g) {
        checkField(g);
        long[] c = new long[Math.max(coeffs.length, g.coeffs.length)];
        for (int i = 0; i < c.length; i++) {
            c[i] = field.sub(coefficient(i), g.coefficient(i));
        }
        return new Polynomial(field, trim(c));
    }

    /** f * g (schoolbook, O(deg f * deg g)). */
    public Polynomial multiply(Polynomial g) {
        checkField(g);
        if (coeffs.length == 0 || g.coeffs.length == 0) {
            return zero(field);
        }
        long[] c = new long[coeffs.length + g.coeffs.length - 1];
        for (int i = 0; i < coeffs.length; i++) {
            for (int j = 0; j < g.coeffs.length; j++) {
                c[i + j] = field.add(c[i + j], field.mul(coeffs[i], g.coeffs[j]));
            }
        }
        return new Polynomial(field, trim(c));
    }

    /** a * f for a field element a. */
    public Polynomial scale(long a) {
        long ar = field.reduce(a);
        long[] c = new long[coeffs.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = field.mul(coeffs[i], ar);
        }
        return new Polynomial(field, trim(c));
    }

    /**
     * Lagrange interpolation: the unique polynomial of degree {@code < n} with
     * {@code f(xs[i]) = ys[i]}. Builds the master polynomial {@code prod (x - x_i)} once and
     * divides it by each {@code (x - x_i)} synthetically: O(n^2) multiplications and n inversions.
     *
     * @throws IllegalArgumentException if the lengths differ or two points coincide mod p
     */
    public static Polynomial interpolate(PrimeField field, long[] xs, long[] ys) {
        int n = checkPoints(field, xs, ys);
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = field.reduce(xs[i]);
        }
        // master[0..n]: prod_i (X - x_i), lowest degree first.
        long[] master = new long[n + 1];
        master[0] = 1 % field.p();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j >= 1; j--) {
                master[j] = field.sub(master[j - 1], field.mul(x[i], master[j]));
            }
            master[0] = field.neg(field.mul(x[i], master[0]));
        }
        long[] result = new long[n];
        long[] quotient = new long[n];
        for (int i = 0; i < n; i++) {
            // quotient = master / (X - x_i) by synthetic division (high degree first).
            long carry = master[n];
            for (int j = n - 1; j >= 0; j--) {
                quotient[j] = carry;
                carry = field.add(master[j], field.mul(carry, x[i]));
            }
            // quotient(x_i) = prod_{j != i} (x_i - x_j)
            long denom = 0;
            for (int j = n - 1; j >= 0; j--) {
                denom = field.add(field.mul(denom, x[i]), quotient[j]);
            }
            long w = field.mul(field.reduce(ys[i]), field.inv(denom));
            for (int j = 0; j < n; j++) {
                result[j] = field.add(result[j], field.mul(w, quotient[j]));
            }
        }
        return new Polynomial(field, trim(result));
    }

    /**
     * Interpolation the naive way, an oracle independent of {@link #interpolate}: solves the
     * Vandermonde system {@code sum_j c_j x_i^j = y_i} by Gaussian elimination over F_p.
     * O(n^3).
     */
    public static Polynomial interpolateNaive(PrimeField field, long[] xs, long[] ys) {
        int n = checkPoints(field, xs, ys);
        long[][] a = new long[n][n + 1];
        for (int i = 0; i < n; i++) {
            long xi = field.reduce(xs[i]);
            long pw = 1 % field.p();
            for (int j = 0; j < n; j++) {
                a[i][j] = pw;
                pw = field.mul(pw, xi);
            }
            a[i][n] = field.reduce(ys[i]);
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            while (a[pivot][col] == 0) {
                pivot++; // a Vandermonde matrix on distinct points is invertible
            }
            long[] tmp = a[pivot];
            a[pivot] = a[col];
            a[col] = tmp;
            long inv = field.inv(a[col][col]);
            for (int j = col; j <= n; j++) {
                a[col][j] = field.mul(a[col][j], inv);
            }
            for (int i = 0; i < n; i++) {
                if (i != col && a[i][col] != 0) {
                    long f = a[i][col];
                    for (int j = col; j <= n; j++) {
                        a[i][j] = field.sub(a[i][j], field.mul(f, a[col][j]));
                    }
                }
            }
        }
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            c[i] = a[i][n];
        }
        return new Polynomial(field, trim(c));
    }

    private static int checkPoints(PrimeField field, long[] xs, long[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("Dimension mismatch: " + xs.length + " points != " + ys.length + " values");
        }
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (long x : xs) {
            if (!seen.add(field.reduce(x))) {
                throw new IllegalArgumentException("interpolation point " + x + " repeats mod " + field.p());
            }
        }
        return xs.length;
    }

    private void checkField(Polynomial g) {
        if (!field.equals(g.field)) {
            throw new IllegalArgumentException("field mismatch: " + field + " != " + g.field);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial g && g.field.equals(field) && Arrays.equals(g.coeffs, coeffs);
    }

    @Override
    public int hashCode() {
        return 31 * field.hashCode() + Arrays.hashCode(coeffs);
    }

    @Override
    public String toString() {
        if (coeffs.length == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = coeffs.length - 1; i >= 0; i--) {
            if (coeffs[i] == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(coeffs[i]);
            if (i >= 1) {
                sb.append(i == 1 ? "x" : "x^" + i);
            }
        }
        return sb + " over " + field;
    }
}
