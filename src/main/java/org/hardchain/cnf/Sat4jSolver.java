package org.hardchain.cnf;

import java.util.Optional;
import org.hardchain.util.UsageException;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * Decides a {@link Cnf} with SAT4J's CDCL solver (through its solver API, not its DIMACS
 * reader, which accepts malformed files: see {@link org.hardchain.format.Dimacs}). This is
 * the independent oracle every SAT answer of the chain (THEORY.md §5, §10) is checked
 * against; {@link BruteForceSat} is the oracle for SAT4J itself on small formulas.
 *
 * <p>Guarantee: the answer is exact; a returned assignment is checked with our own
 * evaluator {@link Cnf#isSatisfiedBy} before it is returned. Cost: worst case
 * {@code 2^N · poly(m)} (CDCL), usually far less; memory {@code O(N + total literals)}.
 */
public final class Sat4jSolver {
    /** The largest N for which a model (one boolean per declared variable) is built. */
    public static final int MAX_VARIABLES = 1 << 28;

    private Sat4jSolver() {
    }

    /**
     * A satisfying assignment of {@code f} ({@code assignment[v - 1]} is variable v, length
     * N), or empty if {@code f} is unsatisfiable. Variables that occur in no clause are false.
     * Handles N = 0, m = 0, empty clauses (UNSAT), duplicate literals and tautologies.
     *
     * @throws UsageException if N exceeds {@link #MAX_VARIABLES} (the model would not fit)
     */
    public static Optional<boolean[]> solve(Cnf f) {
        if (f.numVariables() > MAX_VARIABLES) {
            throw new UsageException("the formula declares " + f.numVariables()
                    + " variables; a model of that many values is above the limit of " + MAX_VARIABLES);
        }
        // Only the variables that occur are declared to SAT4J: the header's count may be huge.
        int maxVar = 0;
        for (int c = 0; c < f.numClauses(); c++) {
            for (int j = 0; j < f.clauseLength(c); j++) {
                maxVar = Math.max(maxVar, Math.abs(f.literal(c, j)));
            }
        }
        ISolver solver = SolverFactory.newDefault();
        solver.newVar(maxVar);
        solver.setExpectedNumberOfClauses(f.numClauses());
        try {
            for (int c = 0; c < f.numClauses(); c++) {
                // SAT4J removes duplicate literals and drops tautologies itself; an empty
                // clause, or a conflict found while adding, is a ContradictionException.
                solver.addClause(new VecInt(f.clause(c)));
            }
            if (!solver.isSatisfiable()) {
                return Optional.empty();
            }
        } catch (ContradictionException e) {
            return Optional.empty();
        } catch (TimeoutException e) {
            throw new IllegalStateException("SAT4J timed out on " + f, e);
        }
        boolean[] assignment = new boolean[f.numVariables()];
        for (int lit : solver.model()) {
            int v = Math.abs(lit);
            if (v >= 1 && v <= assignment.length) {
                assignment[v - 1] = lit > 0;
            }
        }
        int bad = f.firstFalsifiedClause(assignment);
        if (bad >= 0) {
            throw new IllegalStateException("SAT4J returned a model that falsifies clause " + bad
                    + " of " + f);
        }
        return Optional.of(assignment);
    }

    /** Whether {@code f} is satisfiable (see {@link #solve}). */
    public static boolean isSatisfiable(Cnf f) {
        return solve(f).isPresent();
    }
}
