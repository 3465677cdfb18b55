package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.ExactAttention;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.PolyAttentionReport;
import org.hardchain.attention.PolynomialAttention;
import org.hardchain.attention.RandomAttention;
import org.hardchain.format.AttentionFiles;
import org.hardchain.format.Json;
import org.hardchain.format.Npy;
import org.hardchain.util.FmaPeak;
import org.hardchain.util.Progress;
import org.hardchain.util.Simd;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hardchain attention}: order-k attention on {@code .npy} inputs (THEORY.md §1-§4), and a
 * generator of random bounded inputs.
 */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {
            "Order-k attention Att = D^-1 exp(S) (V1 (x) ... (x) V{k-1}),",
            "S[i,J] = <Q[i], K1[j1], ..., K{k-1}[j{k-1}]> / d, on a directory of NumPy files",
            "Q.npy, K1.npy.., V1.npy.. (float64 or float32, C order); or random inputs.",
            "",
            "  attention --input DIR --method exact --output OUT.npy [--rows N] [--json R]",
            "  attention --input DIR --method poly [--epsilon E | --degree G] [--check-rows N]",
            "            --output OUT.npy [--json R]",
            "  attention --random --order K --n N --d D --bound B --seed S --save DIR"},
        sortOptions = false)
public final class AttentionCommand implements Callable<Integer> {

    /** The algorithms; each is one branch of {@link #compute}. */
    enum Method { exact, poly }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", paramLabel = "DIR", description = "Directory with Q.npy, K1.npy.., V1.npy...")
        Path input;

        @Option(names = "--random", description = "Generate inputs with entries uniform in [-B, B].")
        boolean random;
    }

    @Option(names = "--method", paramLabel = "METHOD", description = "Algorithm: ${COMPLETION-CANDIDATES}.")
    Method method;

    @Option(names = "--rows", paramLabel = "N",
            description = "Compute only the first N query rows (output N x d_v): exact rows at cost prod n_p (d + d_v) each.")
    Integer rows;

    @ArgGroup(exclusive = true)
    Accuracy accuracy;

    static final class Accuracy {
        @Option(names = "--epsilon", paramLabel = "E",
                description = "poly: requested max-entry output error (default 1e-6); the degree is the smallest"
                        + " whose certified delta meets E by Lemmas D.5/D.6.")
        Double epsilon;

        @Option(names = "--degree", paramLabel = "G", description = "poly: fixed polynomial degree (the report gives the bound).")
        Integer degree;
    }

    @Option(names = "--check-rows", paramLabel = "N", defaultValue = "0",
            description = "poly: measure the error against exact attention on N evenly spaced rows"
                    + " (cost prod n_p (d + d_v) each; default ${DEFAULT-VALUE}).")
    int checkRows;

    @Option(names = "--max-rank", paramLabel = "R", defaultValue = "5000000",
            description = "poly: refuse a rank C(d+g, g) above R (default ${DEFAULT-VALUE}).")
    long maxRank;

    @Option(names = "--max-degree", paramLabel = "G", defaultValue = "300",
            description = "poly: cap of the automatic degree (default ${DEFAULT-VALUE}).")
    int maxDegree;

    @Option(names = "--output", paramLabel = "OUT.npy", description = "Output n_q x d_v (or N x d_v) matrix.")
    Path output;

    @Option(names = "--float32", description = "Write the output as float32 ('<f4') instead of float64.")
    boolean float32;

    @Option(names = "--json", paramLabel = "R", description = "Write a JSON report to R.")
    Path json;

    @Option(names = "--fma-peak", description = "Also measure the FMA peak (about 1 s, both cores) and report the"
            + " fraction of it the computation reached.")
    boolean fmaPeak;

    @Option(names = "--order", paramLabel = "K", description = "--random: the order k >= 2.")
    Integer order;

    @Option(names = "--n", paramLabel = "N", description = "--random: rows of every K_p and V_p (and of Q unless --nq).")
    Integer n;

    @Option(names = "--nq", paramLabel = "NQ", description = "--random: rows of Q (default N).")
    Integer nq;

    @Option(names = "--d", paramLabel = "D", description = "--random: feature dimension.")
    Integer d;

    @Option(names = "--dv", paramLabel = "DV", description = "--random: value dimension (default D).")
    Integer dv;

    @Option(names = "--bound", paramLabel = "B", defaultValue = "1.0",
            description = "--random: entry bound B (default ${DEFAULT-VALUE}).")
    double bound;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "--random: seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "DIR", description = "--random: save the inputs as .npy files in DIR.")
    Path save;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> report = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        AttentionInput in;
        if (source.random) {
            in = generate(out, report);
        } else {
            rejectRandomOnly();
            if (method == null || output == null) {
                throw new ParameterException(spec.commandLine(), "--input needs --method and --output");
            }
            in = AttentionFiles.read(source.input);
            report.put("input", source.input.toString());
        }
        report.put("order", in.order());
        report.put("nq", in.nq());
        List<Integer> ns = new ArrayList<>();
        for (int p = 1; p < in.order(); p++) {
            ns.add(in.n(p));
        }
        report.put("n", ns);
        report.put("d", in.d());
        report.put("dv", in.dv());
        report.put("entry_bound", in.entryBound());
        report.put("read_seconds", secs(t0));
        if (method != null) {
            int count = rows == null ? in.nq() : rows;
            if (count < 0 || count > in.nq()) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + count + "' for '--rows': Q has "
                        + in.nq() + " rows");
            }
            if (method != Method.poly && (accuracy != null || checkRows != 0)) {
                throw new ParameterException(spec.commandLine(),
                        "--epsilon, --degree and --check-rows apply only with --method poly");
            }
            int[] which = IntStream.range(0, count).toArray();
            report.put("method", method.name());
            report.put("rows_computed", count);
            long t1 = System.nanoTime();
            Matrix result = compute(in, which, report);
            double secs = secs(t1);
            report.put("compute_seconds", secs);
            long t2 = System.nanoTime();
            Npy.writeMatrix(output, result, float32);
            report.put("output", output.toString());
            report.put("output_shape", List.of(result.rows(), result.cols()));
            report.put("write_seconds", secs(t2));
            out.printf(Locale.ROOT, "%s order-%d attention: n_q=%d, n=%s, d=%d, d_v=%d, B=%.4g: %d rows in %.3f s%n",
                    method, in.order(), in.nq(), ns, in.d(), in.dv(), in.entryBound(), count, secs);
            out.println("wrote " + output + " (" + result.rows() + " x " + result.cols() + (float32 ? ", float32)" : ")"));
            if (fmaPeak && report.get("gflops_per_second") instanceof Double g) {
                int threads = Runtime.getRuntime().availableProcessors();
                double peak = FmaPeak.measure(threads, 900);
                report.put("fma_peak_gflops_per_second", peak);
                report.put("fraction_of_fma_peak", g / peak);
                out.printf(Locale.ROOT, "%.2f GFLOP/s-equivalent; FMA peak measured now: %.1f GFLOP/s on %d threads"
                        + " (%.0f%%)%n", g, peak, threads, 100 * g / peak);
            }
        }
        report.put("total_seconds", secs(t0));
        if (json != null) {
            Json.write(json, report);
            out.println("wrote " + json);
        }
        return ExitCodes.OK;
    }

    /** One branch per method; each adds its own report fields. */
    private Matrix compute(AttentionInput in, int[] which, Map<String, Object> report) {
        return switch (method) {
            case exact -> {
                ExactAttention exact = ExactAttention.create();
                report.put("kernel", Simd.describe());
                report.put("threads", Runtime.getRuntime().availableProcessors());
                double flops = ExactAttention.flops(in, which.length);
                report.put("flops", flops);
                Matrix m;
                try (Progress progress = Progress.start("exact attention",
                        ExactAttention.progressUnits(in, which.length))) {
                    long t = System.nanoTime();
                    m = exact.computeRows(in, which, progress);
                    report.put("gflops_per_second", flops / 1e9 / Math.max(secs(t), 1e-9));
                }
                yield m;
            }
            case poly -> poly(in, which.length, report);
        };
    }

    /** The polynomial method on the first {@code count} query rows, with its report fields. */
    private Matrix poly(AttentionInput in, int count, Map<String, Object> report) {
        if (checkRows < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + checkRows
                    + "' for '--check-rows': must be >= 0");
        }
        if (maxRank < 1 || maxDegree < 0) {
            throw new ParameterException(spec.commandLine(), "--max-rank must be >= 1 and --max-degree >= 0");
        }
        PolynomialAttention.Options opt;
        if (accuracy != null && accuracy.degree != null) {
            if (accuracy.degree < 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + accuracy.degree
                        + "' for '--degree': must be >= 0");
            }
            opt = PolynomialAttention.Options.degree(accuracy.degree);
        } else {
            double eps = accuracy != null && accuracy.epsilon != null ? accuracy.epsilon : 1e-6;
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + eps
                        + "' for '--epsilon': must be positive and finite");
            }
            opt = PolynomialAttention.Options.epsilon(eps);
        }
        opt = opt.withMaxRank(maxRank).withMaxDegree(maxDegree).withSimd(Simd.available());
        AttentionInput sub = in;
        if (count < in.nq()) {
            double[] q = java.util.Arrays.copyOf(in.q().toArray(), count * in.d());
            sub = AttentionInput.of(Matrix.of(count, in.d(), q), in.keys(), in.values());
        }
        PolynomialAttention.Result res = PolynomialAttention.compute(sub, opt);
        if (checkRows > 0) {
            res = PolynomialAttention.checkedAgainstExact(res, sub,
                    PolynomialAttention.sampleRows(sub.nq(), checkRows));
        }
        PolyAttentionReport r = res.report();
        report.putAll(r.toMap());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "polynomial degree %d on [-%.4g, %.4g] (B^k = %.4g), rank %d, certified delta %.3g%n",
                r.degree(), r.scoreRange(), r.scoreRange(), r.entryBoundPowK(), r.rank(), r.certifiedDelta());
        out.printf(Locale.ROOT, "a-priori error bound %.3g (+ rounding %.3g)%s%n", r.aPrioriBound(), r.roundingBound(),
                r.rowsChecked() > 0 ? String.format(Locale.ROOT, ", measured error %.3g on %d exact rows",
                        r.measuredError(), r.rowsChecked()) : "");
        out.printf(Locale.ROOT, "phases: polynomial %.3f s, keys (U_p, W) %.3f s, queries (U_0, T) %.3f s%n",
                r.polynomialSeconds(), r.keySideSeconds(), r.querySideSeconds());
        return res.output();
    }

    private AttentionInput generate(PrintWriter out, Map<String, Object> report) throws java.io.IOException {
        if (order == null || n == null || d == null) {
            throw new ParameterException(spec.commandLine(), "--random needs --order, --n and --d");
        }
        if (save == null && method == null) {
            throw new ParameterException(spec.commandLine(), "--random needs --save DIR, or --method and --output");
        }
        if (method != null && output == null) {
            throw new ParameterException(spec.commandLine(), "--method needs --output");
        }
        positive("--order", order, 2);
        positive("--n", n, 1);
        positive("--d", d, 1);
        int q = nq == null ? n : nq;
        int v = dv == null ? d : dv;
        positive("--nq", q, 0);
        positive("--dv", v, 0);
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + bound
                    + "' for '--bound': must be finite and >= 0");
        }
        AttentionInput in = RandomAttention.uniform(order, q, n, d, v, bound, seed);
        out.printf(Locale.ROOT, "random order-%d inputs: n_q=%d, n=%d, d=%d, d_v=%d, entries uniform in [-%s, %s], seed %d%n",
                order, q, n, d, v, bound, bound, seed);
        report.put("seed", seed);
        report.put("bound", bound);
        if (save != null) {
            AttentionFiles.write(save, in);
            out.println("saved Q.npy, K1..K" + (order - 1) + ".npy, V1..V" + (order - 1) + ".npy in " + save);
            report.put("saved", save.toString());
        }
        return in;
    }

    private void rejectRandomOnly() {
        String[][] opts = {{"--order", str(order)}, {"--n", str(n)}, {"--nq", str(nq)}, {"--d", str(d)},
            {"--dv", str(dv)}, {"--save", str(save)}};
        for (String[] o : opts) {
            if (o[1] != null) {
                throw new ParameterException(spec.commandLine(), o[0] + " applies only with --random");
            }
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private void positive(String name, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + value + "' for '" + name
                    + "': must be >= " + min);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
