package org.hardchain.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.NaiveAttention;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.LemmaB1;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.util.UsageException;

/**
 * Walkthrough of Gap-k-MaxIP to order-k attention (Alman &amp; Song 2023, Lemma B.1 generalized;
 * THEORY §9; {@link AttentionReduction}, {@link LemmaB1}): the design (lambda, h, width d, scale
 * s = entry bound), the threshold (x_yes, x_no, the denominator mass C, f(x_yes), f(x_no), theta,
 * eps_a), every row of Q and of the key matrices, and for every query row its inner products, its
 * real-tuple mass X, the exact attention output against the predicted X/(X+C), and the decision
 * against the Max-IP truth; then the other construction's numbers side by side.
 */
public final class MaxIpToAttentionExplain {
    /** Largest number of query rows explained. */
    public static final int MAX_ROWS = 64;
    /** Largest number of real key tuples explained. */
    public static final int MAX_KEY_TUPLES = 64;

    private MaxIpToAttentionExplain() {
    }

    /**
     * The walkthrough text. O(n_q prod_p n_p d) for the exact outputs, on the tiny sizes allowed.
     *
     * @throws UsageException above {@value #MAX_ROWS} query rows or {@value #MAX_KEY_TUPLES} key tuples
     */
    public static String explain(MaxIpInstance inst, Construction c, double gamma) {
        int k = inst.order();
        long tuples = 1;
        for (int p = 1; p < k; p++) {
            tuples *= inst.size(p);
        }
        if (inst.size(0) > MAX_ROWS || tuples > MAX_KEY_TUPLES) {
            throw new UsageException("explain maxip2attention prints every row: " + inst.size(0) + " Alice rows and "
                    + tuples + " key tuples are above the limits " + MAX_ROWS + " and " + MAX_KEY_TUPLES);
        }
        AttentionReduction red = AttentionReduction.of(inst, c, gamma);
        LemmaB1.Design d = red.design();
        LemmaB1.Threshold th = red.threshold();
        Text t = new Text();
        t.line("Gap-%d-MaxIP -> order-%d attention, %s construction (Alman-Song 2023, Lemma B.1; THEORY section 9)",
                k, k, c.id());
        StringBuilder sizes = new StringBuilder();
        for (int p = 1; p < k; p++) {
            sizes.append(p == 1 ? "" : " x ").append(inst.size(p));
        }
        t.line("Gap-%d-MaxIP: |A| = %d, key sets %s (R_t = %s real key tuples), D' = %d, t = %d, eps = %s",
                k, inst.size(0), sizes, Text.num(th.keyTuples()), inst.dimension(), inst.threshold(), inst.eps());
        t.line("design: lambda = ln(gamma R_t) / (eps t) = ln(%s * %s) / (%s * %d) = %s, so e^{lambda eps t} = gamma R_t",
                Text.num(gamma), Text.num(th.keyTuples()), Text.num(d.eps()), d.threshold(), Text.num(d.lambda()));
        if (c == Construction.REFERENCE) {
            t.line("  h = %d reference columns (h_eff = %s), width d = D' + h = %d", d.h(), Text.num(th.hEff()), d.width());
        } else {
            t.line("  padding: %s all-zero rows appended to the key matrices, width d = D' = %d",
                    Text.ints(d.padding()), d.width());
        }
        t.line("  scale s = (d lambda)^{1/k} = (%d * %s)^{1/%d} = %s: every entry is 0 or at most s, so B = s", d.width(),
                Text.num(d.lambda()), k, Text.num(d.scale()));
        t.line("  a real tuple scores s^k <a, b_1..b_{k-1}> / d = lambda IP%s", c == Construction.REFERENCE
                ? "; a tuple mixing real and reference rows scores 0; the all-reference tuple lambda h_eff"
                : "; a tuple with a padding row scores 0");
        t.line("threshold: ln x_yes = ln(e^{lambda t} + R_t - 1) = %s, ln x_no = ln(R_t e^{lambda (1-eps) t}) = %s,"
                + " ln C = %s", Text.num(th.logXYes()), Text.num(th.logXNo()), Text.num(th.logMass()));
        t.line("  output of a row = f(X) = X / (X + C), X = sum over real tuples of e^{lambda IP}");
        t.line("  f(x_yes) = %s, f(x_no) = %s, theta = %s, oracle accuracy needed eps_a < %s", Text.num(th.fYes()),
                Text.num(th.fNo()), Text.num(th.theta()), Text.num(th.epsA()));
        AttentionInput in = red.input();
        t.line("Q (%d x %d): row i is s times (a_i%s)", in.nq(), in.d(), c == Construction.REFERENCE ? ", 1^h" : "");
        for (int i = 0; i < in.nq(); i++) {
            t.line("  %d: %s", i, rowText(in.q(), i));
        }
        for (int p = 1; p < k; p++) {
            Matrix km = in.key(p);
            t.line("K_%d (%d x %d) and V_%d (1 on real rows):", p, km.rows(), km.cols(), p);
            for (int j = 0; j < km.rows(); j++) {
                boolean real = j < inst.size(p);
                t.line("  %d: %s; V = %s%s", j, rowText(km, j), Text.num(in.value(p).get(j, 0)),
                        real ? "" : c == Construction.REFERENCE ? " (reference row)" : " (padding row)");
            }
        }
        Matrix exact = new NaiveAttention().compute(in);
        t.line("every query row: inner products with the real key tuples, X, exact Att against f(X), decision:");
        int[] keys = new int[k - 1];
        int wrong = 0;
        for (int i = 0; i < in.nq(); i++) {
            StringBuilder ips = new StringBuilder();
            double logX = Double.NEGATIVE_INFINITY;
            int max = 0;
            for (long kt = 0; kt < tuples; kt++) {
                long rest = kt;
                for (int p = k - 1; p >= 1; p--) {
                    keys[p - 1] = (int) (rest % inst.size(p));
                    rest /= inst.size(p);
                }
                int ip = inst.innerProduct(i, keys);
                max = Math.max(max, ip);
                ips.append(kt == 0 ? "" : " ").append(ip);
                logX = logAdd(logX, d.lambda() * ip);
            }
            double predicted = 1 / (1 + Math.exp(th.logMass() - logX));
            double out = exact.get(i, 0);
            boolean yes = red.decide(out);
            boolean truth = inst.isYes(max);
            if (yes != truth) {
                wrong++;
            }
            t.line("  %d: IP %s, ln X = %s, Att = %s, f(X) = %s -> %s (max IP %d: %s)", i, ips, Text.num(logX),
                    String.format(Locale.ROOT, "%.6f", out), String.format(Locale.ROOT, "%.6f", predicted),
                    yes ? "YES" : "no", max, truth ? "YES" : "no");
        }
        t.line("%d of %d decisions differ from the Max-IP truth", wrong, in.nq());
        Construction other = c == Construction.REFERENCE ? Construction.PAPER : Construction.REFERENCE;
        AttentionReduction o = AttentionReduction.of(inst, other, gamma);
        long[] keySizes = new long[k - 1];
        for (int p = 1; p < k; p++) {
            keySizes[p - 1] = inst.size(p);
        }
        List<String> parts = new ArrayList<>();
        for (AttentionReduction r : List.of(red, o)) {
            long[] s = r.attentionSizes();
            StringBuilder kr = new StringBuilder();
            for (int p = 1; p < s.length; p++) {
                kr.append(p == 1 ? "" : " x ").append(s[p]);
            }
            parts.add(String.format(Locale.ROOT, "%s: key rows %s, d = %d, B = s = %s, theta = %s, eps_a < %s",
                    r.design().construction().id(), kr, r.design().width(), Text.num(r.design().scale()),
                    Text.num(r.threshold().theta()), Text.num(r.threshold().epsA())));
        }
        t.line("the two constructions side by side:");
        for (String s : parts) {
            t.line("  %s", s);
        }
        LemmaB1.Design paper = c == Construction.PAPER ? d : o.design();
        t.line("  the paper construction would need about %s zero rows in K_1 for the reference construction's constant eps_a",
                Text.num(LemmaB1.paddingRowsForConstantAccuracy(paper, keySizes)));
        return t.toString();
    }

    /** A row as "value at [columns]" groups, columns of zeros omitted. */
    static String rowText(Matrix m, int i) {
        Map<Double, List<Integer>> groups = new TreeMap<>((a, b) -> Double.compare(b, a));
        for (int j = 0; j < m.cols(); j++) {
            double v = m.get(i, j);
            if (v != 0) {
                groups.computeIfAbsent(v, x -> new ArrayList<>()).add(j);
            }
        }
        if (groups.isEmpty()) {
            return "all 0";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Double, List<Integer>> e : groups.entrySet()) {
            int[] cols = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            b.append(b.length() == 0 ? "" : "; ").append(Text.num(e.getKey())).append(" at ").append(Text.ints(cols));
        }
        return b.toString();
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }
}
