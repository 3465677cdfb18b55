package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.maxip.MaxIpInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain maxip2attention FILE.maxip -o DIR}: Lemma B.1, Gap-k-MaxIP to order-k attention. */
@Command(name = "maxip2attention", mixinStandardHelpOptions = true,
        description = {"Turns a Gap-k-MaxIP instance into order-k attention (Lemma B.1 of Alman & Song 2023,",
            "generalized; THEORY §9) and writes DIR/Q.npy, K1.npy.., V1.npy.. and DIR/attention.json",
            "(theta, eps_a, scale, row provenance). Row i is YES iff Att[i][0] > theta. Prints both",
            "constructions' parameters side by side."})
public final class MaxIp2AttentionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.maxip", description = "The instance.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output directory.")
    Path dir;

    @Option(names = "--construction", paramLabel = "reference|paper", defaultValue = "reference",
            description = "Which construction to write (default: ${DEFAULT-VALUE}).")
    String construction;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "4",
            description = "Separation x_yes / x_no >= 2 (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "2147483648",
            description = "Refuse when Q would exceed N bytes (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--json", paramLabel = "R", description = "Also write both constructions' parameters to R.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Construction c = Construction.parse(construction);
        MaxIpInstance inst = MaxIpFormat.read(file);
        List<Map<String, Object>> both = LemmaB1.sideBySide(inst, gamma);
        AttentionReduction red = AttentionReduction.of(inst, c, gamma);
        red.write(dir, maxBytes);
        PrintWriter out = spec.commandLine().getOut();
        out.println(inst);
        out.printf(Locale.ROOT, "%-32s %22s %22s%n", "Lemma B.1 (gamma = " + gamma + ")", "reference", "paper");
        for (String key : both.get(0).keySet()) {
            if (key.equals("construction") || key.equals("order") || key.equals("sizes")) {
                continue;
            }
            out.printf(Locale.ROOT, "%-32s %22s %22s%n", key, show(both.get(0).get(key)), show(both.get(1).get(key)));
        }
        String extra = "padding_rows_for_constant_eps_a";
        out.printf(Locale.ROOT, "%-32s %22s %22s%n", extra, "-", show(both.get(1).get(extra)));
        out.printf(Locale.ROOT, "wrote %s (%s construction): Q %dx%d; row i is YES iff Att[i][0] > theta = %.17g%n",
                dir, c.id(), red.queryRows(), red.design().width(), red.threshold().theta());
        out.flush();
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("input", file.toString());
            report.put("written", c.id());
            report.put("constructions", both);
            Json.write(json, report);
        }
        return ExitCodes.OK;
    }

    private static String show(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        if (v instanceof long[] a) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : "x").append(a[i]);
            }
            return s.toString();
        }
        if (v instanceof int[] a) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : "x").append(a[i]);
            }
            return s.length() == 0 ? "-" : s.toString();
        }
        return String.valueOf(v);
    }
}
