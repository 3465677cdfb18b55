package org.hardchain.maxip;

import java.util.Arrays;

/**
 * The exact answer of a Max-IP solver: for every vector of Alice's set, its maximum k-wise
 * inner product over all key tuples and one key tuple reaching it. When some key set is
 * empty there is no tuple: the maximum is then 0 (no tuple reaches any t >= 1) and the
 * arg max is absent. This class is immutable.
 */
public final class MaxIpResult {
    private final int[] max;
    private final int[][] argmax;

    private MaxIpResult(int[] max, int[][] argmax) {
        this.max = max;
        this.argmax = argmax;
    }

    /** Takes ownership of the arrays (solvers in this package). */
    static MaxIpResult wrap(int[] max, int[][] argmax) {
        if (max.length != argmax.length) {
            throw new IllegalArgumentException("Dimension mismatch: " + max.length + " != " + argmax.length);
        }
        return new MaxIpResult(max, argmax);
    }

    /** Number of Alice vectors. */
    public int size() {
        return max.length;
    }

    /** The maximum k-wise inner product of Alice's vector {@code i} (0 when there is no key tuple). */
    public int max(int i) {
        return max[i];
    }

    /** A key tuple {@code (j_1..j_{k-1})} reaching {@link #max}, or {@code null} when there is none. */
    public int[] argmax(int i) {
        return argmax[i] == null ? null : argmax[i].clone();
    }

    /** Whether the two results have the same maxima (arg maxima may differ). */
    public boolean sameMaxima(MaxIpResult other) {
        return Arrays.equals(max, other.max);
    }

    /**
     * Checks this result against the instance independently of how it was computed: each arg
     * max tuple really has the reported inner product (recomputed by
     * {@link MaxIpInstance#innerProduct}), and the arg max is absent exactly when a key set is
     * empty. It does not prove maximality (that needs the naive solver).
     *
     * @return null if consistent, else a description of the first inconsistency
     */
    public String inconsistency(MaxIpInstance inst) {
        if (max.length != inst.size(0)) {
            return "result has " + max.length + " rows, instance has " + inst.size(0) + " Alice vectors";
        }
        boolean tuples = true;
        for (int p = 1; p < inst.order(); p++) {
            tuples &= inst.size(p) > 0;
        }
        for (int i = 0; i < max.length; i++) {
            if (!tuples) {
                if (argmax[i] != null || max[i] != 0) {
                    return "row " + i + ": a key set is empty but max = " + max[i];
                }
                continue;
            }
            if (argmax[i] == null) {
                return "row " + i + ": no arg max although key tuples exist";
            }
            int ip = inst.innerProduct(i, argmax[i]);
            if (ip != max[i]) {
                return "row " + i + ": arg max " + Arrays.toString(argmax[i]) + " has inner product " + ip
                        + ", reported max " + max[i];
            }
        }
        return null;
    }
}
