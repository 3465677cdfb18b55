package org.hardchain.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input the reader must reject, with its exact line and message. The
 * first cases are those SAT4J's reader gets wrong (issue 2). The CLI test
 * {@code SatSolveCommandTest} runs the same table through {@code hardchain sat solve}.
 */
public class DimacsMalformedTest {
    /** (name, file content, expected line, expected problem). */
    public static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("literal above the declared variable count",
                        "p cnf 3 2\n1 2 0\n-4 1 0\n", 3,
                        "literal -4 exceeds the 3 variables declared in the header at line 1"),
                Arguments.of("number above 2^31 is not wrapped",
                        "p cnf 3 1\n4294967297 0\n", 2,
                        "literal '4294967297' is out of the int range [-2147483647, 2147483647]"),
                Arguments.of("2^31 exactly",
                        "p cnf 3 1\n1 2147483648 0\n", 2,
                        "literal '2147483648' is out of the int range [-2147483647, 2147483647]"),
                Arguments.of("int minimum is no variable",
                        "p cnf 3 1\n-2147483648 0\n", 2,
                        "literal -2147483648 exceeds the 3 variables declared in the header at line 1"),
                Arguments.of("lone minus sign",
                        "p cnf 3 1\n1 - 2 0\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got '-'"),
                Arguments.of("negative variable count",
                        "p cnf -3 1\n1 0\n", 1, "the number of variables must be >= 0, got -3"),
                Arguments.of("negative clause count",
                        "p cnf 3 -1\n", 1, "the number of clauses must be >= 0, got -1"),
                Arguments.of("variable count above 2^31",
                        "c x\np cnf 99999999999999999999 1\n1 0\n", 2,
                        "the number of variables '99999999999999999999' is out of range [0, 2147483647]"),
                Arguments.of("clause count above 2^31",
                        "p cnf 3 2147483648\n", 1,
                        "the number of clauses '2147483648' is out of range [0, 2147483647]"),
                Arguments.of("header with clause count missing",
                        "p cnf 3\n1 0\n", 1, "expected 'p cnf VARIABLES CLAUSES', got 'p cnf 3'"),
                Arguments.of("header with an extra token",
                        "p cnf 3 1 7\n1 0\n", 1, "expected 'p cnf VARIABLES CLAUSES', got 'p cnf 3 1 7'"),
                Arguments.of("header of another format",
                        "p wcnf 3 1\n1 0\n", 1, "expected 'p cnf VARIABLES CLAUSES', got 'p wcnf 3 1'"),
                Arguments.of("header glued together",
                        "pcnf 3 1\n1 0\n", 1, "expected 'p cnf VARIABLES CLAUSES', got 'pcnf 3 1'"),
                Arguments.of("header count not a number",
                        "p cnf three 1\n1 0\n", 1,
                        "expected 'p cnf VARIABLES CLAUSES', got 'p cnf three 1': the number of variables 'three' is not an integer"),
                Arguments.of("header count with a plus sign",
                        "p cnf +3 1\n1 0\n", 1,
                        "expected 'p cnf VARIABLES CLAUSES', got 'p cnf +3 1': the number of variables '+3' is not an integer"),
                Arguments.of("duplicate header",
                        "p cnf 3 1\nc\np cnf 3 1\n1 0\n", 3, "a second 'p' header (the first is at line 1)"),
                Arguments.of("header after the clauses",
                        "1 2 0\np cnf 3 1\n", 1,
                        "expected the 'p cnf VARIABLES CLAUSES' header before the clauses, got '1 2 0'"),
                Arguments.of("missing header, only comments",
                        "c nothing\n\n", 0, "no 'p cnf VARIABLES CLAUSES' header (the file has no clauses either)"),
                Arguments.of("empty file",
                        "", 0, "no 'p cnf VARIABLES CLAUSES' header (the file has no clauses either)"),
                Arguments.of("percent before the header",
                        "%\np cnf 1 1\n1 0\n", 0, "no 'p cnf VARIABLES CLAUSES' header (the file has no clauses either)"),
                Arguments.of("too many clauses",
                        "p cnf 3 2\n1 0\n2 0\n\n3 0\n", 5, "more clauses than the 2 declared in the header at line 1"),
                Arguments.of("too many clauses, an extra empty clause",
                        "p cnf 3 1\n1 0 0\n", 2, "more clauses than the 1 declared in the header at line 1"),
                Arguments.of("too many clauses in p cnf N 0",
                        "p cnf 2 0\n1 0\n", 2, "more clauses than the 0 declared in the header at line 1"),
                Arguments.of("too few clauses",
                        "c\np cnf 3 3\n1 0\n2 0\n", 2, "the header declares 3 clauses but the file has 2"),
                Arguments.of("last clause not terminated",
                        "p cnf 3 2\n1 0\n2\n3\n", 4, "the last clause (from line 3) is not terminated by 0"),
                Arguments.of("last clause not terminated before percent",
                        "p cnf 3 1\n1 2\n%\n0\n", 2, "the last clause (from line 2) is not terminated by 0"),
                Arguments.of("garbage word",
                        "p cnf 3 1\n1 x 0\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got 'x'"),
                Arguments.of("decimal number",
                        "p cnf 3 1\n1.0 0\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got '1.0'"),
                Arguments.of("plus sign",
                        "p cnf 3 1\n+1 0\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got '+1'"),
                Arguments.of("double minus",
                        "p cnf 3 1\n--1 0\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got '--1'"),
                Arguments.of("trailing comment on a clause line",
                        "p cnf 3 1\n1 2 0 c note\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got 'c'"),
                Arguments.of("comment token inside a clause",
                        "p cnf 3 2\n1 2 c note 0\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got 'c'"),
                Arguments.of("long garbage is quoted shortened",
                        "p cnf 3 1\n" + "a".repeat(100) + "\n", 2,
                        "expected a literal (a nonzero integer in [-3, 3]) or 0 ending the clause, got '"
                                + "a".repeat(40) + "...'"),
                Arguments.of("literal in p cnf 0 1",
                        "p cnf 0 1\n1 0\n", 2, "literal 1 exceeds the 0 variables declared in the header at line 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputIsRejectedWithLineAndMessage(String name, String text, int line, String problem) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Dimacs.parse("bad.cnf", text));
        assertEquals(line, e.line(), name);
        assertEquals(problem, e.problem(), name);
        assertEquals(line > 0 ? "bad.cnf:" + line + ": " + problem : "bad.cnf: " + problem, e.getMessage(), name);
    }
}
