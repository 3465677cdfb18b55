package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.format.OvFormat;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.MaxIpRegime;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.util.Progress;
import org.hardchain.util.ResourceLimitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain ov2maxip FILE.ov --block-size W -o FILE.maxip}: Theorem 4.7, generalized (THEORY §8). */
@Command(name = "ov2maxip",
        header = "Reduce a k-OV instance to Gap-k-MaxIP (Theorem 4.7, THEORY §8).", mixinStandardHelpOptions = true,
        description = {"Reduces a k-OV instance to Gap-k-MaxIP through the (k+1)-party Merlin-Arthur protocol",
            "(Alman & Song 2023, Theorem 4.7, generalized to order k; THEORY §8), with support compression.",
            "Prints the parameter report (sizes, t, eps, density, and the Lemma B.1 regime quantities)",
            "before building; refuses when the estimate is above --max-bytes."})
public final class Ov2MaxIpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ov", description = "The k-OV instance.")
    Path input;

    @Option(names = "--block-size", required = true, paramLabel = "W", description = "w, the protocol's block size.")
    int blockSize;

    @Mixin
    CodeOptions code;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Refuse when the construction would need more memory (default: ${DEFAULT-VALUE}).")
    long maxBytes = OvToMaxIp.DEFAULT_MAX_BYTES;

    @Option(names = "--threads", paramLabel = "N", description = "Threads building Alice's vectors (default: all processors).")
    Integer threads;

    @Option(names = "--gamma", paramLabel = "G", description = "The separation gamma of Lemma B.1 used in the report (default: ${DEFAULT-VALUE}).")
    double gamma = MaxIpRegime.DEFAULT_GAMMA;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.maxip", description = "Where to write the instance.")
    Path output;

    @Option(names = "--json", paramLabel = "R", description = "Write the parameter report as JSON to R.")
    Path json;

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + t + "' for '--threads': must be >= 1");
        }
        if (!(gamma >= 2)) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + gamma + "' for '--gamma': must be >= 2");
        }
        OvInstance ov = OvFormat.read(input);
        ProtocolParameters params = code.parameters(ov.order(), ov.dimension(), blockSize);
        long start = System.nanoTime();
        OvToMaxIp red = OvToMaxIp.of(ov, params, maxBytes);
        OvToMaxIp.Estimate e = red.estimate();
        MaxIpRegime regime = e.regime(gamma);
        PrintWriter out = spec.commandLine().getOut();
        int k = ov.order();
        StringBuilder sizes = new StringBuilder();
        for (int p = 0; p < k; p++) {
            sizes.append(p == 0 ? "" : " ").append(ov.size(p));
        }
        out.printf(Locale.ROOT, "k-OV %s: k = %d, m = %d, set sizes %s%n", input, k, ov.dimension(), sizes);
        out.printf(Locale.ROOT, "protocol: w = %d, T = %d, L = %d, ell = %d, p = %d (Reed-Solomon: p >= L, the alphabet grows"
                + " with L); Merlin %d bits, each key player %d bits%n", params.blockSize(), params.blocks(),
                params.length(), params.reps(), params.prime(), params.merlinBits(), params.playerBits());
        StringBuilder keys = new StringBuilder();
        for (int p = 1; p < k; p++) {
            keys.append(String.format(Locale.ROOT, ", |B_%d| = %d", p, ov.size(p)));
        }
        out.printf(Locale.ROOT, "Gap-%d-MaxIP: |A'| = |A| p^{(k-1)(w-1)} = %d x %d = %d%s%n", k, e.aliceVectors(),
                e.merlinMessages(), e.aliceRows(), keys);
        out.printf(Locale.ROOT, "  D' = %d after support compression (L^ell p^{(k-1) ell T} = %s without)%n",
                e.dimension(), ResourceLimitException.human(e.uncompressedDimension()));
        out.printf(Locale.ROOT, "  t = L^ell = %d, 1 - eps = (k(w-1))^ell / L^ell = %s, eps = %s (%.4f)%n", e.threshold(),
                e.oneMinusEps(), e.oneMinusEps().oneMinus(), e.oneMinusEps().oneMinus().value());
        out.printf(Locale.ROOT, "  estimate: key ones %d, Alice ones <= %s, density <= %.4g, memory <= %s bytes (limit %s)%n",
                e.keyOnes(), ResourceLimitException.human(e.aliceOnesBound()), e.densityBound(),
                ResourceLimitException.human(e.bytes()), ResourceLimitException.human(maxBytes));
        out.printf(Locale.ROOT, "  regime: n = %d, D'/log2 n = %.3g; Lemma B.1 (gamma = %s): R_t = %s, lambda = %.4g, h = %d,"
                + " d = D' + h = %.0f, entry bound B = (d lambda)^{1/k} = %.4g = %.3g (ln R_t)^{1/k}, oracle accuracy eps_a < %.4g%n",
                regime.n(), regime.dOverLog2n(), fmt(gamma), ResourceLimitException.human(regime.keyTuples()),
                regime.lambda(), regime.h(), regime.width(), regime.entryBound(), regime.entryBoundRatio(),
                regime.oracleAccuracy());
        out.flush();
        MaxIpInstance inst;
        try (Progress progress = Progress.start("ov2maxip", 2 * (long) Math.pow(params.length(), params.reps()) * ov.size(0))) {
            inst = red.build(maxBytes, t, progress);
        }
        MaxIpFormat.write(output, inst);
        double secs = (System.nanoTime() - start) / 1e9;
        long ones = inst.ones();
        double cells = (double) inst.dimension() * (e.aliceRows() + java.util.Arrays.stream(e.keySizes()).sum());
        double density = cells == 0 ? 0 : ones / cells;
        out.printf(Locale.ROOT, "built: %d ones, density %.4g, %.3f s; wrote %s%n", ones, density, secs, output);
        if (json != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("input", input.toString());
            rep.put("output", output.toString());
            rep.put("protocol", params.toMap());
            rep.put("alice_vectors", e.aliceVectors());
            rep.put("merlin_messages", e.merlinMessages());
            rep.put("alice_rows", e.aliceRows());
            rep.put("key_sizes", e.keySizes());
            rep.put("dimension", e.dimension());
            rep.put("uncompressed_dimension", e.uncompressedDimension());
            rep.put("t", e.threshold());
            rep.put("eps", e.oneMinusEps().oneMinus().value());
            rep.put("eps_fraction", e.oneMinusEps().oneMinus().toString());
            rep.put("one_minus_eps_fraction", e.oneMinusEps().toString());
            rep.put("key_ones", e.keyOnes());
            rep.put("alice_ones_bound", e.aliceOnesBound());
            rep.put("bytes_estimate", e.bytes());
            rep.put("ones", ones);
            rep.put("density", density);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("n", regime.n());
            r.put("dimension_over_log2_n", nullIfNaN(regime.dOverLog2n()));
            r.put("gamma", regime.gamma());
            r.put("key_tuples", regime.keyTuples());
            r.put("lambda", nullIfNaN(regime.lambda()));
            r.put("h", regime.h());
            r.put("width", nullIfNaN(regime.width()));
            r.put("entry_bound", nullIfNaN(regime.entryBound()));
            r.put("entry_bound_over_log_root", nullIfNaN(regime.entryBoundRatio()));
            r.put("oracle_accuracy", nullIfNaN(regime.oracleAccuracy()));
            rep.put("regime", r);
            rep.put("seconds", secs);
            Json.write(json, rep);
        }
        return ExitCodes.OK;
    }

    private static Object nullIfNaN(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
