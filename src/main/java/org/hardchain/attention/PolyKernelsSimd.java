package org.hardchain.attention;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link PolyKernels}: vectorized over the rank index c, register
 * blocked over 2 vectors x 4 value columns (accumulate) and 4 (then 2, 1) rows x 4 value columns (apply).
 * Loaded only when {@link org.hardchain.util.Simd#available()}.
 */
final class PolyKernelsSimd extends PolyKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    PolyKernelsSimd() {
    }

    @Override
    String name() {
        return "Vector API " + S.vectorBitSize() + "-bit";
    }

    @Override
    void monomials(MonomialBasis b, double[] x, double[] out, int off) {
        int[] runs = b.runs();
        int d = b.variables();
        out[off] = 1;
        int t = 0;
        for (int q = 0; q < runs.length; q += 3) {
            DoubleVector xt = DoubleVector.broadcast(S, x[t]);
            double xs = x[t];
            int src = off + runs[q];
            int dst = off + runs[q + 1];
            int len = runs[q + 2];
            int i = 0;
            for (; i + L <= len; i += L) {
                DoubleVector.fromArray(S, out, src + i).mul(xt).intoArray(out, dst + i);
            }
            for (; i < len; i++) {
                out[dst + i] = out[src + i] * xs;
            }
            t = t + 1 == d ? 0 : t + 1;
        }
    }

    @Override
    void weightedMonomials(MonomialBasis b, double[] x, double[] coef, double[] out, int off) {
        int[] runs = b.runs();
        double[] step = b.multinomialSteps();
        int d = b.variables();
        out[off] = 1;
        int t = 0;
        for (int q = 0; q < runs.length; q += 3) {
            int src = off + runs[q];
            int dst = off + runs[q + 1];
            int len = runs[q + 2];
            int st = runs[q + 1];
            double xs = x[t];
            DoubleVector xt = DoubleVector.broadcast(S, xs);
            int i = 0;
            for (; i + L <= len; i += L) {
                DoubleVector.fromArray(S, out, src + i).mul(xt)
                        .mul(DoubleVector.fromArray(S, step, st + i)).intoArray(out, dst + i);
            }
            for (; i < len; i++) {
                out[dst + i] = out[src + i] * xs * step[st + i];
            }
            t = t + 1 == d ? 0 : t + 1;
        }
        for (int s = 0; s <= b.maxDegree(); s++) {
            DoubleVector a = DoubleVector.broadcast(S, coef[s]);
            double as = coef[s];
            int i = off + b.levelStart(s);
            int end = off + b.levelStart(s + 1);
            for (; i + L <= end; i += L) {
                DoubleVector.fromArray(S, out, i).mul(a).intoArray(out, i);
            }
            for (; i < end; i++) {
                out[i] *= as;
            }
        }
    }

    @Override
    void accumulate(double[] u, int rows, int r, double[] v, int m, double[] wt) {
        int cv = r - r % L;
        int c2 = r - r % (2 * L);
        for (int c = 0; c < c2; c += 2 * L) {
            int e = 0;
            for (; e + 4 <= m; e += 4) {
                int w0 = e * r + c;
                int w1 = w0 + r;
                int w2 = w1 + r;
                int w3 = w2 + r;
                DoubleVector a00 = DoubleVector.fromArray(S, wt, w0 + 0 * L);
                DoubleVector a01 = DoubleVector.fromArray(S, wt, w1 + 0 * L);
                DoubleVector a02 = DoubleVector.fromArray(S, wt, w2 + 0 * L);
                DoubleVector a03 = DoubleVector.fromArray(S, wt, w3 + 0 * L);
                DoubleVector a10 = DoubleVector.fromArray(S, wt, w0 + 1 * L);
                DoubleVector a11 = DoubleVector.fromArray(S, wt, w1 + 1 * L);
                DoubleVector a12 = DoubleVector.fromArray(S, wt, w2 + 1 * L);
                DoubleVector a13 = DoubleVector.fromArray(S, wt, w3 + 1 * L);
                for (int j = 0; j < rows; j++) {
                    DoubleVector x0 = DoubleVector.fromArray(S, u, j * r + c);
                    DoubleVector x1 = DoubleVector.fromArray(S, u, j * r + c + L);
                    int vb = j * m + e;
                    DoubleVector v0 = DoubleVector.broadcast(S, v[vb + 0]);
                    DoubleVector v1 = DoubleVector.broadcast(S, v[vb + 1]);
                    DoubleVector v2 = DoubleVector.broadcast(S, v[vb + 2]);
                    DoubleVector v3 = DoubleVector.broadcast(S, v[vb + 3]);
                    a00 = x0.fma(v0, a00);
                    a01 = x0.fma(v1, a01);
                    a02 = x0.fma(v2, a02);
                    a03 = x0.fma(v3, a03);
                    a10 = x1.fma(v0, a10);
                    a11 = x1.fma(v1, a11);
                    a12 = x1.fma(v2, a12);
                    a13 = x1.fma(v3, a13);
                }
                a00.intoArray(wt, w0 + 0 * L);
                a01.intoArray(wt, w1 + 0 * L);
                a02.intoArray(wt, w2 + 0 * L);
                a03.intoArray(wt, w3 + 0 * L);
                a10.intoArray(wt, w0 + 1 * L);
                a11.intoArray(wt, w1 + 1 * L);
                a12.intoArray(wt, w2 + 1 * L);
                a13.intoArray(wt, w3 + 1 * L);
            }
            for (; e < m; e++) {
                int w0 = e * r + c;
                DoubleVector a0 = DoubleVector.fromArray(S, wt, w0);
                DoubleVector a1 = DoubleVector.fromArray(S, wt, w0 + L);
                for (int j = 0; j < rows; j++) {
                    DoubleVector ve = DoubleVector.broadcast(S, v[j * m + e]);
                    a0 = DoubleVector.fromArray(S, u, j * r + c).fma(ve, a0);
                    a1 = DoubleVector.fromArray(S, u, j * r + c + L).fma(ve, a1);
                }
                a0.intoArray(wt, w0);
                a1.intoArray(wt, w0 + L);
            }
        }
        for (int c = c2; c < cv; c += L) {
            int e = 0;
            for (; e + 4 <= m; e += 4) {
                int w0 = e * r + c;
                int w1 = w0 + r;
                int w2 = w1 + r;
                int w3 = w2 + r;
                DoubleVector a0 = DoubleVector.fromArray(S, wt, w0);
                DoubleVector a1 = DoubleVector.fromArray(S, wt, w1);
                DoubleVector a2 = DoubleVector.fromArray(S, wt, w2);
                DoubleVector a3 = DoubleVector.fromArray(S, wt, w3);
                for (int j = 0; j < rows; j++) {
                    DoubleVector x = DoubleVector.fromArray(S, u, j * r + c);
                    int vb = j * m + e;
                    a0 = x.fma(DoubleVector.broadcast(S, v[vb]), a0);
                    a1 = x.fma(DoubleVector.broadcast(S, v[vb + 1]), a1);
                    a2 = x.fma(DoubleVector.broadcast(S, v[vb + 2]), a2);
                    a3 = x.fma(DoubleVector.broadcast(S, v[vb + 3]), a3);
                }
                a0.intoArray(wt, w0);
                a1.intoArray(wt, w1);
                a2.intoArray(wt, w2);
                a3.intoArray(wt, w3);
            }
            for (; e < m; e++) {
                int w0 = e * r + c;
                DoubleVector a0 = DoubleVector.fromArray(S, wt, w0);
                for (int j = 0; j < rows; j++) {
                    a0 = DoubleVector.fromArray(S, u, j * r + c).fma(DoubleVector.broadcast(S, v[j * m + e]), a0);
                }
                a0.intoArray(wt, w0);
            }
        }
        for (int c = cv; c < r; c++) {
            for (int e = 0; e < m; e++) {
                double s = wt[e * r + c];
                for (int j = 0; j < rows; j++) {
                    s = Math.fma(u[j * r + c], v[j * m + e], s);
                }
                wt[e * r + c] = s;
            }
        }
    }

    @Override
    void apply(double[] u, int rows, int r, double[] wt, int m, double[] out, int outOff, double[] acc) {
        int dv = m - 1;
        int cv = r - r % L;
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int u0 = i * r;
            int u1 = u0 + r;
            int u2 = u1 + r;
            int u3 = u2 + r;
            int e = 0;
            for (; e + 4 <= m; e += 4) {
                DoubleVector s00 = DoubleVector.zero(S);
                DoubleVector s01 = DoubleVector.zero(S);
                DoubleVector s02 = DoubleVector.zero(S);
                DoubleVector s03 = DoubleVector.zero(S);
                DoubleVector s10 = DoubleVector.zero(S);
                DoubleVector s11 = DoubleVector.zero(S);
                DoubleVector s12 = DoubleVector.zero(S);
                DoubleVector s13 = DoubleVector.zero(S);
                DoubleVector s20 = DoubleVector.zero(S);
                DoubleVector s21 = DoubleVector.zero(S);
                DoubleVector s22 = DoubleVector.zero(S);
                DoubleVector s23 = DoubleVector.zero(S);
                DoubleVector s30 = DoubleVector.zero(S);
                DoubleVector s31 = DoubleVector.zero(S);
                DoubleVector s32 = DoubleVector.zero(S);
                DoubleVector s33 = DoubleVector.zero(S);
                int b0 = e * r;
                int b1 = b0 + r;
                int b2 = b1 + r;
                int b3 = b2 + r;
                for (int c = 0; c < cv; c += L) {
                    DoubleVector y0 = DoubleVector.fromArray(S, wt, b0 + c);
                    DoubleVector y1 = DoubleVector.fromArray(S, wt, b1 + c);
                    DoubleVector y2 = DoubleVector.fromArray(S, wt, b2 + c);
                    DoubleVector y3 = DoubleVector.fromArray(S, wt, b3 + c);
                    DoubleVector x0 = DoubleVector.fromArray(S, u, u0 + c);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s02 = x0.fma(y2, s02);
                    s03 = x0.fma(y3, s03);
                    DoubleVector x1 = DoubleVector.fromArray(S, u, u1 + c);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                    s12 = x1.fma(y2, s12);
                    s13 = x1.fma(y3, s13);
                    DoubleVector x2 = DoubleVector.fromArray(S, u, u2 + c);
                    s20 = x2.fma(y0, s20);
                    s21 = x2.fma(y1, s21);
                    s22 = x2.fma(y2, s22);
                    s23 = x2.fma(y3, s23);
                    DoubleVector x3 = DoubleVector.fromArray(S, u, u3 + c);
                    s30 = x3.fma(y0, s30);
                    s31 = x3.fma(y1, s31);
                    s32 = x3.fma(y2, s32);
                    s33 = x3.fma(y3, s33);
                }
                acc[0 * m + e + 0] = s00.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b0, cv, r);
                acc[0 * m + e + 1] = s01.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b1, cv, r);
                acc[0 * m + e + 2] = s02.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b2, cv, r);
                acc[0 * m + e + 3] = s03.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b3, cv, r);
                acc[1 * m + e + 0] = s10.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b0, cv, r);
                acc[1 * m + e + 1] = s11.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b1, cv, r);
                acc[1 * m + e + 2] = s12.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b2, cv, r);
                acc[1 * m + e + 3] = s13.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b3, cv, r);
                acc[2 * m + e + 0] = s20.reduceLanes(VectorOperators.ADD) + tail(u, u2, wt, b0, cv, r);
                acc[2 * m + e + 1] = s21.reduceLanes(VectorOperators.ADD) + tail(u, u2, wt, b1, cv, r);
                acc[2 * m + e + 2] = s22.reduceLanes(VectorOperators.ADD) + tail(u, u2, wt, b2, cv, r);
                acc[2 * m + e + 3] = s23.reduceLanes(VectorOperators.ADD) + tail(u, u2, wt, b3, cv, r);
                acc[3 * m + e + 0] = s30.reduceLanes(VectorOperators.ADD) + tail(u, u3, wt, b0, cv, r);
                acc[3 * m + e + 1] = s31.reduceLanes(VectorOperators.ADD) + tail(u, u3, wt, b1, cv, r);
                acc[3 * m + e + 2] = s32.reduceLanes(VectorOperators.ADD) + tail(u, u3, wt, b2, cv, r);
                acc[3 * m + e + 3] = s33.reduceLanes(VectorOperators.ADD) + tail(u, u3, wt, b3, cv, r);
            }
            for (; e < m; e++) {
                acc[0 * m + e] = dot(u, u0, wt, e * r, cv, r);
                acc[1 * m + e] = dot(u, u1, wt, e * r, cv, r);
                acc[2 * m + e] = dot(u, u2, wt, e * r, cv, r);
                acc[3 * m + e] = dot(u, u3, wt, e * r, cv, r);
            }
            for (int x = 0; x < 4; x++) {
                for (int f = 0; f < dv; f++) {
                    out[outOff + (i + x) * dv + f] = acc[x * m + f] / acc[x * m + dv];
                }
            }
        }
        for (; i + 2 <= rows; i += 2) {
            int u0 = i * r;
            int u1 = u0 + r;
            int e = 0;
            for (; e + 4 <= m; e += 4) {
                DoubleVector s00 = DoubleVector.zero(S);
                DoubleVector s01 = DoubleVector.zero(S);
                DoubleVector s02 = DoubleVector.zero(S);
                DoubleVector s03 = DoubleVector.zero(S);
                DoubleVector s10 = DoubleVector.zero(S);
                DoubleVector s11 = DoubleVector.zero(S);
                DoubleVector s12 = DoubleVector.zero(S);
                DoubleVector s13 = DoubleVector.zero(S);
                int b0 = e * r;
                int b1 = b0 + r;
                int b2 = b1 + r;
                int b3 = b2 + r;
                for (int c = 0; c < cv; c += L) {
                    DoubleVector x0 = DoubleVector.fromArray(S, u, u0 + c);
                    DoubleVector x1 = DoubleVector.fromArray(S, u, u1 + c);
                    DoubleVector y0 = DoubleVector.fromArray(S, wt, b0 + c);
                    DoubleVector y1 = DoubleVector.fromArray(S, wt, b1 + c);
                    DoubleVector y2 = DoubleVector.fromArray(S, wt, b2 + c);
                    DoubleVector y3 = DoubleVector.fromArray(S, wt, b3 + c);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s02 = x0.fma(y2, s02);
                    s03 = x0.fma(y3, s03);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                    s12 = x1.fma(y2, s12);
                    s13 = x1.fma(y3, s13);
                }
                acc[e] = s00.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b0, cv, r);
                acc[e + 1] = s01.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b1, cv, r);
                acc[e + 2] = s02.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b2, cv, r);
                acc[e + 3] = s03.reduceLanes(VectorOperators.ADD) + tail(u, u0, wt, b3, cv, r);
                acc[m + e] = s10.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b0, cv, r);
                acc[m + e + 1] = s11.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b1, cv, r);
                acc[m + e + 2] = s12.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b2, cv, r);
                acc[m + e + 3] = s13.reduceLanes(VectorOperators.ADD) + tail(u, u1, wt, b3, cv, r);
            }
            for (; e < m; e++) {
                acc[e] = dot(u, u0, wt, e * r, cv, r);
                acc[m + e] = dot(u, u1, wt, e * r, cv, r);
            }
            for (int f = 0; f < dv; f++) {
                out[outOff + i * dv + f] = acc[f] / acc[dv];
                out[outOff + (i + 1) * dv + f] = acc[m + f] / acc[m + dv];
            }
        }
        for (; i < rows; i++) {
            for (int e = 0; e < m; e++) {
                acc[e] = dot(u, i * r, wt, e * r, cv, r);
            }
            for (int f = 0; f < dv; f++) {
                out[outOff + i * dv + f] = acc[f] / acc[dv];
            }
        }
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int cv, int r) {
        DoubleVector s = DoubleVector.zero(S);
        for (int c = 0; c < cv; c += L) {
            s = DoubleVector.fromArray(S, a, ao + c).fma(DoubleVector.fromArray(S, b, bo + c), s);
        }
        return s.reduceLanes(VectorOperators.ADD) + tail(a, ao, b, bo, cv, r);
    }

    private static double tail(double[] a, int ao, double[] b, int bo, int cv, int r) {
        double s = 0;
        for (int c = cv; c < r; c++) {
            s = Math.fma(a[ao + c], b[bo + c], s);
        }
        return s;
    }
}
