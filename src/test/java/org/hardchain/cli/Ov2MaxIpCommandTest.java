package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.format.OvFormat;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.ov.FastOvSolver;
import org.hardchain.ov.OvGenerators;
import org.hardchain.ov.OvInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ov2MaxIpCommandTest {

    private static Path ovFile(Path dir, OvInstance ov) throws Exception {
        Path f = dir.resolve("in.ov");
        OvFormat.write(f, ov, List.of("test instance"));
        return f;
    }

    @Test
    void reductionThenSolveFindsExactlyTheVectorsWithAPartner(@TempDir Path dir) throws Exception {
        long seed = 11;
        OvInstance ov = OvGenerators.planted(10, new int[] {6, 4, 4}, 0.8, seed).instance();
        Path in = ovFile(dir, ov);
        Path out = dir.resolve("out.maxip");
        Path rep = dir.resolve("rep.json");
        Cli.Result r = Cli.run("ov2maxip", in.toString(), "--block-size", "2", "--reps", "2", "-o", out.toString(),
                "--json", rep.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("t = L^ell = 36, 1 - eps = (k(w-1))^ell / L^ell = 1/4"), r::toString);
        assertTrue(r.out().contains("entry bound B"), r::toString);
        JsonNode j = Json.mapper().readTree(rep.toFile());
        assertEquals(36, j.get("t").asLong());
        assertEquals(0.75, j.get("eps").asDouble());
        assertEquals("1/4", j.get("one_minus_eps_fraction").asText());
        assertEquals(6 * 49, j.get("alice_rows").asLong(), "p = 7: P = 7^2");
        assertEquals(7, j.get("protocol").get("prime").asLong());
        assertTrue(j.get("regime").get("entry_bound").asDouble() > 0);
        MaxIpInstance inst = MaxIpFormat.read(out);
        assertEquals(j.get("dimension").asLong(), inst.dimension());
        assertEquals(j.get("ones").asLong(), inst.ones());

        Path sol = dir.resolve("sol.json");
        r = Cli.run("maxip", "solve", out.toString(), "--json", sol.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode s = Json.mapper().readTree(sol.toFile());
        assertEquals(0, s.get("gap_rows").asInt(), "every row is yes or no");
        boolean[] partner = new FastOvSolver().hasPartner(ov);
        assertEquals(6, s.get("sources").size());
        int yes = 0;
        for (JsonNode src : s.get("sources")) {
            assertEquals(partner[src.get("source").asInt()], src.get("yes").asBoolean(), "seed " + seed + " " + src);
            yes += src.get("yes").asBoolean() ? 1 : 0;
        }
        assertTrue(yes > 0 && yes < 6, "seed " + seed + ": both cases occur, yes = " + yes);
    }

    @Test
    void infeasibleParametersAreUsageErrors(@TempDir Path dir) throws Exception {
        Path in = ovFile(dir, OvGenerators.random(10, new int[] {2, 2}, 0.5, 1));
        Path out = dir.resolve("o.maxip");
        Cli.Result r = Cli.run("ov2maxip", in.toString(), "--block-size", "2", "--length", "2", "-o", out.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("length L = 2 must be >= k(w-1)+1 = 3"), r::toString);
        r = Cli.run("ov2maxip", in.toString(), "--block-size", "2", "--prime", "5", "-o", out.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("prime p = 5"), r::toString);
        r = Cli.run("ov2maxip", in.toString(), "-o", out.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--block-size"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void byteLimitRefusesWithTheEstimateAndWritesNothing(@TempDir Path dir) throws Exception {
        Path in = ovFile(dir, OvGenerators.random(10, new int[] {3, 3, 3}, 0.5, 2));
        Path out = dir.resolve("o.maxip");
        Cli.Result r = Cli.run("ov2maxip", in.toString(), "--block-size", "2", "--max-bytes", "2000", "-o", out.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("would need about") && r.err().contains("--max-bytes"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedOvFileExitsThree(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.ov");
        Files.writeString(in, "p ov 2 3 1 1\nv 012\nv 000\n");
        Cli.Result r = Cli.run("ov2maxip", in.toString(), "--block-size", "1", "-o", dir.resolve("o.maxip").toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().contains("bad.ov:2:"), r::toString);
    }
}
