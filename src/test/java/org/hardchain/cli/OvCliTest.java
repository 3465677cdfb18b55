package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.format.Dimacs;
import org.hardchain.format.Json;
import org.hardchain.format.OvFormat;
import org.hardchain.ov.NaiveOvSolver;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvCliTest {
    @TempDir
    Path dir;

    private JsonNode readJson(Path p) throws IOException {
        return Json.mapper().readTree(p.toFile());
    }

    @Test
    void solveReportsTheFirstOrthogonalTupleAsJson() throws IOException {
        Path f = dir.resolve("a.ov");
        Files.writeString(f, "p ov 2 2 2 2\nv 11\nv 10\nv 11\nv 01\n");
        Path r = dir.resolve("r.json");
        Cli.Result res = Cli.run("ov", "solve", f.toString(), "--json", r.toString(), "--count", "--partners");
        assertEquals(0, res.exitCode(), res::toString);
        assertTrue(res.out().contains("orthogonal tuple: [1, 1]"), res::toString);
        JsonNode j = readJson(r);
        assertTrue(j.get("orthogonal").asBoolean());
        assertEquals("[1,1]", j.get("tuple").toString());
        assertEquals(1, j.get("count").asLong());
        assertEquals("[false,true]", j.get("partners").toString());
    }

    @Test
    void solveWithoutTupleReportsNullAndNaiveAgrees() throws IOException {
        Path f = dir.resolve("b.ov");
        Files.writeString(f, "c no tuple\np ov 3 1 1 2 1\nv 1\nv 1\nv 1\nv 1\n");
        for (String mode : List.of("--threads=2", "--naive")) {
            Path r = dir.resolve("r" + mode.length() + ".json");
            Cli.Result res = Cli.run("ov", "solve", f.toString(), "--json", r.toString(), mode);
            assertEquals(0, res.exitCode(), res::toString);
            assertTrue(res.out().contains("no orthogonal tuple"), res::toString);
            JsonNode j = readJson(r);
            assertFalse(j.get("orthogonal").asBoolean());
            assertTrue(j.get("tuple").isNull());
        }
    }

    @Test
    void malformedOvFileIsOneLineWithExitThree() throws IOException {
        Path f = dir.resolve("bad.ov");
        Files.writeString(f, "p ov 2 3 1 1\nv 012\nv 000\n");
        Cli.Result res = Cli.run("ov", "solve", f.toString());
        assertEquals(3, res.exitCode(), res::toString);
        assertEquals(1, res.err().strip().lines().count(), res::toString);
        assertTrue(res.err().contains(f + ":2: coordinate 2 is '2', expected 0 or 1"), res::toString);
        Cli.Result missing = Cli.run("ov", "solve", dir.resolve("nope.ov").toString());
        assertEquals(3, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no such file"), missing::toString);
    }

    @Test
    void genPrintsTheSeedAndIsReproducible() throws IOException {
        Path a = dir.resolve("g1.ov");
        Path b = dir.resolve("g2.ov");
        Cli.Result r1 = Cli.run("ov", "gen", "-k", "3", "-m", "40", "-n", "10", "--density", "0.7", "--seed", "42", "-o", a.toString());
        Cli.Result r2 = Cli.run("ov", "gen", "--sizes", "10,10,10", "-m", "40", "--density", "0.7", "--seed", "42", "-o", b.toString());
        assertEquals(0, r1.exitCode(), r1::toString);
        assertEquals(0, r2.exitCode(), r2::toString);
        assertTrue(r1.out().contains("seed: 42"), r1::toString);
        assertEquals(OvFormat.read(a), OvFormat.read(b));
        Cli.Result r3 = Cli.run("ov", "gen", "-m", "5", "-n", "3", "-o", dir.resolve("g3.ov").toString());
        assertEquals(0, r3.exitCode(), r3::toString);
        assertTrue(r3.out().matches("(?s).*seed: -?\\d+.*"), r3::toString);
    }

    @Test
    void genPlantedTupleIsRecordedAndFound() throws IOException {
        Path a = dir.resolve("p.ov");
        Cli.Result r = Cli.run("ov", "gen", "-k", "4", "-m", "60", "-n", "6", "--density", "0.9", "--plant", "--seed", "7", "-o", a.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String planted = r.out().lines().filter(l -> l.startsWith("planted orthogonal tuple: ")).findFirst().orElseThrow();
        assertTrue(Files.readString(a).contains("c " + planted), "the file records the planted tuple");
        String inside = planted.substring(planted.indexOf('[') + 1, planted.indexOf(']'));
        int[] t = java.util.Arrays.stream(inside.split(", ")).mapToInt(Integer::parseInt).toArray();
        assertTrue(OvFormat.read(a).isOrthogonal(t));
    }

    @Test
    void genRejectsInfeasibleParametersWithExitTwo() {
        for (String[] args : List.of(
                new String[] {"ov", "gen", "-m", "5", "-n", "3", "--density", "1.5", "-o", "x.ov"},
                new String[] {"ov", "gen", "-m", "-1", "-n", "3", "-o", "x.ov"},
                new String[] {"ov", "gen", "-m", "5", "--sizes", "3", "-o", "x.ov"},
                new String[] {"ov", "gen", "-m", "5", "--sizes", "3,0", "--plant", "-o", "x.ov"},
                new String[] {"ov", "gen", "-m", "5", "-o", "x.ov"},
                new String[] {"ov", "gen", "-m", "100000", "-n", "100000", "-o", "x.ov"})) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
        }
    }

    @Test
    void sat2ovWritesTheReductionWithGroupComments() throws IOException {
        Cnf f = CnfGenerators.randomKCnf(10, 30, 3, 5);
        Path cnf = dir.resolve("f.cnf");
        Dimacs.write(cnf, f, List.of("test"));
        Path ov = dir.resolve("f.ov");
        Cli.Result r = Cli.run("sat2ov", cnf.toString(), "--order", "3", "-o", ov.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String text = Files.readString(ov);
        assertTrue(text.contains("c group 0: variables 1..4 (16 vectors)"), text.substring(0, 400));
        assertTrue(text.contains("c group 2: variables 8..10 (8 vectors)"), text.substring(0, 400));
        OvInstance inst = OvFormat.read(ov);
        assertEquals(SatToOv.of(f, 3).instance(), inst);
        assertEquals(Sat4jSolver.solve(f).isPresent(), new NaiveOvSolver().findTuple(inst).isPresent());
    }

    @Test
    void sat2ovRefusesHugeSetsAndBadOrder() throws IOException {
        Path cnf = dir.resolve("big.cnf");
        Dimacs.write(cnf, CnfGenerators.randomKCnf(60, 10, 3, 1), List.of());
        Cli.Result r = Cli.run("sat2ov", cnf.toString(), "--order", "2", "-o", dir.resolve("x.ov").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("2^30") && r.err().contains("raise"), r::toString);
        Cli.Result r2 = Cli.run("sat2ov", cnf.toString(), "--order", "1", "-o", dir.resolve("x.ov").toString());
        assertEquals(2, r2.exitCode(), r2::toString);
        assertFalse(Files.exists(dir.resolve("x.ov")));
    }
}
