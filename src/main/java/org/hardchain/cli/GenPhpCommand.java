package org.hardchain.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hardchain gen php}: the pigeonhole formula PHP(H+1, H). */
@Command(name = "php", mixinStandardHelpOptions = true,
        description = {"The pigeonhole formula PHP(H+1, H) (unsatisfiable).",
            "H+1 pigeons in H holes.",
            "Variable i*H + j + 1 says pigeon i (0..H) sits in hole j (0..H-1); the clauses say",
            "each pigeon sits somewhere and no two share a hole. Deterministic: no seed."})
public final class GenPhpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--holes", paramLabel = "H", required = true, description = "Number of holes H (>= 0).")
    int holes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Cnf f = CnfGenerators.pigeonhole(holes);
        List<String> header = List.of(
                "hardchain gen php --holes " + holes,
                "pigeonhole PHP(" + (holes + 1) + ", " + holes + "): " + f.numVariables() + " variables, "
                        + f.numClauses() + " clauses, unsatisfiable; variable i*" + holes
                        + "+j+1 = pigeon i in hole j");
        GenCommand.emit(spec, output, f, header);
        return ExitCodes.OK;
    }
}
