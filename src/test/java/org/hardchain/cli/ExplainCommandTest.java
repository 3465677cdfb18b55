package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hardchain explain STAGE}: exit codes, limits, and one hand-checked case per stage. */
class ExplainCommandTest {
    private static final String FORMULA = "1 -2 0 2 3 0 -1 -3 0";

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.err(), r.toString());
        return r;
    }

    private static void usage(String expected, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains(expected), "stderr should contain '" + expected + "': " + r);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
    }

    @Test
    void sat2ovVectorsOfTheThreeClauseFormulaAreTheHandComputedOnes() {
        // (x1 or not x2) (x2 or x3) (not x1 or not x3), k = 2: group 0 = x1 x2, group 1 = x3.
        // x1=0,x2=0: fails clause 1 only among its literals (x1 false, not x2 true -> clause 0 satisfied) -> 010.
        // x1=1,x2=0: clause 0 satisfied by x1, clause 1 not, clause 2 not (not x1 false) -> 011.
        // x1=0,x2=1: clause 0 not (x1 false, not x2 false), clause 1 by x2, clause 2 by not x1 -> 100.
        // x1=1,x2=1: clause 0 by x1, clause 1 by x2, clause 2 not -> 001.
        // x3=0: clause 0 not, clause 1 not, clause 2 by not x3 -> 110; x3=1: 101.
        String out = ok("explain", "sat2ov", "--formula", FORMULA).out();
        for (String line : new String[] {"  0  x1=0 x2=0 -> 010", "  1  x1=1 x2=0 -> 011", "  2  x1=0 x2=1 -> 100",
            "  3  x1=1 x2=1 -> 001", "  0  x3=0 -> 110", "  1  x3=1 -> 101",
            "  [0 1]  000  orthogonal: x1=0 x2=0 x3=1 satisfies every clause",
            "  [3 0]  000  orthogonal: x1=1 x2=1 x3=0 satisfies every clause",
            "2 orthogonal tuples of 8; 2 satisfying assignments of 8 (by evaluating the formula): equal"}) {
            assertTrue(out.contains(line + "\n"), "missing '" + line + "' in\n" + out);
        }
    }

    @Test
    void sat2ovHandlesUnsatisfiableFormulasAndGroupsWithoutVariables() {
        assertTrue(ok("explain", "sat2ov", "--formula", "1 0 -1 2 0 -2 0").out()
                .contains("answer: unsatisfiable (no orthogonal tuple)"));
        String out = ok("explain", "sat2ov", "--order", "3", "--formula", "1 0").out();
        assertTrue(out.contains("group 2: no variables (1 vector)") && out.contains("(empty assignment) -> 1"), out);
        assertTrue(ok("explain", "sat2ov", "--formula", "0").out().contains("(empty clause: false)"));
    }

    @Test
    void sat2ovReadsDimacsFiles() {
        assertEquals(ok("explain", "sat2ov", "--formula", FORMULA).out(),
                ok("explain", "sat2ov", "reductions/examples/tiny.cnf").out());
    }

    @Test
    void badInputsAreOneLineUsageErrors() {
        usage("at most 12 variables", "explain", "sat2ov", "--formula", "1 2 3 4 5 6 7 8 9 10 11 12 13 0");
        usage("'x' is not a literal", "explain", "sat2ov", "--formula", "1 x 0");
        usage("the last clause is not ended by 0", "explain", "sat2ov", "--formula", "1 2");
        usage("not both", "explain", "sat2ov", "reductions/examples/tiny.cnf", "--formula", "1 0");
        usage("must be >= 2", "explain", "sat2ov", "--order", "1");
        usage("element 4 is outside the universe", "explain", "protocol", "--sets", "0,4", "1");
        usage("--sets gives 1 sets, need k = 2", "explain", "protocol", "--sets", "0");
        usage("above the limit 64", "explain", "protocol", "--block-size", "2", "--reps", "4");
        usage("set 0 has 8 vectors, the limit is 4", "explain", "ov2maxip", "--formula", "1 2 3 4 5 0");
        usage("need k >= 2, 1 <= n <= 6", "explain", "poly", "--n", "7");
        usage("at most 8 variables", "explain", "chain", "--formula", "1 2 3 4 5 6 7 8 9 0");
        usage("construction must be 'reference' or 'paper'", "explain", "maxip2attention", "--construction", "x");
    }

    @Test
    void missingFileIsAnInputError() {
        Cli.Result r = Cli.run("explain", "sat2ov", "target/no-such-file.cnf");
        assertEquals(3, r.exitCode(), r.toString());
    }

    @Test
    void explainWithoutAStagePrintsUsage() {
        Cli.Result r = Cli.run("explain");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("sat2ov") && r.err().contains("maxip2attention") && r.err().contains("chain"), r.err());
    }

    @Test
    void protocolCodewordsMatchTheHandComputedPolynomials() {
        // F_5, points 0..3, RS(2) systematic: x = (1,0) is f = 1 - x -> (1, 0, 4, 3); x = (0,1) is f = x -> (0, 1, 2, 3).
        String out = ok("explain", "protocol", "--sets", "0,3", "1,2").out();
        assertTrue(out.contains("  block 0: x = [1 0] -> E = [1 0 4 3]\n  block 1: x = [0 1] -> E = [0 1 2 3]\n"), out);
        // psi* = E^A_0 E^B_0 + E^A_1 E^B_1 = (1,0,4,3)(0,1,2,3) + (0,1,2,3)(1,0,4,3) = 2 (0,0,8,9) = (0,0,1,3) mod 5.
        assertTrue(out.contains("honest proof psi* = sum_t prod_i E^(i)_t = [0 0 1 3]"), out);
        assertTrue(out.contains("accepting random strings for psi*: 4 of 4: [0] [1] [2] [3]"), out);
    }

    @Test
    void protocolBestCheaterMeetsTheSoundnessBoundOnIntersectingSets() {
        String out = ok("explain", "protocol", "--sets", "0,3", "1,3").out();
        assertTrue(out.contains("accepting random strings for psi*: 0 of 4"), out);
        assertTrue(out.contains("accepted on 2 of 4 = 1/2 (within the soundness bound)"), out);
        out = ok("explain", "protocol", "--reps", "2", "--sets", "0,3", "1,3").out();
        assertTrue(out.contains("accepted on 4 of 16 = 1/4 (within the soundness bound)"), out);
    }

    @Test
    void ov2maxipRowsReachTExactlyForVectorsWithOrthogonalPartners() {
        String out = ok("explain", "ov2maxip", "--formula", FORMULA).out();
        assertTrue(out.contains("t = L^ell = 4, (1 - eps) t = 1/2 * 4"), out);
        assertTrue(out.contains("  a = 0: max 4 -> YES; brute force: has an orthogonal partner tuple"), out);
        assertTrue(out.contains("  a = 1: max 2 -> no; brute force: no orthogonal partner"), out);
        assertTrue(out.contains("  a = 3: max 4 -> YES; brute force: has an orthogonal partner tuple"), out);
        assertEquals(2, out.lines().filter(l -> l.endsWith("= t")).count(), out);
        assertTrue(ok("explain", "ov2maxip", "reductions/examples/tiny3.ov", "--block-size", "1").out()
                .contains("  a = 1: max 0 -> no; brute force: no orthogonal partner"));
    }

    @Test
    void maxip2attentionOutputOfTheYesRowIsTheHandComputedSoftmax() {
        // lambda = ln(4 * 2) / (1/2 * 4) = ln(8)/2; M = 3 - 2 - 1 = 0, so C = sqrt(x_yes x_no) with
        // x_yes = e^{4 lambda} + 1 = 65 and x_no = 2 e^{2 lambda} = 16. Row 3 has IPs 1 and 4.
        double lambda = Math.log(8) / 2;
        double x = Math.exp(lambda) + Math.exp(4 * lambda);
        double c = Math.sqrt(65 * 16.0);
        String expected = String.format(Locale.ROOT, "  3: IP 1 4, ln X = 4.20213, Att = %.6f, f(X) = %.6f -> YES (max IP 4: YES)",
                x / (x + c), x / (x + c));
        String out = ok("explain", "maxip2attention", "--formula", FORMULA).out();
        assertTrue(out.contains(expected + "\n"), "missing '" + expected + "' in\n" + out);
        assertTrue(out.contains("0 of 20 decisions differ from the Max-IP truth"), out);
        String paper = ok("explain", "maxip2attention", "--formula", FORMULA, "--construction", "paper").out();
        assertTrue(paper.contains("padding: [2] all-zero rows") && paper.contains("0 of 20 decisions differ"), paper);
    }

    @Test
    void maxip2attentionReadsMaxipFiles() {
        ok("ov2maxip", "reductions/examples/tiny3.ov", "--block-size", "1", "-o", "target/explain-test/t.maxip");
        String out = ok("explain", "maxip2attention", "target/explain-test/t.maxip").out();
        assertTrue(out.contains("0 of 2 decisions differ from the Max-IP truth"), out);
    }

    @Test
    void polyErrorStaysWithinTheAPrioriBoundAndRankIsTheBinomial() {
        String out = ok("explain", "poly").out();
        assertTrue(out.contains("degree g = 3") && out.contains("rank r = C(d+g, g) = C(5, 3) = 10"), out);
        String line = out.lines().filter(l -> l.startsWith("||T - Att||_inf = ")).findFirst().orElseThrow();
        String[] parts = line.replace("||T - Att||_inf = ", "").split(" <= a-priori bound 2 delta/\\(1 - delta\\) V = ");
        double err = Double.parseDouble(parts[0]);
        double bound = Double.parseDouble(parts[1].split(" ")[0]);
        assertTrue(err <= bound, line);
        assertTrue(ok("explain", "poly", "--degree", "2", "--order", "3", "--n", "3").out().contains("degree g = 2 (fixed)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void chainRecoversASatisfyingAssignmentWithinTheCallBound(int order) {
        String out = ok("explain", "chain", "--order", String.valueOf(order), "--formula", "1 2 0 -1 3 0 -2 -3 0").out();
        assertTrue(out.contains("satisfies every clause") && out.contains("answer: SATISFIABLE"), out);
        assertTrue(out.contains("the same rows as exact Max-IP: yes"), out);
    }

    @Test
    void chainAnswersUnsatisfiableWithOneCall() {
        String out = ok("explain", "chain", "reductions/examples/unsat.cnf").out();
        assertTrue(out.contains("the chain answers UNSATISFIABLE with 1 oracle call"), out);
    }
}
