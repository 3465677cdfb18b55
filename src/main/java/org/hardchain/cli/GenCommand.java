package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.format.Dimacs;
import org.hardchain.util.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hardchain gen}: seeded CNF generators writing DIMACS. */
@Command(name = "gen",
        header = "Generate CNF formulas: uniform random, planted, pigeonhole.", mixinStandardHelpOptions = true,
        description = {"Generates CNF formulas as DIMACS, with a comment header naming the",
            "generator, its parameters and the seed (the exact command to repeat the run)."},
        subcommands = {GenRandomCommand.class, GenPlantedCommand.class, GenPhpCommand.class,
            CommandLine.HelpCommand.class})
public final class GenCommand implements Callable<Integer> {
    /** The ratio m/N used when neither --clauses nor --ratio is given. */
    static final double DEFAULT_RATIO = 4.26;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** --clauses M or --ratio R (exclusive). */
    static final class Size {
        @Option(names = "--clauses", paramLabel = "M", required = true, description = "Number of clauses.")
        Integer clauses;

        @Option(names = "--ratio", paramLabel = "R", required = true,
                description = "Clauses per variable: M = round(R * N). Default 4.26 (the 3-SAT threshold).")
        Double ratio;
    }

    /** The options shared by the random generators. */
    static final class RandomOptions {
        @Option(names = "--vars", paramLabel = "N", required = true, description = "Number of variables.")
        int vars;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Size size;

        @Option(names = "--width", paramLabel = "K", defaultValue = "3",
                description = "Literals per clause (distinct variables), default ${DEFAULT-VALUE}.")
        int width;

        @Option(names = "--seed", paramLabel = "S",
                description = "Seed; if absent a random one is drawn. The seed used is printed on stderr.")
        Long seed;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write to FILE (atomically) instead of standard output.")
        Path output;

        /** M from --clauses, --ratio or the default ratio. */
        int clauses() {
            if (size != null && size.clauses != null) {
                if (size.clauses < 0) {
                    throw new UsageException("--clauses must be >= 0, got " + size.clauses);
                }
                return size.clauses;
            }
            double r = size != null && size.ratio != null ? size.ratio : DEFAULT_RATIO;
            double m = Math.rint(r * vars);
            if (!(r >= 0) || m > Integer.MAX_VALUE) {
                throw new UsageException("--ratio " + r + " with --vars " + vars
                        + " gives no clause count in [0, 2^31 - 1]");
            }
            return (int) m;
        }

        private Long drawn;

        /** The seed given, or one drawn at random (once). */
        long seed() {
            if (seed != null) {
                return seed;
            }
            if (drawn == null) {
                drawn = new java.security.SecureRandom().nextLong();
            }
            return drawn;
        }

        /** Prints the seed used on {@code err}, saying how to repeat the run if it was drawn. */
        void printSeed(PrintWriter err, long s) {
            err.println("hardchain: seed " + s + (seed != null ? "" : " (drawn at random; repeat with --seed " + s + ")"));
            err.flush();
        }
    }

    /** Writes {@code f} to {@code output}, or to the command's standard output if null. */
    static void emit(CommandSpec spec, Path output, Cnf f, List<String> comments) throws java.io.IOException {
        if (output != null) {
            Dimacs.write(output, f, comments);
            PrintWriter err = spec.commandLine().getErr();
            err.println("hardchain: wrote " + output + " (" + f.numVariables() + " variables, "
                    + f.numClauses() + " clauses)");
            err.flush();
        } else {
            PrintWriter out = spec.commandLine().getOut();
            Dimacs.write(f, out, comments);
            out.flush();
        }
    }

    static String ratio(int clauses, int vars) {
        return vars == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) clauses / vars);
    }
}
