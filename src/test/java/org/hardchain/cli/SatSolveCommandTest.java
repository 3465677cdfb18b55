package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.cnf.Cnf;
import org.hardchain.format.Dimacs;
import org.hardchain.format.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SatSolveCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hardchain.format.DimacsMalformedTest#cases")
    void malformedFileIsOneLineWithFileLineAndMessageAndExitThree(String name, String text, int line,
            String problem) throws IOException {
        Path p = file("bad.cnf", text);
        Cli.Result r = Cli.run("sat", "solve", p.toString());
        assertEquals(3, r.exitCode(), name + "\n" + r);
        String where = line > 0 ? p + ":" + line + ": " : p + ": ";
        assertEquals("hardchain: " + where + problem + System.lineSeparator(), r.err(), name + "\n" + r);
        assertEquals("", r.out(), name);
    }

    @Test
    void missingFileIsExitThree() {
        Cli.Result r = Cli.run("sat", "solve", dir.resolve("nope.cnf").toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().contains("nope.cnf: no such file"), r::toString);
    }

    @Test
    void satisfiableFormulaPrintsCheckedModelAndJson() throws IOException {
        Path p = file("s.cnf", "c x\np cnf 4 3\n1 2 0\n-1 0\n-2 3 0\n");
        Path json = dir.resolve("r.json");
        Cli.Result r = Cli.run("sat", "solve", p.toString(), "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String[] lines = r.out().split("\\R");
        assertEquals("s SATISFIABLE", lines[0], r::toString);
        assertTrue(lines[1].startsWith("v -1 2 3 ") && lines[1].endsWith(" 0"), r::toString);
        JsonNode n = Json.mapper().readTree(json.toFile());
        assertTrue(n.get("satisfiable").asBoolean());
        assertEquals(4, n.get("assignment").size());
        boolean[] a = new boolean[4];
        for (int v = 0; v < 4; v++) {
            int lit = n.get("assignment").get(v).asInt();
            assertEquals(v + 1, Math.abs(lit));
            a[v] = lit > 0;
        }
        assertTrue(Dimacs.read(p).isSatisfiedBy(a));
        java.util.List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(java.util.List.of("satisfiable", "assignment"), keys);
    }

    @Test
    void unsatisfiableFormulaPrintsUnsatAndNullAssignment() throws IOException {
        Path p = file("u.cnf", "p cnf 2 4\n1 2 0\n-1 2 0\n1 -2 0\n-1 -2 0\n");
        Path json = dir.resolve("u.json");
        for (String solver : new String[] {"sat4j", "brute"}) {
            Cli.Result r = Cli.run("sat", "solve", p.toString(), "--json", json.toString(), "--solver", solver);
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("s UNSATISFIABLE" + System.lineSeparator(), r.out(), r::toString);
            JsonNode n = Json.mapper().readTree(json.toFile());
            assertFalse(n.get("satisfiable").asBoolean());
            assertTrue(n.get("assignment").isNull());
        }
    }

    @Test
    void emptyFormulaAndEmptyClauseAreSolved() throws IOException {
        Cli.Result r = Cli.run("sat", "solve", file("e.cnf", "p cnf 0 0\n").toString());
        assertEquals("s SATISFIABLE" + System.lineSeparator() + "v 0" + System.lineSeparator(), r.out(), r::toString);
        Cli.Result u = Cli.run("sat", "solve", file("z.cnf", "p cnf 3 1\n0\n").toString());
        assertEquals("s UNSATISFIABLE" + System.lineSeparator(), u.out(), u::toString);
    }

    @Test
    void hugeHeaderIsACleanUsageErrorNotAnOutOfMemory() throws IOException {
        Cli.Result r = Cli.run("sat", "solve", file("h.cnf", "p cnf 2000000000 1\n1 -7 0\n").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().contains("2000000000 variables"), r::toString);
    }

    @Test
    void bruteSolverRefusesLargeFormulasWithUsageError() throws IOException {
        Path p = dir.resolve("big.cnf");
        Dimacs.write(p, Cnf.of(31, new int[] {1}), java.util.List.of());
        Cli.Result r = Cli.run("sat", "solve", p.toString(), "--solver", "brute");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("N = 31"), r::toString);
    }
}
