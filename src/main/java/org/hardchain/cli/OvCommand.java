package org.hardchain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hardchain ov}: k-Orthogonal-Vectors instances (generate, solve). */
@Command(name = "ov",
        header = "Generate and solve k-OV instances (.ov files, THEORY §5).", mixinStandardHelpOptions = true,
        description = "k-Orthogonal-Vectors: generate and solve .ov instances (THEORY.md section 5).",
        subcommands = {OvSolveCommand.class, OvGenCommand.class, CommandLine.HelpCommand.class})
public final class OvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
