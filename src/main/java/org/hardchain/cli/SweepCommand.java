package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hardchain.experiment.Sweep;
import org.hardchain.experiment.SweepConfig;
import org.hardchain.experiment.SweepResult;
import org.hardchain.experiment.SweepRow;
import org.hardchain.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hardchain sweep}: the regime contrast of THEORY.md §11 ({@link Sweep}). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {
            "The regime contrast (THEORY.md section 11): the polynomial method at a",
            "requested error against exact attention, over sequence lengths n and entry",
            "bounds B. Writes sweep.csv, sweep.json and PNG plots into --out.",
            "",
            "  sweep --order K --n N1,N2,.. --d D --bounds B1,B2,.. --epsilon E",
            "        [--rows R] [--seed S] --out DIR",
            "  sweep --adversarial --order K --n N1,N2,.. --d D' --epsilon E --out DIR",
            "  sweep --quick --out DIR",
            "        (k=3, n=128,256,512, d=4, B=2^(-2)..2^2 by sqrt 2, eps=1e-3)"},
        sortOptions = false)
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "The quick preset (seconds on two cores); other grid options may not be given.")
    boolean quick;

    @Option(names = "--order", paramLabel = "K", description = "Order k >= 2.")
    Integer order;

    @Option(names = "--n", paramLabel = "N", split = ",", description = "Sequence lengths n (n_q = n_p = n).")
    List<Integer> ns;

    @Option(names = "--d", paramLabel = "D", description = "Feature dimension (d_v = d).")
    Integer d;

    @Option(names = "--bounds", paramLabel = "B", split = ",", description = "Entry bounds B.")
    List<Double> bounds;

    @Option(names = "--epsilon", paramLabel = "E", description = "Requested output error of the polynomial method.")
    Double epsilon;

    @Option(names = "--rows", paramLabel = "R", description = "Exact rows per point (ground truth and the"
            + " extrapolation sample; default 16).")
    Integer rows;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the inputs (default 1).")
    Long seed;

    @Option(names = "--adversarial", description = "Inputs: the attention instances of Lemma B.1 (reference"
            + " construction) of seeded random Gap-k-MaxIP instances with Max-IP dimension D' = --d; B is the"
            + " construction's scale, one per n (no --bounds).")
    boolean adversarial;

    @Option(names = "--fixed-degree", paramLabel = "G", defaultValue = "" + SweepConfig.DEFAULT_FIXED_DEGREE,
            description = "Degree of the measured-error-vs-B runs (default ${DEFAULT-VALUE}).")
    int fixedDegree;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "" + SweepConfig.DEFAULT_REPEATS,
            description = "Timed runs per method and point, minimum reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--point-seconds", paramLabel = "S", defaultValue = "" + SweepConfig.DEFAULT_POINT_SECONDS,
            description = "Time limit per point: longer exact runs are extrapolated, longer polynomial runs"
                    + " skipped (default ${DEFAULT-VALUE}).")
    double pointSeconds;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SweepConfig c = config();
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "sweep k=%d n=%s d=%d B=%s eps=%.3g rows=%d seed=%d%n", c.order(), c.ns(), c.d(),
                adversarial ? "(Lemma B.1)" : c.bounds(), c.epsilon(), c.rows(), c.seed());
        SweepResult r;
        Sweep.InputSource source = adversarial ? Sweep.adversarial(c) : Sweep.uniform(c);
        long points = 0;
        for (int n : c.ns()) {
            points += source.bounds(n).size();
        }
        try (Progress progress = Progress.start("sweep", points)) {
            r = Sweep.run(c, source, progress);
        }
        pw.println("inputs: " + r.inputs());
        pw.printf(Locale.ROOT, "%6s %4s %7s %-24s %4s %10s %10s %10s %10s %10s%n", "n", "d", "B", "poly status", "g",
                "rank", "n^(k-1)", "poly s", "exact s", "max err");
        for (int n : c.ns()) {
            for (double b : r.bounds(n)) {
                SweepRow p = r.row(n, b, "poly");
                SweepRow e = r.row(n, b, "exact");
                pw.printf(Locale.ROOT, "%6d %4d %7.4g %-24s %4d %10.4g %10.4g %10s %9.4g%s %10s%n", n, p.d(), b,
                        p.status(),
                        p.degree(), p.rank(), p.keyTuples(), opt(p.seconds()), e.seconds(),
                        e.exactMeasured() ? " " : "*", opt(p.maxError()));
            }
        }
        if (r.rows().stream().anyMatch(x -> !x.exactMeasured())) {
            pw.println("(* exact time extrapolated from sampled rows: time per row x n_q)");
        }
        for (SweepResult.Crossover x : r.crossovers()) {
            pw.printf(Locale.ROOT, "crossover n=%d by %s: B* in (%s, %s]%s, (ln n)^(1/k) = %.4g%n", x.n(),
                    x.criterion(), opt(x.lastWin()), opt(x.firstLoss()),
                    Double.isFinite(x.bisected()) ? ", bisected B* = " + opt(x.bisected()) : "", x.logRoot());
        }
        for (Path f : r.write(out)) {
            pw.println("wrote " + f);
        }
        return 0;
    }

    private SweepConfig config() {
        SweepConfig c;
        if (quick) {
            if (order != null || ns != null || d != null || bounds != null || epsilon != null) {
                throw new ParameterException(spec.commandLine(),
                        "--quick fixes --order, --n, --d, --bounds and --epsilon; give either --quick or all of them");
            }
            c = SweepConfig.quick();
            if (rows != null || seed != null) {
                c = new SweepConfig(c.order(), c.ns(), c.d(), c.bounds(), c.epsilon(), rows != null ? rows : c.rows(),
                        seed != null ? seed : c.seed(), c.fixedDegree(), c.repeats(), c.pointSeconds(), c.maxDegree());
            }
        } else {
            if (adversarial && bounds != null) {
                throw new ParameterException(spec.commandLine(),
                        "--adversarial sets B by Lemma B.1 (one per n): do not give --bounds");
            }
            if (order == null || ns == null || d == null || (bounds == null && !adversarial) || epsilon == null) {
                throw new ParameterException(spec.commandLine(), adversarial
                        ? "--adversarial needs --order, --n, --d (the Max-IP dimension D') and --epsilon"
                        : "need --order, --n, --d, --bounds and --epsilon (or --quick)");
            }
            try {
                c = SweepConfig.of(order, ns, d, bounds != null ? bounds : List.of(), epsilon, rows != null ? rows : 16,
                        seed != null ? seed : 1);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        try {
            return c.withFixedDegree(fixedDegree).withRepeats(repeats).withPointSeconds(pointSeconds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String opt(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4g", x) : "-";
    }
}
