package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hardchain.format.OvFormat;
import org.hardchain.ov.OvGenerators;
import org.hardchain.ov.OvInstance;
import org.hardchain.util.ResourceLimitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hardchain ov gen}: seeded random k-OV instances, optionally with a planted orthogonal tuple. */
@Command(name = "gen", mixinStandardHelpOptions = true,
        description = {"Writes a seeded random k-OV instance: every coordinate is 1 with probability --density.",
            "With --plant, a uniformly chosen tuple is made orthogonal (printed and recorded in the file)."})
public final class OvGenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "3", description = "Number of sets (default ${DEFAULT-VALUE}).")
    int order;

    @Option(names = {"-m", "--dimension"}, paramLabel = "M", required = true, description = "Dimension of the vectors.")
    int dimension;

    @Option(names = {"-n", "--size"}, paramLabel = "N", description = "Vectors per set (all sets).")
    Integer size;

    @Option(names = "--sizes", paramLabel = "N0,N1,...", split = ",", description = "Vectors per set, one size per set (sets the order).")
    int[] sizes;

    @Option(names = "--density", paramLabel = "RHO", defaultValue = "0.5", description = "Probability of a 1 (default ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--plant", description = "Plant an orthogonal tuple.")
    boolean plant;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: chosen from the clock and printed).")
    Long seed;

    @Option(names = "--max-bytes", paramLabel = "B", defaultValue = "2000000000",
            description = "Refuse instances above B bytes (default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.ov", required = true, description = "Output file.")
    Path output;

    @Override
    public Integer call() throws Exception {
        int[] n = resolveSizes();
        if (dimension < 0) {
            throw bad("--dimension", Integer.toString(dimension), "must be >= 0");
        }
        if (!(density >= 0 && density <= 1)) {
            throw bad("--density", Double.toString(density), "must be in [0, 1]");
        }
        double vectors = Arrays.stream(n).asDoubleStream().sum();
        double bytes = vectors * (OvInstance.wordsFor(dimension) * 8.0 + (plant ? 16 : 0)) + vectors * (dimension + 3);
        ResourceLimitException.check("the k-OV instance and its file", bytes, maxBytes, "bytes", "--max-bytes");
        long s = seed != null ? seed : System.nanoTime() ^ 0x5DEECE66DL;
        PrintWriter out = spec.commandLine().getOut();
        List<String> comments = new ArrayList<>();
        comments.add("hardchain ov gen: random " + n.length + "-OV, dimension " + dimension + ", set sizes "
                + Arrays.toString(n) + ", density " + density + (plant ? ", planted tuple" : "") + ", seed " + s);
        OvInstance inst;
        if (plant) {
            for (int p = 0; p < n.length; p++) {
                if (n[p] == 0) {
                    throw bad("--sizes", Arrays.toString(n), "cannot plant a tuple when set " + p + " is empty");
                }
            }
            OvGenerators.Planted pl = OvGenerators.planted(dimension, n, density, s);
            inst = pl.instance();
            comments.add("planted orthogonal tuple: " + Arrays.toString(pl.tuple()));
            out.println("planted orthogonal tuple: " + Arrays.toString(pl.tuple()));
        } else {
            inst = OvGenerators.random(dimension, n, density, s);
        }
        OvFormat.write(output, inst, comments);
        out.println("seed: " + s);
        out.println("wrote " + output + ": " + inst.order() + "-OV, dimension " + dimension + ", set sizes " + Arrays.toString(n));
        return ExitCodes.OK;
    }

    private int[] resolveSizes() {
        if (sizes != null && size != null) {
            throw new ParameterException(spec.commandLine(), "give either --size or --sizes, not both");
        }
        int[] n;
        if (sizes != null) {
            n = sizes;
        } else if (size != null) {
            if (order < 2) {
                throw bad("--order", Integer.toString(order), "must be >= 2");
            }
            n = new int[order];
            Arrays.fill(n, size);
        } else {
            throw new ParameterException(spec.commandLine(), "missing --size N or --sizes N0,N1,...");
        }
        if (n.length < 2) {
            throw bad("--sizes", Arrays.toString(n), "needs at least 2 sets");
        }
        for (int x : n) {
            if (x < 0) {
                throw bad(sizes != null ? "--sizes" : "--size", sizes != null ? Arrays.toString(n) : Integer.toString(x),
                        "sizes must be >= 0");
            }
        }
        return n;
    }

    private ParameterException bad(String option, String value, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value '" + value + "' for '" + option + "': " + why);
    }
}
