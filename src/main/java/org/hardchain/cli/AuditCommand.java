package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.experiment.ParameterAudit;
import org.hardchain.format.Dimacs;
import org.hardchain.format.Json;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.maxip.OvToMaxIp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain audit}: the chain's attention parameters beside the theorem's regime ({@link ParameterAudit}). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {
            "Parameter audit of SAT -> k-OV -> Gap-k-MaxIP -> attention (Lemma B.1): n, d,",
            "B and eps_a of the attention instances the chain builds (both constructions),",
            "beside the lower bound's regime d = O(log n), B = Theta((log n)^(1/k)),",
            "eps_a = 1/poly(n). One row per block size w and construction; nothing big is",
            "built.",
            "",
            "  audit FILE.cnf [--order K] [--block-size W1,W2,..] [--length L] [--reps ELL]",
            "        [--prime P] [--gamma G] [--json R]"},
        sortOptions = false)
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.cnf", description = "DIMACS CNF formula.")
    Path input;

    @Option(names = "--order", paramLabel = "K", defaultValue = "3", description = "Order k (default ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--block-size", paramLabel = "W", split = ",", defaultValue = "1,2,3",
            description = "Protocol block sizes w (default ${DEFAULT-VALUE}).")
    List<Integer> blockSizes;

    @Mixin
    CodeOptions code;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "" + LemmaB1.DEFAULT_GAMMA,
            description = "Separation gamma of Lemma B.1 (default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + OvToMaxIp.DEFAULT_MAX_BYTES,
            description = "Refuse when the protocol analysis would need more memory (default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--json", paramLabel = "R", description = "Write the audit as JSON to R.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Cnf formula = Dimacs.read(input);
        List<ParameterAudit.Row> rows = ParameterAudit.of(formula, order, blockSizes, code.length, code.reps, code.prime, gamma,
                maxBytes);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: N=%d variables, m=%d clauses, k=%d, k-OV sets %s; gamma=%.3g%n", input,
                formula.numVariables(), formula.numClauses(), order,
                java.util.Arrays.toString(rows.isEmpty() ? new int[0] : rows.get(0).ovSizes()), gamma);
        out.printf(Locale.ROOT, "%3s %4s %3s %6s %-9s %10s %10s %8s %6s %8s %8s %10s %9s %14s %16s%n", "w", "L",
                "ell", "p", "construct", "n_q=|A'|", "n", "D'", "h", "d", "B", "eps_a", "d/log2 n", "B/(ln n)^(1/k)",
                "ln(1/eps_a)/ln n");
        for (ParameterAudit.Row r : rows) {
            out.printf(Locale.ROOT, "%3d %4d %3d %6d %-9s %10d %10d %8d %6d %8.4g %8.4g %10.3g %9.3g %14.3g %16.3g%n",
                    r.blockSize(), r.length(), r.reps(), r.prime(), r.design().construction().id(), r.aliceRows(),
                    r.n(), r.maxIpDimension(), r.design().h(), r.d(), r.entryBound(), r.epsA(), r.dOverLogN(),
                    r.bOverLogRoot(), r.epsAExponent());
        }
        out.println("The theorem keeps d/log2 n, B/(ln n)^(1/k) and ln(1/eps_a)/ln n bounded as n grows;"
                + " with Reed-Solomon codes the alphabet p grows with L, and so do D' and d.");
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("input", input.toString());
            report.put("order", order);
            report.put("variables", formula.numVariables());
            report.put("clauses", formula.numClauses());
            List<Map<String, Object>> list = new ArrayList<>();
            for (ParameterAudit.Row r : rows) {
                list.add(r.toMap());
            }
            report.put("instances", list);
            Json.write(json, report);
            out.println("wrote " + json);
        }
        return 0;
    }
}
