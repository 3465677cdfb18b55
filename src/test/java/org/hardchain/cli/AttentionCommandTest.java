package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.NaiveAttention;
import org.hardchain.attention.RandomAttention;
import org.hardchain.format.AttentionFiles;
import org.hardchain.format.Json;
import org.hardchain.format.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionCommandTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(AttentionCommandTest.class.getResource("/npy/" + name).toURI());
    }

    @Test
    void randomSaveThenExactMatchesNaiveAndWritesReport() throws IOException {
        Path dir = tmp.resolve("in");
        Cli.Result r = Cli.run("attention", "--random", "--order", "3", "--n", "9", "--nq", "5", "--d", "4",
                "--dv", "2", "--bound", "2", "--seed", "42", "--save", dir.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("seed 42"), r::toString);
        AttentionInput in = AttentionFiles.read(dir);
        assertEquals(RandomAttention.uniform(3, 5, 9, 4, 2, 2.0, 42).q(), in.q());
        Path out = tmp.resolve("out.npy");
        Path json = tmp.resolve("r.json");
        r = Cli.run("attention", "--input", dir.toString(), "--method", "exact", "--output", out.toString(),
                "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Matrix got = Npy.readMatrix(out);
        Matrix naive = new NaiveAttention().compute(in);
        for (int i = 0; i < naive.rows(); i++) {
            for (int c = 0; c < naive.cols(); c++) {
                assertEquals(naive.get(i, c), got.get(i, c), 1e-12, "seed 42 (" + i + "," + c + ")");
            }
        }
        JsonNode rep = Json.mapper().readTree(json.toFile());
        assertEquals("exact", rep.get("method").asText());
        assertEquals(3, rep.get("order").asInt());
        assertEquals(9, rep.get("n").get(1).asInt());
        assertEquals(5, rep.get("rows_computed").asInt());
        assertTrue(rep.get("entry_bound").asDouble() <= 2.0);
        assertTrue(rep.has("compute_seconds") && rep.has("gflops_per_second"), rep::toString);
    }

    @Test
    void rowsComputesTheFirstRowsOfTheFullOutput() throws IOException {
        Path dir = tmp.resolve("in");
        AttentionFiles.write(dir, RandomAttention.uniform(2, 20, 30, 3, 3, 1.0, 5));
        Path full = tmp.resolve("full.npy");
        Path some = tmp.resolve("some.npy");
        assertEquals(0, Cli.run("attention", "--input", dir.toString(), "--method", "exact", "--output",
                full.toString()).exitCode());
        Path json = tmp.resolve("r.json");
        Cli.Result r = Cli.run("attention", "--input", dir.toString(), "--method", "exact", "--rows", "4",
                "--output", some.toString(), "--float32", "--fma-peak", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("FMA peak measured now"), r::toString);
        JsonNode rep = Json.mapper().readTree(json.toFile());
        assertTrue(rep.get("fraction_of_fma_peak").asDouble() > 0, rep::toString);
        Npy.NdArray a = Npy.read(some);
        assertTrue(a.float32());
        double[] f = Npy.readMatrix(full).toArray();
        double[] s = a.data();
        assertEquals(4 * 3, s.length);
        for (int t = 0; t < s.length; t++) {
            assertEquals((float) f[t], s[t], 0.0, "entry " + t);
        }
    }

    @Test
    void numpyFixtureDirectoryGivesNumpyResult() throws Exception {
        Path out = tmp.resolve("o.npy");
        Cli.Result r = Cli.run("attention", "--input", fixture("attn3").toString(), "--method", "exact",
                "--output", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        double[] expected = Npy.readMatrix(fixture("attn3_expected.npy")).toArray();
        double[] got = Npy.readMatrix(out).toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-14);
        }
    }

    @Test
    void malformedNpyIsExitThreeWithOneLine() throws Exception {
        Path dir = tmp.resolve("bad");
        AttentionFiles.write(dir, RandomAttention.uniform(2, 2, 2, 2, 2, 1.0, 1));
        Files.copy(fixture("bad_fortran.npy"), dir.resolve("K1.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli.Result r = Cli.run("attention", "--input", dir.toString(), "--method", "exact", "--output",
                tmp.resolve("o.npy").toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().contains("K1.npy: fortran_order True"), r::toString);
        assertFalse(Files.exists(tmp.resolve("o.npy")));
        r = Cli.run("attention", "--input", tmp.resolve("nowhere").toString(), "--method", "exact", "--output",
                tmp.resolve("o.npy").toString());
        assertEquals(3, r.exitCode(), r::toString);
    }

    @Test
    void usageErrorsExitTwo() {
        String o = tmp.resolve("o.npy").toString();
        String[][] bad = {
            {"attention", "--random", "--order", "3", "--n", "4"},
            {"attention", "--random", "--order", "1", "--n", "4", "--d", "2", "--save", o},
            {"attention", "--random", "--order", "2", "--n", "4", "--d", "2", "--bound", "-1", "--save", o},
            {"attention", "--input", "x", "--random"},
            {"attention", "--input", "x", "--method", "exact"},
            {"attention", "--input", "x", "--method", "nosuch", "--output", o},
            {"attention", "--input", "x", "--n", "3", "--method", "exact", "--output", o},
            {"attention", "--random", "--order", "2", "--n", "4", "--d", "2", "--method", "exact", "--rows", "9",
                "--output", o},
        };
        for (String[] args : bad) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
        }
    }
}
