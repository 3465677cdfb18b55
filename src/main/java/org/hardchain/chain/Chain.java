package org.hardchain.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.NaiveAttention;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.format.Json;
import org.hardchain.format.MaxIpFormat;
import org.hardchain.format.OvFormat;
import org.hardchain.hardness.AttentionOracle;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.hardness.SelfReduction;
import org.hardchain.maxip.FastMaxIp;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.MaxIpResult;
import org.hardchain.maxip.NaiveMaxIp;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.NaiveOvSolver;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.util.Progress;
import org.hardchain.util.UsageException;

/**
 * The reduction chain of THEORY.md §10, run stage by stage on one formula with an
 * independent check after each stage:
 *
 * <ol>
 * <li>the formula, decided by SAT4J (the reference answer);</li>
 * <li>SAT to k-OV (THEORY §5), checked by mapping SAT4J's model forward to an orthogonal tuple;</li>
 * <li>k-OV by brute force ({@link NaiveOvSolver#hasPartner}): which first-set vectors have partners;</li>
 * <li>k-OV to Gap-k-MaxIP (Theorem 4.7, THEORY §8), checked by the honest row of the forward
 *     tuple reaching t;</li>
 * <li>Gap-k-MaxIP solved by brute force ({@link NaiveMaxIp}, or the exact {@link FastMaxIp}
 *     above the brute-force limit): every maximum on its side of the gap, YES rows exactly
 *     the rows of vectors with partners;</li>
 * <li>Gap-k-MaxIP to attention (Lemma B.1, THEORY §9), checked by computing, with
 *     {@link NaiveAttention}, sample rows and comparing them with {@code X / (X + C)} from the
 *     rows' inner products;</li>
 * <li>the oracle's decision call (every query row, in blocks of rows), checked against the
 *     naive attention rows (error below eps_a, same decisions);</li>
 * <li>decisions (output above theta) to Max-IP, k-OV and SAT answers, checked against the
 *     brute-force results and SAT4J;</li>
 * <li>witness recovery by self-reduction (O(k log n) oracle calls), checked by the tuple's
 *     inner product and orthogonality, and the assignment by the formula's evaluator.</li>
 * </ol>
 * The chain's answer is the oracle's. It is {@code verified} when no check failed and the
 * answer equals SAT4J's.
 */
public final class Chain {

    /**
     * Options of a run.
     *
     * @param order           k >= 2
     * @param blockSize       the protocol's block size w >= 1 (THEORY §7)
     * @param bruteForceLimit the most work units (tuples, or tuple-coordinates for Max-IP) a brute-force check does
     * @param threads         threads of the builders
     * @param oracle          the attention oracle
     * @param construction    Lemma B.1 construction
     * @param gamma           separation x_yes / x_no >= 2
     * @param sampleRows      query rows checked against naive attention (all YES rows up to this, then spread NO rows)
     * @param out             directory for every intermediate file, or null
     * @param progress        print progress on stderr
     */
    public record Options(int order, int blockSize, long bruteForceLimit, int threads, AttentionOracle oracle,
            Construction construction, double gamma, int sampleRows, Path out, boolean progress) {
        public static final long DEFAULT_BRUTE_FORCE_LIMIT = 2_000_000_000L;
        /** Default block size w = 2: the protocol's first non-trivial case (Merlin sends a real proof). */
        public static final int DEFAULT_BLOCK_SIZE = 2;

        public Options {
            if (order < 2) {
                throw new UsageException("--order must be >= 2, got " + order);
            }
            if (blockSize < 1) {
                throw new UsageException("--block-size must be >= 1, got " + blockSize);
            }
            if (bruteForceLimit < 0) {
                throw new UsageException("brute-force limit must be >= 0, got " + bruteForceLimit);
            }
            if (threads < 1) {
                throw new UsageException("threads must be >= 1, got " + threads);
            }
            if (sampleRows < 1) {
                throw new UsageException("sample rows must be >= 1, got " + sampleRows);
            }
        }

        public static Options defaults(int order, AttentionOracle oracle) {
            return new Options(order, DEFAULT_BLOCK_SIZE, DEFAULT_BRUTE_FORCE_LIMIT,
                    Runtime.getRuntime().availableProcessors(), oracle, Construction.REFERENCE,
                    LemmaB1.DEFAULT_GAMMA, 48, null, false);
        }

        public Options withBlockSize(int w) {
            return new Options(order, w, bruteForceLimit, threads, oracle, construction, gamma, sampleRows, out, progress);
        }

        public Options withConstruction(Construction c) {
            return new Options(order, blockSize, bruteForceLimit, threads, oracle, c, gamma, sampleRows, out, progress);
        }

        public Options withOut(Path dir) {
            return new Options(order, blockSize, bruteForceLimit, threads, oracle, construction, gamma, sampleRows, dir,
                    progress);
        }
    }

    /**
     * The outcome of a run.
     *
     * @param satisfiable the chain's answer (from the oracle's decisions)
     * @param assignment  the recovered assignment ({@code assignment[v-1]} for variable v), or null
     * @param verified    no check failed and the answer equals SAT4J's
     * @param oracleCalls oracle calls: 1 decision call plus the self-reduction's
     * @param stages      one report per stage, in order
     */
    public record Result(boolean satisfiable, boolean[] assignment, boolean verified, int oracleCalls,
                         List<StageReport> stages) {
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
    public static Result run(Cnf formula, Options options) throws IOException {
        return new Run(formula, options).run();
    }

    /** One run's state. */
    private static final class Run {
        private final Cnf formula;
        private final Options o;
        private final List<StageReport> stages = new ArrayList<>();

        Run(Cnf formula, Options o) {
            this.formula = formula;
            this.o = o;
        }

        Result run() throws IOException {
            if (o.out() != null) {
                Files.createDirectories(o.out());
            }
            // 1. The formula and its reference answer.
            long t0 = System.nanoTime();
            Optional<boolean[]> model = Sat4jSolver.solve(formula);
            boolean modelOk = model.isEmpty() || formula.isSatisfiedBy(model.get());
            add("formula (SAT4J)", t0, sizes("variables", formula.numVariables(), "clauses", formula.numClauses()),
                    modelOk, model.isPresent()
                            ? (modelOk ? "SAT4J: satisfiable; its model satisfies every clause (our evaluator)"
                                       : "SAT4J's model falsifies a clause")
                            : "SAT4J: unsatisfiable");
            boolean reference = model.isPresent();

            // 2. SAT -> k-OV.
            long t1 = System.nanoTime();
            SatToOv sat2ov = SatToOv.of(formula, o.order());
            OvInstance ov = sat2ov.instance();
            double sec = seconds(t1);
            Map<String, Object> ovSizes = sizes("order", ov.order(), "dimension", ov.dimension());
            ovSizes.put("set_sizes", ov.sizes());
            int[] forwardTuple = null;
            if (model.isPresent()) {
                forwardTuple = sat2ov.tupleFromAssignment(model.get());
                boolean ok = ov.isOrthogonal(forwardTuple);
                add("SAT -> " + o.order() + "-OV", sec, ovSizes, ok, "SAT4J's model maps to tuple "
                        + Arrays.toString(forwardTuple) + (ok ? ", which is orthogonal" : ", which is NOT orthogonal"));
            } else {
                add("SAT -> " + o.order() + "-OV", sec, ovSizes, true,
                        "no model to map forward (SAT4J: unsatisfiable); answer checked below");
            }
            if (o.out() != null) {
                OvFormat.write(o.out().resolve("instance.ov"), ov, List.of("SAT -> " + o.order() + "-OV of the chain"));
            }

            // 3. k-OV by brute force: which first-set vectors have partners.
            long t2 = System.nanoTime();
            long tuples = ov.tupleCount();
            boolean[] partner = null;
            if (tuples >= 0 && tuples <= o.bruteForceLimit()) {
                partner = new NaiveOvSolver().hasPartner(ov);
                int count = 0;
                for (boolean b : partner) {
                    count += b ? 1 : 0;
                }
                boolean any = count > 0;
                add(o.order() + "-OV (brute force)", t2, sizes("tuples", tuples, "vectors_with_partner", count),
                        any == reference, "brute force over " + tuples + " tuples: " + yesNo(any)
                                + (any == reference ? "; SAT4J agrees" : "; SAT4J says " + yesNo(reference)));
            } else {
                skip(o.order() + "-OV (brute force)", sizes("tuples", tuples < 0 ? "> 2^63" : tuples),
                        "brute force skipped: " + (tuples < 0 ? "more than 2^63" : tuples) + " tuples > limit "
                                + o.bruteForceLimit());
            }

            // 4. k-OV -> Gap-k-MaxIP.
            long t3 = System.nanoTime();
            ProtocolParameters params = ProtocolParameters.withDefaults(o.order(), ov.dimension(), o.blockSize(),
                    null, null, null);
            OvToMaxIp ov2maxip = OvToMaxIp.of(ov, params, OvToMaxIp.DEFAULT_MAX_BYTES);
            MaxIpInstance inst;
            try (Progress pr = progress("Gap-k-MaxIP build", 2L * ov2maxip.estimate().aliceVectors()
                    * Math.max(1, (long) Math.pow(params.length(), params.reps())))) {
                inst = ov2maxip.build(OvToMaxIp.DEFAULT_MAX_BYTES, o.threads(), pr);
            }
            sec = seconds(t3);
            Map<String, Object> mSizes = sizes("alice_rows", inst.size(0), "dimension", inst.dimension(),
                    "t", inst.threshold(), "eps", inst.eps().toString());
            mSizes.put("key_sizes", keySizes(inst));
            mSizes.put("protocol", "w=" + params.blockSize() + " L=" + params.length() + " ell=" + params.reps()
                    + " p=" + params.prime());
            if (forwardTuple != null) {
                int row = ov2maxip.honestRow(forwardTuple);
                int ip = inst.innerProduct(row, Arrays.copyOfRange(forwardTuple, 1, forwardTuple.length));
                add(o.order() + "-OV -> Gap-" + o.order() + "-MaxIP", sec, mSizes, ip == inst.threshold(),
                        "honest row " + row + " of the forward tuple: inner product " + ip + " (t = "
                                + inst.threshold() + ")");
            } else {
                add(o.order() + "-OV -> Gap-" + o.order() + "-MaxIP", sec, mSizes, true,
                        "no forward tuple to check (unsatisfiable); rows checked below");
            }
            if (o.out() != null) {
                MaxIpFormat.write(o.out().resolve("instance.maxip"), inst);
            }

            // 5. Gap-k-MaxIP by brute force.
            long t4 = System.nanoTime();
            double keyTuples = 1;
            for (int p = 1; p < inst.order(); p++) {
                keyTuples *= inst.size(p);
            }
            double work = inst.size(0) * keyTuples * Math.max(1.0, (double) inst.ones() / Math.max(1,
                    inst.size(0) + inst.size(1)));
            MaxIpResult maxima;
            String solver;
            if (work <= o.bruteForceLimit()) {
                maxima = new NaiveMaxIp().solve(inst);
                solver = "brute force (NaiveMaxIp)";
            } else {
                try (Progress pr = progress("Max-IP (FastMaxIp)", inst.size(0))) {
                    maxima = new FastMaxIp(o.threads(), FastMaxIp.DEFAULT_MAX_BYTES, pr).solve(inst);
                }
                solver = String.format(Locale.ROOT, "exact FastMaxIp (brute force skipped: about %.2g "
                        + "coordinate steps > limit %d)", work, o.bruteForceLimit());
            }
            boolean[] rowYes = new boolean[inst.size(0)];
            String gapProblem = maxima.inconsistency(inst);
            int yesRows = 0;
            for (int i = 0; i < rowYes.length && gapProblem == null; i++) {
                int m = maxima.max(i);
                rowYes[i] = inst.isYes(m);
                yesRows += rowYes[i] ? 1 : 0;
                if (!rowYes[i] && !inst.isNo(m)) {
                    gapProblem = "row " + i + " has maximum " + m + " inside the gap (t = " + inst.threshold() + ")";
                } else if (partner != null && rowYes[i] && !partner[inst.source(0, i)]) {
                    gapProblem = "row " + i + " reaches t but its k-OV vector " + inst.source(0, i) + " has no partner";
                }
            }
            if (gapProblem == null && partner != null) {
                boolean[] vecYes = new boolean[ov.size(0)];
                for (int i = 0; i < rowYes.length; i++) {
                    vecYes[inst.source(0, i)] |= rowYes[i];
                }
                for (int a = 0; a < vecYes.length && gapProblem == null; a++) {
                    if (vecYes[a] != partner[a]) {
                        gapProblem = "k-OV vector " + a + " has a partner but none of its rows reaches t";
                    }
                }
            }
            add("Gap-" + o.order() + "-MaxIP (" + (solver.startsWith("brute") ? "brute force" : "exact") + ")", t4,
                    sizes("yes_rows", yesRows, "rows", inst.size(0)), gapProblem == null,
                    gapProblem == null ? solver + ": every maximum is >= t or <= (1-eps)t; YES rows are exactly"
                            + " the rows of k-OV vectors with partners" : solver + ": " + gapProblem);

            // 6. Gap-k-MaxIP -> attention (Lemma B.1).
            long t5 = System.nanoTime();
            AttentionReduction red = AttentionReduction.of(inst, o.construction(), o.gamma());
            LemmaB1.Threshold th = red.threshold();
            sec = seconds(t5);
            int[] sample = sampleRows(rowYes, o.sampleRows());
            AttentionInput sampleIn = red.input(sample);
            long tn = System.nanoTime();
            double[] naive = column0(new NaiveAttention().computeRows(sampleIn, IntStream.range(0, sample.length)
                    .toArray()));
            double naiveSeconds = seconds(tn);
            double worstFormula = 0;
            for (int x = 0; x < sample.length; x++) {
                worstFormula = Math.max(worstFormula, Math.abs(naive[x] - closedForm(red, sample[x])));
            }
            Map<String, Object> aSizes = sizes("n_q", red.queryRows(), "key_rows", keyRows(red), "d",
                    red.design().width());
            aSizes.put("s", round(red.design().scale()));
            aSizes.put("lambda", round(red.design().lambda()));
            aSizes.put("h", red.design().h());
            aSizes.put("theta", th.theta());
            aSizes.put("eps_a", th.epsA());
            boolean formulaOk = worstFormula <= 1e-9;
            add("Gap-" + o.order() + "-MaxIP -> attention (" + o.construction().id() + ")", sec, aSizes, formulaOk,
                    String.format(Locale.ROOT, "NaiveAttention on %d rows (%.2fs) vs X/(X+C) from the rows' inner "
                            + "products: max |diff| = %.2g", sample.length, naiveSeconds, worstFormula));
            if (o.out() != null) {
                Path dir = o.out().resolve("attention");
                double qBytes = (double) red.queryRows() * red.design().width() * 8;
                if (qBytes <= (1L << 30)) {
                    red.write(dir, 1L << 30);
                } else {
                    Files.createDirectories(dir);
                    Json.write(dir.resolve("attention.json"), Map.of("parameters", red.parameters(), "files",
                            String.format(Locale.ROOT, "not written: Q would take %.3g bytes > 1 GiB", qBytes)));
                }
            }

            // 7. The oracle's decision call.
            long t6 = System.nanoTime();
            double[] outputs = decisionCall(red);
            sec = seconds(t6);
            double worstOracle = 0;
            int disagree = 0;
            for (int x = 0; x < sample.length; x++) {
                double diff = Math.abs(outputs[sample[x]] - naive[x]);
                worstOracle = Double.isNaN(diff) ? Double.NaN : Math.max(worstOracle, diff);
                if (red.decide(outputs[sample[x]]) != red.decide(naive[x])) {
                    disagree++;
                }
            }
            boolean oracleOk = disagree == 0 && worstOracle < th.epsA();
            add("oracle: " + o.oracle().name(), sec, sizes("rows", red.queryRows(), "checked_rows", sample.length),
                    oracleOk, String.format(Locale.ROOT, "vs NaiveAttention on %d rows: max |diff| = %.2g %s eps_a "
                            + "= %.3g, %d decisions differ", sample.length, worstOracle,
                            worstOracle < th.epsA() ? "<" : ">=", th.epsA(), disagree));

            // 8. Decisions -> Max-IP, k-OV, SAT answers.
            long t7 = System.nanoTime();
            boolean[] decided = new boolean[outputs.length];
            boolean[] vecDecided = new boolean[ov.size(0)];
            int decidedYes = 0;
            int wrongRows = 0;
            int firstYes = -1;
            for (int i = 0; i < outputs.length; i++) {
                decided[i] = red.decide(outputs[i]);
                if (decided[i]) {
                    decidedYes++;
                    vecDecided[inst.source(0, i)] = true;
                    if (firstYes < 0) {
                        firstYes = i;
                    }
                }
                if (decided[i] != rowYes[i]) {
                    wrongRows++;
                }
            }
            boolean answer = decidedYes > 0;
            int vecYes = 0;
            int wrongVec = 0;
            for (int a = 0; a < vecDecided.length; a++) {
                vecYes += vecDecided[a] ? 1 : 0;
                if (partner != null && vecDecided[a] != partner[a]) {
                    wrongVec++;
                }
            }
            boolean decisionsOk = wrongRows == 0 && wrongVec == 0 && answer == reference;
            Map<String, Object> dSizes = sizes("yes_rows", decidedYes, "yes_vectors", vecYes);
            if (vecYes > 0 && vecYes <= 16) {
                dSizes.put("vectors_with_partner", IntStream.range(0, vecDecided.length).filter(a -> vecDecided[a])
                        .boxed().toList());
            }
            add("decisions (output > theta)", t7, dSizes,
                    decisionsOk, String.format(Locale.ROOT, "%d rows differ from Max-IP (%s), %s; answer %s, SAT4J %s",
                            wrongRows, solver.startsWith("brute") ? "brute force" : "exact",
                            partner == null ? "k-OV vectors not checked (brute force skipped)"
                                    : wrongVec + " k-OV vectors differ from brute force",
                            yesNo(answer), yesNo(reference)));

            // 9. Witness by self-reduction, 10. back to an assignment.
            int calls = 1;
            boolean[] assignment = null;
            if (answer) {
                long t8 = System.nanoTime();
                try {
                    SelfReduction.Witness wit = SelfReduction.recover(red, firstYes, o.oracle());
                    calls += wit.calls();
                    int[] keys = wit.keyVectors();
                    int ip = inst.innerProduct(wit.aliceVector(), keys);
                    int[] tuple = new int[o.order()];
                    tuple[0] = inst.source(0, wit.aliceVector());
                    for (int p = 1; p < o.order(); p++) {
                        tuple[p] = inst.source(p, keys[p - 1]);
                    }
                    boolean orth = ov.isOrthogonal(tuple);
                    boolean ok = ip == inst.threshold() && orth && wit.calls() <= wit.bound();
                    Map<String, Object> wSizes = sizes("oracle_calls", wit.calls(), "bound", wit.bound());
                    wSizes.put("alice_row", wit.aliceVector());
                    wSizes.put("merlin", inst.merlin(wit.aliceVector()));
                    wSizes.put("ov_tuple", Arrays.toString(tuple));
                    add("witness (self-reduction)", t8, wSizes, ok, "key tuple " + Arrays.toString(keys)
                            + ": inner product " + ip + " (t = " + inst.threshold() + "), OV tuple "
                            + (orth ? "orthogonal" : "NOT orthogonal") + ", " + wit.calls() + " calls <= bound "
                            + wit.bound());
                    long t9 = System.nanoTime();
                    boolean[] asg = sat2ov.assignmentFromTuple(tuple);
                    int falsified = formula.firstFalsifiedClause(asg);
                    add("witness -> assignment", t9, sizes("variables", formula.numVariables()), falsified < 0,
                            falsified < 0 ? "the assignment satisfies every clause (our evaluator)"
                                          : "the assignment falsifies clause " + (falsified + 1));
                    if (falsified < 0) {
                        assignment = asg;
                    }
                } catch (UsageException e) {
                    skip("witness (self-reduction)", sizes(), "not recovered: " + e.getMessage());
                }
            }

            boolean verified = stages.stream().noneMatch(s -> s.check() == StageReport.Check.FAILED)
                    && answer == reference;
            Result result = new Result(answer, assignment, verified, calls, List.copyOf(stages));
            if (o.out() != null) {
                Json.write(o.out().resolve("report.json"), report(result));
            }
            return result;
        }

        /** The decision call: every query row, built and asked in blocks of about 64 MiB of Q. */
        private double[] decisionCall(AttentionReduction red) throws IOException {
            int n = red.queryRows();
            int block = o.oracle().name().startsWith("exact")
                    ? (int) Math.max(1, Math.min(n, (8L << 20) / red.design().width())) : n;
            double[] out = new double[n];
            try (Progress pr = progress("attention oracle (" + o.oracle().name() + ")", n)) {
                for (int from = 0; from < n; from += block) {
                    int to = Math.min(n, from + block);
                    int[] rows = IntStream.range(from, to).toArray();
                    AttentionInput in = red.input(rows);
                    double[] part = o.oracle().outputs(in, IntStream.range(0, rows.length).toArray());
                    System.arraycopy(part, 0, out, from, part.length);
                    pr.advance(rows.length);
                }
            }
            return out;
        }

        private Progress progress(String label, long total) {
            return o.progress() ? Progress.start(label, total) : Progress.silent();
        }

        private void add(String name, long start, Map<String, Object> sizes, boolean ok, String detail) {
            add(name, seconds(start), sizes, ok, detail);
        }

        private void add(String name, double sec, Map<String, Object> sizes, boolean ok, String detail) {
            stages.add(new StageReport(name, sec, sizes, ok ? StageReport.Check.PASSED : StageReport.Check.FAILED,
                    detail));
        }

        private void skip(String name, Map<String, Object> sizes, String detail) {
            stages.add(new StageReport(name, 0, sizes, StageReport.Check.SKIPPED, detail));
        }
    }

    /**
     * The output Lemma B.1 predicts for query row {@code row}: {@code X / (X + C)} with
     * {@code X = sum_J e^{lambda IP(row, J)}} over all real key tuples, by log-sum-exp from the
     * inner products ({@link MaxIpInstance#innerProduct}, independent of the attention code).
     */
    static double closedForm(AttentionReduction red, int row) {
        MaxIpInstance inst = red.instance();
        int k = inst.order();
        int[][] keys = new int[k - 1][];
        for (int p = 1; p < k; p++) {
            keys[p - 1] = red.keyRows(p);
        }
        int alice = red.aliceRows()[row];
        double lambda = red.design().lambda();
        int[] idx = new int[k - 1];
        int[] tuple = new int[k - 1];
        double logX = Double.NEGATIVE_INFINITY;
        while (true) {
            for (int p = 0; p < k - 1; p++) {
                tuple[p] = keys[p][idx[p]];
            }
            double e = lambda * inst.innerProduct(alice, tuple);
            double m = Math.max(logX, e);
            logX = m + Math.log(Math.exp(logX - m) + Math.exp(e - m));
            int q = k - 2;
            while (q >= 0 && ++idx[q] == keys[q].length) {
                idx[q] = 0;
                q--;
            }
            if (q < 0) {
                break;
            }
        }
        return 1 / (1 + Math.exp(red.threshold().logMass() - logX));
    }

    /** All YES rows up to half the budget, then NO rows spread evenly, sorted. */
    static int[] sampleRows(boolean[] yes, int budget) {
        List<Integer> rows = new ArrayList<>();
        List<Integer> no = new ArrayList<>();
        for (int i = 0; i < yes.length; i++) {
            if (yes[i]) {
                if (rows.size() < budget / 2) {
                    rows.add(i);
                }
            } else {
                no.add(i);
            }
        }
        int left = Math.min(no.size(), budget - rows.size());
        for (int j = 0; j < left; j++) {
            rows.add(no.get((int) ((long) j * no.size() / left)));
        }
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The JSON report of a run (issue 6's keys, plus the stages' details). */
    public static Map<String, Object> report(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("satisfiable", r.satisfiable());
        m.put("assignment", r.dimacsAssignment());
        m.put("verified", r.verified());
        m.put("oracle_calls", r.oracleCalls());
        m.put("stages", r.stages());
        return m;
    }

    private static double[] column0(org.hardchain.attention.Matrix m) {
        double[] c = new double[m.rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, 0);
        }
        return c;
    }

    private static int[] keySizes(MaxIpInstance inst) {
        int[] s = new int[inst.order() - 1];
        for (int p = 1; p < inst.order(); p++) {
            s[p - 1] = inst.size(p);
        }
        return s;
    }

    private static int[] keyRows(AttentionReduction red) {
        int[] s = new int[red.instance().order() - 1];
        for (int p = 1; p < red.instance().order(); p++) {
            s[p - 1] = red.keyMatrixRows(p);
        }
        return s;
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
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
