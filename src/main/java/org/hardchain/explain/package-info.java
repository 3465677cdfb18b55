/**
 * Walkthroughs of the stages of the chain on small instances, every intermediate number
 * printed: what {@code hardchain explain STAGE} shows and what the chapters in
 * {@code reductions/} embed. One class per stage, each with a static {@code explain(...)}
 * returning the text and refusing (with a {@link org.hardchain.util.UsageException} naming
 * the limit) instances too large to print:
 * <ul>
 * <li>{@link org.hardchain.explain.SatToOvExplain}: SAT to k-OV, split and list (THEORY §5);</li>
 * <li>{@link org.hardchain.explain.ProtocolExplain}: the Merlin-Arthur protocol, Theorem 4.5 (§6-§7);</li>
 * <li>{@link org.hardchain.explain.OvToMaxIpExplain}: k-OV to Gap-k-MaxIP, Theorem 4.7 (§8);</li>
 * <li>{@link org.hardchain.explain.MaxIpToAttentionExplain}: Gap-k-MaxIP to attention, Lemma B.1 (§9);</li>
 * <li>{@link org.hardchain.explain.PolyExplain}: the polynomial method, Lemma E.1 and Algorithm 1 (§4);</li>
 * <li>{@link org.hardchain.explain.ChainExplain}: the whole chain and witness recovery (§10).</li>
 * </ul>
 * Each walkthrough checks its stage's answer against brute force and fails loudly
 * ({@link IllegalStateException}) if they disagree. Output is deterministic: fixed seeds,
 * sequential scalar arithmetic, no times.
 */
package org.hardchain.explain;
