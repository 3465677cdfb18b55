package org.hardchain.attention;

import java.util.List;
import org.hardchain.util.ResourceLimitException;

/**
 * The column-wise Kronecker product {@code A ⊘ B} (THEORY.md §1; Alman &amp; Song 2023,
 * Definition of ⊘ and Lemma C.3): for {@code A in R^{a x d}}, {@code B in R^{b x d}}, row
 * {@code i b + j} of {@code A ⊘ B} is {@code A[i] ∘ B[j]}. Naive and materialized: it exists
 * to test the identity {@code (U_1 ⊘ ... ⊘ U_{k-1})^T (V_1 ⊘ ... ⊘ V_{k-1})
 * = (U_1^T V_1) ∘ ... ∘ (U_{k-1}^T V_{k-1})} that Algorithm 1 relies on, and as the naive
 * side of {@link LowRankFactors#scores()}. Cost: {@code O(d prod_p n_p)} time and memory.
 */
public final class ColumnwiseKronecker {
    /** Largest product this naive class materializes, in entries. */
    public static final double MAX_ENTRIES = 1e8;

    private ColumnwiseKronecker() {
    }

    /** {@code A ⊘ B}. */
    public static Matrix of(Matrix a, Matrix b) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("Dimension mismatch: " + a.cols() + " != " + b.cols() + " columns");
        }
        int d = a.cols();
        ResourceLimitException.check("column-wise Kronecker product", (double) a.rows() * b.rows() * d,
                MAX_ENTRIES, "entries", "(none: naive reference only)");
        int rows = a.rows() * b.rows();
        double[] out = new double[rows * d];
        double[] x = a.data();
        double[] y = b.data();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.rows(); j++) {
                int o = (i * b.rows() + j) * d;
                for (int t = 0; t < d; t++) {
                    out[o + t] = x[i * d + t] * y[j * d + t];
                }
            }
        }
        return Matrix.wrap(rows, d, out);
    }

    /** {@code M_1 ⊘ ... ⊘ M_m} (left to right; the product is associative). */
    public static Matrix of(List<Matrix> factors) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("column-wise Kronecker product of no matrices");
        }
        Matrix acc = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            acc = of(acc, factors.get(i));
        }
        return acc;
    }

    /** {@code A^T B} for {@code A in R^{n x r}}, {@code B in R^{n x c}}: plain loops. */
    public static Matrix transposeTimes(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("Dimension mismatch: " + a.rows() + " != " + b.rows() + " rows");
        }
        int n = a.rows();
        int r = a.cols();
        int c = b.cols();
        double[] out = new double[r * c];
        double[] x = a.data();
        double[] y = b.data();
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < r; s++) {
                double v = x[j * r + s];
                for (int e = 0; e < c; e++) {
                    out[s * c + e] += v * y[j * c + e];
                }
            }
        }
        return Matrix.wrap(r, c, out);
    }

    /** Entry-wise (Hadamard) product of equal-shaped matrices. */
    public static Matrix hadamard(List<Matrix> factors) {
        Matrix first = factors.get(0);
        double[] out = first.toArray();
        for (int i = 1; i < factors.size(); i++) {
            Matrix m = factors.get(i);
            if (m.rows() != first.rows() || m.cols() != first.cols()) {
                throw new IllegalArgumentException("Dimension mismatch: " + m + " != " + first);
            }
            double[] y = m.data();
            for (int x = 0; x < out.length; x++) {
                out[x] *= y[x];
            }
        }
        return Matrix.wrap(first.rows(), first.cols(), out);
    }
}
