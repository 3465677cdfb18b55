package org.hardchain.cnf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hardchain.util.UsageException;

/**
 * Seeded formula generators: the inputs of the chain (THEORY.md §5). The same arguments
 * and seed always give the same formula ({@link SplittableRandom} seeded with the seed).
 *
 * <ul>
 * <li>{@link #randomKCnf}: uniform random k-CNF; for k = 3 the satisfiability threshold is
 * near m/N = 4.26, where random formulas are hardest;</li>
 * <li>{@link #plantedKCnf}: random k-CNF satisfied by a hidden assignment
 * ({@link #plantedAssignment}), so satisfiable by construction;</li>
 * <li>{@link #pigeonhole}: PHP(m+1, m), unsatisfiable, and exponentially hard for
 * resolution (Haken 1985).</li>
 * </ul>
 */
public final class CnfGenerators {
    private CnfGenerators() {
    }

    /**
     * Uniform random k-CNF: each of the {@code numClauses} clauses has {@code width}
     * distinct variables drawn uniformly (Floyd's sampling), listed in increasing order,
     * each negated with probability 1/2. Cost {@code O(m · k^2)}.
     *
     * @throws UsageException unless {@code 1 <= width <= numVars} and {@code numClauses >= 0}
     */
    public static Cnf randomKCnf(int numVars, int numClauses, int width, long seed) {
        check(numVars, numClauses, width);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<int[]> clauses = new ArrayList<>(numClauses);
        for (int c = 0; c < numClauses; c++) {
            clauses.add(randomClause(numVars, width, rnd));
        }
        return Cnf.of(numVars, clauses);
    }

    /**
     * The hidden assignment of {@link #plantedKCnf} with the same {@code numVars} and
     * {@code seed}: {@code numVars} fair coin flips ({@code assignment[v - 1]} is variable v).
     */
    public static boolean[] plantedAssignment(int numVars, long seed) {
        if (numVars < 0) {
            throw new UsageException("number of variables must be >= 0, got " + numVars);
        }
        return drawAssignment(numVars, new SplittableRandom(seed));
    }

    /**
     * Planted-solution k-CNF: draws the hidden assignment {@link #plantedAssignment}
     * {@code (numVars, seed)}, then draws uniform random clauses as in {@link #randomKCnf}
     * and keeps only those the hidden assignment satisfies, until {@code numClauses} are
     * kept. Satisfiable by construction. Each draw is kept with probability
     * {@code 1 - 2^-k}, so the expected cost is {@code O(m · k^2 · 2^k / (2^k - 1))}.
     *
     * @throws UsageException unless {@code 1 <= width <= numVars} and {@code numClauses >= 0}
     */
    public static Cnf plantedKCnf(int numVars, int numClauses, int width, long seed) {
        check(numVars, numClauses, width);
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[] hidden = drawAssignment(numVars, rnd);
        List<int[]> clauses = new ArrayList<>(numClauses);
        while (clauses.size() < numClauses) {
            int[] clause = randomClause(numVars, width, rnd);
            for (int lit : clause) {
                if (hidden[Math.abs(lit) - 1] == (lit > 0)) {
                    clauses.add(clause);
                    break;
                }
            }
        }
        return Cnf.of(numVars, clauses);
    }

    /**
     * The pigeonhole formula PHP(h+1, h): h+1 pigeons, h holes, unsatisfiable. Variable
     * {@code p(i, j) = i·h + j + 1} (pigeon i in [0, h], hole j in [0, h)) means pigeon i
     * sits in hole j. Clauses: first, for each pigeon i, {@code p(i,0) ∨ ... ∨ p(i,h-1)}
     * (it sits somewhere); then, for each hole j and pigeons i < i',
     * {@code ¬p(i,j) ∨ ¬p(i',j)} (no two share a hole). N = h(h+1) variables,
     * m = (h+1) + h·h(h+1)/2 clauses. For h = 0 the single pigeon clause is empty.
     *
     * @throws UsageException if {@code holes < 0} or the formula would have more than
     *                        2^31 - 1 variables or clauses
     */
    public static Cnf pigeonhole(int holes) {
        if (holes < 0) {
            throw new UsageException("number of holes must be >= 0, got " + holes);
        }
        long h = holes;
        long vars = h * (h + 1);
        long clauseCount = (h + 1) + h * (h * (h + 1) / 2);
        if (vars > Integer.MAX_VALUE || clauseCount > Integer.MAX_VALUE - 8) {
            throw new UsageException("PHP(" + (h + 1) + ", " + h + ") would have " + vars
                    + " variables and " + clauseCount + " clauses, above 2^31 - 1");
        }
        List<int[]> clauses = new ArrayList<>((int) clauseCount);
        for (int i = 0; i <= holes; i++) {
            int[] clause = new int[holes];
            for (int j = 0; j < holes; j++) {
                clause[j] = i * holes + j + 1;
            }
            clauses.add(clause);
        }
        for (int j = 0; j < holes; j++) {
            for (int i = 0; i <= holes; i++) {
                for (int i2 = i + 1; i2 <= holes; i2++) {
                    clauses.add(new int[] {-(i * holes + j + 1), -(i2 * holes + j + 1)});
                }
            }
        }
        return Cnf.of((int) vars, clauses);
    }

    private static void check(int numVars, int numClauses, int width) {
        if (numVars < 0) {
            throw new UsageException("number of variables must be >= 0, got " + numVars);
        }
        if (numClauses < 0) {
            throw new UsageException("number of clauses must be >= 0, got " + numClauses);
        }
        if (width < 1 || width > numVars) {
            throw new UsageException("clause width must be in [1, number of variables = "
                    + numVars + "], got " + width);
        }
    }

    private static boolean[] drawAssignment(int numVars, SplittableRandom rnd) {
        boolean[] a = new boolean[numVars];
        for (int v = 0; v < numVars; v++) {
            a[v] = rnd.nextBoolean();
        }
        return a;
    }

    /** {@code width} distinct variables of 1..numVars (Floyd), sorted, with random signs. */
    private static int[] randomClause(int numVars, int width, SplittableRandom rnd) {
        int[] vars = new int[width];
        int size = 0;
        for (int j = numVars - width; j < numVars; j++) {
            int t = rnd.nextInt(j + 1);
            boolean seen = false;
            for (int s = 0; s < size; s++) {
                if (vars[s] == t) {
                    seen = true;
                    break;
                }
            }
            vars[size++] = seen ? j : t;
        }
        Arrays.sort(vars);
        for (int s = 0; s < width; s++) {
            vars[s] = rnd.nextBoolean() ? vars[s] + 1 : -(vars[s] + 1);
        }
        return vars;
    }
}
