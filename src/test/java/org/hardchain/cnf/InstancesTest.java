package org.hardchain.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hardchain.cli.Cli;
import org.hardchain.format.Dimacs;
import org.junit.jupiter.api.Test;

/** instances/README.md's table against the files in instances/. */
class InstancesTest {
    private static final Path DIR = Path.of("instances");

    /** One row of the table. */
    record Row(String file, int variables, int clauses, boolean satisfiable, String command) {
    }

    static Map<String, Row> table() throws IOException {
        Map<String, Row> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DIR.resolve("README.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // cells[0] is empty (before the first bar).
            String file = cells[1].strip().replace("`", "");
            String sat = cells[4].strip();
            assertTrue(sat.equals("yes") || sat.equals("no"), line);
            rows.put(file, new Row(file, Integer.parseInt(cells[2].strip()), Integer.parseInt(cells[3].strip()),
                    sat.equals("yes"), cells[5].strip().replace("`", "")));
        }
        return rows;
    }

    @Test
    void everyInstanceIsInTheTableWithItsCountsAndSatisfiability() throws IOException {
        Map<String, Row> rows = table();
        List<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cnf")).sorted().toList();
        }
        assertEquals(new TreeSet<>(files), rows.keySet(), "files in instances/ vs rows of its README");
        assertTrue(files.contains("default.cnf"));
        for (String name : files) {
            Row row = rows.get(name);
            Cnf f = Dimacs.read(DIR.resolve(name));
            assertEquals(row.variables(), f.numVariables(), name);
            assertEquals(row.clauses(), f.numClauses(), name);
            assertEquals(row.satisfiable(), Sat4jSolver.isSatisfiable(f), name);
            if (f.numVariables() <= 20) {
                assertEquals(row.satisfiable(), BruteForceSat.isSatisfiable(f), name);
            }
        }
    }

    @Test
    void everyInstanceIsExactlyWhatItsCommandWrites() throws IOException {
        for (Row row : table().values()) {
            List<String> args = new ArrayList<>(Arrays.asList(row.command().split(" ")));
            assertEquals("hardchain", args.remove(0), row.command());
            int o = args.indexOf("-o");
            assertEquals("instances/" + row.file(), args.get(o + 1), row.command());
            args.subList(o, o + 2).clear();
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), row.command() + "\n" + r);
            assertEquals(Files.readString(DIR.resolve(row.file())), r.out(), row.command());
        }
    }

    @Test
    void defaultFormulaIsASmallSatisfiableRandomThreeCnf() throws IOException {
        Cnf f = Dimacs.read(DIR.resolve("default.cnf"));
        assertEquals(9, f.numVariables());
        assertTrue(Math.abs(f.numClauses() / 9.0 - 4.26) < 0.1, f.toString());
        for (int c = 0; c < f.numClauses(); c++) {
            assertEquals(3, f.clauseLength(c));
        }
        assertTrue(Sat4jSolver.isSatisfiable(f));
    }
}
