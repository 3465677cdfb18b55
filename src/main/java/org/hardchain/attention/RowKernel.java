package org.hardchain.attention;

/**
 * The inner kernel of {@link ExactAttention}: FlashAttention for a block of "rows" against the
 * last key matrix. Row r carries a vector {@code a_r} (length d, already divided by d); the
 * kernel streams the columns j of {@code K = K_{k-1}} in chunks and keeps, per row, an online
 * softmax: the running maximum {@code m_r} of {@code g_rj = <a_r, K[j]>}, the running sum
 * {@code l_r = sum_j e^{g_rj - m_r}} and {@code w_r = sum_j e^{g_rj - m_r} V[j]} (THEORY.md §3).
 * One block costs {@code 2 * rows * n * (d + d_v)} flops and O(rows * chunk) memory.
 *
 * <p>Implementations are not thread-safe: one per thread (they hold scratch tiles).
 */
interface RowKernel {
    /** Rows per block in both kernels (a multiple of every micro-kernel height). */
    int BLOCK_ROWS = 32;

    /** Maximum rows per block (a multiple of the micro-kernel height). */
    int maxRows();

    /**
     * Runs one block.
     *
     * @param a    {@code maxRows() x d} row-major; rows {@code >= rows} are ignored (may be overwritten)
     * @param rows number of valid rows, {@code 1 <= rows <= maxRows()}
     * @param m    out: {@code m_r}
     * @param l    out: {@code l_r}
     * @param w    out: {@code w_r}, row r at offset {@code r * panel.dvPad()}
     */
    void run(double[] a, int rows, double[] m, double[] l, double[] w);

    /**
     * Merges rows {@code 0..rows-1} of a block into one online-softmax state (k >= 3, where all
     * rows of a block belong to the same query): with {@code M = ml[0]}, {@code Lsum = ml[1]},
     * for each row the state becomes max {@code M' = max(M, m_r)},
     * {@code Lsum' = Lsum e^{M - M'} + l_r e^{m_r - M'}} and
     * {@code acc' = acc e^{M - M'} + (u_r ∘ w_r) e^{m_r - M'}}. Rows of u and w have stride dvPad.
     */
    void mergeRows(int rows, double[] m, double[] l, double[] u, double[] w, double[] ml, double[] acc);

    /** The last key and value matrix laid out for the kernels. */
    KeyPanel panel();

    /**
     * {@code K^T} packed in column panels of {@code width} columns: entry (t, j) at
     * {@code (j / width) * d * width + t * width + j % width}, so a micro-kernel reading a
     * {@code d x width} slice reads contiguous memory (no cache-set conflicts from a large row
     * stride). Columns beyond n are zero (the kernels mask their scores to -inf).
     * {@code V} as {@code nPad x dvPad} row-major (padding zero). Immutable once built; shared by threads.
     */
    record KeyPanel(int n, int nPad, int width, int d, int dv, int dvPad, double[] kt, double[] v) {
        /** {@code colMultiple} is the panel width; n is padded to a multiple of it. */
        static KeyPanel of(Matrix k, Matrix v, int colMultiple, int dvMultiple) {
            int n = k.rows();
            int d = k.cols();
            int dv = v.cols();
            int nPad = roundUp(n, colMultiple);
            int width = colMultiple;
            int dvPad = roundUp(dv, dvMultiple);
            double[] kt = new double[Math.multiplyExact(d, nPad)];
            double[] kd = k.data();
            for (int j = 0; j < n; j++) {
                int base = (j / width) * d * width + j % width;
                for (int t = 0; t < d; t++) {
                    kt[base + t * width] = kd[j * d + t];
                }
            }
            double[] vp = new double[Math.multiplyExact(nPad, dvPad)];
            double[] vd = v.data();
            for (int j = 0; j < n; j++) {
                System.arraycopy(vd, j * dv, vp, j * dvPad, dv);
            }
            return new KeyPanel(n, nPad, width, d, dv, dvPad, kt, vp);
        }

        static int roundUp(int x, int m) {
            return Math.multiplyExact((x + m - 1) / m, m);
        }
    }
}
