package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hardchain.attention.AttentionInput;
import org.hardchain.format.AttentionFiles;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.OvGenerators;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxIp2AttentionCommandTest {
    @TempDir
    Path dir;

    private MaxIpInstance write(Path file) throws Exception {
        OvInstance ov = OvGenerators.planted(8, new int[] {4, 3, 3}, 0.4, 9).instance();
        MaxIpInstance inst = OvToMaxIp.of(ov, ProtocolParameters.withDefaults(3, 8, 2, null, null, null),
                OvToMaxIp.DEFAULT_MAX_BYTES).build(OvToMaxIp.DEFAULT_MAX_BYTES, 1, Progress.silent());
        MaxIpFormat.write(file, inst);
        return inst;
    }

    @Test
    void writesTheNpyDirectoryAndJsonWithThetaAndBothConstructions() throws Exception {
        Path f = dir.resolve("x.maxip");
        MaxIpInstance inst = write(f);
        for (Construction c : Construction.values()) {
            Path out = dir.resolve(c.id());
            Path rep = dir.resolve(c.id() + ".json");
            Cli.Result r = Cli.run("maxip2attention", f.toString(), "-o", out.toString(), "--construction", c.id(),
                    "--json", rep.toString());
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("eps_a") && r.out().contains("reference") && r.out().contains("paper"),
                    r::toString);
            AttentionInput read = AttentionFiles.read(out);
            AttentionReduction red = AttentionReduction.of(MaxIpFormat.read(f), c, 4);
            AttentionInput expected = red.input();
            assertEquals(expected.q(), read.q(), c.id());
            for (int p = 1; p < 3; p++) {
                assertEquals(expected.key(p), read.key(p), c.id() + " K" + p);
                assertEquals(expected.value(p), read.value(p), c.id() + " V" + p);
            }
            JsonNode meta = Json.mapper().readTree(out.resolve("attention.json").toFile());
            assertEquals(red.threshold().theta(), meta.get("parameters").get("theta").asDouble(), 0);
            assertEquals(inst.size(0), meta.get("provenance").get("query_rows").size());
            JsonNode both = Json.mapper().readTree(rep.toFile()).get("constructions");
            assertEquals("reference", both.get(0).get("construction").asText());
            assertEquals("paper", both.get(1).get("construction").asText());
            assertTrue(both.get(0).get("eps_a").asDouble() > both.get(1).get("eps_a").asDouble());
        }
    }

    @Test
    void unknownConstructionIsAUsageErrorAndMissingFileAnInputError() throws Exception {
        Path f = dir.resolve("x.maxip");
        write(f);
        Cli.Result r = Cli.run("maxip2attention", f.toString(), "-o", dir.resolve("o").toString(),
                "--construction", "magic");
        assertEquals(2, r.exitCode(), r::toString);
        Cli.Result g = Cli.run("maxip2attention", dir.resolve("none.maxip").toString(), "-o", dir.toString());
        assertTrue(g.exitCode() != 0, g::toString);
        assertEquals(1, g.err().strip().lines().count(), g::toString);
    }
}
