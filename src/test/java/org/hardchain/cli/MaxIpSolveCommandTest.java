package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.Ratio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxIpSolveCommandTest {

    private static Path handInstance(Path dir) throws Exception {
        // t = 4, 1 - eps = 1/4: Alice 0 meets key tuple (1,0) on all four coordinates.
        MaxIpInstance inst = MaxIpInstance.builder(3, 8, 4, Ratio.of(1, 4))
                .alice(0, 2, new int[] {0, 1, 2, 3})
                .alice(1, 0, new int[] {4, 5})
                .alice(1, 1, new int[] {0, 6})
                .key(1, 0, new int[] {0, 4})
                .key(1, 1, new int[] {0, 1, 2, 3})
                .key(2, 0, new int[] {0, 1, 2, 3, 4})
                .build();
        Path f = dir.resolve("hand.maxip");
        MaxIpFormat.write(f, inst);
        return f;
    }

    @Test
    void solveReportsMaximaArgMaxAndYesPerRowInJson(@TempDir Path dir) throws Exception {
        Path f = handInstance(dir);
        for (String mode : new String[] {"--threads=2", "--naive"}) {
            Path rep = dir.resolve("r.json");
            Cli.Result r = Cli.run("maxip", "solve", f.toString(), mode, "--json", rep.toString());
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("source 0: YES, max 4"), r::toString);
            assertTrue(r.out().contains("source 1: no, max 1"), r::toString);
            JsonNode j = Json.mapper().readTree(rep.toFile());
            assertEquals(4, j.get("t").asInt());
            assertEquals(0.75, j.get("eps").asDouble());
            assertEquals(1, j.get("no_max").asInt());
            assertEquals(3, j.get("rows").size());
            JsonNode row0 = j.get("rows").get(0);
            assertEquals(0, row0.get("source").asInt());
            assertEquals(2, row0.get("merlin").asLong());
            assertEquals(4, row0.get("max").asInt());
            assertEquals("[1,0]", row0.get("argmax").toString());
            assertTrue(row0.get("yes").asBoolean());
            assertEquals(1, j.get("rows").get(1).get("max").asInt());
            assertEquals(1, j.get("rows").get(2).get("max").asInt());
            assertFalse(j.get("rows").get(2).get("yes").asBoolean());
        }
    }

    @Test
    void malformedFileExitsThreeWithTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.maxip");
        Files.writeString(f, "p maxip 2 3 2 1/2 1 1\na 0 0 5\n");
        Cli.Result r = Cli.run("maxip", "solve", f.toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().contains("bad.maxip:2: coordinate 5 is outside [0, 3)"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    @Test
    void missingFileExitsThreeAndBadThreadsExitsTwo(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("maxip", "solve", dir.resolve("none.maxip").toString());
        assertEquals(3, r.exitCode(), r::toString);
        r = Cli.run("maxip", "solve", handInstance(dir).toString(), "--threads", "0");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--threads"), r::toString);
    }

    @Test
    void byteLimitRefusesWithTheEstimate(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("maxip", "solve", handInstance(dir).toString(), "--max-bytes", "8");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("about 24 bytes"), r::toString);
    }
}
