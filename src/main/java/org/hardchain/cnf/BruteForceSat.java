package org.hardchain.cnf;

import java.util.Optional;
import org.hardchain.util.UsageException;

/**
 * Decides a {@link Cnf} by trying all {@code 2^N} assignments: the naive oracle, sharing no
 * code with SAT4J, used to test {@link Sat4jSolver} and the reductions of THEORY.md §5.
 *
 * <p>Each clause is turned into two bit masks (its positive and its negative variables);
 * assignment {@code x} (bit {@code v - 1} = variable v) satisfies the clause iff
 * {@code x & pos != 0} or {@code ~x & neg != 0}. Cost: {@code O(2^N · m)} time,
 * {@code O(m)} memory. The assignments are tried in increasing order of {@code x}, so the
 * one returned is the least satisfying one in that order.
 */
public final class BruteForceSat {
    /** The largest N accepted (2^30 assignments). */
    public static final int MAX_VARIABLES = 30;

    private BruteForceSat() {
    }

    /**
     * The first satisfying assignment in the order above ({@code assignment[v - 1]} is
     * variable v), or empty if none exists.
     *
     * @throws UsageException if N exceeds {@link #MAX_VARIABLES}
     */
    public static Optional<boolean[]> solve(Cnf f) {
        int n = f.numVariables();
        if (n > MAX_VARIABLES) {
            throw new UsageException("brute force enumerates 2^N assignments; N = " + n
                    + " is above the limit of " + MAX_VARIABLES);
        }
        int m = f.numClauses();
        long[] pos = new long[m];
        long[] neg = new long[m];
        for (int c = 0; c < m; c++) {
            for (int j = 0; j < f.clauseLength(c); j++) {
                int lit = f.literal(c, j);
                if (lit > 0) {
                    pos[c] |= 1L << (lit - 1);
                } else {
                    neg[c] |= 1L << (-lit - 1);
                }
            }
        }
        long total = 1L << n;
        for (long x = 0; x < total; x++) {
            boolean all = true;
            for (int c = 0; c < m; c++) {
                if ((x & pos[c]) == 0 && (~x & neg[c]) == 0) {
                    all = false;
                    break;
                }
            }
            if (all) {
                boolean[] assignment = new boolean[n];
                for (int v = 0; v < n; v++) {
                    assignment[v] = (x >>> v & 1) != 0;
                }
                assert f.isSatisfiedBy(assignment) : "brute force found a non-model of " + f;
                return Optional.of(assignment);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code f} is satisfiable (see {@link #solve}). */
    public static boolean isSatisfiable(Cnf f) {
        return solve(f).isPresent();
    }
}
