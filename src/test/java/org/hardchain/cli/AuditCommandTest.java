package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.format.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void defaultFormulaAuditPrintsOneRowPerBlockSizeAndWritesJson() throws Exception {
        Path json = dir.resolve("audit.json");
        Cli.Result r = Cli.run("audit", "instances/default.cnf", "--block-size", "1,2", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("m=38 clauses"), r::toString);
        JsonNode j = Json.mapper().readTree(json.toFile());
        assertEquals(4, j.get("instances").size());
        JsonNode w1 = j.get("instances").get(0);
        assertEquals(1, w1.get("block_size").asInt());
        assertEquals("reference", w1.get("construction").asText());
        assertEquals("paper", j.get("instances").get(1).get("construction").asText());
        // w = 1: no Merlin message beyond the trivial one, so n_q = |A| = 8 and n = 8 + 1 reference row
        assertEquals(8, w1.get("alice_rows").asLong());
        assertEquals(9, w1.get("n").asLong());
        for (String key : new String[] {"d", "B", "eps_a", "d_over_log2_n", "B_over_ln_n_root_k"}) {
            assertTrue(w1.get(key).asDouble() > 0, key + " in " + w1);
        }
    }

    @Test
    void malformedFormulaExitsThreeWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.cnf");
        Files.writeString(bad, "p cnf 2 1\n1 3 0\n");
        Cli.Result r = Cli.run("audit", bad.toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("hardchain: " + bad + ":2:"), r::toString);
    }

    @Test
    void blockSizeZeroIsAUsageError() {
        Cli.Result r = Cli.run("audit", "instances/default.cnf", "--block-size", "0");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("block size"), r::toString);
    }
}
