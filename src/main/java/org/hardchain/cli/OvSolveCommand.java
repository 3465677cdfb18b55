package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hardchain.format.Json;
import org.hardchain.format.OvFormat;
import org.hardchain.ov.FastOvSolver;
import org.hardchain.ov.NaiveOvSolver;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.OvSolver;
import org.hardchain.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hardchain ov solve FILE.ov}: exact k-OV by {@link FastOvSolver} (or {@link NaiveOvSolver}). */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Decides a k-OV instance exactly: prints the lexicographically first orthogonal tuple",
            "(0-based indices, one per set) or that there is none.",
            "JSON report: {\"orthogonal\": bool, \"tuple\": [indices] or null} (+ \"count\", \"partners\")."})
public final class OvSolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ov", description = "The instance (.ov format).")
    Path file;

    @Option(names = "--json", paramLabel = "R", description = "Write a JSON report to R.")
    Path json;

    @Option(names = "--count", description = "Also count all orthogonal tuples.")
    boolean count;

    @Option(names = "--partners",
            description = "Also decide, for each vector of set 0, whether some orthogonal tuple contains it.")
    boolean partners;

    @Option(names = "--naive", description = "Use the naive solver (plain loops; small instances only).")
    boolean naive;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + threads + "' for '--threads': must be >= 1");
        }
        OvInstance inst = OvFormat.read(file);
        FastOvSolver fast = new FastOvSolver(threads != null ? threads : Runtime.getRuntime().availableProcessors(), true);
        Progress progress = Progress.start("ov solve", (long) inst.size(0) * (1 + (count ? 1 : 0) + (partners ? 1 : 0)));
        OvSolver solver = naive ? new NaiveOvSolver() : fast.withProgress(progress);
        String solverName = naive ? "naive" : "fast (" + fast.kernelName() + ", " + fast.threads() + " threads)";
        PrintWriter out = spec.commandLine().getOut();
        out.println(file + ": " + inst.order() + "-OV, dimension " + inst.dimension() + ", set sizes "
                + Arrays.toString(inst.sizes()) + "; solver " + solverName);
        long start = System.nanoTime();
        Optional<int[]> tuple = solver.findTuple(inst);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("orthogonal", tuple.isPresent());
        report.put("tuple", tuple.orElse(null));
        out.println(tuple.map(t -> "orthogonal tuple: " + Arrays.toString(t)).orElse("no orthogonal tuple"));
        if (count) {
            long c = solver.countTuples(inst);
            report.put("count", c);
            out.println("orthogonal tuples: " + c + " of " + describeTotal(inst));
        }
        if (partners) {
            boolean[] has = solver.hasPartner(inst);
            int with = 0;
            for (boolean b : has) {
                with += b ? 1 : 0;
            }
            report.put("partners", has);
            out.println("vectors of set 0 in an orthogonal tuple: " + with + " of " + has.length);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        report.put("solver", solverName);
        report.put("seconds", secs);
        out.printf(java.util.Locale.ROOT, "time: %.3f s%n", secs);
        progress.close();
        if (json != null) {
            Json.write(json, report);
        }
        return ExitCodes.OK;
    }

    private static String describeTotal(OvInstance inst) {
        long t = inst.tupleCount();
        return t == Long.MAX_VALUE ? "more than 2^63 tuples" : t + " tuples";
    }
}
