package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hardchain.format.Json;
import org.hardchain.format.OvFormat;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.Acceptance;
import org.hardchain.protocol.MaxAcceptance;
import org.hardchain.protocol.MerlinArthurProtocol;
import org.hardchain.protocol.MerlinMessage;
import org.hardchain.protocol.PlayerMessage;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.protocol.SetEncoding;
import org.hardchain.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hardchain protocol}: runs the (k+1)-party Merlin-Arthur disjointness protocol
 * (Alman &amp; Song 2023, Theorem 4.5; THEORY.md §7) on k sets and reports the exact
 * acceptance probabilities. Thin: parsing and printing around {@link MerlinArthurProtocol}.
 */
@Command(name = "protocol",
        header = "Run the Merlin-Arthur disjointness protocol exactly (THEORY §7).", mixinStandardHelpOptions = true,
        description = {
            "Run the (k+1)-party Merlin-Arthur protocol for k-party set disjointness (THEORY.md section 7)",
            "on k sets and compute Alice's acceptance probability exactly, by enumerating every random",
            "string r in [L]^ell."},
        footer = {"", "Example:", "  hardchain protocol --order 3 --universe 6 --block-size 2 --sets 0,1 1,2 3,5 --merlin all",
            "  hardchain protocol --ov instance.ov --rows 0,4,2 --block-size 2 --reps 2"})
public final class ProtocolCommand implements Callable<Integer> {

    /** Reed-Solomon versus AG codes, for the report. */
    static final String CODE_NOTE = "Reed-Solomon codes stand in for the algebraic-geometry codes of Theorem 4.4:"
            + " RS needs p >= L distinct points, so the alphabet (ceil(log2 p) bits per symbol) grows with L,"
            + " while AG codes keep a constant alphabet.";

    enum MerlinMode { honest, all }

    @Spec
    CommandSpec spec;

    @Option(names = "--order", paramLabel = "K",
            description = "k, the number of players (>= 2); with --ov, the file's order (checked if given).")
    Integer order;

    @Option(names = "--universe", paramLabel = "M",
            description = "m, the universe size: elements are 0..M-1; with --ov, the OV dimension (checked if given).")
    Integer universe;

    @Option(names = "--block-size", required = true, paramLabel = "W", description = "w, the block size (code dimension).")
    int blockSize;

    @Mixin
    CodeOptions code;

    @Option(names = "--sets", arity = "1..*", paramLabel = "S",
            description = "The k sets, each a comma-separated list of elements of [0, M) (\"\" for the empty set); the first is Alice's.")
    List<String> sets;

    @Option(names = "--ov", paramLabel = "FILE",
            description = "Take the k sets from a k-OV file (.ov): player p holds row --rows[p] of OV set p; element c is in it iff coordinate c is 1.")
    Path ov;

    @Option(names = "--rows", paramLabel = "I,J,...", split = ",",
            description = "With --ov: one row index per OV set, comma-separated.")
    int[] rows;

    @Option(names = "--merlin", paramLabel = "MODE", defaultValue = "honest",
            description = "honest (default): the honest Merlin only; all: also the maximum over every Merlin message.")
    MerlinMode merlin;

    @Option(names = "--max-work", paramLabel = "N", defaultValue = "100000000",
            description = "Refuse when (Merlin messages) x L^ell random strings to check exceed N (default ${DEFAULT-VALUE}).")
    long maxWork;

    @Option(names = "--trace", description = "Print every block, codeword and random string's check, however many.")
    boolean trace;

    @Option(names = "--json", paramLabel = "R", description = "Write a JSON report to file R.")
    Path json;

    private static final int SMALL_BLOCKS = 16;
    private static final long SMALL_RANDOM = 64;

    @Override
    public Integer call() throws Exception {
        List<BitSet> parsed = new ArrayList<>();
        int k;
        int m;
        if (ov != null) {
            if (sets != null) {
                throw new ParameterException(spec.commandLine(), "give either --sets or --ov, not both");
            }
            if (rows == null) {
                throw new ParameterException(spec.commandLine(), "--ov needs --rows (one row index per OV set)");
            }
            OvInstance instance = OvFormat.read(ov);
            k = instance.order();
            m = instance.dimension();
            if (order != null && order != k) {
                throw new UsageException("--order " + order + " does not match the order " + k + " of " + ov);
            }
            if (universe != null && universe != m) {
                throw new UsageException("--universe " + universe + " does not match the dimension " + m + " of " + ov);
            }
            parsed.addAll(MerlinArthurProtocol.setsFromOvRows(instance, rows));
        } else {
            if (sets == null) {
                throw new ParameterException(spec.commandLine(), "give the sets with --sets S1 .. SK, or --ov FILE --rows I,J,..");
            }
            if (rows != null) {
                throw new ParameterException(spec.commandLine(), "--rows needs --ov FILE");
            }
            if (order == null || universe == null) {
                throw new ParameterException(spec.commandLine(), "--sets needs --order K and --universe M");
            }
            k = order;
            m = universe;
            if (sets.size() != k) {
                throw new ParameterException(spec.commandLine(), "--sets needs k = " + k + " sets, got " + sets.size());
            }
        }
        ProtocolParameters params = code.parameters(k, m, blockSize);
        if (ov == null) {
            for (String s : sets) {
                parsed.add(parseSet(s, m));
            }
        }
        MerlinArthurProtocol protocol = MerlinArthurProtocol.of(params);
        List<SetEncoding> players = new ArrayList<>();
        for (BitSet b : parsed) {
            players.add(protocol.encode(b));
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> report = run(protocol, players, out);
        if (json != null) {
            Json.write(json, report);
        }
        return ExitCodes.OK;
    }

    private BitSet parseSet(String text, int universe) {
        BitSet b = new BitSet();
        String t = text.strip();
        if (t.isEmpty()) {
            return b;
        }
        for (String part : t.split(",", -1)) {
            String e = part.strip();
            try {
                int v = Integer.parseInt(e);
                if (v < 0 || v >= universe) {
                    throw new ParameterException(spec.commandLine(), "Invalid value '" + text + "' for '--sets': element "
                            + v + " is outside the universe [0, " + universe + ")");
                }
                b.set(v);
            } catch (NumberFormatException ex) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + text
                        + "' for '--sets': '" + e + "' is not an element (expected comma-separated integers)");
            }
        }
        return b;
    }

    private Map<String, Object> run(MerlinArthurProtocol protocol, List<SetEncoding> players, PrintWriter out) {
        ProtocolParameters q = protocol.parameters();
        int k = q.order();
        int t = q.blocks();
        int l = q.length();
        int w = q.blockSize();
        out.printf(Locale.ROOT, "Protocol: k = %d players, universe m = %d, block size w = %d, T = %d blocks,"
                + " length L = %d, ell = %d, p = %d%n", k, q.universe(), w, t, l, q.reps(), q.prime());
        out.printf(Locale.ROOT, "Codes: players RS(%d), Merlin RS(%d), on the points 0..%d of F_%d"
                + " (alphabet p >= L grows with L; AG codes keep it constant)%n", w, q.proofDimension(), l - 1, q.prime());
        if (ov != null) {
            out.printf(Locale.ROOT, "Sets: rows %s of the OV sets of %s (element c is in a set iff coordinate c is 1)%n",
                    Arrays.toString(rows), ov);
        }
        for (int i = 0; i < k; i++) {
            out.printf(Locale.ROOT, "Player %d%s: %s%n", i, i == 0 ? " (Alice)" : "", players.get(i).set());
        }
        boolean showBlocks = trace || t <= SMALL_BLOCKS;
        if (showBlocks) {
            out.println("Blocks x_t and codewords E_t(0..L-1):");
            for (int i = 0; i < k; i++) {
                BitSet set = players.get(i).set();
                for (int b = 0; b < t; b++) {
                    out.printf(Locale.ROOT, "  player %d block %d: %s -> %s%n", i, b,
                            bits(protocol.block(set, b)), vec(players.get(i).codeword(b)));
                }
            }
        } else {
            out.printf(Locale.ROOT, "(%d blocks per player; --trace prints blocks and codewords)%n", t);
        }
        boolean disjoint = MerlinArthurProtocol.disjoint(players);
        MerlinMessage honest = protocol.honestMerlin(players);
        out.printf(Locale.ROOT, "Honest Merlin psi* = %s%n", vec(honest.codeword()));
        if (honest.zeroOnSystematicPoints()) {
            out.printf(Locale.ROOT, "  zero on the systematic points 0..%d: message id %s%n", w - 1,
                    honest.id() >= 0 ? Long.toString(honest.id()) : "(too many messages for an id)");
        } else {
            out.printf(Locale.ROOT, "  nonzero on a systematic point (the sets intersect): Alice rejects it outright%n");
        }
        Acceptance acc = protocol.acceptance(players, honest, maxWork);
        boolean showChecks = trace || acc.total() <= SMALL_RANDOM;
        if (!honest.zeroOnSystematicPoints() && !trace) {
            out.printf(Locale.ROOT, "(Alice rejects all %d random strings outright; --trace prints each check)%n", acc.total());
        } else if (showChecks) {
            out.println("Checks, psi(r_j) against Alice's sum_t E^(0)_t(r_j) prod_i (player i's symbol t):");
            int[] r = new int[q.reps()];
            do {
                List<PlayerMessage> others = new ArrayList<>();
                for (int i = 1; i < k; i++) {
                    others.add(protocol.playerMessage(players.get(i), r));
                }
                StringBuilder line = new StringBuilder("  r = " + Arrays.toString(r) + ":");
                for (int j = 0; j < r.length; j++) {
                    long sum = protocol.aliceSum(players.get(0), others, j, r[j]);
                    line.append(String.format(Locale.ROOT, " psi(%d) = %d vs %d;", r[j], honest.value(r[j]), sum));
                }
                line.append(protocol.accepts(players.get(0), honest, others, r) ? " accept"
                        : honest.zeroOnSystematicPoints() ? " reject" : " reject (psi* is nonzero on a systematic point)");
                out.println(line);
            } while (next(r, l));
        } else {
            out.printf(Locale.ROOT, "(%d random strings; --trace prints each check)%n", acc.total());
        }
        out.printf(Locale.ROOT, "Sets are %s.%n", disjoint ? "disjoint" : "intersecting");
        out.printf(Locale.ROOT, "Accept probability (honest Merlin): %d/%d = %s = %.6f%n",
                acc.accepting(), acc.total(), acc.fractionString(), acc.probability());
        out.printf(Locale.ROOT, "Soundness bound (k(w-1)/L)^ell = (%d/%d)^%d = %.6f%n",
                k * (w - 1), l, q.reps(), q.soundnessBound());

        Map<String, Object> report = new LinkedHashMap<>(q.toMap());
        if (ov != null) {
            report.put("ov_file", ov.toString());
            report.put("ov_rows", rows);
        }
        report.put("disjoint", disjoint);
        report.put("honest_merlin_message_id", honest.id() >= 0 ? honest.id() : null);
        report.put("accept_probability", acc.probability());
        report.put("accept_probability_fraction", acc.fractionString());
        report.put("accepting_random_strings", acc.accepting());
        report.put("random_strings", acc.total());
        if (merlin == MerlinMode.all) {
            MaxAcceptance max = protocol.maxAcceptance(players, maxWork);
            Acceptance b = max.best();
            out.printf(Locale.ROOT, "Max accept probability over all %d Merlin messages: %d/%d = %s = %.6f (message id %d,"
                    + " psi = %s)%n", max.messages(), b.accepting(), b.total(), b.fractionString(), b.probability(),
                    max.bestMessageId(), vec(protocol.merlinMessage(max.bestMessageId()).codeword()));
            report.put("max_accept_probability_over_all_merlin", b.probability());
            report.put("max_accept_probability_fraction", b.fractionString());
            report.put("best_merlin_message_id", max.bestMessageId());
            report.put("merlin_messages_enumerated", max.messages());
        }
        report.put("soundness_bound", q.soundnessBound());
        int bps = q.field().bitsPerSymbol();
        out.printf(Locale.ROOT, "Message sizes: Merlin %s = %d bits; each of players 1..%d: ell*T = %s"
                        + " = %d bits; randomness %d bits (%d bits per symbol)%n",
                symbols(q.merlinSymbols()), q.merlinBits(), k - 1, symbols((long) q.reps() * t), q.playerBits(),
                q.randomBits(), bps);
        report.put("merlin_bits", q.merlinBits());
        report.put("player_bits", q.playerBits());
        report.put("random_bits", q.randomBits());
        report.put("bits_per_symbol", bps);
        report.put("code_note", CODE_NOTE);
        return report;
    }

    /** A word in full, or its first 32 symbols when it is longer than 64 and --trace is off. */
    private String vec(int[] word) {
        if (trace || word.length <= 64) {
            return Arrays.toString(word);
        }
        String head = Arrays.toString(Arrays.copyOf(word, 32));
        return head.substring(0, head.length() - 1) + ", ... (" + word.length + " symbols; --trace prints all)]";
    }

    private static String symbols(long n) {
        return n + (n == 1 ? " symbol" : " symbols");
    }

    private static String bits(int[] b) {
        StringBuilder sb = new StringBuilder();
        for (int v : b) {
            sb.append(v);
        }
        return sb.toString();
    }

    private static boolean next(int[] r, int l) {
        for (int j = r.length - 1; j >= 0; j--) {
            if (++r[j] < l) {
                return true;
            }
            r[j] = 0;
        }
        return false;
    }
}
