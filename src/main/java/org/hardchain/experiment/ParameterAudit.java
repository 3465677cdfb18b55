package org.hardchain.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hardchain.cnf.Cnf;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.hardchain.protocol.ProtocolParameters;

/**
 * The parameter audit of the chain SAT -> k-OV (§5) -> Gap-k-MaxIP (Theorem 4.7, §8) ->
 * order-k attention (Lemma B.1, reference-token construction, §9): for the instances the chain
 * builds from one formula, the attention sizes n and d, the entry bound B and the accuracy eps_a
 * an oracle needs, beside the regime of the lower bound (Theorem 1.3 / B.2 for k = 3:
 * {@code d = O(log n)}, {@code B = Theta((log n)^{1/k})}, {@code eps_a = 1/poly(n)}).
 *
 * <p>The ratios {@code d / log2 n}, {@code B / (ln n)^{1/k}} and {@code ln(1/eps_a) / ln n} are
 * what the theorem keeps bounded. The Reed-Solomon stand-in for the paper's algebraic-geometry
 * codes (THEORY.md §6, §12) has an alphabet p that grows with the code length L, so the Merlin
 * messages {@code p^{(k-1)(w-1)}} and the dimension D' grow faster than the theorem's
 * {@code O(log n)}: the audit shows by how much, per block size w.
 *
 * <p>The numbers come from {@link OvToMaxIp#estimate()} (exact sizes of the compressed
 * construction, known before anything big is built) and {@link LemmaB1} (the design and
 * threshold {@link org.hardchain.hardness.AttentionReduction} builds with), for both
 * constructions of THEORY.md §9 side by side, so the audit runs on formulas whose instances
 * would not fit in memory.
 * Cost: SAT -> k-OV plus the protocol analysis of {@link OvToMaxIp#of}.
 */
public final class ParameterAudit {
    private ParameterAudit() {
    }

    /**
     * One instance of the chain (one block size w, one construction). This record is immutable.
     *
     * @param order          k
     * @param variables      N, the formula's variables
     * @param clauses        m, the k-OV dimension
     * @param ovSizes        the k-OV set sizes 2^{|group p|}
     * @param blockSize      w
     * @param length         L
     * @param reps           ell
     * @param prime          p
     * @param merlinMessages p^{(k-1)(w-1)}
     * @param aliceRows      |A'| = |A| p^{(k-1)(w-1)}: the attention query rows n_q
     * @param keyRows        |B_1|..|B_{k-1}|: real key rows (each key matrix has one more, the reference row)
     * @param maxIpDimension D'
     * @param threshold      t = L^ell
     * @param gapEps         the Max-IP gap eps = 1 - (k(w-1)/L)^ell
     * @param design         Lemma B.1's design (construction, lambda, h, padding, width d, scale B)
     * @param decision       Lemma B.1's threshold theta and the accuracy eps_a for the whole instance
     */
    public record Row(int order, int variables, int clauses, int[] ovSizes, int blockSize, int length, int reps,
            long prime, long merlinMessages, long aliceRows, int[] keyRows, long maxIpDimension, long threshold,
            double gapEps, LemmaB1.Design design, LemmaB1.Threshold decision) {

        public Row {
            ovSizes = ovSizes.clone();
            keyRows = keyRows.clone();
        }

        @Override
        public int[] ovSizes() {
            return ovSizes.clone();
        }

        @Override
        public int[] keyRows() {
            return keyRows.clone();
        }

        /**
         * The attention sequence length n = max(n_q, rows of K_1, ..., rows of K_{k-1}): the key
         * matrices carry one reference row each (reference construction) or n_p zero rows (paper).
         */
        public long n() {
            long n = aliceRows;
            for (int p = 1; p < order; p++) {
                long extra = design.construction() == Construction.REFERENCE ? 1 : design.padding()[p - 1];
                n = Math.max(n, keyRows[p - 1] + extra);
            }
            return n;
        }

        /** The attention width d (D' + h for the reference construction, D' for the paper's). */
        public double d() {
            return design.width();
        }

        /** The entry bound B = s = (d lambda)^{1/k}. */
        public double entryBound() {
            return design.scale();
        }

        /** The oracle accuracy eps_a. */
        public double epsA() {
            return decision.epsA();
        }

        /** d / log2 n: bounded in the theorem's regime (d = O(log n)). */
        public double dOverLogN() {
            return n() > 1 ? d() / (Math.log(n()) / Math.log(2)) : Double.NaN;
        }

        /** B / (ln n)^{1/k}: bounded in the theorem's regime (B = Theta((log n)^{1/k})). */
        public double bOverLogRoot() {
            return n() > 1 ? entryBound() / Math.pow(Math.log(n()), 1.0 / order) : Double.NaN;
        }

        /** ln(1/eps_a) / ln n: the exponent C_a of eps_a = n^{-C_a} (the theorem allows a constant). */
        public double epsAExponent() {
            return n() > 1 ? Math.log(1 / epsA()) / Math.log(n()) : Double.NaN;
        }

        /** The row with snake_case keys for JSON ({@code NaN} becomes null). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("construction", design.construction().id());
            m.put("order", order);
            m.put("variables", variables);
            m.put("clauses", clauses);
            m.put("ov_sizes", ovSizes);
            m.put("block_size", blockSize);
            m.put("length", length);
            m.put("reps", reps);
            m.put("prime", prime);
            m.put("merlin_messages", merlinMessages);
            m.put("alice_rows", aliceRows);
            m.put("key_rows", keyRows);
            m.put("maxip_dimension", maxIpDimension);
            m.put("threshold", threshold);
            m.put("gap_eps", gapEps);
            m.put("gamma", design.gamma());
            m.put("lambda", finite(design.lambda()));
            m.put("h", design.h());
            m.put("theta", finite(decision.theta()));
            m.put("n", n());
            m.put("d", finite(d()));
            m.put("B", finite(entryBound()));
            m.put("eps_a", finite(epsA()));
            m.put("d_over_log2_n", finite(dOverLogN()));
            m.put("B_over_ln_n_root_k", finite(bOverLogRoot()));
            m.put("ln_inv_eps_a_over_ln_n", finite(epsAExponent()));
            return m;
        }

        private static Object finite(double x) {
            return Double.isFinite(x) ? x : null;
        }
    }

    /**
     * The audit of {@code formula} split into {@code order} groups: per block size, one row per
     * construction (reference first, then the paper's).
     * {@code length}, {@code reps} and {@code prime} may be null for the defaults of
     * {@link ProtocolParameters#withDefaults}.
     *
     * @throws org.hardchain.util.UsageException if the parameters do not fit the formula, or the
     *         analysis would need more than {@code maxBytes}
     */
    public static List<Row> of(Cnf formula, int order, List<Integer> blockSizes, Integer length, Integer reps,
            Long prime, double gamma, long maxBytes) {
        OvInstance ov = SatToOv.of(formula, order).instance();
        List<Row> rows = new ArrayList<>();
        for (int w : blockSizes) {
            ProtocolParameters params = ProtocolParameters.withDefaults(order, ov.dimension(), w, length, reps, prime);
            OvToMaxIp.Estimate e = OvToMaxIp.of(ov, params, maxBytes).estimate();
            long[] sizes = new long[order];
            long[] keySizes = new long[order - 1];
            sizes[0] = e.aliceRows();
            for (int p = 1; p < order; p++) {
                sizes[p] = e.keySizes()[p - 1];
                keySizes[p - 1] = sizes[p];
            }
            double gapEps = e.oneMinusEps().oneMinus().value();
            for (Construction c : List.of(Construction.REFERENCE, Construction.PAPER)) {
                LemmaB1.Design design = LemmaB1.design(c, order, Math.toIntExact(e.dimension()), e.threshold(), gapEps,
                        sizes, gamma);
                rows.add(new Row(order, formula.numVariables(), ov.dimension(), ov.sizes(), w, params.length(),
                        params.reps(), params.prime(), e.merlinMessages(), e.aliceRows(), e.keySizes(), e.dimension(),
                        e.threshold(), gapEps, design, LemmaB1.threshold(design, keySizes)));
            }
        }
        return rows;
    }
}
