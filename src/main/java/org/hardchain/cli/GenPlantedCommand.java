package org.hardchain.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hardchain gen planted}: random k-CNF with a planted solution. */
@Command(name = "planted", mixinStandardHelpOptions = true,
        description = {"Planted-solution k-CNF (satisfiable by construction).",
            "A hidden assignment is drawn from the seed and only uniform random clauses",
            "it satisfies are kept. For N <= "
                    + GenPlantedCommand.SHOW_ASSIGNMENT_UP_TO + " the hidden",
            "assignment is written in the comment header."})
public final class GenPlantedCommand implements Callable<Integer> {
    /** Up to this many variables, the hidden assignment goes into the comment header. */
    static final int SHOW_ASSIGNMENT_UP_TO = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    GenCommand.RandomOptions o;

    @Override
    public Integer call() throws Exception {
        int m = o.clauses();
        long seed = o.seed();
        Cnf f = CnfGenerators.plantedKCnf(o.vars, m, o.width, seed);
        o.printSeed(spec.commandLine().getErr(), seed);
        List<String> header = new ArrayList<>(List.of(
                "hardchain gen planted --vars " + o.vars + " --clauses " + m + " --width " + o.width + " --seed " + seed,
                "planted-solution " + o.width + "-CNF: " + o.vars + " variables, " + m + " clauses (ratio "
                        + GenCommand.ratio(m, o.vars) + "), seed " + seed + ", satisfiable by construction"));
        if (o.vars <= SHOW_ASSIGNMENT_UP_TO) {
            StringBuilder sb = new StringBuilder("planted assignment:");
            for (int lit : Cnf.toDimacsLiterals(CnfGenerators.plantedAssignment(o.vars, seed))) {
                sb.append(' ').append(lit);
            }
            header.add(sb.toString());
        }
        GenCommand.emit(spec, o.output, f, header);
        return ExitCodes.OK;
    }
}
