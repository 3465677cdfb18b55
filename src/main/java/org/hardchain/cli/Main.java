package org.hardchain.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.hardchain.util.Simd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code hardchain} command. The CLI is thin: each subcommand parses its options,
 * calls the library and prints. Exit codes and error reporting: {@link ExitCodes}.
 */
@Command(name = "hardchain",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A workbench for the fine-grained complexity of higher-order (tensor) attention:",
            "CNF -> k-OV -> Merlin-Arthur protocol -> Gap-k-MaxIP -> order-k attention, and",
            "the polynomial method on the other side."},
        subcommands = {
            CommandLine.HelpCommand.class,
            SatCommand.class,
            GenCommand.class,
            Sat2OvCommand.class,
            OvCommand.class,
            ProtocolCommand.class,
            Ov2MaxIpCommand.class,
            MaxIpCommand.class,
            MaxIp2AttentionCommand.class,
            ExplainCommand.class,
            AttentionCommand.class,
            ChainCommand.class,
            SweepCommand.class,
            AuditCommand.class,
        },
        footer = {"", "Exit codes: 0 success, 1 internal failure, 2 usage error, 3 malformed input file.",
            "Add --debug to any command to see stack traces."})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of errors.")
    boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
            if (debug) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) ->
                ExitCodes.report(ex, c.getErr(), debug));
        try {
            return cmd.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A fresh command tree with the standard settings. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpAutoWidth(true);
        return cmd;
    }

    /** {@code hardchain --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "hardchain " + (v != null ? v : "(development build)"),
                "Java " + System.getProperty("java.version") + ", " + Simd.describe(),
            };
        }
    }
}
