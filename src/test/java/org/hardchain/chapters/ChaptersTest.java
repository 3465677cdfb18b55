package org.hardchain.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hardchain.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The drift test of {@code reductions/}: every command embedded in a chapter is rerun in-process
 * through {@link Main#run} (working directory: the project root) and its output must equal what
 * the chapter shows. With {@code -Dchapters.update=true} the chapters are rewritten with the
 * actual outputs instead (see reductions/README.md).
 *
 * <p>Embedding: inside a fenced block opened by {@code ```console}, a line {@code $ ./hardchain ARGS}
 * starts a command; the lines up to the next {@code $ } line or the closing fence are its expected
 * output: standard output, then standard error, then {@code [exit N]} when the exit code is not 0.
 * ARGS are split at blanks; {@code "..."} and {@code '...'} quote (no other shell syntax: no pipes,
 * globs, variables or redirections). Normalization, applied to both sides: wall-clock times
 * (a number followed by {@code ms}, or a decimal number followed by {@code s}) become {@code #}.
 */
class ChaptersTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path CHAPTERS = ROOT.resolve("reductions");
    private static final Pattern TIME = Pattern.compile("\\b\\d+(\\.\\d+)? ?ms\\b|\\b\\d+\\.\\d+ ?s\\b");
    /**
     * Rounding-level numbers (1e-13 and below, in e-notation), such as the difference between two
     * exact kernels: their last bits change with the kernel's operation order and the CPU's vector width.
     */
    private static final Pattern ROUNDING = Pattern.compile("\\b\\d(\\.\\d+)?e-(1[3-9]|[2-9]\\d|\\d{3})\\b");
    private static final String PROMPT = "$ ./hardchain";

    /** One embedded command: its line in the chapter, its arguments, the output shown. */
    record Example(Path chapter, int line, String command, List<String> args, String expected, int from, int to) {
    }

    @TestFactory
    Stream<DynamicTest> everyEmbeddedCommandStillPrintsWhatItsChapterShows() throws IOException {
        boolean update = Boolean.getBoolean("chapters.update");
        Files.createDirectories(ROOT.resolve("target/chapters"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path chapter : chapters()) {
            if (update) {
                tests.add(DynamicTest.dynamicTest("update " + chapter.getFileName(), () -> update(chapter)));
                continue;
            }
            List<String> lines = Files.readAllLines(chapter, StandardCharsets.UTF_8);
            for (Example e : parse(chapter, lines)) {
                tests.add(DynamicTest.dynamicTest(chapter.getFileName() + ":" + e.line() + " " + e.command(), () -> {
                    String actual = run(e.args());
                    if (!normalize(actual).equals(normalize(e.expected()))) {
                        fail("chapter " + ROOT.relativize(chapter) + " line " + e.line() + ": output of\n  " + e.command()
                                + "\ndrifted (rerun with -Dchapters.update=true to refresh the chapters):\n"
                                + diff(normalize(e.expected()), normalize(actual)));
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyChapterEmbedsAtLeastOneCommand() throws IOException {
        List<Path> chapters = chapters();
        assertTrue(chapters.size() >= 6, "expected the six chapters, found " + chapters);
        for (Path c : chapters) {
            if (!c.getFileName().toString().equals("README.md")) {
                assertFalse(parse(c, Files.readAllLines(c)).isEmpty(), c + " embeds no ./hardchain command");
            }
        }
    }

    @Test
    void parserSplitsQuotedArgumentsAndReadsOutputUpToTheNextPrompt() {
        List<String> lines = List.of("text", "```console", "$ ./hardchain explain sat2ov --formula \"1 -2 0\" -k '2'",
                "out 1", "out 2", "$ ./hardchain --version", "v", "```", "$ ./hardchain not-in-a-block");
        List<Example> ex = parse(Path.of("x.md"), lines);
        assertEquals(2, ex.size());
        assertEquals(List.of("explain", "sat2ov", "--formula", "1 -2 0", "-k", "2"), ex.get(0).args());
        assertEquals("out 1\nout 2\n", ex.get(0).expected());
        assertEquals(3, ex.get(0).line());
        assertEquals("v\n", ex.get(1).expected());
        assertThrows(IllegalArgumentException.class, () -> parse(Path.of("y.md"),
                List.of("```console", "$ ./hardchain a | head", "```")));
    }

    @Test
    void normalizationMasksOnlyWallClockTimesAndRoundingLevelNumbers() {
        assertEquals("built in #, # and # total; 2 symbols, 3 s-boxes",
                normalize("built in 0.336 s, 12 ms and 1.5s total; 2 symbols, 3 s-boxes"));
        assertEquals("|diff| = ~0, ~0 and ~0; eps 1.0e-12, 1e-6, 2.5e-3",
                normalize("|diff| = 1.1e-16, 5.6e-17 and 3e-300; eps 1.0e-12, 1e-6, 2.5e-3"));
    }

    @Test
    void aDriftedOutputIsReportedAsADiff() {
        String d = diff("a\nb\nc\n", "a\nB\nc\n");
        assertTrue(d.contains("- b") && d.contains("+ B"), d);
    }

    static List<Path> chapters() throws IOException {
        try (Stream<Path> s = Files.list(CHAPTERS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    static List<Example> parse(Path chapter, List<String> lines) {
        List<Example> out = new ArrayList<>();
        boolean inBlock = false;
        int start = -1;
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!inBlock) {
                inBlock = l.strip().equals("```console");
                continue;
            }
            boolean fence = l.strip().startsWith("```");
            if (fence || l.startsWith("$ ")) {
                if (command != null) {
                    out.add(example(chapter, start, command, expected.toString(), start, i));
                    command = null;
                }
                if (fence) {
                    inBlock = false;
                    continue;
                }
                if (!l.startsWith(PROMPT + " ") && !l.equals(PROMPT)) {
                    throw new IllegalArgumentException(chapter + ":" + (i + 1) + ": a console block may only run"
                            + " ./hardchain, found: " + l);
                }
                command = l.substring(2);
                start = i + 1;
                expected.setLength(0);
                continue;
            }
            if (command != null) {
                expected.append(l).append('\n');
            }
        }
        if (inBlock) {
            throw new IllegalArgumentException(chapter + ": a ```console block is not closed");
        }
        return out;
    }

    private static Example example(Path chapter, int line, String command, String expected, int from, int to) {
        List<String> args = tokenize(command.substring("./hardchain".length()), chapter + ":" + line);
        return new Example(chapter, line, command, args, expected, from, to);
    }

    /** Splits at blanks with "..." and '...' quoting; refuses shell syntax. */
    static List<String> tokenize(String s, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (c == ' ' || c == '\t') {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else if ("|<>;&*?$`\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException(where + ": shell syntax '" + c + "' in an embedded command: " + s);
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(where + ": unclosed quote in " + s);
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Standard output, then standard error, then "[exit N]" for a non-zero exit code. */
    static String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String text = out.toString() + err;
        return code == 0 ? text : text + "[exit " + code + "]\n";
    }

    static String normalize(String s) {
        String t = TIME.matcher(s.replace("\r\n", "\n")).replaceAll("#");
        return ROUNDING.matcher(t).replaceAll("~0");
    }

    /** A line diff: common lines with two blanks, expected with "- ", actual with "+ " (LCS). */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                sb.append("  ").append(a[i++]).append('\n');
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                sb.append("+ ").append(b[j++]).append('\n');
            } else {
                sb.append("- ").append(a[i++]).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Rewrites the output of every embedded command in {@code chapter} whose output drifted
     * (after normalization) with what it prints now.
     */
    static void update(Path chapter) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(chapter, StandardCharsets.UTF_8));
        List<Example> ex = parse(chapter, lines);
        for (int n = ex.size() - 1; n >= 0; n--) {
            Example e = ex.get(n);
            String actual = run(e.args());
            if (normalize(actual).equals(normalize(e.expected()))) {
                continue; // only times differ: keep the chapter as it is, so regenerating gives a minimal diff
            }
            List<String> replacement = actual.isEmpty() ? List.of() : List.of(actual.split("\n", -1));
            if (!replacement.isEmpty() && replacement.get(replacement.size() - 1).isEmpty()) {
                replacement = replacement.subList(0, replacement.size() - 1);
            }
            List<String> sub = lines.subList(e.from(), e.to());
            sub.clear();
            sub.addAll(replacement);
        }
        Files.writeString(chapter, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
