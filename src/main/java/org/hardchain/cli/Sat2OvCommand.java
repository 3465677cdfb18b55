package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.format.Dimacs;
import org.hardchain.format.OvFormat;
import org.hardchain.ov.SatToOv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hardchain sat2ov FILE.cnf --order K -o FILE.ov}: SAT to k-OV ({@link SatToOv}). */
@Command(name = "sat2ov",
        header = "Reduce a CNF formula to k-OV by split and list (THEORY §5).", mixinStandardHelpOptions = true,
        description = {"Reduces a CNF formula to k-OV by split and list (THEORY.md section 5).",
            "Variables are split into K groups of consecutive variables, the first (N mod K) one larger;",
            "vector i of set p is the partial assignment with the group's j-th variable true iff bit j of i is 1;",
            "coordinate c is 1 iff that partial assignment satisfies no literal of clause c."})
public final class Sat2OvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.cnf", description = "The formula (DIMACS).")
    Path input;

    @Option(names = {"-k", "--order"}, paramLabel = "K", required = true, description = "Number of sets k (>= 2).")
    int order;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.ov", required = true, description = "Output file.")
    Path output;

    @Option(names = "--max-vectors", paramLabel = "N", defaultValue = "67108864",
            description = "Refuse when a set would have more than N vectors (default ${DEFAULT-VALUE} = 2^26).")
    long maxVectors;

    @Override
    public Integer call() throws Exception {
        if (order < 2) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + order + "' for '--order': must be >= 2");
        }
        Cnf f = Dimacs.read(input);
        SatToOv red = SatToOv.of(f, order, maxVectors);
        List<String> comments = new ArrayList<>();
        comments.add("hardchain sat2ov: SAT -> " + order + "-OV of " + input);
        comments.add("formula: " + f.numVariables() + " variables, " + f.numClauses() + " clauses; order " + order);
        comments.add("vector i of set p = partial assignment of group p: its j-th variable is true iff bit j of i is 1");
        for (int p = 0; p < order; p++) {
            comments.add(red.describeGroup(p));
        }
        OvFormat.write(output, red.instance(), comments);
        PrintWriter out = spec.commandLine().getOut();
        for (int p = 0; p < order; p++) {
            out.println(red.describeGroup(p));
        }
        out.println("wrote " + output + ": " + order + "-OV, dimension " + f.numClauses() + ", set sizes "
                + Arrays.toString(red.instance().sizes()));
        return ExitCodes.OK;
    }
}
