package org.hardchain.explain;

import java.util.ArrayList;
import java.util.List;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.MaxIpRegime;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.NaiveOvSolver;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.MerlinArthurProtocol;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.protocol.SetEncoding;
import org.hardchain.util.Progress;
import org.hardchain.util.UsageException;

/**
 * Walkthrough of k-OV to Gap-k-MaxIP (Alman &amp; Song 2023, Theorem 4.7 generalized; THEORY §8;
 * {@link OvToMaxIp}): the protocol's parameters, what each key vector sends on each random
 * string, every key vector's and every Alice row's support, the inner product of every Alice
 * row with every key tuple against t and (1-eps)t, the per-source decision checked against
 * brute-force k-OV, and the Lemma B.1 regime numbers ({@link MaxIpRegime}) the next stage needs.
 */
public final class OvToMaxIpExplain {
    /** Largest number of vectors in one OV set explained. */
    public static final int MAX_SET_SIZE = 4;
    /** Largest number of Alice rows |A| p^{(k-1)(w-1)} explained. */
    public static final int MAX_ALICE_ROWS = 64;
    /** Largest dimension D' explained. */
    public static final int MAX_DIMENSION = 256;
    /** Largest number of random strings L^ell explained. */
    public static final int MAX_RANDOM_STRINGS = 16;

    private OvToMaxIpExplain() {
    }

    /**
     * The walkthrough text. O(|A'| prod |B_p| D') on the tiny sizes allowed.
     *
     * @throws UsageException if a set has more than {@value #MAX_SET_SIZE} vectors, L^ell is above
     *                        {@value #MAX_RANDOM_STRINGS}, or the built instance has more than
     *                        {@value #MAX_ALICE_ROWS} Alice rows or dimension above {@value #MAX_DIMENSION}
     */
    public static String explain(OvInstance ov, ProtocolParameters q) {
        int k = ov.order();
        for (int p = 0; p < k; p++) {
            if (ov.size(p) > MAX_SET_SIZE) {
                throw new UsageException("explain ov2maxip prints every vector: set " + p + " has " + ov.size(p)
                        + " vectors, the limit is " + MAX_SET_SIZE);
            }
        }
        if (q.randomStrings().doubleValue() > MAX_RANDOM_STRINGS) {
            throw new UsageException("explain ov2maxip prints every random string: L^ell = " + q.randomStrings()
                    + " is above the limit " + MAX_RANDOM_STRINGS);
        }
        OvToMaxIp red = OvToMaxIp.of(ov, q, OvToMaxIp.DEFAULT_MAX_BYTES);
        OvToMaxIp.Estimate e = red.estimate();
        if (e.aliceRows() > MAX_ALICE_ROWS || e.dimension() > MAX_DIMENSION) {
            throw new UsageException("explain ov2maxip prints every vector: |A'| = " + e.aliceRows() + " Alice rows and D' = "
                    + e.dimension() + " are above the limits " + MAX_ALICE_ROWS + " and " + MAX_DIMENSION
                    + " (use fewer vectors, a smaller block size or fewer repetitions)");
        }
        MaxIpInstance inst = red.build(OvToMaxIp.DEFAULT_MAX_BYTES, 1, Progress.silent());
        MerlinArthurProtocol protocol = red.protocol();
        int l = q.length();
        int ell = q.reps();
        Text t = new Text();
        t.line("%d-OV -> Gap-%d-MaxIP through the Merlin-Arthur protocol (Alman-Song 2023, Theorem 4.7; THEORY section 8)",
                k, k);
        StringBuilder sizes = new StringBuilder();
        for (int p = 0; p < k; p++) {
            sizes.append(p == 0 ? "" : " ").append(ov.size(p));
        }
        t.line("k-OV: k = %d, dimension m = %d, set sizes %s", k, ov.dimension(), sizes);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < ov.size(p); i++) {
                t.line("  set %d vector %d: %s", p, i, Text.bits(ov.vector(p, i)));
            }
        }
        t.line("protocol: w = %d, T = %d, L = %d, ell = %d, p = %d; each vector is read as the set of its 1-coordinates",
                q.blockSize(), q.blocks(), l, ell, q.prime());
        t.line("what key player p sends on random string r (its symbols E_t(r_j), repetition-major):");
        List<List<SetEncoding>> enc = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            List<SetEncoding> s = new ArrayList<>();
            for (int i = 0; i < ov.size(p); i++) {
                s.add(protocol.encode(ov, p, i));
            }
            enc.add(s);
        }
        int strings = (int) q.randomStrings().longValueExact();
        for (int idx = 0; idx < strings; idx++) {
            int[] r = ProtocolExplain.randomString(idx, l, ell);
            StringBuilder b = new StringBuilder();
            for (int p = 1; p < k; p++) {
                for (int i = 0; i < ov.size(p); i++) {
                    b.append(b.length() == 0 ? "" : ", ").append("b").append(p).append('_').append(i).append(' ')
                            .append(Text.ints(protocol.playerMessage(enc.get(p).get(i), r).symbols()));
                }
            }
            t.line("  r = %s: %s", Text.ints(r), b);
        }
        t.line("coordinates: (r, m_1..m_{k-1}) for the messages some key vector really sends (support compression):"
                + " D' = %d (%s without compression)", e.dimension(), Text.num(e.uncompressedDimension()));
        t.line("key vector b_j of set p: 1 at (r, m) iff b_j sends m_p on r");
        for (int p = 1; p < k; p++) {
            for (int i = 0; i < inst.size(p); i++) {
                t.line("  set %d vector %d: support %s", p, i, Text.ints(inst.support(p, i)));
            }
        }
        t.line("Alice: one row per (a, psi) with psi one of the P = p^{(k-1)(w-1)} = %d Merlin messages zero on 0..w-1;"
                + " 1 at (r, m) iff Alice accepts", e.merlinMessages());
        long tt = inst.threshold();
        t.line("inner products <(a, psi), b_1..b_{k-1}> = #{r : Alice accepts}; t = L^ell = %d, (1 - eps) t = %s * %d",
                tt, inst.oneMinusEps(), tt);
        int keyTuples = 1;
        for (int p = 1; p < k; p++) {
            keyTuples *= inst.size(p);
        }
        int[] keys = new int[k - 1];
        int[] best = new int[ov.size(0)];
        for (int row = 0; row < inst.size(0); row++) {
            StringBuilder ips = new StringBuilder();
            int max = -1;
            for (int kt = 0; kt < keyTuples; kt++) {
                int rest = kt;
                for (int p = k - 1; p >= 1; p--) {
                    keys[p - 1] = rest % inst.size(p);
                    rest /= inst.size(p);
                }
                int ip = inst.innerProduct(row, keys);
                max = Math.max(max, ip);
                ips.append(kt == 0 ? "" : " ").append(ip);
            }
            int a = inst.source(0, row);
            best[a] = Math.max(best[a], max);
            t.line("  row %d (a = %d, psi id %d): support %s; IP with key tuples %s -> max %d%s", row, a, inst.merlin(row),
                    Text.ints(inst.support(0, row)), ips, max, keyTuples == 0 ? "" : inst.isYes(max) ? " = t"
                            : inst.isNo(max) ? " <= (1-eps)t" : " (in the gap)");
        }
        t.line("(key tuples in order%s)", keyTupleOrder(inst, k));
        t.line("decisions per source vector a of set 0 (YES iff some row reaches t), against brute-force k-OV:");
        NaiveOvSolver naive = new NaiveOvSolver();
        boolean[] partners = naive.hasPartner(ov);
        for (int a = 0; a < ov.size(0); a++) {
            boolean yes = inst.isYes(best[a]);
            t.line("  a = %d: max %d -> %s; brute force: %s", a, best[a], yes ? "YES" : "no",
                    partners[a] ? "has an orthogonal partner tuple" : "no orthogonal partner");
            if (yes != partners[a]) {
                throw new IllegalStateException("source " + a + ": Max-IP says " + yes + ", brute force " + partners[a]);
            }
        }
        MaxIpRegime g = MaxIpRegime.of(inst, MaxIpRegime.DEFAULT_GAMMA);
        t.line("for Lemma B.1 (THEORY section 9, gamma = 4): R_t = %s key tuples, lambda = ln(gamma R_t)/(eps t) = %s,"
                + " h = %d, d = D' + h = %s, entry bound B = (d lambda)^{1/k} = %s, oracle accuracy eps_a < %s",
                Text.num(g.keyTuples()), Text.num(g.lambda()), g.h(), Text.num(g.width()), Text.num(g.entryBound()),
                Text.num(g.oracleAccuracy()));
        return t.toString();
    }

    private static String keyTupleOrder(MaxIpInstance inst, int k) {
        StringBuilder b = new StringBuilder(": ");
        int total = 1;
        for (int p = 1; p < k; p++) {
            total *= inst.size(p);
        }
        int[] keys = new int[k - 1];
        for (int kt = 0; kt < total; kt++) {
            int rest = kt;
            for (int p = k - 1; p >= 1; p--) {
                keys[p - 1] = rest % inst.size(p);
                rest /= inst.size(p);
            }
            b.append(kt == 0 ? "" : " ").append(Text.ints(keys));
        }
        return b.toString();
    }
}
