package org.hardchain.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hardchain gen random}: uniform random k-CNF. */
@Command(name = "random", mixinStandardHelpOptions = true,
        description = {"Uniform random k-CNF.",
            "Each clause has K distinct variables drawn uniformly, each negated with",
            "probability 1/2. For K = 3, ratio 4.26 is the hard threshold."})
public final class GenRandomCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GenCommand.RandomOptions o;

    @Override
    public Integer call() throws Exception {
        int m = o.clauses();
        long seed = o.seed();
        Cnf f = CnfGenerators.randomKCnf(o.vars, m, o.width, seed);
        o.printSeed(spec.commandLine().getErr(), seed);
        List<String> header = List.of(
                "hardchain gen random --vars " + o.vars + " --clauses " + m + " --width " + o.width + " --seed " + seed,
                "uniform random " + o.width + "-CNF: " + o.vars + " variables, " + m + " clauses (ratio "
                        + GenCommand.ratio(m, o.vars) + "), seed " + seed);
        GenCommand.emit(spec, o.output, f, header);
        return ExitCodes.OK;
    }
}
