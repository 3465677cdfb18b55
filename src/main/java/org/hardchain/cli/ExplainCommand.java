package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.explain.ChainExplain;
import org.hardchain.explain.MaxIpToAttentionExplain;
import org.hardchain.explain.OvToMaxIpExplain;
import org.hardchain.explain.PolyExplain;
import org.hardchain.explain.ProtocolExplain;
import org.hardchain.explain.SatToOvExplain;
import org.hardchain.format.Dimacs;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.format.OvFormat;
import org.hardchain.hardness.Construction;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.util.Progress;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.hardchain.protocol.ProtocolParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hardchain explain STAGE [inputs]}: prints the walkthrough of one stage of the chain on
 * a small instance, every intermediate number included ({@code org.hardchain.explain}). Thin:
 * parse, call the library, print.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Walks through one stage of the chain on a small instance, printing every intermediate number.",
            "The chapters in reductions/ embed these walkthroughs."},
        subcommands = {ExplainCommand.Sat2Ov.class, ExplainCommand.Protocol.class, ExplainCommand.Ov2MaxIp.class,
            ExplainCommand.Maxip2Attention.class, ExplainCommand.Poly.class, ExplainCommand.ChainStage.class})
public final class ExplainCommand implements Callable<Integer> {
    /** The formula used when none is given: (x1 OR NOT x2) AND (x2 OR x3) AND (NOT x1 OR NOT x3). */
    static final String DEFAULT_FORMULA = "1 -2 0 2 3 0 -1 -3 0";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Inline clauses: integers, each clause ended by 0; the variable count is the largest |literal|. */
    static Cnf parseInline(CommandSpec spec, String text) {
        List<int[]> clauses = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int vars = 0;
        String t = text.strip();
        for (String tok : t.isEmpty() ? new String[0] : t.split("\\s+")) {
            int lit;
            try {
                lit = Integer.parseInt(tok);
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + text + "' for '--formula': '" + tok
                        + "' is not a literal (expected integers, each clause ended by 0)");
            }
            if (lit == Integer.MIN_VALUE) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + text + "' for '--formula': literal "
                        + tok + " is out of range");
            }
            if (lit == 0) {
                clauses.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
            } else {
                current.add(lit);
                vars = Math.max(vars, Math.abs(lit));
            }
        }
        if (!current.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + text
                    + "' for '--formula': the last clause is not ended by 0");
        }
        return Cnf.of(vars, clauses);
    }

    /**
     * The k-OV instance of a walkthrough: the {@code .ov} file if given, else the inline formula
     * (or {@link #DEFAULT_FORMULA}) reduced by SAT -> k-OV at the given order.
     */
    static OvInstance ovInput(CommandSpec spec, Path file, String formula, int order) throws java.io.IOException {
        if (file != null) {
            return OvFormat.read(file);
        }
        return SatToOv.of(parseInline(spec, formula != null ? formula : DEFAULT_FORMULA), checkOrder(spec, order))
                .instance();
    }

        static int checkOrder(CommandSpec spec, int order) {
        if (order < 2) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + order + "' for '--order': must be >= 2");
        }
        return order;
    }

    /** {@code explain sat2ov}. */
    @Command(name = "sat2ov", mixinStandardHelpOptions = true,
            description = {"SAT -> k-OV by split and list (THEORY section 5): the groups, every vector, every tuple's",
                "coordinate-wise product, orthogonal tuples = satisfying assignments. At most "
                    + SatToOvExplain.MAX_VARIABLES + " variables and " + SatToOvExplain.MAX_CLAUSES + " clauses."})
    static final class Sat2Ov implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        FormulaInputMixin input;

        @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "2", description = "k (default 2).")
        int order;

        @Override
        public Integer call() throws Exception {
            Cnf f = input.read(spec);
            spec.commandLine().getOut().print(SatToOvExplain.explain(f, checkOrder(spec, order)));
            return ExitCodes.OK;
        }
    }

    /** The formula options as a picocli mixin. */
    static final class FormulaInputMixin {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.cnf", description = "A DIMACS formula.")
        Path file;

        @Option(names = "--formula", paramLabel = "CLAUSES",
                description = "Inline clauses, DIMACS literals, each clause ended by 0, e.g. \"1 -2 0 2 3 0\""
                        + " (default \"" + DEFAULT_FORMULA + "\" when no file is given).")
        String formula;

        Cnf read(CommandSpec spec) throws java.io.IOException {
            if (file != null && formula != null) {
                throw new ParameterException(spec.commandLine(), "give either FILE.cnf or --formula, not both");
            }
            if (file != null) {
                return Dimacs.read(file);
            }
            return parseInline(spec, formula != null ? formula : DEFAULT_FORMULA);
        }
    }

    /** {@code explain protocol}. */
    @Command(name = "protocol", mixinStandardHelpOptions = true,
            description = {"The Merlin-Arthur protocol for k-party set disjointness (THEORY sections 6-7): blocks,",
                "codewords, Merlin's message, every random string's check, the accepting ones, the best cheating Merlin.",
                "At most universe " + ProtocolExplain.MAX_UNIVERSE + " and L^ell <= " + ProtocolExplain.MAX_RANDOM_STRINGS + "."})
    static final class Protocol implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "2", description = "k players (default 2).")
        int order;

        @Option(names = "--universe", paramLabel = "M", defaultValue = "4", description = "m (default 4).")
        int universe;

        @Option(names = "--block-size", paramLabel = "W", defaultValue = "2", description = "w (default 2).")
        int blockSize;

        @Mixin
        CodeOptions code;

        @Option(names = "--sets", arity = "1..*", paramLabel = "S",
                description = "k comma-separated sets, Alice's first (\"\" is empty; default 0,3 1,2).")
        List<String> sets;

        @Override
        public Integer call() {
            List<String> given = sets != null ? sets : List.of("0,3", "1,2");
            ProtocolParameters q = code.parameters(checkOrder(spec, order), universe, blockSize);
            if (given.size() != order) {
                throw new ParameterException(spec.commandLine(), "--sets gives " + given.size() + " sets, need k = " + order);
            }
            List<BitSet> parsed = new ArrayList<>();
            for (String s : given) {
                parsed.add(parseSet(spec, s, universe));
            }
            spec.commandLine().getOut().print(ProtocolExplain.explain(q, parsed));
            return ExitCodes.OK;
        }
    }

    static BitSet parseSet(CommandSpec spec, String text, int universe) {
        BitSet b = new BitSet();
        String t = text.strip();
        if (t.isEmpty()) {
            return b;
        }
        for (String part : t.split(",", -1)) {
            try {
                int v = Integer.parseInt(part.strip());
                if (v < 0 || v >= universe) {
                    throw new ParameterException(spec.commandLine(), "Invalid value '" + text + "' for '--sets': element "
                            + v + " is outside the universe [0, " + universe + ")");
                }
                b.set(v);
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + text + "' for '--sets': '"
                        + part.strip() + "' is not an element (expected comma-separated integers)");
            }
        }
        return b;
    }

    /** {@code explain ov2maxip}. */
    @Command(name = "ov2maxip", mixinStandardHelpOptions = true,
            description = {"k-OV -> Gap-k-MaxIP through the protocol (THEORY section 8): what every key vector sends,",
                "every vector's support, every inner product against t and (1-eps)t, the decisions, the Lemma B.1 numbers.",
                "Input: a .ov file, or a formula (--formula, default \"" + DEFAULT_FORMULA + "\") reduced by sat2ov.",
                "At most " + OvToMaxIpExplain.MAX_SET_SIZE + " vectors per set, " + OvToMaxIpExplain.MAX_ALICE_ROWS
                    + " Alice rows, D' <= " + OvToMaxIpExplain.MAX_DIMENSION + ", L^ell <= "
                    + OvToMaxIpExplain.MAX_RANDOM_STRINGS + "."})
    static final class Ov2MaxIp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.ov", description = "A k-OV instance.")
        Path file;

        @Option(names = "--formula", paramLabel = "CLAUSES", description = "Inline clauses, reduced to k-OV first.")
        String formula;

        @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "2",
                description = "k for a formula (default 2; a file gives its own).")
        int order;

        @Option(names = "--block-size", paramLabel = "W", defaultValue = "2", description = "w (default 2).")
        int blockSize;

        @Mixin
        CodeOptions code;

        @Override
        public Integer call() throws Exception {
            if (file != null && formula != null) {
                throw new ParameterException(spec.commandLine(), "give either FILE.ov or --formula, not both");
            }
            OvInstance ov = ovInput(spec, file, formula, order);
            ProtocolParameters q = code.parameters(ov.order(), ov.dimension(), blockSize);
            PrintWriter out = spec.commandLine().getOut();
            out.print(OvToMaxIpExplain.explain(ov, q));
            return ExitCodes.OK;
        }
    }

    /** {@code explain poly}. */
    @Command(name = "poly", mixinStandardHelpOptions = true,
            description = {"The polynomial method (THEORY section 4) on a seeded random input: scores, the polynomial's",
                "degree and coefficients, rank and factor shapes, Algorithm 1 against exact attention, and the degree",
                "needed as the entry bound B grows. At most n = " + PolyExplain.MAX_ROWS + ", d = " + PolyExplain.MAX_WIDTH
                    + ", n^(k-1) <= " + PolyExplain.MAX_TUPLES + "."})
    static final class Poly implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "2", description = "k (default 2).")
        int order;

        @Option(names = "--n", paramLabel = "N", defaultValue = "4", description = "rows of Q and of each K_p (default 4).")
        int n;

        @Option(names = "--d", paramLabel = "D", defaultValue = "2", description = "width d (default 2).")
        int d;

        @Option(names = "--bound", paramLabel = "B", defaultValue = "1", description = "entries uniform in [-B, B] (default 1).")
        double bound;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed (default 1).")
        long seed;

        @Option(names = "--eps", paramLabel = "E", defaultValue = "1e-3", description = "output error (default 1e-3).")
        double eps;

        @Option(names = "--degree", paramLabel = "G", defaultValue = "-1",
                description = "fix the degree g instead of choosing it from --eps.")
        int degree;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(PolyExplain.explain(checkOrder(spec, order), n, d, bound, seed, eps, degree));
            return ExitCodes.OK;
        }
    }

    /** {@code explain maxip2attention}. */
    @Command(name = "maxip2attention", mixinStandardHelpOptions = true,
            description = {"Gap-k-MaxIP -> order-k attention, Lemma B.1 (THEORY section 9): lambda, h, d, the scale s (the",
                "entry bound), theta and eps_a, every row of Q and K_p, every row's output against X/(X+C) and its decision,",
                "and the other construction side by side. Input: a .maxip file, a .ov file (reduced with the protocol),",
                "or a formula (--formula, default \"" + DEFAULT_FORMULA + "\"). At most "
                    + MaxIpToAttentionExplain.MAX_ROWS + " Alice rows and " + MaxIpToAttentionExplain.MAX_KEY_TUPLES
                    + " key tuples."})
    static final class Maxip2Attention implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A .maxip or .ov file.")
        Path file;

        @Option(names = "--formula", paramLabel = "CLAUSES", description = "Inline clauses, reduced to k-OV and Max-IP first.")
        String formula;

        @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "2",
                description = "k for a formula (default 2; a file gives its own).")
        int order;

        @Option(names = "--block-size", paramLabel = "W", defaultValue = "2", description = "w for OV input (default 2).")
        int blockSize;

        @Mixin
        CodeOptions code;

        @Option(names = "--construction", paramLabel = "reference|paper", defaultValue = "reference",
                description = "Lemma B.1 construction (default reference).")
        String construction;

        @Option(names = "--gamma", paramLabel = "G", defaultValue = "4", description = "separation x_yes/x_no (default 4).")
        double gamma;

        @Override
        public Integer call() throws Exception {
            if (file != null && formula != null) {
                throw new ParameterException(spec.commandLine(), "give either FILE or --formula, not both");
            }
            MaxIpInstance inst;
            if (file != null && file.toString().endsWith(".maxip")) {
                inst = MaxIpFormat.read(file);
            } else {
                OvInstance ov = ovInput(spec, file, formula, order);
                ProtocolParameters q = code.parameters(ov.order(), ov.dimension(), blockSize);
                OvToMaxIp red = OvToMaxIp.of(ov, q, OvToMaxIp.DEFAULT_MAX_BYTES);
                if (red.estimate().aliceRows() > MaxIpToAttentionExplain.MAX_ROWS) {
                    throw new org.hardchain.util.UsageException("explain maxip2attention prints every row: the reduction"
                            + " gives " + red.estimate().aliceRows() + " Alice rows, above the limit "
                            + MaxIpToAttentionExplain.MAX_ROWS);
                }
                inst = red.build(OvToMaxIp.DEFAULT_MAX_BYTES, 1, Progress.silent());
            }
            spec.commandLine().getOut().print(MaxIpToAttentionExplain.explain(inst, Construction.parse(construction), gamma));
            return ExitCodes.OK;
        }
    }

    /** {@code explain chain}. */
    @Command(name = "chain", mixinStandardHelpOptions = true,
            description = {"The whole chain on a tiny formula (THEORY section 10): every stage's sizes and answer, the",
                "decision call to an exact attention oracle, then witness recovery by self-reduction with every oracle",
                "call, back to a satisfying assignment. At most " + ChainExplain.MAX_VARIABLES + " variables and "
                    + ChainExplain.MAX_CLAUSES + " clauses."})
    static final class ChainStage implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        FormulaInputMixin input;

        @Option(names = {"-k", "--order"}, paramLabel = "K", defaultValue = "2", description = "k (default 2).")
        int order;

        @Option(names = "--block-size", paramLabel = "W", defaultValue = "2", description = "w (default 2).")
        int blockSize;

        @Option(names = "--construction", paramLabel = "reference|paper", defaultValue = "reference",
                description = "Lemma B.1 construction (default reference).")
        String construction;

        @Option(names = "--gamma", paramLabel = "G", defaultValue = "4", description = "separation x_yes/x_no (default 4).")
        double gamma;

        @Override
        public Integer call() throws Exception {
            Cnf f = input.read(spec);
            spec.commandLine().getOut().print(ChainExplain.explain(f, checkOrder(spec, order), blockSize,
                    Construction.parse(construction), gamma));
            return ExitCodes.OK;
        }
    }
}
