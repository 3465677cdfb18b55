package org.hardchain.cnf;

import java.util.Arrays;
import java.util.List;

/**
 * A formula in conjunctive normal form over variables {@code 1..N}, as in DIMACS: a
 * literal {@code v > 0} is variable v, {@code -v} its negation. Clauses are kept exactly
 * as given (duplicate literals, tautologies and empty clauses included), so a formula
 * read from a file is written back unchanged.
 *
 * <p>This class is immutable.
 */
public final class Cnf {
    private final int numVariables;
    private final int[][] clauses;

    private Cnf(int numVariables, int[][] clauses) {
        this.numVariables = numVariables;
        this.clauses = clauses;
    }

    /**
     * A formula with {@code numVariables} variables and the given clauses (copied).
     *
     * @throws IllegalArgumentException if {@code numVariables < 0}, a literal is 0 or
     *                                  names a variable above {@code numVariables}
     */
    public static Cnf of(int numVariables, List<int[]> clauses) {
        if (numVariables < 0) {
            throw new IllegalArgumentException("number of variables must be >= 0, got " + numVariables);
        }
        int[][] copy = new int[clauses.size()][];
        for (int c = 0; c < copy.length; c++) {
            int[] clause = clauses.get(c).clone();
            for (int lit : clause) {
                if (lit == 0 || lit == Integer.MIN_VALUE || Math.abs(lit) > numVariables) {
                    throw new IllegalArgumentException("clause " + c + ": literal " + lit
                            + " is not in [-" + numVariables + ", -1] or [1, " + numVariables + "]");
                }
            }
            copy[c] = clause;
        }
        return new Cnf(numVariables, copy);
    }

    /** Varargs convenience: {@code Cnf.of(3, new int[]{1, -2}, new int[]{3})}. */
    public static Cnf of(int numVariables, int[]... clauses) {
        return of(numVariables, Arrays.asList(clauses));
    }

    /** N, the number of variables (variables are 1..N). */
    public int numVariables() {
        return numVariables;
    }

    /** m, the number of clauses. */
    public int numClauses() {
        return clauses.length;
    }

    /** A copy of clause {@code c} (0-based). */
    public int[] clause(int c) {
        return clauses[c].clone();
    }

    /** The number of literals in clause {@code c}. */
    public int clauseLength(int c) {
        return clauses[c].length;
    }

    /** Literal {@code j} of clause {@code c}. */
    public int literal(int c, int j) {
        return clauses[c][j];
    }

    /**
     * Whether {@code assignment} satisfies every clause: our own evaluator, independent of
     * any solver. {@code assignment[v - 1]} is the value of variable v.
     *
     * @throws IllegalArgumentException if the assignment's length is not N
     */
    public boolean isSatisfiedBy(boolean[] assignment) {
        return firstFalsifiedClause(assignment) < 0;
    }

    /** The index of the first clause {@code assignment} falsifies, or -1 if it satisfies all. */
    public int firstFalsifiedClause(boolean[] assignment) {
        if (assignment.length != numVariables) {
            throw new IllegalArgumentException("assignment has " + assignment.length
                    + " values, formula has " + numVariables + " variables");
        }
        for (int c = 0; c < clauses.length; c++) {
            boolean sat = false;
            for (int lit : clauses[c]) {
                if (assignment[Math.abs(lit) - 1] == (lit > 0)) {
                    sat = true;
                    break;
                }
            }
            if (!sat) {
                return c;
            }
        }
        return -1;
    }

    /** The assignment as DIMACS literals, one per variable: {@code v} if true, {@code -v} if false. */
    public static int[] toDimacsLiterals(boolean[] assignment) {
        int[] lits = new int[assignment.length];
        for (int v = 0; v < assignment.length; v++) {
            lits[v] = assignment[v] ? v + 1 : -(v + 1);
        }
        return lits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cnf other && other.numVariables == numVariables
                && Arrays.deepEquals(other.clauses, clauses);
    }

    @Override
    public int hashCode() {
        return 31 * numVariables + Arrays.deepHashCode(clauses);
    }

    @Override
    public String toString() {
        return "Cnf[" + numVariables + " variables, " + clauses.length + " clauses]";
    }
}
