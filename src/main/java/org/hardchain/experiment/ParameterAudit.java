package org.hardchain.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hardchain.cnf.Cnf;
import org.hardchain.maxip.MaxIpRegime;
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
 * construction, known before anything big is built) and {@link MaxIpRegime} (the Lemma B.1
 * quantities), so the audit runs on formulas whose instances would not fit in memory.
 * Cost: SAT -> k-OV plus the protocol analysis of {@link OvToMaxIp#of}.
 */
public final class ParameterAudit {
    private ParameterAudit() {
    }

    /**
     * One instance of the chain (one block size w). This record is immutable.
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
     * @param regime         the Lemma B.1 quantities
     */
    public record Row(int order, int variables, int clauses, int[] ovSizes, int blockSize, int length, int reps,
            long prime, long merlinMessages, long aliceRows, int[] keyRows, long maxIpDimension, long threshold,
            double gapEps, MaxIpRegime regime) {

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

        /** The attention sequence length n = max(n_q, n_1 + 1, ..., n_{k-1} + 1) (reference rows counted). */
        public long n() {
            long n = aliceRows;
            for (int b : keyRows) {
                n = Math.max(n, b + 1L);
            }
            return n;
        }

        /** The attention width d = D' + h. */
        public double d() {
            return regime.width();
        }

        /** The entry bound B = s = (d lambda)^{1/k}. */
        public double entryBound() {
            return regime.entryBound();
        }

        /** The oracle accuracy eps_a. */
        public double epsA() {
            return regime.oracleAccuracy();
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
            m.put("gamma", regime.gamma());
            m.put("lambda", finite(regime.lambda()));
            m.put("h", regime.h());
            m.put("n", n());
            m.put("d", finite(d()));
            m.put("B", finite(entryBound()));
            m.put("eps_a", finite(epsA()));
            m.put("d_over_log2_n", finite(dOverLogN()));
            m.put("B_over_ln_n_root_k", finite(bOverLogRoot()));
            m.put("B_over_ln_key_tuples_root_k", finite(regime.entryBoundRatio()));
            m.put("ln_inv_eps_a_over_ln_n", finite(epsAExponent()));
            return m;
        }

        private static Object finite(double x) {
            return Double.isFinite(x) ? x : null;
        }
    }

    /**
     * The audit of {@code formula} split into {@code order} groups, one row per block size.
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
            rows.add(new Row(order, formula.numVariables(), ov.dimension(), ov.sizes(), w, params.length(),
                    params.reps(), params.prime(), e.merlinMessages(), e.aliceRows(), e.keySizes(), e.dimension(),
                    e.threshold(), e.oneMinusEps().oneMinus().value(), e.regime(gamma)));
        }
        return rows;
    }
}
