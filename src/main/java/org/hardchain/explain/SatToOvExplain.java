package org.hardchain.explain;

import org.hardchain.cnf.Cnf;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.hardchain.util.UsageException;

/**
 * Walkthrough of SAT to k-OV by split and list (Alman &amp; Song 2023, section 4, Definition 4.2
 * generalized; THEORY §5; {@link SatToOv}): the variable groups, every vector with its partial
 * assignment, every k-tuple's coordinate-wise product, and the bijection between orthogonal
 * tuples and satisfying assignments, checked against evaluating the formula on all 2^N
 * assignments. For instances small enough to print.
 */
public final class SatToOvExplain {
    /** Largest number of variables explained. */
    public static final int MAX_VARIABLES = 12;
    /** Largest number of clauses explained. */
    public static final int MAX_CLAUSES = 16;
    /** Tuples up to this many are printed one per line; above it only orthogonal ones. */
    public static final int MAX_TUPLE_LINES = 64;

    private SatToOvExplain() {
    }

    /**
     * The walkthrough text. O(2^N (m + N)).
     *
     * @throws UsageException if the formula has more than {@value #MAX_VARIABLES} variables or
     *                        {@value #MAX_CLAUSES} clauses, or order &lt; 2
     */
    public static String explain(Cnf f, int order) {
        if (order < 2 || order > 8) {
            throw new UsageException("order k = " + order + " must be in [2, 8] for explain");
        }
        if (f.numVariables() > MAX_VARIABLES || f.numClauses() > MAX_CLAUSES) {
            throw new UsageException("explain sat2ov prints every vector: at most " + MAX_VARIABLES
                    + " variables and " + MAX_CLAUSES + " clauses, this formula has " + f.numVariables()
                    + " and " + f.numClauses());
        }
        SatToOv red = SatToOv.of(f, order);
        OvInstance ov = red.instance();
        int m = f.numClauses();
        Text t = new Text();
        t.line("SAT -> %d-OV by split and list (Alman-Song 2023, section 4; THEORY section 5)", order);
        t.line("formula: %d variables, %d clauses (DIMACS literals: v is x_v, -v is NOT x_v)", f.numVariables(), m);
        for (int c = 0; c < m; c++) {
            t.line("  clause %d: %s", c, clauseText(f, c));
        }
        t.line("groups: consecutive variables, sizes as equal as possible");
        for (int p = 0; p < order; p++) {
            t.line("  %s", red.describeGroup(p));
        }
        t.line("vector i of set p: the group's j-th variable is true iff bit j of i is 1;");
        t.line("coordinate c is 1 iff that partial assignment satisfies no literal of clause c");
        for (int p = 0; p < order; p++) {
            t.line("set %d, %s:", p, red.describeGroup(p));
            for (int i = 0; i < ov.size(p); i++) {
                t.line("  %d  %s -> %s", i, partial(red, p, i), Text.bits(ov.vector(p, i)));
            }
        }
        long tuples = ov.tupleCount();
        boolean all = tuples <= MAX_TUPLE_LINES;
        t.line(all ? "every tuple: coordinate-wise product (1 = clause falsified by the union of the partial assignments)"
                : "orthogonal tuples (all %d tuples checked; the others are not printed):", tuples);
        int[] tuple = new int[order];
        long orthogonal = 0;
        for (long idx = 0; idx < tuples; idx++) {
            long rest = idx;
            for (int p = order - 1; p >= 0; p--) {
                tuple[p] = (int) (rest % ov.size(p));
                rest /= ov.size(p);
            }
            boolean[] prod = new boolean[m];
            boolean orth = true;
            for (int c = 0; c < m; c++) {
                boolean one = true;
                for (int p = 0; p < order; p++) {
                    one &= ov.get(p, tuple[p], c);
                }
                prod[c] = one;
                orth &= !one;
            }
            boolean[] a = red.assignmentFromTuple(tuple);
            if (orth != f.isSatisfiedBy(a)) {
                throw new IllegalStateException("tuple " + Text.ints(tuple) + " orthogonal = " + orth
                        + " but the formula says " + f.isSatisfiedBy(a));
            }
            if (orth) {
                orthogonal++;
            }
            if (all || orth) {
                t.line("  %s  %s  %s", Text.ints(tuple), Text.bits(prod),
                        orth ? "orthogonal: " + assignmentText(a) + " satisfies every clause"
                                : "clause " + f.firstFalsifiedClause(a) + " falsified");
            }
        }
        long satisfying = 0;
        boolean[] a = new boolean[f.numVariables()];
        for (long mask = 0; mask < 1L << f.numVariables(); mask++) {
            for (int v = 0; v < a.length; v++) {
                a[v] = (mask >>> v & 1) != 0;
            }
            if (f.isSatisfiedBy(a)) {
                satisfying++;
            }
        }
        t.line("%d orthogonal tuples of %d; %d satisfying assignments of %d (by evaluating the formula): %s",
                orthogonal, tuples, satisfying, 1L << f.numVariables(), orthogonal == satisfying ? "equal" : "DIFFERENT");
        t.line("answer: %s", orthogonal > 0 ? "satisfiable (an orthogonal tuple exists)"
                : "unsatisfiable (no orthogonal tuple)");
        return t.toString();
    }

    static String clauseText(Cnf f, int c) {
        if (f.clauseLength(c) == 0) {
            return "(empty clause: false)";
        }
        StringBuilder b = new StringBuilder("(");
        for (int j = 0; j < f.clauseLength(c); j++) {
            int lit = f.literal(c, j);
            b.append(j == 0 ? "" : " OR ").append(lit > 0 ? "x" + lit : "NOT x" + (-lit));
        }
        return b.append(')').toString();
    }

    static String partial(SatToOv red, int p, int i) {
        if (red.groupSize(p) == 0) {
            return "(empty assignment)";
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < red.groupSize(p); j++) {
            b.append(j == 0 ? "" : " ").append('x').append(red.groupStart(p) + j + 1).append('=').append(i >>> j & 1);
        }
        return b.toString();
    }

    static String assignmentText(boolean[] a) {
        if (a.length == 0) {
            return "the empty assignment";
        }
        StringBuilder b = new StringBuilder();
        for (int v = 0; v < a.length; v++) {
            b.append(v == 0 ? "" : " ").append('x').append(v + 1).append('=').append(a[v] ? 1 : 0);
        }
        return b.toString();
    }
}
