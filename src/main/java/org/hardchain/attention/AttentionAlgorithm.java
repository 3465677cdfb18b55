package org.hardchain.attention;

/**
 * An algorithm that computes, exactly or approximately, order-k attention
 * {@code Att = D^{-1} A (V_1 ⊘ ... ⊘ V_{k-1})} (THEORY.md §1; Alman &amp; Song 2023,
 * Definition 1.2 for k = 3).
 */
public interface AttentionAlgorithm {
    /** The {@code n_q x d_v} output for every query row. */
    Matrix compute(AttentionInput in);

    /** A short name for reports, e.g. {@code "exact"}. */
    String name();
}
