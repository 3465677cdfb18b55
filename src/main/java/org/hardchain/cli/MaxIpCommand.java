package org.hardchain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hardchain maxip}: Gap-k-MaxIP instances (THEORY §8). */
@Command(name = "maxip",
        header = "Solve Gap-k-MaxIP instances exactly (.maxip files, THEORY §8).", mixinStandardHelpOptions = true,
        description = "Gap-k-MaxIP instances (.maxip files, THEORY §8).",
        subcommands = {MaxIpSolveCommand.class, CommandLine.HelpCommand.class})
public final class MaxIpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
