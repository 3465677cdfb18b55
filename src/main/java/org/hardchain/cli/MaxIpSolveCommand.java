package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.maxip.FastMaxIp;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.MaxIpResult;
import org.hardchain.maxip.MaxIpSolver;
import org.hardchain.maxip.NaiveMaxIp;
import org.hardchain.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain maxip solve FILE.maxip}: exact Max-IP of every Alice vector. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Computes, for every Alice vector of a Gap-k-MaxIP instance, its maximum k-wise inner",
            "product and an arg max tuple, exactly, and decides yes (max >= t) / no (max <= (1-eps) t).",
            "Rows are grouped by their source OV vector: a source is YES iff one of its rows is."})
public final class MaxIpSolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.maxip", description = "The instance.")
    Path file;

    @Option(names = "--naive", description = "Use the naive solver (plain loops) instead of the fast one.")
    boolean naive;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the fast solver (default: all processors).")
    Integer threads;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Memory limit for the fast solver's key bitsets (default: ${DEFAULT-VALUE}).")
    long maxBytes = FastMaxIp.DEFAULT_MAX_BYTES;

    @Option(names = "--show", paramLabel = "N", description = "Print at most N sources (default: ${DEFAULT-VALUE}); --json has all rows.")
    int show = 20;

    @Option(names = "--json", paramLabel = "R", description = "Write the report as JSON to R.")
    Path json;

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + t + "' for '--threads': must be >= 1");
        }
        MaxIpInstance inst = MaxIpFormat.read(file);
        long start = System.nanoTime();
        MaxIpResult r;
        try (Progress progress = Progress.start("max-ip", inst.size(0))) {
            MaxIpSolver solver = naive ? new NaiveMaxIp() : new FastMaxIp(t, maxBytes, progress);
            r = solver.solve(inst);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long noMax = noMax(inst);
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeMap<Integer, int[]> bySource = new TreeMap<>(); // source -> {best max, rows, row of best}
        int yes = 0;
        int gap = 0;
        for (int i = 0; i < r.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source", inst.source(0, i));
            row.put("merlin", inst.merlin(i));
            row.put("max", r.max(i));
            row.put("argmax", r.argmax(i));
            row.put("yes", inst.isYes(r.max(i)));
            rows.add(row);
            yes += inst.isYes(r.max(i)) ? 1 : 0;
            gap += !inst.isYes(r.max(i)) && !inst.isNo(r.max(i)) ? 1 : 0;
            int[] s = bySource.computeIfAbsent(inst.source(0, i), x -> new int[] {-1, 0, -1});
            s[1]++;
            if (r.max(i) > s[0]) {
                s[0] = r.max(i);
                s[2] = i;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder sizes = new StringBuilder();
        for (int p = 1; p < inst.order(); p++) {
            sizes.append(String.format(Locale.ROOT, ", |B_%d| = %d", p, inst.size(p)));
        }
        out.printf(Locale.ROOT, "Gap-%d-MaxIP %s: |A| = %d%s, D' = %d, ones = %d%n", inst.order(), file,
                inst.size(0), sizes, inst.dimension(), inst.ones());
        out.printf(Locale.ROOT, "t = %d, eps = %s, 1 - eps = %s: yes iff max >= %d, no iff max <= %d%n",
                inst.threshold(), inst.eps(), inst.oneMinusEps(), inst.threshold(), noMax);
        out.printf(Locale.ROOT, "solver: %s, %.3f s%n", naive ? "naive" : "fast (" + t + " threads)", secs);
        out.printf(Locale.ROOT, "rows reaching t: %d of %d; rows in the gap (neither yes nor no): %d%n", yes, r.size(), gap);
        List<Map<String, Object>> sources = new ArrayList<>();
        int printed = 0;
        for (Map.Entry<Integer, int[]> e : bySource.entrySet()) {
            int[] s = e.getValue();
            boolean y = inst.isYes(s[0]);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.getKey());
            m.put("rows", s[1]);
            m.put("max", s[0]);
            m.put("merlin", inst.merlin(s[2]));
            m.put("yes", y);
            sources.add(m);
            if (printed++ < show) {
                int[] am = r.argmax(s[2]);
                out.printf(Locale.ROOT, "source %d: %s, max %d over %d rows (Merlin message %d, keys %s)%n", e.getKey(),
                        y ? "YES" : inst.isNo(s[0]) ? "no" : "GAP", s[0], s[1], inst.merlin(s[2]),
                        am == null ? "none" : java.util.Arrays.toString(am));
            }
        }
        if (printed > show) {
            out.printf(Locale.ROOT, "... %d more sources (all rows are in --json)%n", printed - show);
        }
        if (json != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("order", inst.order());
            rep.put("dimension", inst.dimension());
            rep.put("t", inst.threshold());
            rep.put("eps", inst.eps().value());
            rep.put("eps_fraction", inst.eps().toString());
            rep.put("no_max", noMax);
            rep.put("solver", naive ? "naive" : "fast");
            rep.put("seconds", secs);
            rep.put("yes_rows", yes);
            rep.put("gap_rows", gap);
            rep.put("sources", sources);
            rep.put("rows", rows);
            Json.write(json, rep);
        }
        return ExitCodes.OK;
    }

    /** The largest integer in the no case, floor((1 - eps) t). */
    static long noMax(MaxIpInstance inst) {
        return java.math.BigInteger.valueOf(inst.oneMinusEps().num()).multiply(java.math.BigInteger.valueOf(inst.threshold()))
                .divide(java.math.BigInteger.valueOf(inst.oneMinusEps().den())).longValueExact();
    }
}
