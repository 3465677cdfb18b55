package org.hardchain.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hardchain.format.AtomicFiles;
import org.hardchain.format.Json;

/**
 * The rows of a sweep and what they say: per n, the crossover B*(n) where the polynomial method
 * stops beating the exact algorithm (THEORY.md §11). This class is immutable.
 */
public final class SweepResult {
    private final SweepConfig config;
    private final String inputs;
    private final List<SweepRow> rows;
    private final Map<Integer, Double> refined;

    SweepResult(SweepConfig config, String inputs, List<SweepRow> rows, Map<Integer, Double> refined) {
        this.config = config;
        this.inputs = inputs;
        this.rows = List.copyOf(rows);
        this.refined = Map.copyOf(refined);
    }

    public SweepConfig config() {
        return config;
    }

    /** What the inputs were. */
    public String inputs() {
        return inputs;
    }

    public List<SweepRow> rows() {
        return rows;
    }

    /** The entry bounds swept at n, in order. */
    public List<Double> bounds(int n) {
        List<Double> out = new ArrayList<>();
        for (SweepRow r : rows) {
            if (r.n() == n && r.method().equals("exact")) {
                out.add(r.bound());
            }
        }
        return out;
    }

    /** The row of {@code method} at (n, B). */
    public SweepRow row(int n, double bound, String method) {
        for (SweepRow r : rows) {
            if (r.n() == n && r.bound() == bound && r.method().equals(method)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row for n = " + n + ", B = " + bound + ", method " + method);
    }

    /** Whether the polynomial method at eps ran and took less time than the exact algorithm. */
    public boolean polyWinsByTime(int n, double bound) {
        SweepRow p = row(n, bound, "poly");
        return p.ran() && p.seconds() < row(n, bound, "exact").seconds();
    }

    /**
     * Whether the polynomial method at eps needs fewer multiply-adds than the exact algorithm
     * (the machine-independent criterion; false when its rank passes prod n_p). It is an
     * exact-arithmetic criterion: where no degree reaches eps in double precision it counts the
     * estimated rank ({@link ChebyshevDegree}), so it can say "wins" at a point the method could
     * not run; {@link #polyWinsByTime} counts such points as losses.
     */
    public boolean polyWinsByOperations(int n, double bound) {
        SweepRow p = row(n, bound, "poly");
        return p.rank() <= p.keyTuples() && p.multiplyAdds() < row(n, bound, "exact").multiplyAdds();
    }

    /**
     * The crossover at one n: the last grid B where the polynomial method wins (before its first
     * loss) and the first B where it loses, and their geometric mean as the estimate of B*(n).
     *
     * @param n          sequence length
     * @param criterion  {@code "time"} or {@code "operations"}
     * @param lastWin    largest B before the first loss (NaN if it loses at the smallest B)
     * @param firstLoss  smallest B where it loses (NaN if it wins everywhere)
     * @param estimate   sqrt(lastWin firstLoss), NaN unless both exist
     * @param bisected   operations on uniform inputs: B* bisected inside the bracket to a factor
     *                   2^{-12} of its log width (degree selection only); NaN otherwise
     * @param logRoot    (ln n)^{1/k}, the theorem's scale for B*
     */
    public record Crossover(int n, String criterion, double lastWin, double firstLoss, double estimate,
            double bisected, double logRoot) {
    }

    /** The crossover at {@code n} by {@code criterion} ("time" or "operations"). */
    public Crossover crossover(int n, String criterion) {
        boolean byTime = switch (criterion) {
            case "time" -> true;
            case "operations" -> false;
            default -> throw new IllegalArgumentException("criterion must be time or operations, got " + criterion);
        };
        double lastWin = Double.NaN;
        double firstLoss = Double.NaN;
        for (double b : bounds(n)) {
            boolean win = byTime ? polyWinsByTime(n, b) : polyWinsByOperations(n, b);
            if (!win) {
                firstLoss = b;
                break;
            }
            lastWin = b;
        }
        double est = Double.isNaN(lastWin) || Double.isNaN(firstLoss) ? Double.NaN : Math.sqrt(lastWin * firstLoss);
        double bisected = byTime ? Double.NaN : refined.getOrDefault(n, Double.NaN);
        return new Crossover(n, criterion, lastWin, firstLoss, est, bisected,
                Math.pow(Math.log(n), 1.0 / config.order()));
    }

    /** Crossovers for every n, by time and by operations. */
    public List<Crossover> crossovers() {
        List<Crossover> out = new ArrayList<>();
        for (int n : config.ns()) {
            out.add(crossover(n, "time"));
            out.add(crossover(n, "operations"));
        }
        return out;
    }

    /** The CSV text: {@link SweepRow#HEADER}, then one line per row. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", SweepRow.HEADER)).append('\n');
        for (SweepRow r : rows) {
            sb.append(r.toCsv()).append('\n');
        }
        return sb.toString();
    }

    /** The JSON summary with snake_case keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("order", config.order());
        c.put("n", config.ns());
        c.put("d", config.d());
        c.put("bounds", config.bounds());
        c.put("epsilon", config.epsilon());
        c.put("rows", config.rows());
        c.put("seed", config.seed());
        c.put("fixed_degree", config.fixedDegree());
        c.put("repeats", config.repeats());
        c.put("point_seconds", config.pointSeconds());
        c.put("max_degree", config.maxDegree());
        c.put("inputs", inputs);
        m.put("config", c);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int n : config.ns()) {
            for (double b : bounds(n)) {
                SweepRow e = row(n, b, "exact");
                SweepRow p = row(n, b, "poly");
                Map<String, Object> pt = new LinkedHashMap<>();
                pt.put("n", n);
                pt.put("B", b);
                pt.put("d", e.d());
                pt.put("key_tuples", e.keyTuples());
                pt.put("score_range", e.scoreRange());
                pt.put("exact_seconds", e.seconds());
                pt.put("exact_measured", e.exactMeasured());
                pt.put("poly_status", p.status());
                pt.put("poly_degree", p.degree());
                pt.put("poly_rank", finite(p.rank()));
                pt.put("poly_seconds", finite(p.seconds()));
                pt.put("poly_max_error", finite(p.maxError()));
                pt.put("poly_error_bound", finite(p.errorBound()));
                pt.put("poly_wins_by_time", polyWinsByTime(n, b));
                pt.put("poly_wins_by_operations", polyWinsByOperations(n, b));
                points.add(pt);
            }
        }
        m.put("points", points);
        List<Map<String, Object>> cross = new ArrayList<>();
        for (Crossover x : crossovers()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("n", x.n());
            cm.put("criterion", x.criterion());
            cm.put("last_win_B", finite(x.lastWin()));
            cm.put("first_loss_B", finite(x.firstLoss()));
            cm.put("crossover_B", finite(x.estimate()));
            cm.put("bisected_B", finite(x.bisected()));
            cm.put("log_n_root_k", x.logRoot());
            cross.add(cm);
        }
        m.put("crossovers", cross);
        return m;
    }

    private static Object finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /**
     * Writes {@code sweep.csv}, {@code sweep.json} and the PNG plots of {@link SweepPlots} into
     * {@code dir}, each atomically; returns the files written.
     */
    public List<Path> write(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Path csv = dir.resolve("sweep.csv");
        AtomicFiles.writeString(csv, toCsv());
        files.add(csv);
        Path json = dir.resolve("sweep.json");
        Json.write(json, toMap());
        files.add(json);
        files.addAll(SweepPlots.writeAll(this, dir));
        return files;
    }
}
