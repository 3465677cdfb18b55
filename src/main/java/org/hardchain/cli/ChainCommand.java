package org.hardchain.cli;

import java.io.PrintWriter;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain chain [FILE.cnf]}: runs the reduction chain with a check after each stage. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = {
            "Runs the reduction chain on a CNF formula (default: instances/default.cnf), stage",
            "by stage, and checks each stage against an independent oracle (SAT4J, brute force,",
            "our own CNF evaluator). Prints one table (stage, time, sizes, check), then the",
            "answer and the recovered assignment. Exits 1 if any check fails."})
public final class ChainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.cnf",
            description = "The DIMACS formula (default: instances/default.cnf of this checkout).")
    Path file;

    @Option(names = "--order", paramLabel = "K", defaultValue = "3",
            description = "The order k >= 2 of the k-OV instance and of attention (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--brute-force-limit", paramLabel = "N", defaultValue = "50000000",
            description = "Enumerate at most N k-tuples in the brute-force k-OV check; above it the check is "
                    + "skipped and says so (default: ${DEFAULT-VALUE}).")
    long bruteForceLimit;

    @Option(names = "--json", paramLabel = "R",
            description = "Also write the report as JSON to file R.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Path input = file != null ? file : defaultFormula();
        Cnf formula = Dimacs.read(input);
        Chain.Result result = Chain.run(formula,
                new Chain.Options(order, bruteForceLimit, Runtime.getRuntime().availableProcessors()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "chain: %s (%d variables, %d clauses), order %d%n%n",
                input, formula.numVariables(), formula.numClauses(), order);
        printTable(out, result);
        out.println();
        out.println("answer:     " + (result.satisfiable() ? "SATISFIABLE" : "UNSATISFIABLE")
                + (result.verified() ? " (verified)" : " (NOT verified)"));
        if (result.assignment() != null) {
            StringBuilder v = new StringBuilder("assignment: v");
            for (int lit : result.dimacsAssignment()) {
                v.append(' ').append(lit);
            }
            out.println(v.append(" 0"));
        }
        out.println("not built yet: " + String.join("; ", result.notBuilt()));
        out.flush();
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("formula", input.toString());
            report.put("order", order);
            report.put("satisfiable", result.satisfiable());
            report.put("assignment", result.dimacsAssignment());
            report.put("verified", result.verified());
            report.put("oracle_calls", 0);
            report.put("stages", result.stages());
            report.put("not_built", result.notBuilt());
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

    private static void printTable(PrintWriter out, Chain.Result result) {
        String fmt = "%-24s %9s  %-44s %-8s %s%n";
        out.printf(Locale.ROOT, fmt, "stage", "time", "sizes", "check", "");
        for (StageReport s : result.stages()) {
            String sizes = s.sizes().entrySet().stream()
                    .map(e -> e.getKey() + "=" + format(e.getValue()))
                    .collect(Collectors.joining(" "));
            out.printf(Locale.ROOT, fmt, s.name(), String.format(Locale.ROOT, "%.3fs", s.seconds()),
                    sizes, s.check().json(), s.detail());
        }
    }

    private static String format(Object v) {
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining("x"));
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
