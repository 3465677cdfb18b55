package org.hardchain.attention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of {@link PolynomialAttention} chose, guaranteed, measured and spent.
 * Times are wall-clock seconds except the {@code *FactorCpuSeconds}, which sum the time all
 * threads spent building factor rows inside the key and query passes.
 *
 * @param order            k
 * @param queryRows        n_q
 * @param keyRows          n_1 .. n_{k-1}
 * @param d                feature dimension
 * @param dv               value dimension
 * @param degree           g
 * @param rank             r = C(d + g, g)
 * @param scoreRange       data bound R on |S| (THEORY.md §4.1)
 * @param entryBoundPowK   B^k with B the largest input entry (Lemma D.3's bound on R)
 * @param valueBound       V = prod_p max|V_p|
 * @param requestedEpsilon eps asked for (NaN with a fixed degree)
 * @param targetDelta      eps / (2V + eps) (NaN with a fixed degree)
 * @param certifiedDelta   certified relative error of P on [-R, R]
 * @param aPrioriBound     2 delta / (1 - delta) V (Lemmas D.5, D.6)
 * @param roundingBound    worst-case floating-point rounding of Algorithm 1 on the output
 * @param totalBound       aPrioriBound + roundingBound
 * @param measuredError    max |T - Att| over the checked rows (NaN if none checked)
 * @param rowsChecked      number of rows compared with exact attention
 * @param blockRows        rows per streamed block
 * @param threads          worker threads
 * @param kernel           "scalar" or the Vector API shape
 * @param polynomialSeconds choosing and certifying P
 * @param keySideSeconds   factors U_p and W (all key sets)
 * @param querySideSeconds factors U_0 and T
 * @param keyFactorCpuSeconds   thread time spent building U_p rows
 * @param queryFactorCpuSeconds thread time spent building U_0 rows
 * @param polyMultiplyAdds  {@code r (d_v + 1) (n_q + sum_p n_p)}: the work of Algorithm 1
 * @param exactMultiplyAdds {@code n_q prod_p n_p (d + d_v)}: the work of the exact algorithm;
 *                          the method stops paying where the first passes the second (THEORY.md §4.6)
 */
public record PolyAttentionReport(int order, int queryRows, List<Integer> keyRows, int d, int dv,
        int degree, int rank, double scoreRange, double entryBoundPowK, double valueBound,
        double requestedEpsilon, double targetDelta, double certifiedDelta, double aPrioriBound,
        double roundingBound, double totalBound, double measuredError, int rowsChecked,
        int blockRows, int threads, String kernel, double polynomialSeconds, double keySideSeconds,
        double querySideSeconds, double keyFactorCpuSeconds, double queryFactorCpuSeconds,
        double polyMultiplyAdds, double exactMultiplyAdds) {

    public PolyAttentionReport {
        keyRows = List.copyOf(keyRows);
    }

    /** This report with the error measured against exact attention on {@code rows} rows. */
    public PolyAttentionReport withMeasuredError(double error, int rows) {
        return new PolyAttentionReport(order, queryRows, keyRows, d, dv, degree, rank, scoreRange,
                entryBoundPowK, valueBound, requestedEpsilon, targetDelta, certifiedDelta, aPrioriBound,
                roundingBound, totalBound, error, rows, blockRows, threads, kernel, polynomialSeconds,
                keySideSeconds, querySideSeconds, keyFactorCpuSeconds, queryFactorCpuSeconds,
                polyMultiplyAdds, exactMultiplyAdds);
    }

    /** Total wall-clock seconds of the three phases. */
    public double totalSeconds() {
        return polynomialSeconds + keySideSeconds + querySideSeconds;
    }

    /** The report with snake_case keys, for JSON ({@code NaN} becomes null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "poly");
        m.put("order", order);
        m.put("query_rows", queryRows);
        m.put("key_rows", keyRows);
        m.put("d", d);
        m.put("dv", dv);
        m.put("degree", degree);
        m.put("rank", rank);
        m.put("score_range", score(scoreRange));
        m.put("entry_bound_pow_k", score(entryBoundPowK));
        m.put("value_bound", score(valueBound));
        m.put("requested_epsilon", score(requestedEpsilon));
        m.put("target_delta", score(targetDelta));
        m.put("certified_delta", score(certifiedDelta));
        m.put("a_priori_bound", score(aPrioriBound));
        m.put("rounding_bound", score(roundingBound));
        m.put("total_bound", score(totalBound));
        m.put("measured_error", score(measuredError));
        m.put("rows_checked", rowsChecked);
        m.put("block_rows", blockRows);
        m.put("threads", threads);
        m.put("kernel", kernel);
        m.put("poly_multiply_adds", polyMultiplyAdds);
        m.put("exact_multiply_adds", exactMultiplyAdds);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("polynomial", polynomialSeconds);
        t.put("key_side", keySideSeconds);
        t.put("query_side", querySideSeconds);
        t.put("key_factor_cpu", keyFactorCpuSeconds);
        t.put("query_factor_cpu", queryFactorCpuSeconds);
        t.put("total", totalSeconds());
        m.put("seconds", t);
        return m;
    }

    private static Object score(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
