package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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

class AttentionPolyCommandTest {
    @TempDir
    Path tmp;

    private Path inputs(int order, int n, int d, double bound, long seed) throws IOException {
        Path dir = tmp.resolve("in" + seed);
        AttentionFiles.write(dir, RandomAttention.uniform(order, n, n, d, d, bound, seed));
        return dir;
    }

    @Test
    void polyMeetsEpsilonAgainstNaiveAndReportsDegreeRankBoundsAndPhases() throws IOException {
        Path dir = inputs(3, 14, 3, 1.2, 8);
        Path out = tmp.resolve("o.npy");
        Path json = tmp.resolve("r.json");
        Cli.Result r = Cli.run("attention", "--input", dir.toString(), "--method", "poly", "--epsilon", "1e-5",
                "--check-rows", "5", "--output", out.toString(), "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("measured error"), r::toString);
        AttentionInput in = AttentionFiles.read(dir);
        Matrix naive = new NaiveAttention().compute(in);
        Matrix got = Npy.readMatrix(out);
        for (int i = 0; i < naive.rows(); i++) {
            for (int c = 0; c < naive.cols(); c++) {
                assertEquals(naive.get(i, c), got.get(i, c), 1e-5, "seed 8 (" + i + "," + c + ")");
            }
        }
        JsonNode rep = Json.mapper().readTree(json.toFile());
        assertEquals("poly", rep.get("method").asText());
        int g = rep.get("degree").asInt();
        assertTrue(g >= 1, rep::toString);
        assertEquals(org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficient(3 + g, g),
                rep.get("rank").asLong());
        assertEquals(5, rep.get("rows_checked").asInt());
        double measured = rep.get("measured_error").asDouble();
        assertTrue(measured <= rep.get("total_bound").asDouble() && rep.get("total_bound").asDouble() <= 1e-5,
                rep::toString);
        for (String phase : new String[] {"polynomial", "key_side", "query_side", "total"}) {
            assertTrue(rep.get("seconds").get(phase).asDouble() >= 0, phase);
        }
    }

    @Test
    void fixedDegreeIsUsedAndItsBoundReported() throws IOException {
        Path dir = inputs(2, 10, 2, 1, 3);
        Path json = tmp.resolve("r.json");
        Cli.Result r = Cli.run("attention", "--input", dir.toString(), "--method", "poly", "--degree", "3",
                "--output", tmp.resolve("o.npy").toString(), "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode rep = Json.mapper().readTree(json.toFile());
        assertEquals(3, rep.get("degree").asInt());
        assertEquals(10, rep.get("rank").asInt()); // C(2 + 3, 3)
        assertTrue(rep.get("requested_epsilon").isNull());
        assertTrue(rep.get("a_priori_bound").asDouble() > 0);
    }

    @Test
    void polyOnRandomInputsWithRowsComputesTheFirstRows() throws IOException {
        Path out = tmp.resolve("o.npy");
        Cli.Result r = Cli.run("attention", "--random", "--order", "2", "--n", "30", "--nq", "12", "--d", "3",
                "--seed", "4", "--method", "poly", "--epsilon", "1e-8", "--rows", "5", "--output", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Matrix got = Npy.readMatrix(out);
        Matrix naive = new NaiveAttention().compute(RandomAttention.uniform(2, 12, 30, 3, 3, 1.0, 4));
        assertEquals(5, got.rows());
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(naive.get(i, c), got.get(i, c), 1e-8, "seed 4 (" + i + "," + c + ")");
            }
        }
    }

    @Test
    void infeasibleRequestsAreUsageErrorsOnOneLine() throws IOException {
        Path dir = inputs(2, 6, 4, 1, 5);
        Path big = inputs(2, 6, 2, 4.5, 6); // scores up to B^2 = 20: below the double floor at 1e-9
        String o = tmp.resolve("o.npy").toString();
        String[][] bad = {
            {"attention", "--input", dir.toString(), "--method", "exact", "--epsilon", "1e-3", "--output", o},
            {"attention", "--input", dir.toString(), "--method", "poly", "--epsilon", "1e-3", "--degree", "3",
                "--output", o},
            {"attention", "--input", dir.toString(), "--method", "poly", "--epsilon", "-1", "--output", o},
            {"attention", "--input", dir.toString(), "--method", "poly", "--degree", "-2", "--output", o},
            {"attention", "--input", dir.toString(), "--method", "poly", "--degree", "9", "--max-rank", "100",
                "--output", o},
            {"attention", "--input", big.toString(), "--method", "poly", "--epsilon", "1e-9", "--output", o},
            {"attention", "--input", dir.toString(), "--method", "poly", "--epsilon", "1e-12", "--max-degree", "3",
                "--output", o},
        };
        for (String[] args : bad) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
            assertFalse(Files.exists(Path.of(o)), r::toString);
        }
    }
}
