package org.hardchain.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hardchain.maxip.MaxIpGenerators;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.Ratio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxIpFormatTest {

    static void assertEqualInstances(MaxIpInstance a, MaxIpInstance b, String what) {
        assertEquals(a.order(), b.order(), what);
        assertEquals(a.dimension(), b.dimension(), what);
        assertEquals(a.threshold(), b.threshold(), what);
        assertEquals(a.oneMinusEps(), b.oneMinusEps(), what);
        for (int p = 0; p < a.order(); p++) {
            assertEquals(a.size(p), b.size(p), what);
            for (int i = 0; i < a.size(p); i++) {
                assertArrayEquals(a.support(p, i), b.support(p, i), what + " set " + p + " vector " + i);
                assertEquals(a.source(p, i), b.source(p, i), what);
                if (p == 0) {
                    assertEquals(a.merlin(i), b.merlin(i), what);
                }
            }
        }
    }

    private static MaxIpInstance parse(String text) throws IOException {
        return MaxIpFormat.read(new StringReader(text), "x.maxip");
    }

    @Test
    void roundTripKeepsEverything(@TempDir Path dir) throws IOException {
        for (long seed = 0; seed < 20; seed++) {
            int k = 2 + (int) (seed % 3);
            int[] sizes = new int[k];
            for (int p = 0; p < k; p++) {
                sizes[p] = (int) ((seed * 7 + p * 3) % 6);
            }
            MaxIpInstance inst = MaxIpGenerators.random((int) (seed * 13 % 90), 0.3, seed, sizes);
            Path f = dir.resolve("r" + seed + ".maxip");
            MaxIpFormat.write(f, inst);
            assertEqualInstances(inst, MaxIpFormat.read(f), "seed=" + seed);
        }
        MaxIpInstance prov = MaxIpInstance.builder(3, 5, 27, Ratio.of(8, 27))
                .alice(4, 123456789012L, new int[] {0, 4}).alice(4, 0, new int[] {})
                .key(1, 9, new int[] {1}).key(2, 2, new int[] {0, 1, 2, 3, 4}).build();
        StringWriter w = new StringWriter();
        MaxIpFormat.write(w, prov);
        assertTrue(w.toString().contains("p maxip 3 5 27 19/27 2 1 1\n"), w.toString());
        assertTrue(w.toString().contains("a 4 123456789012 0 4\n"), w.toString());
        assertEqualInstances(prov, parse(w.toString()), "provenance");
    }

    @Test
    void acceptsCommentsBlankLinesAndTabs() throws IOException {
        MaxIpInstance inst = parse("c hello\n\np\tmaxip 2 3 2 1/2 1 1\nc mid\na 0 0 0\t2\nb 1 5 2\n");
        assertEquals(1, inst.size(0));
        assertArrayEquals(new int[] {0, 2}, inst.support(0, 0));
        assertEquals(5, inst.source(1, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a 0 0 1|1|expected the header",
        "p ov 2 3 2 1/2 1 1|1|expected 'p maxip'",
        "p maxip 1 3 2 1/2 1|1|order K 1 is outside",
        "p maxip 2 -3 2 1/2 1 1|1|dimension D -3 is outside",
        "p maxip 2 3 0 1/2 1 1|1|threshold T 0 is outside",
        "p maxip 2 3 2 0/2 1 1|1|must be in (0, 1]",
        "p maxip 2 3 2 3/2 1 1|1|must be in (0, 1]",
        "p maxip 2 3 2 half 1 1|1|fraction NUM/DEN",
        "p maxip 2 3 2 1/2 1|1|size N1, found the end",
        "p maxip 2 3 2 1/2 1 1 7|1|unexpected '7'",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 3|2|coordinate 3 is outside [0, 3)",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 2 1|2|strictly increasing: 1 follows 2",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 1 1|2|strictly increasing",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 x|2|expected coordinate (an integer), found 'x'",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 99999999999999999999|2|outside",
        "p maxip 2 3 2 1/2 1 1\\na -1 0 1|2|SOURCE index -1 is outside",
        "p maxip 2 3 2 1/2 1 1\\nb 1 0 1|2|before the 1 Alice vectors",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 1\\na 0 0 1|3|Alice vector ('a' line) beyond the 1 the header declares",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 1\\nb 1 0 1\\na 0 0 1|4|more vectors than the header declares",
        "p maxip 3 3 2 1/2 1 1 1\\na 0 0 1\\nb 2 0 1|3|expected a vector of key set 1",
        "p maxip 2 3 2 1/2 1 1\\na 0 0 1\\nz|3|expected a vector line",
        "p maxip 2 3 2 1/2 1 1\\np maxip 2 3 2 1/2 1 1|2|a second header line",
        "p maxip 2 3 2 1/2 2 1\\na 0 0 1\\na 0 0 1\\nb 1 0 1\\nb 1 0 2|5|more vectors than the header declares",
        "p maxip 2 3 2 1/2 2 1\\na 0 0 1|2|end of file after 1 vectors of set 0, the header declares 2",
        "c only comments|1|no header",
    })
    void malformedFilesNameTheLineAndTheProblem(String text, long line, String message) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> parse(text.replace("\\n", "\n")));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("x.maxip:" + line + ": "), e.getMessage());
        assertTrue(e.problem().contains(message), e.getMessage());
    }

    @Test
    void seededMutationsParseOrFailWithALineNumberedInputFormatExceptionOnly() throws IOException {
        StringWriter w = new StringWriter();
        MaxIpFormat.write(w, MaxIpGenerators.random(20, 0.3, 7, 3, 2, 2));
        String valid = w.toString();
        String alphabet = "0123456789 -/abpc\n\t9x";
        java.util.SplittableRandom r = new java.util.SplittableRandom(2026);
        int failures = 0;
        for (int n = 0; n < 2000; n++) {
            StringBuilder b = new StringBuilder(valid);
            int edits = 1 + r.nextInt(3);
            for (int e = 0; e < edits && b.length() > 0; e++) {
                int at = r.nextInt(b.length());
                switch (r.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            try {
                MaxIpInstance inst = parse(b.toString());
                assertTrue(inst.order() >= 2, "mutation " + n);
            } catch (InputFormatException e) {
                failures++;
                long lines = b.toString().lines().count();
                assertTrue(e.line() >= 1 && e.line() <= Math.max(1, lines), "mutation " + n + ": line " + e.line()
                        + " of " + lines + ": " + e.getMessage());
            }
        }
        assertTrue(failures > 1000, "most mutations are malformed: " + failures);
    }

    @Test
    void emptyFileHasNoHeader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("e.maxip");
        Files.writeString(f, "");
        InputFormatException e = assertThrows(InputFormatException.class, () -> MaxIpFormat.read(f));
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }
}
