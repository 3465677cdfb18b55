package org.hardchain.attention;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} with the Vector API: register-blocked GEMMs (4 rows x 2 vectors of
 * {@code K^T} columns, FMA) for the scores and for {@code P V}, and a vectorized
 * {@code exp} with online max/sum in between. Loaded only when {@code Simd.available()}.
 */
final class VectorRowKernel implements RowKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Micro-kernel height (rows) and width (vectors). */
    private static final int MR = 4;
    private static final int NR = 2;
    static final int ROWS = BLOCK_ROWS;
    /** Columns per chunk: a multiple of NR * L for every vector length up to 512 bits. */
    static final int CHUNK = 128;

    private final KeyPanel p;
    private final double[] g = new double[ROWS * CHUNK];

    private VectorRowKernel(KeyPanel panel) {
        this.p = panel;
    }

    /** The kernel for a panel made by {@link #layout}. */
    static RowKernel create(KeyPanel panel) {
        return new VectorRowKernel(panel);
    }

    /** Pads n to a multiple of NR * L and d_v to a multiple of L. */
    static KeyPanel layout(Matrix k, Matrix v) {
        return KeyPanel.of(k, v, NR * L, L);
    }

    @Override
    public int maxRows() {
        return ROWS;
    }

    @Override
    public KeyPanel panel() {
        return p;
    }

    @Override
    public void run(double[] a, int rows, double[] m, double[] l, double[] w) {
        final int d = p.d();
        final int n = p.n();
        final int nPad = p.nPad();
        final int dvPad = p.dvPad();
        final double[] kt = p.kt();
        final double[] v = p.v();
        final double[] g = this.g;
        int rowsPad = KeyPanel.roundUp(rows, MR);
        Arrays.fill(a, rows * d, rowsPad * d, 0.0);
        Arrays.fill(m, 0, rows, Double.NEGATIVE_INFINITY);
        Arrays.fill(l, 0, rows, 0.0);
        Arrays.fill(w, 0, rowsPad * dvPad, 0.0);
        for (int c0 = 0; c0 < nPad; c0 += CHUNK) {
            int nc = Math.min(CHUNK, nPad - c0);
            // Scores g[r][j] = <a_r, K[c0 + j]> for a 4-row x 2-vector register tile at a time.
            for (int r0 = 0; r0 < rowsPad; r0 += MR) {
                int a0 = r0 * d;
                for (int j0 = 0; j0 < nc; j0 += NR * L) {
                    scoreTile(a, a0, d, kt, c0 + j0, nPad, g, r0 * CHUNK + j0);
                }
            }
            // Padded key columns get score -inf, hence weight 0.
            if (c0 + nc > n) {
                for (int r = 0; r < rowsPad; r++) {
                    Arrays.fill(g, r * CHUNK + (n - c0), r * CHUNK + nc, Double.NEGATIVE_INFINITY);
                }
            }
            // Online softmax: new running max, rescale, g <- e^{g - m}.
            for (int r = 0; r < rows; r++) {
                softmaxRow(g, r * CHUNK, nc, m, l, r, w, r * dvPad, dvPad);
            }
            for (int r = rows; r < rowsPad; r++) {
                Arrays.fill(g, r * CHUNK, r * CHUNK + nc, 0.0);
            }
            // w_r += sum_j g[r][j] V[c0 + j], 4 rows x (2 or 1) vectors of V's columns at a time.
            for (int r0 = 0; r0 < rowsPad; r0 += MR) {
                int g0 = r0 * CHUNK;
                int w0 = r0 * dvPad;
                int c = 0;
                for (; c + NR * L <= dvPad; c += NR * L) {
                    valueTile2(g, g0, nc, v, c0 * dvPad + c, dvPad, w, w0 + c);
                }
                for (; c < dvPad; c += L) {
                    valueTile1(g, g0, nc, v, c0 * dvPad + c, dvPad, w, w0 + c);
                }
            }
        }
    }

    /** g[4 rows x 2L cols at go] = a[4 rows at a0] . K^T[:, ko..ko+2L) (the micro-kernel of the score GEMM). */
    private static void scoreTile(double[] a, int a0, int d, double[] kt, int ko, int nPad, double[] g, int go) {
        int a1 = a0 + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        for (int t = 0; t < d; t++, ko += nPad) {
            DoubleVector b0 = DoubleVector.fromArray(S, kt, ko);
            DoubleVector b1 = DoubleVector.fromArray(S, kt, ko + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + t]);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + t]);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + t]);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + t]);
            s00 = b0.fma(x0, s00);
            s01 = b1.fma(x0, s01);
            s10 = b0.fma(x1, s10);
            s11 = b1.fma(x1, s11);
            s20 = b0.fma(x2, s20);
            s21 = b1.fma(x2, s21);
            s30 = b0.fma(x3, s30);
            s31 = b1.fma(x3, s31);
        }
        s00.intoArray(g, go);
        s01.intoArray(g, go + L);
        s10.intoArray(g, go + CHUNK);
        s11.intoArray(g, go + CHUNK + L);
        s20.intoArray(g, go + 2 * CHUNK);
        s21.intoArray(g, go + 2 * CHUNK + L);
        s30.intoArray(g, go + 3 * CHUNK);
        s31.intoArray(g, go + 3 * CHUNK + L);
    }

    /** Online softmax of one row of the chunk: new running max, rescale l and w, g <- e^{g - m}. */
    private static void softmaxRow(double[] g, int go, int nc, double[] m, double[] l, int r, double[] w, int wo,
            int dvPad) {
        DoubleVector mxv = DoubleVector.fromArray(S, g, go);
        for (int j = L; j < nc; j += L) {
            mxv = mxv.max(DoubleVector.fromArray(S, g, go + j));
        }
        double mx = Math.max(m[r], mxv.reduceLanes(VectorOperators.MAX));
        if (mx > m[r]) {
            double s = Math.exp(m[r] - mx);
            l[r] *= s;
            for (int c = 0; c < dvPad; c += L) {
                DoubleVector.fromArray(S, w, wo + c).mul(s).intoArray(w, wo + c);
            }
            m[r] = mx;
        }
        DoubleVector mv = DoubleVector.broadcast(S, mx);
        DoubleVector sum = DoubleVector.zero(S);
        for (int j = 0; j < nc; j += L) {
            DoubleVector e = DoubleVector.fromArray(S, g, go + j).sub(mv).lanewise(VectorOperators.EXP);
            e.intoArray(g, go + j);
            sum = sum.add(e);
        }
        l[r] += sum.reduceLanes(VectorOperators.ADD);
    }

    /** w[4 rows x 2L cols at wo] += g[4 rows at g0, nc cols] . V[nc rows at vo, 2L cols]. */
    private static void valueTile2(double[] g, int g0, int nc, double[] v, int vo, int dvPad, double[] w, int w0) {
        DoubleVector u00 = DoubleVector.fromArray(S, w, w0);
        DoubleVector u01 = DoubleVector.fromArray(S, w, w0 + L);
        DoubleVector u10 = DoubleVector.fromArray(S, w, w0 + dvPad);
        DoubleVector u11 = DoubleVector.fromArray(S, w, w0 + dvPad + L);
        DoubleVector u20 = DoubleVector.fromArray(S, w, w0 + 2 * dvPad);
        DoubleVector u21 = DoubleVector.fromArray(S, w, w0 + 2 * dvPad + L);
        DoubleVector u30 = DoubleVector.fromArray(S, w, w0 + 3 * dvPad);
        DoubleVector u31 = DoubleVector.fromArray(S, w, w0 + 3 * dvPad + L);
        for (int j = 0; j < nc; j++, vo += dvPad) {
            DoubleVector v0 = DoubleVector.fromArray(S, v, vo);
            DoubleVector v1 = DoubleVector.fromArray(S, v, vo + L);
            DoubleVector x0 = DoubleVector.broadcast(S, g[g0 + j]);
            DoubleVector x1 = DoubleVector.broadcast(S, g[g0 + CHUNK + j]);
            DoubleVector x2 = DoubleVector.broadcast(S, g[g0 + 2 * CHUNK + j]);
            DoubleVector x3 = DoubleVector.broadcast(S, g[g0 + 3 * CHUNK + j]);
            u00 = v0.fma(x0, u00);
            u01 = v1.fma(x0, u01);
            u10 = v0.fma(x1, u10);
            u11 = v1.fma(x1, u11);
            u20 = v0.fma(x2, u20);
            u21 = v1.fma(x2, u21);
            u30 = v0.fma(x3, u30);
            u31 = v1.fma(x3, u31);
        }
        u00.intoArray(w, w0);
        u01.intoArray(w, w0 + L);
        u10.intoArray(w, w0 + dvPad);
        u11.intoArray(w, w0 + dvPad + L);
        u20.intoArray(w, w0 + 2 * dvPad);
        u21.intoArray(w, w0 + 2 * dvPad + L);
        u30.intoArray(w, w0 + 3 * dvPad);
        u31.intoArray(w, w0 + 3 * dvPad + L);
    }

    /** As {@link #valueTile2} for one vector of columns. */
    private static void valueTile1(double[] g, int g0, int nc, double[] v, int vo, int dvPad, double[] w, int w0) {
        DoubleVector u0 = DoubleVector.fromArray(S, w, w0);
        DoubleVector u1 = DoubleVector.fromArray(S, w, w0 + dvPad);
        DoubleVector u2 = DoubleVector.fromArray(S, w, w0 + 2 * dvPad);
        DoubleVector u3 = DoubleVector.fromArray(S, w, w0 + 3 * dvPad);
        for (int j = 0; j < nc; j++, vo += dvPad) {
            DoubleVector v0 = DoubleVector.fromArray(S, v, vo);
            u0 = v0.fma(DoubleVector.broadcast(S, g[g0 + j]), u0);
            u1 = v0.fma(DoubleVector.broadcast(S, g[g0 + CHUNK + j]), u1);
            u2 = v0.fma(DoubleVector.broadcast(S, g[g0 + 2 * CHUNK + j]), u2);
            u3 = v0.fma(DoubleVector.broadcast(S, g[g0 + 3 * CHUNK + j]), u3);
        }
        u0.intoArray(w, w0);
        u1.intoArray(w, w0 + dvPad);
        u2.intoArray(w, w0 + 2 * dvPad);
        u3.intoArray(w, w0 + 3 * dvPad);
    }
}
