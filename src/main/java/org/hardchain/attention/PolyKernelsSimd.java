package org.hardchain.attention;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link PolyKernels}: vectorized over the rank index c, register
 * blocked over 4 value columns (accumulate) and 2 rows x 4 value columns (apply).
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
        for (int c = 0; c < cv; c += L) {
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
    void apply(double[] u, int rows, int r, double[] wt, int m, double[] out, int outOff) {
        int dv = m - 1;
        int cv = r - r % L;
        double[] acc = new double[2 * m];
        int i = 0;
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
