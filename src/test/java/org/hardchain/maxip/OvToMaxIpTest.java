package org.hardchain.maxip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import org.hardchain.ov.FastOvSolver;
import org.hardchain.ov.NaiveOvSolver;
import org.hardchain.ov.OvGenerators;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.hardchain.protocol.MerlinArthurProtocol;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.protocol.SetEncoding;
import org.hardchain.util.Progress;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OvToMaxIpTest {

    /** Our own brute force: does vector a of set 0 have a tuple with no all-ones coordinate? */
    static int[] bruteForcePartner(OvInstance ov, int a) {
        int k = ov.order();
        int[] tuple = new int[k];
        tuple[0] = a;
        for (int p = 1; p < k; p++) {
            if (ov.size(p) == 0) {
                return null;
            }
        }
        while (true) {
            boolean orthogonal = true;
            for (int c = 0; c < ov.dimension() && orthogonal; c++) {
                boolean all = true;
                for (int p = 0; p < k && all; p++) {
                    all = ov.get(p, tuple[p], c);
                }
                orthogonal = !all;
            }
            if (orthogonal) {
                return tuple;
            }
            int q = k - 1;
            while (q >= 1 && ++tuple[q] == ov.size(q)) {
                tuple[q] = 0;
                q--;
            }
            if (q < 1) {
                return null;
            }
        }
    }

    /**
     * Checks Theorem 4.7 on one instance: a has an orthogonal partner (by the OV solvers and by
     * brute force) iff one of its rows reaches t, its honest row reaches t with the partner's
     * keys, and otherwise every row stays at or below (1 - eps) t.
     */
    /** The instance checked and how many vectors of set 0 had a partner (yes) or not (no). */
    record Checked(MaxIpInstance inst, int yes, int no) {
    }

    static MaxIpInstance checkGap(OvInstance ov, ProtocolParameters params, String what) {
        return check(ov, params, what).inst();
    }

    static Checked check(OvInstance ov, ProtocolParameters params, String what) {
        OvToMaxIp red = OvToMaxIp.of(ov, params, OvToMaxIp.DEFAULT_MAX_BYTES);
        MaxIpInstance inst = red.build(OvToMaxIp.DEFAULT_MAX_BYTES, 2, Progress.silent());
        OvToMaxIp.Estimate e = red.estimate();
        assertEquals(e.aliceRows(), inst.size(0), what);
        assertEquals(e.dimension(), inst.dimension(), what);
        long keyOnes = 0;
        long aliceOnes = 0;
        for (int p = 0; p < inst.order(); p++) {
            for (int i = 0; i < inst.size(p); i++) {
                if (p == 0) {
                    aliceOnes += inst.weight(0, i);
                } else {
                    keyOnes += inst.weight(p, i);
                }
            }
        }
        assertEquals(e.keyOnes(), keyOnes, what);
        assertTrue(aliceOnes <= e.aliceOnesBound(), what + ": Alice ones " + aliceOnes + " > bound " + e.aliceOnesBound());
        long t = (long) Math.pow(params.length(), params.reps());
        assertEquals(t, inst.threshold(), what);
        assertEquals(Ratio.of((long) Math.pow(params.order() * (params.blockSize() - 1), params.reps()), t),
                inst.oneMinusEps(), what);

        MaxIpResult res = new FastMaxIp(2, Long.MAX_VALUE, Progress.silent()).solve(inst);
        assertNull(res.inconsistency(inst), what);
        boolean[] fast = new FastOvSolver().hasPartner(ov);
        boolean[] naive = new NaiveOvSolver().hasPartner(ov);
        int rowsPer = red.merlinCount();
        int yes = 0;
        for (int a = 0; a < ov.size(0); a++) {
            int[] partner = bruteForcePartner(ov, a);
            assertEquals(partner != null, fast[a], what + " a=" + a + ": brute force vs FastOvSolver");
            assertEquals(partner != null, naive[a], what + " a=" + a + ": brute force vs NaiveOvSolver");
            boolean reaches = false;
            for (int id = 0; id < rowsPer; id++) {
                int row = red.aliceRow(a, id);
                assertEquals(a, inst.source(0, row), what);
                assertEquals(id, inst.merlin(row), what);
                assertTrue(res.max(row) <= t, what);
                reaches |= res.max(row) == t;
                if (partner == null) {
                    assertTrue(inst.isNo(res.max(row)), what + " a=" + a + " psi=" + id + ": max " + res.max(row)
                            + " above (1-eps) t = " + inst.oneMinusEps() + " * " + t);
                }
            }
            assertEquals(partner != null, reaches, what + " a=" + a);
            yes += partner != null ? 1 : 0;
            if (partner != null) {
                int row = red.honestRow(partner);
                assertEquals(a, inst.source(0, row), what);
                int[] keys = new int[ov.order() - 1];
                for (int p = 1; p < ov.order(); p++) {
                    keys[p - 1] = partner[p];
                    assertEquals(partner[p], inst.source(p, partner[p]), what);
                }
                assertEquals(t, inst.innerProduct(row, keys), what + " honest row of " + java.util.Arrays.toString(partner));
                assertEquals(t, res.max(row), what);
            }
        }
        return new Checked(inst, yes, ov.size(0) - yes);
    }

    @ParameterizedTest(name = "k={0} w={1} ell={2}")
    @CsvSource({
        "2,1,1", "2,1,2", "2,2,1", "2,2,2", "2,3,1", "2,3,2",
        "3,1,1", "3,1,2", "3,2,1", "3,2,2", "3,3,1", "3,3,2",
        "4,1,1", "4,1,2", "4,2,1", "4,2,2",
    })
    void orthogonalPartnerIffSomeRowReachesTAndOtherwiseAllRowsStayBelowTheGap(int k, int w, int ell) {
        int seeds = k == 4 || w == 3 ? 5 : 8;
        int yes = 0;
        int no = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SplittableRandom r = new SplittableRandom(seed * 1000 + k * 100 + w * 10 + ell);
            int m = r.nextInt(0, 12);
            int[] sizes = new int[k];
            for (int p = 0; p < k; p++) {
                sizes[p] = r.nextInt(1, k == 4 ? 3 : 4);
            }
            // (1 - d^k)^m is the chance a tuple is orthogonal: denser vectors for larger k give both cases.
            double density = (k == 2 ? new double[] {0.3, 0.5, 0.7} : new double[] {0.7, 0.85, 0.95})[r.nextInt(3)];
            OvInstance ov = seed % 2 == 0 ? OvGenerators.random(m, sizes, density, seed)
                    : OvGenerators.planted(m, sizes, density, seed).instance();
            // Minimal length k(w-1)+1 keeps P = p^{(k-1)(w-1)} small when w = 3; else the default.
            Integer length = (w == 3 || (k == 4 && w == 2)) ? k * (w - 1) + 1 : null;
            ProtocolParameters params = ProtocolParameters.withDefaults(k, m, w, length, ell, null);
            Checked c = check(ov, params, "k=" + k + " w=" + w + " ell=" + ell + " seed=" + seed + " m=" + m + " " + params);
            yes += c.yes();
            no += c.no();
        }
        assertTrue(yes > 0 && no > 0, "both cases occur: " + yes + " with a partner, " + no + " without");
    }

    @Test
    void innerProductEqualsTheProtocolsExactAcceptanceCount() {
        for (long seed = 0; seed < 6; seed++) {
            int k = 2 + (int) (seed % 2);
            int[] sizes = k == 3 ? new int[] {2, 2, 2} : new int[] {2, 3};
            OvInstance ov = OvGenerators.random(5, sizes, 0.5, seed);
            int ell = seed % 3 == 0 ? 2 : 1;
            ProtocolParameters params = ProtocolParameters.withDefaults(k, 5, 2, null, ell, null);
            OvToMaxIp red = OvToMaxIp.of(ov, params, OvToMaxIp.DEFAULT_MAX_BYTES);
            MaxIpInstance inst = red.build(OvToMaxIp.DEFAULT_MAX_BYTES, 1, Progress.silent());
            MerlinArthurProtocol proto = red.protocol();
            for (int a = 0; a < ov.size(0); a++) {
                for (int id = 0; id < red.merlinCount(); id++) {
                    int[] keys = new int[k - 1];
                    do {
                        List<SetEncoding> players = new ArrayList<>();
                        players.add(proto.encode(ov.ones(0, a)));
                        for (int p = 1; p < k; p++) {
                            players.add(proto.encode(ov.ones(p, keys[p - 1])));
                        }
                        long accepting = proto.acceptanceNaive(players, proto.merlinMessage(id), Long.MAX_VALUE).accepting();
                        assertEquals(accepting, inst.innerProduct(red.aliceRow(a, id), keys),
                                "seed=" + seed + " a=" + a + " psi=" + id + " keys=" + java.util.Arrays.toString(keys));
                    } while (next(keys, ov));
                }
            }
        }
    }

    private static boolean next(int[] keys, OvInstance ov) {
        for (int q = keys.length - 1; q >= 0; q--) {
            if (++keys[q] < ov.size(q + 1)) {
                return true;
            }
            keys[q] = 0;
        }
        return false;
    }

    @ParameterizedTest(name = "k={0} w={1} ell={2} m={3}")
    @CsvSource({"2,1,1,3", "2,2,1,2", "2,2,2,2", "2,3,1,3", "3,1,1,2", "3,2,1,2", "3,2,1,0", "4,2,1,1"})
    void compressionChangesNoInnerProduct(int k, int w, int ell, int m) {
        for (long seed = 0; seed < 3; seed++) {
            int[] sizes = new int[k];
            java.util.Arrays.fill(sizes, 2);
            OvInstance ov = OvGenerators.random(m, sizes, 0.5, seed);
            ProtocolParameters params = ProtocolParameters.withDefaults(k, m, w, k * (w - 1) + 1, ell, null);
            OvToMaxIp cr = OvToMaxIp.of(ov, params, Long.MAX_VALUE);
            OvToMaxIp ur = OvToMaxIp.uncompressed(ov, params, Long.MAX_VALUE);
            MaxIpInstance c = cr.build(Long.MAX_VALUE, 1, Progress.silent());
            MaxIpInstance u = ur.build(Long.MAX_VALUE, 2, Progress.silent());
            String what = "k=" + k + " w=" + w + " ell=" + ell + " m=" + m + " seed=" + seed;
            assertTrue(c.dimension() <= u.dimension(), what);
            assertEquals(Math.pow(params.length(), ell) * Math.pow(params.prime(), (double) (k - 1) * ell * params.blocks()),
                    u.dimension(), 0.5, what);
            assertTrue(c.dimension() <= Math.pow(params.length(), ell) * Math.pow(2, k - 1), what);
            assertEquals(c.size(0), u.size(0), what);
            for (int row = 0; row < c.size(0); row++) {
                int[] keys = new int[k - 1];
                do {
                    assertEquals(u.innerProduct(row, keys), c.innerProduct(row, keys), what + " row " + row);
                } while (next(keys, ov));
            }
            assertTrue(new FastMaxIp().solve(c).sameMaxima(new NaiveMaxIp().solve(u)), what);
        }
    }

    @Test
    void satToOvInstancesKeepTheGap() {
        int yes = 0;
        int no = 0;
        for (long seed = 0; seed < 12; seed++) {
            int vars = 3 + (int) (seed % 4);
            int clauses = (int) (seed % 5) * 2;
            Cnf f = seed % 3 == 0 ? CnfGenerators.plantedKCnf(vars, clauses, 3, seed)
                    : CnfGenerators.randomKCnf(vars, clauses, Math.min(3, vars), seed);
            int k = 2 + (int) (seed % 2);
            OvInstance ov = SatToOv.of(f, k).instance();
            int w = 1 + (int) (seed % 3);
            ProtocolParameters params = ProtocolParameters.withDefaults(k, ov.dimension(), w,
                    w == 3 ? k * (w - 1) + 1 : null, 1, null);
            Checked c = check(ov, params, "seed=" + seed + " vars=" + vars + " clauses=" + clauses + " k=" + k + " w=" + w);
            yes += c.yes();
            no += c.no();
        }
        assertTrue(yes > 0 && no > 0, "both cases occur: " + yes + " with a partner, " + no + " without");
    }

    @Test
    void formulaWithoutClausesGivesDimensionZeroOvAndEveryRowCanReachT() {
        Cnf f = Cnf.of(4, new ArrayList<>());
        for (int k = 2; k <= 4; k++) {
            OvInstance ov = SatToOv.of(f, k).instance();
            assertEquals(0, ov.dimension());
            for (int w = 1; w <= 2; w++) {
                ProtocolParameters params = ProtocolParameters.withDefaults(k, 0, w, null, 2, null);
                MaxIpInstance inst = checkGap(ov, params, "no clauses, k=" + k + " w=" + w);
                assertEquals(Math.pow(params.length(), 2), inst.dimension(), 0.5, "one message per player per r");
            }
        }
    }

    @Test
    void setsOfSizeOneWork() {
        OvInstance yes = OvInstance.builder(3, 4).addOnes(0, 0, 1).addOnes(1, 1, 2).addOnes(2, 2, 3).build();
        OvInstance no = OvInstance.builder(3, 4).addOnes(0, 0, 1).addOnes(1, 1, 2).addOnes(2, 1, 3).build();
        for (int w = 1; w <= 3; w++) {
            Integer len = w == 3 ? 7 : null;
            MaxIpInstance y = checkGap(yes, ProtocolParameters.withDefaults(3, 4, w, len, 1, null), "yes w=" + w);
            MaxIpInstance n = checkGap(no, ProtocolParameters.withDefaults(3, 4, w, len, 1, null), "no w=" + w);
            assertEquals(1, y.size(1));
            assertEquals(1, n.size(2));
        }
    }

    @Test
    void emptyKeySetHasNoPartnerAndNoRowReachesT() {
        OvInstance ov = OvInstance.builder(2, 3).addOnes(0, 1).build();
        MaxIpInstance inst = checkGap(ov, ProtocolParameters.withDefaults(2, 3, 2, null, 1, null), "empty B_1");
        assertEquals(0, inst.size(1));
    }

    @Test
    void handCheckedTwoPartyInstance() {
        // k = 2, m = 2, w = 1 (deterministic protocol): L = 1, t = 1, eps = 1, one Merlin message.
        OvInstance ov = OvInstance.builder(2, 2).addOnes(0, 0).addOnes(0, 0, 1).addOnes(1, 1).build();
        ProtocolParameters params = ProtocolParameters.withDefaults(2, 2, 1, null, 1, null);
        OvToMaxIp red = OvToMaxIp.of(ov, params, Long.MAX_VALUE);
        assertEquals(1, red.merlinCount());
        MaxIpInstance inst = red.build(Long.MAX_VALUE, 1, Progress.silent());
        assertEquals(1, inst.threshold());
        assertEquals(Ratio.of(0, 1), inst.oneMinusEps());
        assertEquals(1, inst.dimension());
        assertArrayEquals(new int[] {0}, inst.support(1, 0));
        assertArrayEquals(new int[] {0}, inst.support(0, 0), "{0} and {1} are disjoint: Alice accepts");
        assertArrayEquals(new int[] {}, inst.support(0, 1), "{0,1} and {1} intersect: Alice rejects");
    }

    @Test
    void refusesAboveTheByteLimitWithTheEstimate() {
        OvInstance ov = OvGenerators.random(6, new int[] {3, 3, 3}, 0.5, 1);
        ProtocolParameters params = ProtocolParameters.withDefaults(3, 6, 2, null, 1, null);
        OvToMaxIp red = OvToMaxIp.of(ov, params, Long.MAX_VALUE);
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> red.build(1000, 1, Progress.silent()));
        assertTrue(e.getMessage().contains("|A'| = " + red.estimate().aliceRows()), e.getMessage());
        assertTrue(e.getMessage().contains("--max-bytes"), e.getMessage());
        assertThrows(ResourceLimitException.class, () -> OvToMaxIp.of(ov, params, 10));
    }

    @Test
    void exactCountDecidesWhenTheUpperBoundIsAboveTheLimit() {
        OvInstance ov = OvGenerators.random(12, new int[] {4, 4, 4}, 0.7, 3);
        OvToMaxIp red = OvToMaxIp.of(ov, ProtocolParameters.withDefaults(3, 12, 2, null, 1, null), Long.MAX_VALUE);
        MaxIpInstance full = red.build(Long.MAX_VALUE, 2, Progress.silent());
        long aliceOnes = full.ones() - red.estimate().keyOnes();
        double slack = red.estimate().aliceOnesBound() - aliceOnes;
        assertTrue(slack > aliceOnes, "the bound is loose here: " + aliceOnes + " vs " + red.estimate().aliceOnesBound());
        // A limit below the bound's byte estimate but above the exact need (4 bytes per one).
        long limit = (long) (red.estimate().bytes() - 2 * slack);
        MaxIpInstance again = red.build(limit, 1, Progress.silent());
        for (int row = 0; row < full.size(0); row++) {
            assertArrayEquals(full.support(0, row), again.support(0, row));
        }
        assertThrows(ResourceLimitException.class, () -> red.build((long) (red.estimate().bytes() - 4 * slack - 1),
                1, Progress.silent()), "exactly the need is refused below");
    }

    @Test
    void rejectsParametersThatDoNotMatchTheInstance() {
        OvInstance ov = OvGenerators.random(6, new int[] {2, 2}, 0.5, 1);
        UsageException e = assertThrows(UsageException.class,
                () -> OvToMaxIp.of(ov, ProtocolParameters.withDefaults(3, 6, 2, null, 1, null), Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        e = assertThrows(UsageException.class,
                () -> OvToMaxIp.of(ov, ProtocolParameters.withDefaults(2, 5, 2, null, 1, null), Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("universe m = 5"), e.getMessage());
        assertFalse(OvToMaxIp.of(ov, ProtocolParameters.withDefaults(2, 6, 2, null, 1, null), Long.MAX_VALUE)
                .estimate().dimension() > 4 * 2, "D' <= L prod |B_p|");
    }
}
