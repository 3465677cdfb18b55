package org.hardchain.attention;

import org.hardchain.util.Simd;

/**
 * The two dense loops of Algorithm 1 (THEORY.md §4.4), on one block of factor rows.
 * {@code W} is held transposed, {@code wt[e * r + c]}, with width {@code m = d_v + 1}: rows
 * {@code e < d_v} hold {@code U_p^T V_p}, row {@code d_v} holds {@code U_p^T 1} (the caller
 * appends a column of ones to V), so one pass gives numerator and row sum.
 *
 * <p>{@link #scalar()} is plain loops; {@link #forCurrentPlatform()} returns the Vector API
 * version when {@link Simd#available()} (class {@code PolyKernelsSimd}, loaded only then).
 */
abstract class PolyKernels {

    /**
     * {@code wt[e r + c] += sum_{j < rows} u[j r + c] v[j m + e]} for e < m, c < r.
     * Cost: rows * r * m multiply-adds.
     */
    abstract void accumulate(double[] u, int rows, int r, double[] v, int m, double[] wt);

    /**
     * {@code out[outOff + i (m-1) + e] = (u[i] . wt[e]) / (u[i] . wt[m-1])} for i < rows,
     * e < m - 1: the rows of {@code diag(w)^{-1} U_0 W}. Cost: rows * r * m multiply-adds.
     * {@code acc} is scratch space of at least {@code 4 m} entries.
     */
    abstract void apply(double[] u, int rows, int r, double[] wt, int m, double[] out, int outOff, double[] acc);

    /** {@link MonomialBasis#monomials}: the row {@code x^alpha} of a key factor U_p. */
    void monomials(MonomialBasis b, double[] x, double[] out, int off) {
        b.monomials(x, 0, out, off);
    }

    /** {@link MonomialBasis#weightedMonomials}: a row of the query factor U_0. */
    void weightedMonomials(MonomialBasis b, double[] x, double[] coef, double[] out, int off) {
        b.weightedMonomials(x, 0, coef, out, off);
    }

    static PolyKernels scalar() {
        return Scalar.INSTANCE;
    }

    static PolyKernels forCurrentPlatform() {
        if (Simd.available()) {
            try {
                return (PolyKernels) Class.forName("org.hardchain.attention.PolyKernelsSimd")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return Scalar.INSTANCE;
            }
        }
        return Scalar.INSTANCE;
    }

    /** A short name for reports. */
    abstract String name();

    private static final class Scalar extends PolyKernels {
        static final Scalar INSTANCE = new Scalar();

        @Override
        void accumulate(double[] u, int rows, int r, double[] v, int m, double[] wt) {
            for (int j = 0; j < rows; j++) {
                int ub = j * r;
                for (int e = 0; e < m; e++) {
                    double ve = v[j * m + e];
                    if (ve == 0) {
                        continue;
                    }
                    int wb = e * r;
                    for (int c = 0; c < r; c++) {
                        wt[wb + c] += u[ub + c] * ve;
                    }
                }
            }
        }

        @Override
        void apply(double[] u, int rows, int r, double[] wt, int m, double[] out, int outOff, double[] acc) {
            int dv = m - 1;
            for (int i = 0; i < rows; i++) {
                int ub = i * r;
                for (int e = 0; e < m; e++) {
                    double s = 0;
                    int wb = e * r;
                    for (int c = 0; c < r; c++) {
                        s += u[ub + c] * wt[wb + c];
                    }
                    acc[e] = s;
                }
                for (int e = 0; e < dv; e++) {
                    out[outOff + i * dv + e] = acc[e] / acc[dv];
                }
            }
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
