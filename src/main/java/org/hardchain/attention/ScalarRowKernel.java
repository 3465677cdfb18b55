package org.hardchain.attention;

import java.util.Arrays;

/** {@link RowKernel} in plain Java loops: the fallback when the Vector API is absent. */
final class ScalarRowKernel implements RowKernel {
    static final int ROWS = BLOCK_ROWS;
    static final int CHUNK = 256;

    private final KeyPanel p;
    private final double[] g = new double[ROWS * CHUNK];

    ScalarRowKernel(KeyPanel panel) {
        this.p = panel;
    }

    /** One panel holding all of K^T: plain {@code d x n} row-major. */
    static KeyPanel layout(Matrix k, Matrix v) {
        return KeyPanel.of(k, v, Math.max(1, k.rows()), 1);
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
                for (int c = 0; c < dvPad; c++) {
                    acc[c] += u[o + c] * w[o + c] * sb;
                }
            } else {
                double sa = Math.exp(ml[0] - m[r]);
                ml[1] = ml[1] * sa + l[r];
                for (int c = 0; c < dvPad; c++) {
                    acc[c] = acc[c] * sa + u[o + c] * w[o + c];
                }
                ml[0] = m[r];
            }
        }
    }

    @Override
    public void run(double[] a, int rows, double[] m, double[] l, double[] w) {
        int d = p.d();
        int n = p.n();
        int nPad = p.nPad();
        int dvPad = p.dvPad();
        double[] kt = p.kt();
        double[] v = p.v();
        Arrays.fill(m, 0, rows, Double.NEGATIVE_INFINITY);
        Arrays.fill(l, 0, rows, 0.0);
        Arrays.fill(w, 0, rows * dvPad, 0.0);
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            int nc = Math.min(CHUNK, n - c0);
            for (int r = 0; r < rows; r++) {
                int go = r * CHUNK;
                Arrays.fill(g, go, go + nc, 0.0);
                for (int t = 0; t < d; t++) {
                    double x = a[r * d + t];
                    int ko = t * nPad + c0;
                    for (int j = 0; j < nc; j++) {
                        g[go + j] += x * kt[ko + j];
                    }
                }
                double mx = m[r];
                for (int j = 0; j < nc; j++) {
                    mx = Math.max(mx, g[go + j]);
                }
                int wo = r * dvPad;
                if (mx > m[r]) {
                    double s = Math.exp(m[r] - mx);
                    l[r] *= s;
                    for (int c = 0; c < dvPad; c++) {
                        w[wo + c] *= s;
                    }
                    m[r] = mx;
                }
                double sum = 0;
                for (int j = 0; j < nc; j++) {
                    double e = Math.exp(g[go + j] - mx);
                    sum += e;
                    int vo = (c0 + j) * dvPad;
                    for (int c = 0; c < dvPad; c++) {
                        w[wo + c] += e * v[vo + c];
                    }
                }
                l[r] += sum;
            }
        }
    }
}
