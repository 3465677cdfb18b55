package org.hardchain.hardness;

import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.ExactAttention;
import org.hardchain.attention.Matrix;
import org.hardchain.util.Progress;

/**
 * The exact oracle: {@link ExactAttention#computeRows} (online softmax, THEORY §3), computing
 * only the asked rows at {@code prod_p n_p (d + d_v)} multiply-adds each.
 */
public final class ExactOracle implements AttentionOracle {
    private final ExactAttention exact;
    private final Progress progress;

    public ExactOracle(ExactAttention exact, Progress progress) {
        this.exact = exact;
        this.progress = progress;
    }

    /** Vector API if available, parallel, silent. */
    public static ExactOracle create() {
        return new ExactOracle(ExactAttention.create(), Progress.silent());
    }

    @Override
    public double[] outputs(AttentionInput in, int[] rows) {
        Matrix m = exact.computeRows(in, rows, progress);
        double[] out = new double[rows.length];
        for (int x = 0; x < rows.length; x++) {
            out[x] = m.get(x, 0);
        }
        return out;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public double promisedError() {
        return 0;
    }
}
