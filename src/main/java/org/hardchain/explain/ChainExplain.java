package org.hardchain.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.NaiveAttention;
import org.hardchain.cnf.Cnf;
import org.hardchain.hardness.AttentionOracle;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.hardness.SelfReduction;
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
 * Walkthrough of the whole chain and of witness recovery (THEORY §10): formula, k-OV, Gap-k-MaxIP,
 * attention (Lemma B.1), one decision call to an exact attention oracle, the decisions mapped
 * back to k-OV and SAT, then search from decision: the binary search of {@link SelfReduction}
 * with every oracle call shown, and the witness mapped back to a satisfying assignment. Each
 * stage's answer is checked against brute force. The oracle is {@link NaiveAttention}
 * (sequential, so the text is reproducible).
 */
public final class ChainExplain {
    /** Largest number of variables explained. */
    public static final int MAX_VARIABLES = 8;
    /** Largest number of clauses explained. */
    public static final int MAX_CLAUSES = 8;
    /** Largest number of Alice rows explained. */
    public static final int MAX_ALICE_ROWS = 4096;

    private ChainExplain() {
    }

    /**
     * The walkthrough text.
     *
     * @throws UsageException above {@value #MAX_VARIABLES} variables, {@value #MAX_CLAUSES} clauses or
     *                        {@value #MAX_ALICE_ROWS} Alice rows
     */
    public static String explain(Cnf f, int order, int blockSize, Construction construction, double gamma) {
        if (f.numVariables() > MAX_VARIABLES || f.numClauses() > MAX_CLAUSES) {
            throw new UsageException("explain chain is for tiny formulas: at most " + MAX_VARIABLES + " variables and "
                    + MAX_CLAUSES + " clauses, this one has " + f.numVariables() + " and " + f.numClauses());
        }
        if (order < 2 || order > 4) {
            throw new UsageException("order k = " + order + " must be in [2, 4] for explain chain");
        }
        Text t = new Text();
        t.line("the whole chain (THEORY section 10): order k = %d, block size w = %d, %s construction, exact oracle",
                order, blockSize, construction.id());
        long satisfying = 0;
        for (long mask = 0; mask < 1L << f.numVariables(); mask++) {
            if (f.isSatisfiedBy(assignment(mask, f.numVariables()))) {
                satisfying++;
            }
        }
        t.line("1. formula: %d variables, %d clauses; %d satisfying assignments of %d (brute force)", f.numVariables(),
                f.numClauses(), satisfying, 1L << f.numVariables());
        SatToOv s2o = SatToOv.of(f, order);
        OvInstance ov = s2o.instance();
        NaiveOvSolver ovSolver = new NaiveOvSolver();
        boolean[] partners = ovSolver.hasPartner(ov);
        t.line("2. SAT -> %d-OV: set sizes %s, dimension %d; %d orthogonal tuples; vectors of set 0 with a partner: %s",
                order, Text.ints(ov.sizes()), ov.dimension(), ovSolver.countTuples(ov), indices(partners));
        if (ov.dimension() == 0) {
            throw new UsageException("the formula has no clauses: k-OV of dimension 0 has no protocol to run");
        }
        ProtocolParameters q = ProtocolParameters.withDefaults(order, ov.dimension(), blockSize, null, null, null);
        OvToMaxIp o2m = OvToMaxIp.of(ov, q, OvToMaxIp.DEFAULT_MAX_BYTES);
        if (o2m.estimate().aliceRows() > MAX_ALICE_ROWS) {
            throw new UsageException("explain chain: " + o2m.estimate().aliceRows() + " Alice rows are above the limit "
                    + MAX_ALICE_ROWS + " (use a smaller block size)");
        }
        MaxIpInstance inst = o2m.build(OvToMaxIp.DEFAULT_MAX_BYTES, 1, Progress.silent());
        MaxIpResult maxip = new NaiveMaxIp().solve(inst);
        List<Integer> yesRows = new ArrayList<>();
        for (int i = 0; i < inst.size(0); i++) {
            if (inst.isYes(maxip.max(i))) {
                yesRows.add(i);
            }
        }
        t.line("3. %d-OV -> Gap-%d-MaxIP: protocol w = %d, T = %d, L = %d, ell = %d, p = %d; |A'| = %d rows"
                + " (%d Merlin messages per vector), D' = %d, t = %d, eps = %s; rows reaching t (exact Max-IP): %s",
                order, order, q.blockSize(), q.blocks(), q.length(), q.reps(), q.prime(), inst.size(0), o2m.merlinCount(),
                inst.dimension(), inst.threshold(), inst.eps(), rowsText(inst, yesRows));
        AttentionReduction red = AttentionReduction.of(inst, construction, gamma);
        LemmaB1.Design d = red.design();
        LemmaB1.Threshold th = red.threshold();
        long[] sizes = red.attentionSizes();
        t.line("4. Gap-%d-MaxIP -> attention (Lemma B.1): Q is %d x %d, key matrices with %s rows, entries in {0} u (0, s],"
                + " s = %s; theta = %s, eps_a < %s", order, sizes[0], d.width(), keyRowsText(sizes), Text.num(d.scale()),
                Text.num(th.theta()), Text.num(th.epsA()));
        LoggingOracle oracle = new LoggingOracle(d);
        int[] all = new int[red.queryRows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] out = oracle.outputs(red.input(), all);
        List<Integer> decided = new ArrayList<>();
        double belowMax = Double.NEGATIVE_INFINITY;
        double aboveMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            if (red.decide(out[i])) {
                decided.add(i);
                aboveMin = Math.min(aboveMin, out[i]);
            } else {
                belowMax = Math.max(belowMax, out[i]);
            }
        }
        t.line("5. oracle call 1 (decision, all %d rows): rows above theta: %s; smallest output above theta %s,"
                + " largest below %s", out.length, rowsText(inst, decided), fmt(aboveMin), fmt(belowMax));
        t.line("   the same rows as exact Max-IP: %s", decided.equals(yesRows) ? "yes" : "NO");
        boolean[] decidedVectors = new boolean[ov.size(0)];
        for (int row : decided) {
            decidedVectors[inst.source(0, row)] = true;
        }
        boolean sat = !decided.isEmpty();
        t.line("6. back to %d-OV: vectors of set 0 with a partner: %s (brute force %s); formula %s (brute force: %s)",
                order, indices(decidedVectors), indices(partners), sat ? "satisfiable" : "unsatisfiable",
                satisfying > 0 ? "satisfiable" : "unsatisfiable");
        if (!sat) {
            t.line("no YES row: nothing to recover; the chain answers UNSATISFIABLE with %d oracle call", oracle.calls);
            return t.toString();
        }
        int row = decided.get(0);
        t.line("7. witness by self-reduction on row %d (vector %d of set 0, Merlin message %d): binary search over each"
                + " key set, asking the oracle about the restricted instance", row, inst.source(0, row), inst.merlin(row));
        int before = oracle.calls;
        SelfReduction.Witness w;
        try {
            w = SelfReduction.recover(red, row, oracle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : oracle.log.subList(before, oracle.log.size())) {
            t.line("   %s", line);
        }
        int ip = inst.innerProduct(row, w.keyVectors());
        t.line("   key tuple %s: inner product %d (t = %d) after %d calls (bound sum_p ceil(log2 n_p) = %d)",
                Text.ints(w.keyVectors()), ip, inst.threshold(), w.calls(), w.bound());
        int[] tuple = new int[order];
        tuple[0] = inst.source(0, row);
        for (int p = 1; p < order; p++) {
            tuple[p] = inst.source(p, w.keyVectors()[p - 1]);
        }
        boolean[] a = s2o.assignmentFromTuple(tuple);
        t.line("8. back: %d-OV tuple %s is %s; assignment %s %s", order, Text.ints(tuple),
                ov.isOrthogonal(tuple) ? "orthogonal" : "NOT orthogonal", SatToOvExplain.assignmentText(a),
                f.isSatisfiedBy(a) ? "satisfies every clause" : "FALSIFIES clause " + f.firstFalsifiedClause(a));
        t.line("answer: SATISFIABLE, %d oracle calls in all", oracle.calls);
        return t.toString();
    }

    /** The exact oracle, sequential, logging every call. */
    private static final class LoggingOracle implements AttentionOracle {
        final List<String> log = new ArrayList<>();
        final LemmaB1.Design design;
        int calls;

        LoggingOracle(LemmaB1.Design design) {
            this.design = design;
        }

        @Override
        public double[] outputs(AttentionInput in, int[] rows) {
            calls++;
            Matrix m = new NaiveAttention().computeRows(in, rows);
            double[] out = new double[rows.length];
            for (int x = 0; x < rows.length; x++) {
                out[x] = m.get(x, 0);
            }
            StringBuilder keys = new StringBuilder();
            long[] real = new long[in.order() - 1];
            for (int p = 1; p < in.order(); p++) {
                real[p - 1] = in.n(p) - (design.construction() == Construction.REFERENCE ? 1 : design.padding()[p - 1]);
                keys.append(p == 1 ? "" : " x ").append(real[p - 1]);
            }
            double theta = LemmaB1.threshold(design, real).theta();
            log.add(String.format(Locale.ROOT, "call %d: %d query row(s) against %s real key vectors: theta = %s%s", calls,
                    rows.length, keys, Text.num(theta), rows.length == 1 ? ", output " + fmt(out[0]) + " -> "
                            + (out[0] > theta ? "YES, keep the first half" : "no, keep the second half") : ""));
            return out;
        }

        @Override
        public String name() {
            return "exact (logged)";
        }

        @Override
        public double promisedError() {
            return 0;
        }
    }

    private static String fmt(double x) {
        return Double.isInfinite(x) ? "(none)" : String.format(Locale.ROOT, "%.6f", x);
    }

    private static String keyRowsText(long[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int p = 1; p < sizes.length; p++) {
            b.append(p == 1 ? "" : " x ").append(sizes[p]);
        }
        return b.toString();
    }

    private static String rowsText(MaxIpInstance inst, List<Integer> rows) {
        if (rows.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (int r : rows) {
            b.append(b.length() == 0 ? "" : ", ").append(r).append(" (a = ").append(inst.source(0, r)).append(", psi ")
                    .append(inst.merlin(r)).append(')');
        }
        return b.toString();
    }

    private static String indices(boolean[] v) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i]) {
                l.add(i);
            }
        }
        return l.isEmpty() ? "none" : l.toString();
    }

    private static boolean[] assignment(long mask, int n) {
        boolean[] a = new boolean[n];
        for (int v = 0; v < n; v++) {
            a[v] = (mask >>> v & 1) != 0;
        }
        return a;
    }
}
