package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.format.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainCommandTest {
    @TempDir
    Path dir;

    @Test
    void defaultFormulaRunsVerifiedAndWritesTheJsonReport() throws Exception {
        Path report = dir.resolve("r.json");
        Cli.Result r = Cli.run("chain", "--json", report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("SATISFIABLE (verified)"), r::toString);
        assertTrue(r.out().contains("oracle calls:"), r::toString);
        JsonNode j = Json.mapper().readTree(report.toFile());
        assertTrue(j.get("satisfiable").asBoolean());
        assertTrue(j.get("verified").asBoolean());
        assertEquals(9, j.get("assignment").size());
        assertTrue(j.get("oracle_calls").asInt() > 1);
        for (JsonNode s : j.get("stages")) {
            assertEquals("passed", s.get("check").asText(), s.toString());
            assertTrue(s.has("name") && s.has("seconds") && s.get("sizes").isObject() && s.has("detail"), s::toString);
        }
    }

    @Test
    void unsatisfiableFormulaIsReportedVerified() {
        Cli.Result r = Cli.run("chain", "instances/php-4-3.cnf", "--order", "2");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("UNSATISFIABLE (verified)"), r::toString);
    }

    @Test
    void malformedFormulaExitsThreeWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.cnf");
        Files.writeString(bad, "p cnf 2 1\n1 3 0\n");
        Cli.Result r = Cli.run("chain", bad.toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("hardchain: " + bad + ":2:"), r::toString);
    }

    @Test
    void orderBelowTwoIsAUsageError() {
        Cli.Result r = Cli.run("chain", "--order", "1");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    @Test
    void weakPolynomialOracleMakesTheChainExitNonZeroAndSayNotVerified() {
        Cli.Result r = Cli.run("chain", "instances/random3-n9-sat.cnf", "--order", "2", "--block-size", "1",
                "--oracle", "poly", "--degree", "1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("NOT VERIFIED"), r::toString);
        assertTrue(!r.out().contains("(verified)"), r::toString);
        assertTrue(r.err().contains("chain NOT verified at stage"), r::toString);
    }

    @Test
    void externalOutputOfTheWrongShapeIsRejectedWithTheExpectedShape() throws Exception {
        Path bad = dir.resolve("bad.npy");
        org.hardchain.format.Npy.writeMatrix(bad, org.hardchain.attention.Matrix.zeros(3, 1), false);
        Cli.Result r = Cli.run("chain", "--order", "2", "--oracle", "external", "--external-output", bad.toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().contains("expected an output of shape ("), r::toString);
        assertTrue(Files.exists(dir.resolve("o/oracle/call-0/request.json")), r::toString);
    }

    @Test
    void polyOracleNeedsExactlyOneOfDegreeAndEpsilon() {
        Cli.Result r = Cli.run("chain", "--oracle", "poly");
        assertEquals(2, r.exitCode(), r::toString);
    }

    @Test
    void outKeepsEveryIntermediateFile() throws Exception {
        Path out = dir.resolve("keep");
        Cli.Result r = Cli.run("chain", "instances/random3-n9-unsat.cnf", "--order", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("UNSATISFIABLE (verified)"), r::toString);
        for (String f : new String[] {"instance.ov", "instance.maxip", "attention/Q.npy", "attention/K1.npy",
            "attention/V1.npy", "attention/attention.json", "report.json"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }
}
