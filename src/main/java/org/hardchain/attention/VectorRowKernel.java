package org.hardchain.attention;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} with the Vector API: register-blocked GEMMs (scores: 4 rows x 4 vectors of
 * {@code K^T} columns, FMA) for the scores and for {@code P V}, and a vectorized
 * {@code exp} with online max/sum in between. Loaded only when {@code Simd.available()}.
 */
final class VectorRowKernel implements RowKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Score micro-kernel: MR rows x NR vectors; value micro-kernel: PR rows x 2 vectors. */
    private static final int MR = 4;
    private static final int NR = 4;
    private static final int PR = 8;
    static final int ROWS = BLOCK_ROWS;
    /** Columns per chunk: a multiple of NR * L for every vector length up to 512 bits. */
    static final int CHUNK = 256;

    private final KeyPanel p;
    private final double[] g = new double[ROWS * CHUNK];

    private VectorRowKernel(KeyPanel panel) {
        this.p = panel;
    }

    /** The kernel for a panel made by {@link #layout}. */
    static RowKernel create(KeyPanel panel) {
        return new VectorRowKernel(panel);
    }

    /** Packs K^T in panels of NR * L columns (the score tile width); pads d_v to a multiple of L. */
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
    public void mergeRows(int rows, double[] m, double[] l, double[] u, double[] w, double[] ml, double[] acc) {
        int dvPad = p.dvPad();
        for (int r = 0; r < rows; r++) {
            int o = r * dvPad;
            if (m[r] <= ml[0]) {
                double sb = Math.exp(m[r] - ml[0]);
                ml[1] += l[r] * sb;
                for (int c = 0; c < dvPad; c += L) {
                    DoubleVector uw = DoubleVector.fromArray(S, u, o + c).mul(DoubleVector.fromArray(S, w, o + c));
                    uw.fma(DoubleVector.broadcast(S, sb), DoubleVector.fromArray(S, acc, c)).intoArray(acc, c);
                }
            } else {
                double sa = Math.exp(ml[0] - m[r]);
                ml[1] = ml[1] * sa + l[r];
                for (int c = 0; c < dvPad; c += L) {
                    DoubleVector uw = DoubleVector.fromArray(S, u, o + c).mul(DoubleVector.fromArray(S, w, o + c));
                    DoubleVector.fromArray(S, acc, c).fma(DoubleVector.broadcast(S, sa), uw).intoArray(acc, c);
                }
                ml[0] = m[r];
            }
        }
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
        int rowsPad = KeyPanel.roundUp(rows, PR);
        Arrays.fill(a, rows * d, rowsPad * d, 0.0);
        Arrays.fill(m, 0, rows, Double.NEGATIVE_INFINITY);
        Arrays.fill(l, 0, rows, 0.0);
        Arrays.fill(w, 0, rowsPad * dvPad, 0.0);
        for (int c0 = 0; c0 < nPad; c0 += CHUNK) {
            int nc = Math.min(CHUNK, nPad - c0);
            // Scores g[r][j] = <a_r, K[c0 + j]>, one 4-row x 4-vector register tile at a time.
            // Column tiles outside, so a d x 4L slice of K^T stays in L1 across the row tiles.
            for (int j0 = 0; j0 < nc; j0 += NR * L) {
                for (int r0 = 0; r0 < rowsPad; r0 += MR) {
                    scoreTile(a, r0 * d, d, kt, (c0 + j0) * d, g, r0 * CHUNK + j0);
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
            // w_r += sum_j g[r][j] V[c0 + j], 8 rows x (2 or 1) vectors of V's columns at a time.
            // Value columns outside, so an nc x 2L slice of V stays in L1 across the row tiles.
            int c = 0;
            for (; c + 2 * L <= dvPad; c += 2 * L) {
                for (int r0 = 0; r0 < rowsPad; r0 += PR) {
                    valueTile2(g, r0 * CHUNK, nc, v, c0 * dvPad + c, dvPad, w, r0 * dvPad + c);
                }
            }
            for (; c < dvPad; c += L) {
                for (int r0 = 0; r0 < rowsPad; r0 += PR) {
                    valueTile1(g, r0 * CHUNK, nc, v, c0 * dvPad + c, dvPad, w, r0 * dvPad + c);
                }
            }
        }
    }

    /**
     * g[4 rows x 4L cols at go] = a[4 rows at a0] . (the packed d x 4L panel of K^T at ko): the
     * micro-kernel of the score GEMM.
     */
    private static void scoreTile(double[] a, int a0, int d, double[] kt, int ko, double[] g, int go) {
        int a1 = a0 + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int t = 0; t < d; t++, ko += NR * L) {
            DoubleVector b0 = DoubleVector.fromArray(S, kt, ko);
            DoubleVector b1 = DoubleVector.fromArray(S, kt, ko + L);
            DoubleVector b2 = DoubleVector.fromArray(S, kt, ko + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, kt, ko + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + t]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            s02 = b2.fma(x, s02);
            s03 = b3.fma(x, s03);
            x = DoubleVector.broadcast(S, a[a1 + t]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            s12 = b2.fma(x, s12);
            s13 = b3.fma(x, s13);
            x = DoubleVector.broadcast(S, a[a2 + t]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            s22 = b2.fma(x, s22);
            s23 = b3.fma(x, s23);
            x = DoubleVector.broadcast(S, a[a3 + t]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
            s32 = b2.fma(x, s32);
            s33 = b3.fma(x, s33);
        }
        s00.intoArray(g, go);
        s01.intoArray(g, go + L);
        s02.intoArray(g, go + 2 * L);
        s03.intoArray(g, go + 3 * L);
        go += CHUNK;
        s10.intoArray(g, go);
        s11.intoArray(g, go + L);
        s12.intoArray(g, go + 2 * L);
        s13.intoArray(g, go + 3 * L);
        go += CHUNK;
        s20.intoArray(g, go);
        s21.intoArray(g, go + L);
        s22.intoArray(g, go + 2 * L);
        s23.intoArray(g, go + 3 * L);
        go += CHUNK;
        s30.intoArray(g, go);
        s31.intoArray(g, go + L);
        s32.intoArray(g, go + 2 * L);
        s33.intoArray(g, go + 3 * L);
    }

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that k * LN2_HI is exact for |k| < 2^11 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low mantissa bits. */
    private static final double SHIFTER = 6755399441055744.0;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** Inputs are clamped below at this value: e^x for x &lt; EXP_MIN is returned as e^EXP_MIN &lt; 3.4e-308. */
    private static final double EXP_MIN = -708.0;
    /** 1/i! (Taylor coefficients of e^r; the remainder on |r| &lt;= ln2/2 is below 2.5e-16). */
    private static final double F2 = 1.0 / 2;
    private static final double F3 = 1.0 / 6;
    private static final double F4 = 1.0 / 24;
    private static final double F5 = 1.0 / 120;
    private static final double F6 = 1.0 / 720;
    private static final double F7 = 1.0 / 5040;
    private static final double F8 = 1.0 / 40320;
    private static final double F9 = 1.0 / 362880;
    private static final double F10 = 1.0 / 3628800;
    private static final double F11 = 1.0 / 39916800;
    private static final double F12 = 1.0 / 479001600;

    /**
     * e^x for x &lt;= 0, lane-wise, within a few ulp for x &gt;= -708 (smaller x, including -inf,
     * give e^-708 &lt; 3.4e-308 instead of a value below that: an absolute error no softmax
     * weight can notice, since the largest weight is 1): x = k ln 2 + r with |r| &lt;= ln2/2,
     * e^r by its degree-12 Taylor polynomial (Horner), 2^k by building the exponent bits.
     * Made of IEEE operations only (FMA, add, multiply, integer ops), so compiled and
     * interpreted code give identical bits, unlike {@code lanewise(EXP)}; and it is faster.
     */
    static DoubleVector expNonPositive(DoubleVector x) {
        DoubleVector xc = x.max(EXP_MIN);
        DoubleVector t = xc.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, SHIFTER));
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), xc);
        r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        DoubleVector p = r.fma(DoubleVector.broadcast(S, F12), DoubleVector.broadcast(S, F11));
        p = p.fma(r, DoubleVector.broadcast(S, F10));
        p = p.fma(r, DoubleVector.broadcast(S, F9));
        p = p.fma(r, DoubleVector.broadcast(S, F8));
        p = p.fma(r, DoubleVector.broadcast(S, F7));
        p = p.fma(r, DoubleVector.broadcast(S, F6));
        p = p.fma(r, DoubleVector.broadcast(S, F5));
        p = p.fma(r, DoubleVector.broadcast(S, F4));
        p = p.fma(r, DoubleVector.broadcast(S, F3));
        p = p.fma(r, DoubleVector.broadcast(S, F2));
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        p = p.fma(r, one).fma(r, one);
        LongVector bits = ((LongVector) t.viewAsIntegralLanes()).sub(SHIFTER_BITS - 1023L)
                .lanewise(VectorOperators.LSHL, 52);
        return p.mul((DoubleVector) bits.viewAsFloatingLanes());
    }

    /** {@link #expNonPositive} on an array (for tests). */
    static double[] expNonPositive(double[] x) {
        double[] y = new double[x.length];
        double[] buf = new double[L];
        for (int i = 0; i < x.length; i += L) {
            int m = Math.min(L, x.length - i);
            java.util.Arrays.fill(buf, 0.0);
            System.arraycopy(x, i, buf, 0, m);
            double[] e = expNonPositive(DoubleVector.fromArray(S, buf, 0)).toArray();
            System.arraycopy(e, 0, y, i, m);
        }
        return y;
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
            DoubleVector e = expNonPositive(DoubleVector.fromArray(S, g, go + j).sub(mv));
            e.intoArray(g, go + j);
            sum = sum.add(e);
        }
        l[r] += sum.reduceLanes(VectorOperators.ADD);
    }

    /** w[8 rows x 2L cols at w0] += g[8 rows at g0, nc cols] . V[nc rows at vo, 2L cols]. */
    private static void valueTile2(double[] g, int g0, int nc, double[] v, int vo, int dvPad, double[] w, int w0) {
        DoubleVector u00 = DoubleVector.fromArray(S, w, w0);
        DoubleVector u01 = DoubleVector.fromArray(S, w, w0 + L);
        DoubleVector u10 = DoubleVector.fromArray(S, w, w0 + dvPad);
        DoubleVector u11 = DoubleVector.fromArray(S, w, w0 + dvPad + L);
        DoubleVector u20 = DoubleVector.fromArray(S, w, w0 + 2 * dvPad);
        DoubleVector u21 = DoubleVector.fromArray(S, w, w0 + 2 * dvPad + L);
        DoubleVector u30 = DoubleVector.fromArray(S, w, w0 + 3 * dvPad);
        DoubleVector u31 = DoubleVector.fromArray(S, w, w0 + 3 * dvPad + L);
        DoubleVector u40 = DoubleVector.fromArray(S, w, w0 + 4 * dvPad);
        DoubleVector u41 = DoubleVector.fromArray(S, w, w0 + 4 * dvPad + L);
        DoubleVector u50 = DoubleVector.fromArray(S, w, w0 + 5 * dvPad);
        DoubleVector u51 = DoubleVector.fromArray(S, w, w0 + 5 * dvPad + L);
        DoubleVector u60 = DoubleVector.fromArray(S, w, w0 + 6 * dvPad);
        DoubleVector u61 = DoubleVector.fromArray(S, w, w0 + 6 * dvPad + L);
        DoubleVector u70 = DoubleVector.fromArray(S, w, w0 + 7 * dvPad);
        DoubleVector u71 = DoubleVector.fromArray(S, w, w0 + 7 * dvPad + L);
        for (int j = 0; j < nc; j++, vo += dvPad) {
            DoubleVector v0 = DoubleVector.fromArray(S, v, vo);
            DoubleVector v1 = DoubleVector.fromArray(S, v, vo + L);
            int gj = g0 + j;
            DoubleVector x = DoubleVector.broadcast(S, g[gj]);
            u00 = v0.fma(x, u00);
            u01 = v1.fma(x, u01);
            x = DoubleVector.broadcast(S, g[gj + CHUNK]);
            u10 = v0.fma(x, u10);
            u11 = v1.fma(x, u11);
            x = DoubleVector.broadcast(S, g[gj + 2 * CHUNK]);
            u20 = v0.fma(x, u20);
            u21 = v1.fma(x, u21);
            x = DoubleVector.broadcast(S, g[gj + 3 * CHUNK]);
            u30 = v0.fma(x, u30);
            u31 = v1.fma(x, u31);
            x = DoubleVector.broadcast(S, g[gj + 4 * CHUNK]);
            u40 = v0.fma(x, u40);
            u41 = v1.fma(x, u41);
            x = DoubleVector.broadcast(S, g[gj + 5 * CHUNK]);
            u50 = v0.fma(x, u50);
            u51 = v1.fma(x, u51);
            x = DoubleVector.broadcast(S, g[gj + 6 * CHUNK]);
            u60 = v0.fma(x, u60);
            u61 = v1.fma(x, u61);
            x = DoubleVector.broadcast(S, g[gj + 7 * CHUNK]);
            u70 = v0.fma(x, u70);
            u71 = v1.fma(x, u71);
        }
        u00.intoArray(w, w0);
        u01.intoArray(w, w0 + L);
        u10.intoArray(w, w0 + dvPad);
        u11.intoArray(w, w0 + dvPad + L);
        u20.intoArray(w, w0 + 2 * dvPad);
        u21.intoArray(w, w0 + 2 * dvPad + L);
        u30.intoArray(w, w0 + 3 * dvPad);
        u31.intoArray(w, w0 + 3 * dvPad + L);
        u40.intoArray(w, w0 + 4 * dvPad);
        u41.intoArray(w, w0 + 4 * dvPad + L);
        u50.intoArray(w, w0 + 5 * dvPad);
        u51.intoArray(w, w0 + 5 * dvPad + L);
        u60.intoArray(w, w0 + 6 * dvPad);
        u61.intoArray(w, w0 + 6 * dvPad + L);
        u70.intoArray(w, w0 + 7 * dvPad);
        u71.intoArray(w, w0 + 7 * dvPad + L);
    }

    /** As {@link #valueTile2} for one vector of columns. */
    private static void valueTile1(double[] g, int g0, int nc, double[] v, int vo, int dvPad, double[] w, int w0) {
        DoubleVector u0 = DoubleVector.fromArray(S, w, w0);
        DoubleVector u1 = DoubleVector.fromArray(S, w, w0 + dvPad);
        DoubleVector u2 = DoubleVector.fromArray(S, w, w0 + 2 * dvPad);
        DoubleVector u3 = DoubleVector.fromArray(S, w, w0 + 3 * dvPad);
        DoubleVector u4 = DoubleVector.fromArray(S, w, w0 + 4 * dvPad);
        DoubleVector u5 = DoubleVector.fromArray(S, w, w0 + 5 * dvPad);
        DoubleVector u6 = DoubleVector.fromArray(S, w, w0 + 6 * dvPad);
        DoubleVector u7 = DoubleVector.fromArray(S, w, w0 + 7 * dvPad);
        for (int j = 0; j < nc; j++, vo += dvPad) {
            DoubleVector v0 = DoubleVector.fromArray(S, v, vo);
            int gj = g0 + j;
            u0 = v0.fma(DoubleVector.broadcast(S, g[gj]), u0);
            u1 = v0.fma(DoubleVector.broadcast(S, g[gj + CHUNK]), u1);
            u2 = v0.fma(DoubleVector.broadcast(S, g[gj + 2 * CHUNK]), u2);
            u3 = v0.fma(DoubleVector.broadcast(S, g[gj + 3 * CHUNK]), u3);
            u4 = v0.fma(DoubleVector.broadcast(S, g[gj + 4 * CHUNK]), u4);
            u5 = v0.fma(DoubleVector.broadcast(S, g[gj + 5 * CHUNK]), u5);
            u6 = v0.fma(DoubleVector.broadcast(S, g[gj + 6 * CHUNK]), u6);
            u7 = v0.fma(DoubleVector.broadcast(S, g[gj + 7 * CHUNK]), u7);
        }
        u0.intoArray(w, w0);
        u1.intoArray(w, w0 + dvPad);
        u2.intoArray(w, w0 + 2 * dvPad);
        u3.intoArray(w, w0 + 3 * dvPad);
        u4.intoArray(w, w0 + 4 * dvPad);
        u5.intoArray(w, w0 + 5 * dvPad);
        u6.intoArray(w, w0 + 6 * dvPad);
        u7.intoArray(w, w0 + 7 * dvPad);
    }
}
