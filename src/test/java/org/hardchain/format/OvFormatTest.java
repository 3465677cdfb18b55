package org.hardchain.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hardchain.ov.OvInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OvFormatTest {

    static OvInstance randomInstance(long seed, int k, int m, int maxSize) {
        SplittableRandom rnd = new SplittableRandom(seed);
        OvInstance.Builder b = OvInstance.builder(k, m);
        for (int p = 0; p < k; p++) {
            int n = rnd.nextInt(maxSize + 1);
            for (int i = 0; i < n; i++) {
                boolean[] row = new boolean[m];
                for (int c = 0; c < m; c++) {
                    row[c] = rnd.nextBoolean();
                }
                b.add(p, row);
            }
        }
        return b.build();
    }

    @Test
    void writeThenParseGivesTheSameInstanceForManyShapes() throws IOException {
        int[] dims = {0, 1, 5, 63, 64, 65, 130};
        for (long seed = 1; seed <= 60; seed++) {
            int k = 2 + (int) (seed % 4);
            int m = dims[(int) (seed % dims.length)];
            OvInstance inst = randomInstance(seed, k, m, 6);
            StringWriter w = new StringWriter();
            OvFormat.write(inst, w, List.of("seed " + seed, "two\nlines"));
            OvInstance back = OvFormat.parse("t.ov", new StringReader(w.toString()));
            assertEquals(inst, back, "seed " + seed + "\n" + w);
        }
    }

    @Test
    void fileRoundTripIsAtomicAndKeepsComments(@TempDir Path dir) throws IOException {
        OvInstance inst = randomInstance(7, 3, 10, 4);
        Path f = dir.resolve("a.ov");
        OvFormat.write(f, inst, List.of("hello"));
        assertTrue(Files.readString(f).startsWith("c hello\np ov 3 10 "));
        assertEquals(inst, OvFormat.read(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void handWrittenFileIsReadCoordinateByCoordinate() throws IOException {
        String text = "c example\n\np ov 2 3 2 1\nv 101\nc between\nv 000\r\nv 011  \n";
        OvInstance inst = OvFormat.parse("x.ov", new StringReader(text));
        assertEquals(2, inst.order());
        assertEquals(3, inst.dimension());
        assertEquals(2, inst.size(0));
        assertEquals(1, inst.size(1));
        assertTrue(inst.get(0, 0, 0) && !inst.get(0, 0, 1) && inst.get(0, 0, 2));
        assertTrue(!inst.get(0, 1, 0) && !inst.get(0, 1, 1) && !inst.get(0, 1, 2));
        assertTrue(!inst.get(1, 0, 0) && inst.get(1, 0, 1) && inst.get(1, 0, 2));
    }

    @Test
    void dimensionZeroVectorsAreLoneV() throws IOException {
        OvInstance inst = OvFormat.parse("z.ov", new StringReader("p ov 3 0 1 2 0\nv\nv\nv\n"));
        assertEquals(0, inst.dimension());
        assertEquals(2, inst.size(1));
        assertEquals(0, inst.size(2));
        StringWriter w = new StringWriter();
        OvFormat.write(inst, w, List.of());
        assertEquals("p ov 3 0 1 2 0\nv\nv\nv\n", w.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no header                 | v 01\\n                          | 1 | vector before the header",
        "empty file                |                                   | 1 | missing header",
        "wrong magic               | p cnf 2 3 1 1\\n                 | 1 | expected header 'p ov",
        "order one                 | p ov 1 3 1\\n                    | 1 | order K = 1 not in [2",
        "negative dimension        | p ov 2 -3 1 1\\n                 | 1 | dimension M must be a non-negative integer, got '-3'",
        "too few sizes             | p ov 3 2 1 1\\n                  | 1 | header gives 2 set sizes, order K = 3 needs 3",
        "too many sizes            | p ov 2 2 1 1 1\\n                | 1 | header gives 3 set sizes",
        "huge size                 | p ov 2 2 99999999999 1\\n        | 1 | size N_0 = 99999999999 not in",
        "size not a number         | p ov 2 2 x 1\\n                  | 1 | size N_0 must be a non-negative integer, got 'x'",
        "second header             | p ov 2 1 1 1\\np ov 2 1 1 1\\n   | 2 | second header line (the first is on line 1)",
        "short vector              | p ov 2 3 1 1\\nv 01\\nv 011\\n    | 2 | vector 0 of set 0 has 2 coordinates, dimension M = 3",
        "long vector in set one    | p ov 2 3 1 1\\nv 011\\nv 0110\\n  | 3 | vector 0 of set 1 has 4 coordinates, dimension M = 3",
        "bad character             | p ov 2 3 1 1\\nv 0x1\\nv 011\\n   | 2 | coordinate 1 is 'x', expected 0 or 1",
        "no blank after v          | p ov 2 3 1 1\\nv011\\nv 011\\n    | 2 | expected 'v' followed by a blank",
        "too many vectors          | p ov 2 1 1 1\\nv 0\\nv 1\\nv 1\\n | 4 | more vectors than the header's N_0 + ... + N_1 = 2",
        "too few vectors           | p ov 2 1 2 2\\nv 0\\nv 1\\nv 1\\n | 4 | file ends after 3 of 4 vectors (set 1 has 1 of 2)",
        "garbage line              | p ov 2 1 1 1\\nhello\\n          | 2 | expected a comment 'c ...', the header 'p ov ...' or a vector 'v ...', got 'hello'",
    })
    void malformedFileIsRejectedWithLineAndReason(String what, String text, long line, String message) {
        String body = text == null ? "" : text.replace("\\n", "\n");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> OvFormat.parse("bad.ov", new StringReader(body)), what);
        assertEquals(line, e.line(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.ov:" + line + ": "), what + ": " + e.getMessage());
        assertTrue(e.problem().contains(message), what + ": " + e.getMessage());
    }

    @Test
    void hugeHeaderClaimsDoNotAllocateBeforeData() throws IOException {
        String text = "p ov 2 2147483000 2147483000 2147483000\n";
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> OvFormat.parse("big.ov", new StringReader(text)));
        assertTrue(e.problem().startsWith("file ends after 0 of"), e.getMessage());
    }

    @Test
    void randomlyMutatedFilesParseOrFailWithInputFormatExceptionOnly() throws IOException {
        String alphabet = "01v cp\n\t-x9ov";
        for (long seed = 1; seed <= 2000; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            OvInstance inst = randomInstance(seed, 2 + rnd.nextInt(3), rnd.nextInt(70), 4);
            StringWriter w = new StringWriter();
            OvFormat.write(inst, w, List.of("c"));
            StringBuilder text = new StringBuilder(w.toString());
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = rnd.nextInt(text.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            try {
                OvInstance back = OvFormat.parse("m.ov", new StringReader(text.toString()));
                StringWriter again = new StringWriter();
                OvFormat.write(back, again, List.of());
                assertEquals(back, OvFormat.parse("m2.ov", new StringReader(again.toString())), "seed " + seed);
            } catch (InputFormatException e) {
                assertTrue(e.line() >= 1 && e.getMessage().startsWith("m.ov:"), "seed " + seed + ": " + e.getMessage());
            }
        }
    }
}
