package org.hardchain.hardness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.ExactAttention;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.NaiveAttention;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.MaxIpResult;
import org.hardchain.maxip.NaiveMaxIp;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.OvGenerators;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttentionReductionTest {

    /** Small Gap-k-MaxIP instances from planted and random k-OV through the protocol (w = 2). */
    static List<MaxIpInstance> instances() {
        List<MaxIpInstance> out = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            int k = seed <= 3 ? 2 : 3;
            int m = 5 + (int) seed;
            int[] sizes = k == 2 ? new int[] {4, 5} : new int[] {3, 4, 3};
            OvInstance ov = seed % 2 == 0 ? OvGenerators.random(m, sizes, 0.4, seed)
                    : OvGenerators.planted(m, sizes, 0.4, seed).instance();
            ProtocolParameters params = ProtocolParameters.withDefaults(k, m, 2, null, null, null);
            out.add(OvToMaxIp.of(ov, params, OvToMaxIp.DEFAULT_MAX_BYTES)
                    .build(OvToMaxIp.DEFAULT_MAX_BYTES, 1, Progress.silent()));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Construction.class)
    void exactOracleSeparatesYesAndNoRowsExactlyAsBruteForceMaxIp(Construction c) {
        int yes = 0;
        int seed = 0;
        for (MaxIpInstance inst : instances()) {
            seed++;
            AttentionReduction red = AttentionReduction.of(inst, c, 4);
            AttentionInput in = red.input();
            Matrix att = ExactAttention.create().compute(in);
            MaxIpResult brute = new NaiveMaxIp().solve(inst);
            LemmaB1.Threshold th = red.threshold();
            assertEquals(red.design().scale(), in.entryBound(), 1e-12 * red.design().scale(), "instance " + seed);
            for (int i = 0; i < inst.size(0); i++) {
                String msg = c + " instance " + seed + " row " + i + " max " + brute.max(i);
                double out = att.get(i, 0);
                boolean isYes = inst.isYes(brute.max(i));
                assertTrue(isYes || inst.isNo(brute.max(i)), msg + ": promise");
                assertEquals(isYes, red.decide(out), msg);
                if (isYes) {
                    yes++;
                    assertTrue(out >= th.fYes() - 1e-12, msg + ": " + out + " < f(x_yes) " + th.fYes());
                } else {
                    assertTrue(out <= th.fNo() + 1e-12, msg + ": " + out + " > f(x_no) " + th.fNo());
                }
            }
        }
        assertTrue(yes > 0, "some YES rows");
    }

    @Test
    void naiveAttentionAgreesWithExactOnTheReductionsRows() {
        MaxIpInstance inst = instances().get(4);
        for (Construction c : Construction.values()) {
            AttentionReduction red = AttentionReduction.of(inst, c, 4);
            int[] rows = {0, inst.size(0) / 2, inst.size(0) - 1};
            AttentionInput in = red.input(rows);
            Matrix a = new NaiveAttention().compute(in);
            Matrix b = ExactAttention.create().compute(in);
            for (int r = 0; r < rows.length; r++) {
                assertEquals(a.get(r, 0), b.get(r, 0), 1e-12, c + " row " + rows[r]);
            }
        }
    }

    @Test
    void restrictionsReDeriveTheThresholdAndStillDecideTheRestrictedMaxIp() {
        Random rnd = new Random(17);
        for (MaxIpInstance inst : instances()) {
            AttentionReduction red = AttentionReduction.of(inst, Construction.REFERENCE, 4);
            int k = inst.order();
            for (int trial = 0; trial < 30; trial++) {
                int a = rnd.nextInt(inst.size(0));
                int[][] keys = new int[k - 1][];
                for (int p = 1; p < k; p++) {
                    int n = inst.size(p);
                    int from = rnd.nextInt(n);
                    int to = from + 1 + rnd.nextInt(n - from);
                    keys[p - 1] = java.util.stream.IntStream.range(from, to).toArray();
                }
                AttentionReduction sub = red.restrict(new int[] {a}, keys);
                double out = ExactAttention.create().compute(sub.input()).get(0, 0);
                int best = bestRestricted(inst, a, keys);
                String msg = "seed 17 trial " + trial + " row " + a + " keys " + Arrays.deepToString(keys) + " max "
                        + best;
                assertEquals(inst.isYes(best), sub.decide(out), msg);
                assertTrue(sub.threshold().epsA() > 0.1, msg + " eps_a " + sub.threshold().epsA());
            }
        }
    }

    private static int bestRestricted(MaxIpInstance inst, int a, int[][] keys) {
        int k = inst.order();
        int best = 0;
        int[] idx = new int[k - 1];
        int[] t = new int[k - 1];
        while (true) {
            for (int p = 0; p < k - 1; p++) {
                t[p] = keys[p][idx[p]];
            }
            best = Math.max(best, inst.innerProduct(a, t));
            int q = k - 2;
            while (q >= 0 && ++idx[q] == keys[q].length) {
                idx[q] = 0;
                q--;
            }
            if (q < 0) {
                return best;
            }
        }
    }

    @Test
    void selfReductionFindsATupleReachingTWithinTheLogarithmicCallBound() throws Exception {
        int found = 0;
        for (MaxIpInstance inst : instances()) {
            AttentionReduction red = AttentionReduction.of(inst, Construction.REFERENCE, 4);
            Matrix att = ExactAttention.create().compute(red.input());
            int n = 0;
            for (int p = 0; p < inst.order(); p++) {
                n = Math.max(n, inst.size(p));
            }
            int logN = 32 - Integer.numberOfLeadingZeros(n - 1);
            for (int i = 0; i < inst.size(0); i++) {
                if (!red.decide(att.get(i, 0))) {
                    continue;
                }
                int[] calls = {0};
                AttentionOracle counting = new AttentionOracle() {
                    @Override
                    public double[] outputs(AttentionInput in, int[] rows) {
                        calls[0]++;
                        return ExactOracle.create().outputs(in, rows);
                    }

                    @Override
                    public String name() {
                        return "counting";
                    }

                    @Override
                    public double promisedError() {
                        return 0;
                    }
                };
                SelfReduction.Witness w = SelfReduction.recover(red, i, counting);
                assertEquals(inst.threshold(), inst.innerProduct(i, w.keyVectors()), "row " + i);
                assertEquals(calls[0], w.calls());
                assertTrue(w.calls() <= (inst.order() - 1) * logN, w.calls() + " calls > (k-1) log n");
                assertTrue(w.calls() <= w.bound());
                found++;
            }
        }
        assertTrue(found > 0);
    }

    @Test
    void provenanceNamesEveryRowAndTheExtraRows() {
        MaxIpInstance inst = instances().get(0);
        AttentionReduction red = AttentionReduction.of(inst, Construction.PAPER, 4);
        assertEquals(2 * inst.size(1), red.keyMatrixRows(1));
        assertArrayEquals(new long[] {inst.size(0), 2L * inst.size(1)}, red.attentionSizes());
        var prov = red.provenance();
        assertEquals(inst.size(0), ((List<?>) prov.get("query_rows")).size());
        int[] vec = (int[]) ((java.util.Map<?, ?>) prov.get("K1")).get("vector");
        assertEquals(-1, vec[vec.length - 1]);
        assertEquals(0, vec[0]);
    }
}
