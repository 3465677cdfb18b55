package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.format.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolCommandTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(Cli.Result r, int code, String... parts) {
        assertEquals(code, r.exitCode(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        for (String part : parts) {
            assertTrue(r.err().contains(part), () -> "missing '" + part + "' in " + r);
        }
    }

    @Test
    void disjointSetsPrintEveryCheckAndWriteTheJsonReport() throws Exception {
        Path json = dir.resolve("r.json");
        Cli.Result r = Cli.run("protocol", "--order", "3", "--universe", "6", "--block-size", "2",
                "--sets", "0,1", "1,2", "3,5", "--merlin", "all", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Sets are disjoint."), r::toString);
        assertTrue(r.out().contains("r = [5]: psi(5) = 0 vs 0; accept"), r::toString);
        assertTrue(r.out().contains("Accept probability (honest Merlin): 6/6 = 1"), r::toString);
        JsonNode j = Json.mapper().readTree(Files.readString(json));
        for (String key : new String[] {"disjoint", "accept_probability", "max_accept_probability_over_all_merlin",
            "soundness_bound", "merlin_bits", "player_bits", "order", "universe", "block_size", "blocks", "length",
            "reps", "prime", "merlin_messages", "code_note"}) {
            assertTrue(j.has(key), "missing key " + key + " in " + j);
        }
        assertTrue(j.get("disjoint").asBoolean());
        assertEquals(1.0, j.get("accept_probability").asDouble());
        assertEquals(1.0, j.get("max_accept_probability_over_all_merlin").asDouble());
        assertEquals(0.5, j.get("soundness_bound").asDouble());
        assertEquals(7, j.get("prime").asInt());
        assertEquals(6, j.get("length").asInt());
        assertEquals(49, j.get("merlin_messages").asInt());
        assertEquals(2 * 3, j.get("merlin_bits").asInt());
        assertEquals(3 * 3, j.get("player_bits").asInt());
        assertTrue(j.get("code_note").asText().contains("AG"));
    }

    @Test
    void intersectingSetsReachTheSoundnessBoundWithTheBestMessageOnly() throws Exception {
        Path json = dir.resolve("r.json");
        Cli.Result r = Cli.run("protocol", "--order", "2", "--universe", "4", "--block-size", "2",
                "--reps", "2", "--sets", "0,3", "1,3", "--merlin", "all", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Sets are intersecting."), r::toString);
        JsonNode j = Json.mapper().readTree(Files.readString(json));
        assertFalse(j.get("disjoint").asBoolean());
        assertEquals(0.0, j.get("accept_probability").asDouble());
        assertEquals(0.25, j.get("max_accept_probability_over_all_merlin").asDouble());
        assertEquals(0.25, j.get("soundness_bound").asDouble());
        assertTrue(j.get("honest_merlin_message_id").isNull());
    }

    @Test
    void honestModeOmitsTheMaximumAndEmptySetsAreAccepted() throws Exception {
        Path json = dir.resolve("r.json");
        Cli.Result r = Cli.run("protocol", "--order", "2", "--universe", "5", "--block-size", "3",
                "--sets", "", "0,1,2,3,4", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode j = Json.mapper().readTree(Files.readString(json));
        assertTrue(j.get("disjoint").asBoolean());
        assertFalse(j.has("max_accept_probability_over_all_merlin"), j::toString);
        assertEquals(1.0, j.get("accept_probability").asDouble());
    }

    @Test
    void ovRowsBecomeTheSets() throws Exception {
        Path ov = dir.resolve("t.ov");
        Files.writeString(ov, "c three sets of two vectors\np ov 3 4 2 2 2\nv 1100\nv 0011\nv 0110\nv 1001\nv 1010\nv 0101\n");
        Path json = dir.resolve("r.json");
        Cli.Result r = Cli.run("protocol", "--ov", ov.toString(), "--rows", "1,0,1", "--block-size", "2",
                "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Player 0 (Alice): {2, 3}"), r::toString);
        assertTrue(r.out().contains("Player 1: {1, 2}"), r::toString);
        assertTrue(r.out().contains("Player 2: {1, 3}"), r::toString);
        JsonNode j = Json.mapper().readTree(Files.readString(json));
        assertTrue(j.get("disjoint").asBoolean(), "rows 1,0,1 are orthogonal");
        assertEquals(4, j.get("universe").asInt());
        assertEquals(3, j.get("order").asInt());
        r = Cli.run("protocol", "--ov", ov.toString(), "--rows", "0,1,0", "--block-size", "2");
        assertTrue(r.out().contains("Sets are intersecting."), r::toString);
        assertOneLineError(Cli.run("protocol", "--ov", ov.toString(), "--rows", "0,1,2", "--block-size", "2"),
                2, "row 2 of OV set 2");
        assertOneLineError(Cli.run("protocol", "--ov", ov.toString(), "--rows", "0,1,0", "--order", "2",
                "--block-size", "2"), 2, "--order 2");
        assertOneLineError(Cli.run("protocol", "--ov", ov.toString(), "--block-size", "2"), 2, "--rows");
        Path bad = dir.resolve("bad.ov");
        Files.writeString(bad, "p ov 2 3 1 1\nv 011\nv 01\n");
        assertOneLineError(Cli.run("protocol", "--ov", bad.toString(), "--rows", "0,0", "--block-size", "2"),
                3, "bad.ov:3");
    }

    @Test
    void infeasibleParametersAreOneLineUsageErrors() {
        assertOneLineError(Cli.run("protocol", "--order", "2", "--universe", "4", "--block-size", "2",
                "--prime", "9", "--sets", "0", "1"), 2, "p = 9", "not prime");
        assertOneLineError(Cli.run("protocol", "--order", "2", "--universe", "40", "--block-size", "2",
                "--prime", "5", "--sets", "0", "1"), 2, "p = 5", "T = ceil(m/w) = 20");
        assertOneLineError(Cli.run("protocol", "--order", "3", "--universe", "4", "--block-size", "3",
                "--length", "6", "--sets", "0", "1", "2"), 2, "L = 6", "k(w-1)+1 = 7");
        assertOneLineError(Cli.run("protocol", "--order", "2", "--universe", "4", "--block-size", "2",
                "--sets", "0,4", "1"), 2, "element 4", "--sets");
        assertOneLineError(Cli.run("protocol", "--order", "2", "--universe", "4", "--block-size", "2",
                "--sets", "0,x", "1"), 2, "'x'");
        assertOneLineError(Cli.run("protocol", "--order", "3", "--universe", "4", "--block-size", "2",
                "--sets", "0", "1"), 2, "k = 3 sets, got 2");
        assertOneLineError(Cli.run("protocol", "--order", "1", "--universe", "4", "--block-size", "2",
                "--sets", "0"), 2, "k = 1");
        assertOneLineError(Cli.run("protocol", "--order", "2", "--universe", "4", "--block-size", "0",
                "--sets", "0", "1"), 2, "w = 0");
        assertOneLineError(Cli.run("protocol", "--order", "2", "--universe", "4", "--block-size", "2",
                "--reps", "0", "--sets", "0", "1"), 2, "ell = 0");
    }

    @Test
    void enumerationAboveTheLimitIsRefusedWithTheEstimateAndTheOption() {
        Cli.Result r = Cli.run("protocol", "--order", "3", "--universe", "9", "--block-size", "3",
                "--sets", "0", "1", "2", "--merlin", "all", "--max-work", "1000");
        assertOneLineError(r, 2, "--max-work", "28561 Merlin messages");
        r = Cli.run("protocol", "--order", "3", "--universe", "9", "--block-size", "3",
                "--sets", "0", "1", "2", "--merlin", "all", "--max-work", "1000000");
        assertEquals(0, r.exitCode(), r::toString);
    }
}
