package org.hardchain.attention;

import java.util.List;

/**
 * The inputs of order-k attention (THEORY.md §1): a query matrix {@code Q} ({@code n_q x d}),
 * key matrices {@code K_1..K_{k-1}} ({@code n_p x d}) and value matrices
 * {@code V_1..V_{k-1}} ({@code n_p x d_v}). Key sets may have different row counts from
 * {@code Q} and from each other (the paper takes them all equal to n; the reduction of
 * Lemma B.1 needs them unequal).
 *
 * <p>This class is immutable.
 */
public final class AttentionInput {
    private final Matrix q;
    private final List<Matrix> keys;
    private final List<Matrix> values;

    private AttentionInput(Matrix q, List<Matrix> keys, List<Matrix> values) {
        this.q = q;
        this.keys = keys;
        this.values = values;
    }

    /**
     * Validates shapes: {@code k - 1 >= 1} key and value matrices, every key matrix with
     * Q's column count d, {@code V_p} with {@code K_p}'s row count, and one value width d_v.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    public static AttentionInput of(Matrix q, List<Matrix> keys, List<Matrix> values) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("order-k attention needs k - 1 >= 1 key matrices, got 0");
        }
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("Dimension mismatch: " + keys.size() + " key matrices != "
                    + values.size() + " value matrices");
        }
        int d = q.cols();
        int dv = values.get(0).cols();
        for (int p = 0; p < keys.size(); p++) {
            Matrix k = keys.get(p);
            Matrix v = values.get(p);
            if (k.cols() != d) {
                throw new IllegalArgumentException("Dimension mismatch: K" + (p + 1) + " has " + k.cols()
                        + " columns, Q has " + d);
            }
            if (v.rows() != k.rows()) {
                throw new IllegalArgumentException("Dimension mismatch: V" + (p + 1) + " has " + v.rows()
                        + " rows, K" + (p + 1) + " has " + k.rows());
            }
            if (v.cols() != dv) {
                throw new IllegalArgumentException("Dimension mismatch: V" + (p + 1) + " has " + v.cols()
                        + " columns, V1 has " + dv);
            }
        }
        return new AttentionInput(q, List.copyOf(keys), List.copyOf(values));
    }

    /** The order k = number of key matrices + 1. */
    public int order() {
        return keys.size() + 1;
    }

    public Matrix q() {
        return q;
    }

    /** Key matrix {@code K_p}, p = 1..k-1. */
    public Matrix key(int p) {
        return keys.get(p - 1);
    }

    /** Value matrix {@code V_p}, p = 1..k-1. */
    public Matrix value(int p) {
        return values.get(p - 1);
    }

    public List<Matrix> keys() {
        return keys;
    }

    public List<Matrix> values() {
        return values;
    }

    /** Number of query rows n_q. */
    public int nq() {
        return q.rows();
    }

    /** Number of rows n_p of key set p = 1..k-1. */
    public int n(int p) {
        return keys.get(p - 1).rows();
    }

    /** Feature dimension d. */
    public int d() {
        return q.cols();
    }

    /** Value dimension d_v. */
    public int dv() {
        return values.get(0).cols();
    }

    /** The number of key tuples, prod_p n_p (as a double: it can exceed a long for large k). */
    public double keyTuples() {
        double t = 1;
        for (Matrix k : keys) {
            t *= k.rows();
        }
        return t;
    }

    /** The largest absolute entry over Q, all K_p and all V_p: the entry bound B the inputs meet. */
    public double entryBound() {
        double b = q.maxAbs();
        for (int p = 0; p < keys.size(); p++) {
            b = Math.max(b, Math.max(keys.get(p).maxAbs(), values.get(p).maxAbs()));
        }
        return b;
    }
}
