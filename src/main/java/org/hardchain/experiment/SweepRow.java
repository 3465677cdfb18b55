package org.hardchain.experiment;

import java.util.List;
import java.util.Locale;

/**
 * One method at one point of a sweep: one CSV row. This record is immutable.
 *
 * @param k             order
 * @param n             sequence length (n_q = n_p = n)
 * @param d             feature dimension
 * @param bound         entry bound B
 * @param method        {@code exact}, {@code poly} (degree chosen for eps) or {@code poly_fixed}
 *                      (the sweep's fixed degree)
 * @param status        {@code ok}; for the polynomial method also {@code rank_exceeds_key_tuples}
 *                      (rank > prod n_p: not competitive, not run), {@code below_double_floor}
 *                      (no degree reaches eps in double, or the score range is past what a
 *                      polynomial in double can cover; the rank shown is the exact-arithmetic
 *                      estimate of {@link ChebyshevDegree}, NaN past its range),
 *                      {@code over_degree_cap}, {@code over_time_limit} or
 *                      {@code resource_limit} (not run)
 * @param degree        g (-1 for exact)
 * @param rank          r = C(d+g, g) (NaN for exact, and where no degree is known: degree -1)
 * @param keyTuples     prod_p n_p = n^{k-1}
 * @param seconds       wall seconds (min over repeats; for exact either measured or extrapolated,
 *                      see exactMeasured; NaN when not run). For {@code poly} it includes choosing
 *                      and certifying the polynomial.
 * @param setupSeconds  the part of seconds spent choosing and certifying the polynomial (it
 *                      depends on R and eps only, not on n; 0 for exact, NaN when not run)
 * @param maxError      max |T - Att| over the checked rows (NaN when not run; 0 for exact)
 * @param errorBound    a-priori bound of Lemmas D.5/D.6 plus rounding (NaN for exact or not run)
 * @param exactMeasured whether this point's exact time was measured by a full run (false:
 *                      extrapolated as time per row on the sampled rows times n_q)
 * @param rowsChecked   rows compared with exact attention
 * @param multiplyAdds  the method's multiply-add count: {@code r (d_v+1)(n_q + sum n_p)} for the
 *                      polynomial method, {@code n_q prod n_p (d + d_v)} for exact
 * @param scoreRange    the data bound R on the scores
 * @param note          why a method was not run (empty otherwise)
 */
public record SweepRow(int k, int n, int d, double bound, String method, String status, int degree, double rank,
        double keyTuples, double seconds, double setupSeconds, double maxError, double errorBound, boolean exactMeasured,
        int rowsChecked, double multiplyAdds, double scoreRange, String note) {

    /** CSV column names, in order. */
    public static final List<String> HEADER = List.of("k", "n", "d", "B", "method", "status", "degree", "rank",
            "key_tuples", "seconds", "setup_seconds", "max_error", "error_bound", "exact_measured", "rows_checked", "multiply_adds",
            "score_range", "note");

    /** Whether the method ran at this point. */
    public boolean ran() {
        return status.equals("ok");
    }

    /** The CSV line (no newline); NaN is an empty field, text is quoted when it needs to be. */
    public String toCsv() {
        return String.join(",", List.of(Integer.toString(k), Integer.toString(n), Integer.toString(d), num(bound),
                method, status, Integer.toString(degree), num(rank), num(keyTuples), num(seconds), num(setupSeconds), num(maxError),
                num(errorBound), Boolean.toString(exactMeasured), Integer.toString(rowsChecked), num(multiplyAdds),
                num(scoreRange), quote(note)));
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
