package org.hardchain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hardchain.chain.Chain;
import org.hardchain.chain.StageReport;
import org.hardchain.cnf.Cnf;
import org.hardchain.format.Dimacs;
import org.hardchain.format.Json;
import org.hardchain.attention.ExactAttention;
import org.hardchain.attention.PolynomialAttention;
import org.hardchain.hardness.AttentionOracle;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.ExactOracle;
import org.hardchain.hardness.ExternalOracle;
import org.hardchain.hardness.PolynomialOracle;
import org.hardchain.util.Progress;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain chain [FILE.cnf]}: runs the reduction chain with a check after each stage. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = {
            "Runs the reduction chain on a CNF formula (default: instances/default.cnf):",
            "SAT -> k-OV -> Gap-k-MaxIP -> attention (Lemma B.1) -> oracle -> decisions",
            "-> witness by self-reduction, and checks each stage against an independent",
            "oracle (SAT4J, brute force, our CNF evaluator, naive attention). Prints one",
            "table (stage, time, sizes, check), then the answer and the assignment.",
            "Exits 1 if any check fails: the answer is then reported as NOT VERIFIED."})
public final class ChainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.cnf",
            description = "The DIMACS formula (default: instances/default.cnf of this checkout).")
    Path file;

    @Option(names = "--order", paramLabel = "K", defaultValue = "3",
            description = "The order k >= 2 of the k-OV instance and of attention (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--block-size", paramLabel = "W", defaultValue = "2",
            description = "The protocol's block size w >= 1 (THEORY §7; w = 1 is the deterministic protocol) "
                    + "(default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--oracle", paramLabel = "exact|poly|external", defaultValue = "exact",
            description = "The attention oracle (default: ${DEFAULT-VALUE}).")
    String oracle;

    @Option(names = "--degree", paramLabel = "G", description = "poly oracle: fixed polynomial degree.")
    Integer degree;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "poly oracle: requested output error (the degree is chosen for it).")
    Double epsilon;

    @Option(names = "--external-output", paramLabel = "FILE.npy",
            description = "external oracle: the output of the decision call (call 0), shape (n_q, 1).")
    Path externalOutput;

    @Option(names = "--external-timeout", paramLabel = "SECONDS",
            description = "external oracle: how long to wait for each call's output.npy "
                    + "(default: 600, or 0 with --external-output).")
    Long externalTimeout;

    @Option(names = "--construction", paramLabel = "reference|paper", defaultValue = "reference",
            description = "Lemma B.1 construction (default: ${DEFAULT-VALUE}).")
    String construction;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "4",
            description = "Lemma B.1 separation x_yes / x_no >= 2 (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--brute-force-limit", paramLabel = "N", defaultValue = "2000000000",
            description = "Most work units (tuples; for Max-IP tuple-coordinates) of a brute-force check; above it "
                    + "the check is skipped or done by the exact fast solver, and says so (default: ${DEFAULT-VALUE}).")
    long bruteForceLimit;

    @Option(names = "--check-rows", paramLabel = "N", defaultValue = "48",
            description = "Query rows checked against naive attention (default: ${DEFAULT-VALUE}).")
    int checkRows;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Keep every intermediate file in DIR (instance.ov, instance.maxip, attention/, "
                    + "report.json; external oracle calls in DIR/oracle/).")
    Path out;

    @Option(names = "--json", paramLabel = "R",
            description = "Also write the report as JSON to file R.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Path input = file != null ? file : defaultFormula();
        Cnf formula = Dimacs.read(input);
        AttentionOracle att = oracle();
        Chain.Options options = new Chain.Options(order, blockSize, bruteForceLimit,
                Runtime.getRuntime().availableProcessors(), att, Construction.parse(construction), gamma, checkRows,
                out, true);
        Chain.Result result = Chain.run(formula, options);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "chain: %s (%d variables, %d clauses), order %d, block size %d, oracle %s, "
                + "construction %s%n%n", input, formula.numVariables(), formula.numClauses(), order, blockSize,
                att.name(), construction);
        printTable(pw, result);
        pw.println();
        if (result.verified()) {
            pw.println("answer:       " + (result.satisfiable() ? "SATISFIABLE" : "UNSATISFIABLE") + " (verified)");
        } else {
            pw.println("answer:       NOT VERIFIED: the oracle's decisions say "
                    + (result.satisfiable() ? "satisfiable" : "unsatisfiable")
                    + ", but a check failed; do not trust this answer");
        }
        pw.println("oracle calls: " + result.oracleCalls());
        if (result.assignment() != null) {
            StringBuilder v = new StringBuilder("assignment:   v");
            for (int lit : result.dimacsAssignment()) {
                v.append(' ').append(lit);
            }
            pw.println(v.append(" 0"));
        }
        pw.flush();
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("formula", input.toString());
            report.put("order", order);
            report.put("block_size", blockSize);
            report.put("oracle", att.name());
            report.putAll(Chain.report(result));
            Json.write(json, report);
        }
        if (!result.verified()) {
            StageReport failed = result.firstFailure().orElse(null);
            spec.commandLine().getErr().println("hardchain: chain NOT verified"
                    + (failed != null ? " at stage '" + failed.name() + "': " + failed.detail() : ""));
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.OK;
    }

    private AttentionOracle oracle() throws IOException {
        switch (oracle) {
            case "exact":
                return new ExactOracle(ExactAttention.create(), Progress.silent());
            case "poly":
                if ((degree == null) == (epsilon == null)) {
                    throw new ParameterException(spec.commandLine(), "--oracle poly needs exactly one of --degree G "
                            + "and --epsilon E");
                }
                return new PolynomialOracle(degree != null ? PolynomialAttention.Options.degree(degree)
                        : PolynomialAttention.Options.epsilon(epsilon));
            case "external":
                Path dir = out != null ? out.resolve("oracle") : Files.createTempDirectory("hardchain-oracle");
                long timeout = externalTimeout != null ? externalTimeout : externalOutput != null ? 0 : 600;
                if (timeout < 0) {
                    throw new ParameterException(spec.commandLine(), "--external-timeout must be >= 0, got " + timeout);
                }
                spec.commandLine().getErr().println("hardchain: external oracle calls are written to " + dir);
                return new ExternalOracle(dir, externalOutput, Duration.ofSeconds(timeout));
            default:
                throw new ParameterException(spec.commandLine(), "--oracle must be exact, poly or external, got '"
                        + oracle + "'");
        }
    }

    private static void printTable(PrintWriter out, Chain.Result result) {
        int nameWidth = 5;
        int sizesWidth = 5;
        for (StageReport s : result.stages()) {
            nameWidth = Math.max(nameWidth, s.name().length());
            sizesWidth = Math.max(sizesWidth, sizes(s).length());
        }
        String fmt = "%-" + nameWidth + "s %9s  %-" + sizesWidth + "s  %-7s  %s%n";
        out.printf(Locale.ROOT, fmt, "stage", "time", "sizes", "check", "detail");
        for (StageReport s : result.stages()) {
            out.printf(Locale.ROOT, fmt, s.name(), String.format(Locale.ROOT, "%.3fs", s.seconds()),
                    sizes(s), s.check().json(), s.detail());
        }
    }

    private static String sizes(StageReport s) {
        return s.sizes().entrySet().stream()
                .map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String format(Object v) {
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining("x"));
        }
        if (v instanceof Double x) {
            return String.format(Locale.ROOT, "%.4g", x);
        }
        return String.valueOf(v);
    }

    /**
     * {@code instances/default.cnf} of this checkout: under {@code -Dhardchain.home} (the
     * launcher sets it), else the working directory, else beside the jar's directory.
     */
    static Path defaultFormula() {
        String home = System.getProperty("hardchain.home");
        if (home != null) {
            return Path.of(home, "instances", "default.cnf");
        }
        Path cwd = Path.of("instances", "default.cnf");
        if (Files.exists(cwd)) {
            return cwd;
        }
        try {
            Path jar = Path.of(ChainCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().getParent().resolve("instances").resolve("default.cnf");
            if (Files.exists(candidate)) {
                return candidate;
            }
        } catch (Exception e) {
            // fall through to the relative path, whose absence the reader reports in one line
        }
        return cwd;
    }
}
