package org.hardchain.ov;

import java.util.Locale;
import org.hardchain.cnf.Cnf;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;

/**
 * SAT &rarr; k-OV by split and list (THEORY §5; Alman &amp; Song 2023, the reduction behind
 * Definition 4.2 and Theorem 4.7, after R. Williams 2005).
 *
 * <p><b>Group convention</b> (files and tests rely on it). The N variables of the formula
 * are split into k groups of consecutive variables; with {@code q = N / k} and
 * {@code r = N mod k}, groups {@code 0..r-1} have q + 1 variables and the others q. Group
 * p holds variables {@code start(p)+1 .. end(p)} (DIMACS numbering). Set p of the instance
 * has {@code n_p = 2^{|group p|}} vectors; vector index i is the partial assignment in
 * which the group's j-th variable (lowest first, j = 0..) is true iff bit j of i is 1. A
 * group with no variables (N &lt; k) gives a set with exactly one vector, the empty
 * assignment.
 *
 * <p><b>Vectors.</b> Coordinate c (clause c) of the vector of a partial assignment alpha is 1
 * iff alpha satisfies no literal of clause c that lies in its group. So an empty clause is
 * an all-ones coordinate, a clause with a tautology inside a group is 0 for that group, and
 * duplicate literals change nothing.
 *
 * <p><b>Guarantee.</b> A tuple is orthogonal iff the union of its partial assignments
 * satisfies every clause; so F is satisfiable iff the instance has an orthogonal tuple, and
 * {@link #assignmentFromTuple} / {@link #tupleFromAssignment} map witnesses both ways.
 *
 * <p><b>Cost.</b> Space {@code sum_p 2^{|group p|} * ceil(m/64)} words; time
 * {@code O(sum_c sum_p 2^{|group p| - |clause c in group p|})} (each clause sets exactly the
 * bits it must, by enumerating submasks), at most {@code O(m k 2^{ceil(N/k)})}.
 * Under SETH (with sparsification) no n^{k-q} poly(m) k-OV algorithm exists.
 *
 * <p>This class is immutable.
 */
public final class SatToOv {
    /** Default refusal threshold: sets of more than 2^26 vectors. */
    public static final long DEFAULT_MAX_VECTORS_PER_SET = 1L << 26;

    private final Cnf formula;
    private final int[] start;
    private final OvInstance instance;

    private SatToOv(Cnf formula, int[] start, OvInstance instance) {
        this.formula = formula;
        this.start = start;
        this.instance = instance;
    }

    /** The reduction with the default limit {@link #DEFAULT_MAX_VECTORS_PER_SET}. */
    public static SatToOv of(Cnf formula, int order) {
        return of(formula, order, DEFAULT_MAX_VECTORS_PER_SET);
    }

    /**
     * Builds the k-OV instance of {@code formula} for order {@code k}.
     *
     * @param maxVectorsPerSet refuse (before allocating) when a set would have more vectors
     *                         (sets are capped at 2^30 vectors whatever the limit)
     * @throws UsageException          if {@code order < 2}
     * @throws ResourceLimitException if the largest set exceeds {@code maxVectorsPerSet}
     */
    public static SatToOv of(Cnf formula, int order, long maxVectorsPerSet) {
        if (order < 2) {
            throw new UsageException("order k must be >= 2, got " + order);
        }
        int[] start = groupStarts(formula.numVariables(), order);
        int largest = start[1] - start[0];
        int m = formula.numClauses();
        long words = OvInstance.wordsFor(m);
        if (largest > 30 || (1L << largest) > maxVectorsPerSet) {
            double vectors = Math.pow(2, largest);
            double bytes = 0;
            for (int p = 0; p < order; p++) {
                bytes += Math.pow(2, start[p + 1] - start[p]) * Math.max(1, words) * 8.0;
            }
            throw new ResourceLimitException(String.format(Locale.ROOT,
                    "SAT -> %d-OV of %d variables and %d clauses needs sets of 2^%d = %s vectors "
                            + "(about %s bytes in all), above the limit of %s vectors per set; "
                            + "raise the order k or the limit",
                    order, formula.numVariables(), m, largest, ResourceLimitException.human(vectors),
                    ResourceLimitException.human(bytes), ResourceLimitException.human(maxVectorsPerSet)));
        }
        double bytes = 0;
        for (int p = 0; p < order; p++) {
            bytes += Math.pow(2, start[p + 1] - start[p]) * words * 8.0;
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > 0.8 * heap) {
            throw new ResourceLimitException(String.format(Locale.ROOT,
                    "SAT -> %d-OV of %d variables and %d clauses needs about %s bytes, above 80%% of the "
                            + "JVM heap (%s bytes); raise the heap with JAVA_OPTS=-Xmx... or the order k",
                    order, formula.numVariables(), m, ResourceLimitException.human(bytes),
                    ResourceLimitException.human(heap)));
        }
        return new SatToOv(formula, start, build(formula, start));
    }

    /** Group starts (0-based variable offsets) for N variables in k groups, plus the end N. */
    static int[] groupStarts(int numVariables, int order) {
        int q = numVariables / order;
        int r = numVariables % order;
        int[] start = new int[order + 1];
        for (int p = 0; p < order; p++) {
            start[p + 1] = start[p] + q + (p < r ? 1 : 0);
        }
        return start;
    }

    private static OvInstance build(Cnf f, int[] start) {
        int k = start.length - 1;
        int m = f.numClauses();
        int words = OvInstance.wordsFor(m);
        int[] sizes = new int[k];
        long[][] data = new long[k][];
        for (int p = 0; p < k; p++) {
            int lo = start[p];
            int g = start[p + 1] - lo;
            int n = 1 << g;
            sizes[p] = n;
            long[] set = new long[words * n];
            data[p] = set;
            for (int c = 0; c < m; c++) {
                // alpha falsifies every literal of clause c in this group iff
                // (alpha & mask) == value; never if the clause has x and -x of the group.
                int mask = 0;
                int value = 0;
                boolean taut = false;
                for (int j = 0; j < f.clauseLength(c); j++) {
                    int lit = f.literal(c, j);
                    int v = Math.abs(lit) - 1;
                    if (v < lo || v >= lo + g) {
                        continue;
                    }
                    int bit = 1 << (v - lo);
                    int want = lit > 0 ? 0 : bit; // the value of the bit that falsifies lit
                    if ((mask & bit) != 0 && (value & bit) != want) {
                        taut = true;
                        break;
                    }
                    mask |= bit;
                    value |= want;
                }
                if (taut) {
                    continue;
                }
                // Enumerate the alphas with (alpha & mask) == value: value | every submask of free.
                int free = (n - 1) & ~mask;
                int base = (c >>> 6) * n;
                long bitC = 1L << (c & 63);
                int sub = 0;
                do {
                    set[base + (sub | value)] |= bitC;
                    sub = (sub - free) & free;
                } while (sub != 0);
            }
        }
        return OvInstance.ofWordMajor(m, sizes, data);
    }

    /** The source formula. */
    public Cnf formula() {
        return formula;
    }

    /** The k-OV instance. */
    public OvInstance instance() {
        return instance;
    }

    /** k, the order. */
    public int order() {
        return start.length - 1;
    }

    /** 0-based index of the first variable of group p (DIMACS variable {@code groupStart(p) + 1}). */
    public int groupStart(int p) {
        checkGroup(p);
        return start[p];
    }

    /** 0-based index one past the last variable of group p. */
    public int groupEnd(int p) {
        checkGroup(p);
        return start[p + 1];
    }

    /** The number of variables of group p (so set p has 2^groupSize(p) vectors). */
    public int groupSize(int p) {
        checkGroup(p);
        return start[p + 1] - start[p];
    }

    /**
     * The tuple of partial assignments of {@code assignment} ({@code assignment[v]} is
     * variable v + 1): entry p has bit j set iff variable {@code groupStart(p) + j + 1} is true.
     * It is orthogonal iff the assignment satisfies the formula.
     */
    public int[] tupleFromAssignment(boolean[] assignment) {
        if (assignment.length != formula.numVariables()) {
            throw new IllegalArgumentException("assignment has " + assignment.length + " values, formula has "
                    + formula.numVariables() + " variables");
        }
        int k = order();
        int[] tuple = new int[k];
        for (int p = 0; p < k; p++) {
            int idx = 0;
            for (int j = 0; j < start[p + 1] - start[p]; j++) {
                if (assignment[start[p] + j]) {
                    idx |= 1 << j;
                }
            }
            tuple[p] = idx;
        }
        return tuple;
    }

    /** The full assignment whose group-p part is partial assignment {@code tuple[p]}. */
    public boolean[] assignmentFromTuple(int[] tuple) {
        instance.checkTuple(tuple);
        boolean[] a = new boolean[formula.numVariables()];
        for (int p = 0; p < tuple.length; p++) {
            for (int j = 0; j < start[p + 1] - start[p]; j++) {
                a[start[p] + j] = (tuple[p] >>> j & 1) != 0;
            }
        }
        return a;
    }

    /** "group 0: variables 1..4 (16 vectors)" etc., one string per group, for file headers. */
    public String describeGroup(int p) {
        int size = groupSize(p);
        String vars = size == 0 ? "no variables" : size == 1 ? "variable " + (start[p] + 1)
                : "variables " + (start[p] + 1) + ".." + start[p + 1];
        return "group " + p + ": " + vars + " (" + (1L << size) + (size == 0 ? " vector" : " vectors") + ")";
    }

    private void checkGroup(int p) {
        if (p < 0 || p >= order()) {
            throw new IndexOutOfBoundsException("group " + p + " not in [0, " + order() + ")");
        }
    }
}
