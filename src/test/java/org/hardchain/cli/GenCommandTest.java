package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.format.Dimacs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenCommandTest {
    @TempDir
    Path dir;

    @Test
    void randomToStdoutIsTheLibraryFormulaWithAHeaderThatRepeatsTheRun() {
        Cli.Result r = Cli.run("gen", "random", "--vars", "12", "--ratio", "4.26", "--seed", "42");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("c hardchain gen random --vars 12 --clauses 51 --width 3 --seed 42\n"
                + "c uniform random 3-CNF: 12 variables, 51 clauses (ratio 4.250), seed 42\np cnf 12 51\n"), r::toString);
        assertEquals(CnfGenerators.randomKCnf(12, 51, 3, 42), Dimacs.parse("out", r.out()));
        assertEquals("hardchain: seed 42" + System.lineSeparator(), r.err());
        // The header's command gives the same text again.
        Cli.Result again = Cli.run("gen", "random", "--vars", "12", "--clauses", "51", "--width", "3", "--seed", "42");
        assertEquals(r.out(), again.out());
    }

    @Test
    void missingSeedIsDrawnPrintedAndReproducible() {
        Cli.Result r = Cli.run("gen", "random", "--vars", "10", "--clauses", "20");
        assertEquals(0, r.exitCode(), r::toString);
        Matcher m = Pattern.compile("hardchain: seed (-?\\d+) \\(drawn at random; repeat with --seed \\1\\)").matcher(r.err());
        assertTrue(m.find(), r::toString);
        Cli.Result again = Cli.run("gen", "random", "--vars", "10", "--clauses", "20", "--seed", m.group(1));
        assertEquals(r.out(), again.out());
    }

    @Test
    void defaultRatioIsTheThreeSatThreshold() {
        Cli.Result r = Cli.run("gen", "random", "--vars", "100", "--seed", "1");
        assertTrue(r.out().contains("\np cnf 100 426\n"), r::toString);
    }

    @Test
    void plantedToFileIsSatisfiedByTheAssignmentInItsHeader() throws IOException {
        Path out = dir.resolve("sub/p.cnf");
        Cli.Result r = Cli.run("gen", "planted", "--vars", "20", "--clauses", "120", "--width", "4", "--seed", "7",
                "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out());
        Cnf f = Dimacs.read(out);
        assertEquals(CnfGenerators.plantedKCnf(20, 120, 4, 7), f);
        String text = Files.readString(out);
        Matcher m = Pattern.compile("c planted assignment:((?: -?\\d+)+)\n").matcher(text);
        assertTrue(m.find(), text);
        String[] lits = m.group(1).trim().split(" ");
        boolean[] a = new boolean[20];
        for (int v = 0; v < 20; v++) {
            a[v] = Integer.parseInt(lits[v]) > 0;
        }
        assertTrue(f.isSatisfiedBy(a));
        assertTrue(r.err().contains("wrote " + out + " (20 variables, 120 clauses)"), r::toString);
    }

    @Test
    void phpIsDeterministicAndUnsatisfiable() {
        Cli.Result r = Cli.run("gen", "php", "--holes", "3");
        assertEquals(0, r.exitCode(), r::toString);
        Cnf f = Dimacs.parse("out", r.out());
        assertEquals(CnfGenerators.pigeonhole(3), f);
        assertTrue(Sat4jSolver.solve(f).isEmpty());
        assertTrue(r.out().startsWith("c hardchain gen php --holes 3\n"), r::toString);
    }

    @Test
    void differentSeedsGiveDifferentFormulas() {
        Cli.Result a = Cli.run("gen", "planted", "--vars", "15", "--seed", "1");
        Cli.Result b = Cli.run("gen", "planted", "--vars", "15", "--seed", "2");
        assertNotEquals(Dimacs.parse("a", a.out()), Dimacs.parse("b", b.out()));
    }

    @Test
    void infeasibleOrConflictingOptionsAreUsageErrors() {
        String[][] bad = {
            {"gen", "random", "--vars", "2", "--clauses", "3", "--seed", "1"},
            {"gen", "random", "--vars", "9", "--clauses", "3", "--ratio", "4", "--seed", "1"},
            {"gen", "random", "--vars", "9", "--clauses", "-3", "--seed", "1"},
            {"gen", "random", "--vars", "9", "--ratio", "-1", "--seed", "1"},
            {"gen", "planted", "--clauses", "3"},
            {"gen", "php", "--holes", "-1"},
            {"gen", "php"},
            {"gen", "random", "--vars", "x"},
        };
        for (String[] args : bad) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().lines().count(),
                    String.join(" ", args) + "\n" + r);
            assertEquals("", r.out(), String.join(" ", args));
        }
    }
}
