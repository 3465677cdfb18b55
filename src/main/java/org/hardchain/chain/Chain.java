package org.hardchain.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.ov.FastOvSolver;
import org.hardchain.ov.NaiveOvSolver;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;

/**
 * The reduction chain of THEORY.md §10, run stage by stage on one formula, with an
 * independent check after each stage:
 *
 * <ol>
 * <li>the formula, decided by SAT4J (the reference answer);</li>
 * <li>SAT to k-OV (THEORY §5), checked by mapping SAT4J's model forward to a tuple and
 *     testing it is orthogonal;</li>
 * <li>k-OV solved by {@link FastOvSolver}, checked against {@link NaiveOvSolver} (brute
 *     force) when the number of tuples is at most {@link Options#bruteForceLimit()}, and
 *     skipped with the estimate otherwise;</li>
 * <li>the witness: the orthogonal tuple mapped back to an assignment, checked by the
 *     formula's own evaluator {@link Cnf#isSatisfiedBy}.</li>
 * </ol>
 * The chain's answer is the k-OV solver's; it is {@code verified} when every check that ran
 * passed and the answer equals SAT4J's. Stages not built yet are listed in the report.
 */
public final class Chain {

    /** The later stages of THEORY §10 that this build does not run yet. */
    public static final List<String> NOT_BUILT = List.of(
            "k-OV -> Gap-k-MaxIP (Theorem 4.7)",
            "Gap-k-MaxIP -> order-k attention (Lemma B.1)",
            "attention oracle and decoding",
            "witness recovery by self-reduction from oracle calls");

    /**
     * Options of a run.
     *
     * @param order           k >= 2
     * @param bruteForceLimit the largest number of k-tuples the brute-force k-OV check enumerates
     * @param threads         threads of the fast k-OV solver
     */
    public record Options(int order, long bruteForceLimit, int threads) {
        public static final long DEFAULT_BRUTE_FORCE_LIMIT = 50_000_000L;

        public Options {
            if (order < 2) {
                throw new org.hardchain.util.UsageException("--order must be >= 2, got " + order);
            }
            if (bruteForceLimit < 0) {
                throw new org.hardchain.util.UsageException("brute-force limit must be >= 0, got " + bruteForceLimit);
            }
            if (threads < 1) {
                throw new org.hardchain.util.UsageException("threads must be >= 1, got " + threads);
            }
        }

        public static Options defaults(int order) {
            return new Options(order, DEFAULT_BRUTE_FORCE_LIMIT, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The outcome of a run.
     *
     * @param satisfiable the chain's answer
     * @param assignment  the recovered assignment ({@code assignment[v-1]} for variable v), or null
     * @param verified    every check that ran passed and the answer equals SAT4J's
     * @param stages      one report per stage, in order
     * @param notBuilt    stages of THEORY §10 this build does not run yet
     */
    public record Result(boolean satisfiable, boolean[] assignment, boolean verified,
                         List<StageReport> stages, List<String> notBuilt) {
        /** The assignment as DIMACS literals, or null. */
        public int[] dimacsAssignment() {
            return assignment == null ? null : Cnf.toDimacsLiterals(assignment);
        }

        /** The first stage whose check failed, if any. */
        public Optional<StageReport> firstFailure() {
            return stages.stream().filter(s -> s.check() == StageReport.Check.FAILED).findFirst();
        }
    }

    private Chain() {
    }

    /** Runs the chain on {@code formula}. */
    public static Result run(Cnf formula, Options options) {
        List<StageReport> stages = new ArrayList<>();

        // 1. The formula and its reference answer.
        long t0 = System.nanoTime();
        Optional<boolean[]> model = Sat4jSolver.solve(formula);
        boolean modelOk = model.isEmpty() || formula.isSatisfiedBy(model.get());
        stages.add(new StageReport("formula (SAT4J)", seconds(t0),
                sizes("variables", formula.numVariables(), "clauses", formula.numClauses()),
                modelOk ? StageReport.Check.PASSED : StageReport.Check.FAILED,
                model.isPresent()
                        ? (modelOk ? "SAT4J: satisfiable; its model satisfies every clause (our evaluator)"
                                   : "SAT4J's model falsifies a clause")
                        : "SAT4J: unsatisfiable"));

        // 2. SAT -> k-OV.
        long t1 = System.nanoTime();
        SatToOv reduction = SatToOv.of(formula, options.order());
        OvInstance ov = reduction.instance();
        double reduceSeconds = seconds(t1);
        Map<String, Object> ovSizes = sizes("order", ov.order(), "dimension", ov.dimension());
        ovSizes.put("set_sizes", ov.sizes());
        StageReport.Check forward;
        String forwardDetail;
        if (model.isPresent()) {
            int[] tuple = reduction.tupleFromAssignment(model.get());
            forward = ov.isOrthogonal(tuple) ? StageReport.Check.PASSED : StageReport.Check.FAILED;
            forwardDetail = "SAT4J's model maps to tuple " + java.util.Arrays.toString(tuple)
                    + (forward == StageReport.Check.PASSED ? ", which is orthogonal" : ", which is NOT orthogonal");
        } else {
            forward = StageReport.Check.PASSED;
            forwardDetail = "no model to map forward (SAT4J: unsatisfiable); answer checked at the next stage";
        }
        stages.add(new StageReport("SAT -> " + options.order() + "-OV", reduceSeconds, ovSizes, forward, forwardDetail));

        // 3. k-OV, fast solver, checked by brute force.
        long t2 = System.nanoTime();
        Optional<int[]> tuple = new FastOvSolver(options.threads(), org.hardchain.util.Simd.available()).findTuple(ov);
        double solveSeconds = seconds(t2);
        long tuples = ov.tupleCount();
        StageReport.Check solveCheck;
        String solveDetail;
        boolean answer = tuple.isPresent();
        if (answer != model.isPresent()) {
            solveCheck = StageReport.Check.FAILED;
            solveDetail = "k-OV answer " + yesNo(answer) + " differs from SAT4J's " + yesNo(model.isPresent());
        } else if (tuples >= 0 && tuples <= options.bruteForceLimit()) {
            boolean brute = new NaiveOvSolver().findTuple(ov).isPresent();
            solveCheck = brute == answer ? StageReport.Check.PASSED : StageReport.Check.FAILED;
            solveDetail = "brute force over " + tuples + " tuples: " + yesNo(brute) + "; SAT4J agrees";
        } else {
            solveCheck = StageReport.Check.SKIPPED;
            solveDetail = String.format(Locale.ROOT,
                    "brute force skipped: %s tuples > limit %d; SAT4J agrees",
                    tuples < 0 ? "more than 2^63" : Long.toString(tuples), options.bruteForceLimit());
        }
        Map<String, Object> solveSizes = sizes("tuples", tuples < 0 ? "> 2^63" : tuples);
        solveSizes.put("orthogonal_tuple", tuple.map(java.util.Arrays::toString).orElse("none"));
        stages.add(new StageReport(options.order() + "-OV solve (fast)", solveSeconds, solveSizes, solveCheck, solveDetail));

        // 4. The witness back to an assignment.
        boolean[] assignment = null;
        if (tuple.isPresent()) {
            long t3 = System.nanoTime();
            assignment = reduction.assignmentFromTuple(tuple.get());
            int falsified = formula.firstFalsifiedClause(assignment);
            stages.add(new StageReport("witness -> assignment", seconds(t3),
                    sizes("variables", formula.numVariables()),
                    falsified < 0 ? StageReport.Check.PASSED : StageReport.Check.FAILED,
                    falsified < 0 ? "the assignment satisfies every clause (our evaluator)"
                                  : "the assignment falsifies clause " + (falsified + 1)));
        }

        boolean verified = stages.stream().noneMatch(s -> s.check() == StageReport.Check.FAILED)
                && answer == model.isPresent();
        return new Result(answer, assignment, verified, List.copyOf(stages), NOT_BUILT);
    }

    private static String yesNo(boolean b) {
        return b ? "satisfiable" : "unsatisfiable";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, Object> sizes(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
