package org.hardchain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hardchain.cnf.BruteForceSat;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.format.Dimacs;
import org.hardchain.format.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hardchain sat solve FILE [--json R]}: decides a DIMACS formula. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {
            "Decides a DIMACS CNF formula and prints 's SATISFIABLE' with the model as a",
            "'v' line of DIMACS literals ended by 0, or 's UNSATISFIABLE'.",
            "The file is read strictly (FILE:LINE errors, exit 3); every model is checked",
            "against the formula by our own evaluator before it is printed."})
public final class SatSolveCommand implements Callable<Integer> {
    /** The solvers the command can use. */
    enum Solver { sat4j, brute }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The DIMACS CNF file.")
    Path file;

    @Option(names = "--json", paramLabel = "R",
            description = "Also write {\"satisfiable\": bool, \"assignment\": [literals] or null} to file R.")
    Path json;

    @Option(names = "--solver", paramLabel = "S", defaultValue = "sat4j",
            description = "sat4j (CDCL, default) or brute (all 2^N assignments, N <= 30).")
    Solver solver;

    @Override
    public Integer call() throws Exception {
        Cnf f = Dimacs.read(file);
        Optional<boolean[]> model = solver == Solver.brute ? BruteForceSat.solve(f) : Sat4jSolver.solve(f);
        PrintWriter out = spec.commandLine().getOut();
        if (model.isPresent()) {
            out.println("s SATISFIABLE");
            StringBuilder v = new StringBuilder("v");
            for (int lit : Cnf.toDimacsLiterals(model.get())) {
                v.append(' ').append(lit);
            }
            out.println(v.append(" 0"));
        } else {
            out.println("s UNSATISFIABLE");
        }
        out.flush();
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("satisfiable", model.isPresent());
            report.put("assignment", model.map(Cnf::toDimacsLiterals).orElse(null));
            Json.write(json, report);
        }
        return ExitCodes.OK;
    }
}
