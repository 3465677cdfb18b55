package org.hardchain.attention;

import java.util.Arrays;

/**
 * A dense real matrix, row-major. Factories copy their input, so instances are immutable;
 * kernels in this package read the backing array directly through {@link #data()}
 * (package-private) without copying.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] a;

    private Matrix(int rows, int cols, double[] a) {
        this.rows = rows;
        this.cols = cols;
        this.a = a;
    }

    /**
     * A {@code rows x cols} matrix holding a copy of {@code rowMajor}.
     *
     * @throws IllegalArgumentException on negative sizes or a length mismatch
     */
    public static Matrix of(int rows, int cols, double[] rowMajor) {
        checkShape(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("Dimension mismatch: " + rowMajor.length
                    + " values for a " + rows + " x " + cols + " matrix");
        }
        return new Matrix(rows, cols, rowMajor.clone());
    }

    /** A matrix from rows (copied); every row must have the same length. */
    public static Matrix ofRows(double[][] data) {
        int r = data.length;
        int c = r == 0 ? 0 : data[0].length;
        double[] a = new double[Math.multiplyExact(r, c)];
        for (int i = 0; i < r; i++) {
            if (data[i].length != c) {
                throw new IllegalArgumentException("Dimension mismatch: row " + i + " has "
                        + data[i].length + " columns, row 0 has " + c);
            }
            System.arraycopy(data[i], 0, a, i * c, c);
        }
        return new Matrix(r, c, a);
    }

    /** The {@code rows x cols} zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /** Takes ownership of {@code rowMajor} without copying: the caller must not keep it. */
    static Matrix wrap(int rows, int cols, double[] rowMajor) {
        checkShape(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("Dimension mismatch: " + rowMajor.length
                    + " values for a " + rows + " x " + cols + " matrix");
        }
        return new Matrix(rows, cols, rowMajor);
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + " x " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix " + rows + " x " + cols + " is too large for one array");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + " x " + cols);
        }
        return a[i * cols + j];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        return Arrays.copyOfRange(a, i * cols, (i + 1) * cols);
    }

    /** A copy of the entries, row-major. */
    public double[] toArray() {
        return a.clone();
    }

    /** The backing array, row-major, for kernels in this package. Do not modify. */
    double[] data() {
        return a;
    }

    /** The largest absolute entry, {@code ||M||_inf} in THEORY's notation (0 for an empty matrix). */
    public double maxAbs() {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.a, a);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(a) * 31 + rows;
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
