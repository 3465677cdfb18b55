/**
 * Gap-k-MaxIP to order-k attention: Lemma B.1 and Theorem B.2 of Alman &amp; Song 2023 ("How to
 * Capture Higher-order Correlations?"), generalized to order k (THEORY §9), with the
 * reference-token construction (ours, constant oracle accuracy) and the paper's padding
 * construction ({@link org.hardchain.hardness.LemmaB1}, {@link org.hardchain.hardness.AttentionReduction});
 * attention oracles ({@link org.hardchain.hardness.AttentionOracle}); and witness recovery
 * from oracle calls by self-reduction (THEORY §10, {@link org.hardchain.hardness.SelfReduction}).
 */
package org.hardchain.hardness;
