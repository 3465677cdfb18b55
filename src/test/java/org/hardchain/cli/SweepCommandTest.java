package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hardchain.experiment.SweepConfig;
import org.hardchain.experiment.SweepPlots;
import org.hardchain.experiment.SweepRow;
import org.hardchain.format.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hardchain sweep --quick}, run once for the whole class (about 10-20 s on two loaded
 * cores). Who wins is decided by multiply-add counts (machine independent) at every n; wall time
 * is asserted only at the largest n, where the exact algorithm measured 150-500x slower than the
 * polynomial method at the smallest B (a margin load on a shared machine does not close).
 */
class SweepCommandTest {
    @TempDir
    static Path dir;

    static Cli.Result run;
    static List<Map<String, String>> csv;

    @BeforeAll
    static void runQuickPreset() throws Exception {
        run = Cli.run("sweep", "--quick", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        csv = parseCsv(Files.readAllLines(dir.resolve("sweep.csv")));
    }

    /** Parses the CSV strictly: the exact header, the same field count on every line, numeric fields parse. */
    static List<Map<String, String>> parseCsv(List<String> lines) {
        assertEquals(String.join(",", SweepRow.HEADER), lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = splitCsv(line);
            assertEquals(SweepRow.HEADER.size(), f.size(), line);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < f.size(); i++) {
                m.put(SweepRow.HEADER.get(i), f.get(i));
            }
            for (String key : List.of("k", "n", "d", "B", "degree", "rank", "key_tuples", "seconds", "setup_seconds",
                    "max_error", "error_bound", "rows_checked", "multiply_adds", "score_range")) {
                String v = m.get(key);
                if (!v.isEmpty() && !v.equals("inf")) {
                    Double.parseDouble(v); // throws on a malformed number
                }
            }
            assertTrue(m.get("exact_measured").equals("true") || m.get("exact_measured").equals("false"), line);
            rows.add(m);
        }
        return rows;
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static Map<String, String> row(int n, int boundIndex, String method) {
        double b = SweepConfig.quick().bounds().get(boundIndex);
        for (Map<String, String> r : csv) {
            if (Integer.parseInt(r.get("n")) == n && Math.abs(Double.parseDouble(r.get("B")) - b) < 1e-5 * b
                    && r.get("method").equals(method)) {
                return r;
            }
        }
        throw new AssertionError("no row n=" + n + " B=" + b + " " + method);
    }

    private static double num(Map<String, String> r, String key) {
        return Double.parseDouble(r.get(key));
    }

    @Test
    void csvHasOneRowPerMethodPerPoint() {
        SweepConfig q = SweepConfig.quick();
        assertEquals(3 * q.ns().size() * q.bounds().size(), csv.size());
    }

    @Test
    void atTheSmallestBoundThePolynomialMethodMeetsEpsBelowRankNToTheKMinusOneAndBeatsExact() {
        SweepConfig q = SweepConfig.quick();
        for (int n : q.ns()) {
            Map<String, String> p = row(n, 0, "poly");
            Map<String, String> e = row(n, 0, "exact");
            assertEquals("ok", p.get("status"), p::toString);
            assertTrue(num(p, "max_error") <= q.epsilon(), p::toString);
            assertTrue(num(p, "max_error") <= num(p, "error_bound"), p::toString);
            assertTrue(num(p, "rank") < Math.pow(n, q.order() - 1), p::toString);
            assertTrue(num(p, "multiply_adds") * 10 < num(e, "multiply_adds"), () -> p + " vs " + e);
        }
        int largest = q.ns().get(q.ns().size() - 1);
        Map<String, String> p = row(largest, 0, "poly");
        Map<String, String> e = row(largest, 0, "exact");
        assertTrue(num(p, "seconds") < num(e, "seconds"), () -> p + " vs " + e);
    }

    @Test
    void atTheLargestBoundTheRankPassesNToTheKMinusOneOrTheTimePassesExact() {
        SweepConfig q = SweepConfig.quick();
        int last = q.bounds().size() - 1;
        for (int n : q.ns()) {
            Map<String, String> p = row(n, last, "poly");
            Map<String, String> e = row(n, last, "exact");
            boolean rankPasses = num(p, "rank") > Math.pow(n, q.order() - 1);
            boolean slower = !p.get("seconds").isEmpty() && num(p, "seconds") > num(e, "seconds");
            assertTrue(rankPasses || slower, () -> p + " vs " + e);
            assertFalse(p.get("status").equals("ok") && rankPasses, p::toString);
        }
    }

    @Test
    void everyPolynomialRunAtEpsMeetsItsBound() {
        for (Map<String, String> r : csv) {
            if (r.get("method").equals("poly") && r.get("status").equals("ok")) {
                assertTrue(num(r, "max_error") <= 1e-3 && num(r, "max_error") <= num(r, "error_bound"), r::toString);
            }
        }
    }

    @Test
    void pngPlotsDecode() throws Exception {
        for (String name : List.of("regime-time-vs-B.png", "regime-rank.png", "regime-error-fixed-degree.png",
                "regime-crossover.png")) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
            assertNotNull(img, name);
            assertEquals(SweepPlots.WIDTH, img.getWidth(), name);
            assertEquals(SweepPlots.HEIGHT, img.getHeight(), name);
        }
    }

    @Test
    void jsonSummaryHasEveryPointAndACrossoverPerNAndCriterion() throws Exception {
        JsonNode j = Json.mapper().readTree(dir.resolve("sweep.json").toFile());
        SweepConfig q = SweepConfig.quick();
        assertEquals(q.ns().size() * q.bounds().size(), j.get("points").size());
        assertEquals(2 * q.ns().size(), j.get("crossovers").size());
        assertEquals(3, j.get("config").get("order").asInt());
        assertTrue(run.out().contains("wrote"), run::toString);
    }

    @Test
    void adversarialSweepWritesOnePointPerNAtTheLemmaB1Bound() throws Exception {
        Path out = dir.resolve("adv");
        Cli.Result r = Cli.run("sweep", "--adversarial", "--order", "3", "--n", "8,16", "--d", "3", "--epsilon", "0.01",
                "--rows", "4", "--repeats", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Lemma B.1"), r::toString);
        List<Map<String, String>> rows = parseCsv(Files.readAllLines(out.resolve("sweep.csv")));
        assertEquals(2 * 3, rows.size());
        assertNotNull(ImageIO.read(out.resolve("regime-time-vs-B.png").toFile()));
    }

    @Test
    void adversarialWithBoundsIsAUsageError() {
        Cli.Result r = Cli.run("sweep", "--adversarial", "--order", "3", "--n", "8", "--d", "3", "--bounds", "1",
                "--epsilon", "0.01", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--bounds"), r::toString);
    }

    @Test
    void quickWithGridOptionsIsAUsageError() {
        Cli.Result r = Cli.run("sweep", "--quick", "--order", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode(), r::toString);
    }

    @Test
    void missingGridOptionsAreAUsageError() {
        Cli.Result r = Cli.run("sweep", "--order", "3", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--bounds"), r::toString);
    }

    @Test
    void repeatedBoundsAreAUsageErrorNamingThem() {
        Cli.Result r = Cli.run("sweep", "--order", "3", "--n", "8", "--d", "2", "--bounds", "1,1", "--epsilon", "0.01",
                "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("[1.0, 1.0]"), r::toString);
    }
}
