package org.hardchain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hardchain sat}: commands on CNF formulas. */
@Command(name = "sat",
        header = "Decide CNF formulas (DIMACS) with SAT4J or brute force.", mixinStandardHelpOptions = true,
        description = "Commands on CNF formulas (DIMACS files).",
        subcommands = {SatSolveCommand.class, CommandLine.HelpCommand.class})
public final class SatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
