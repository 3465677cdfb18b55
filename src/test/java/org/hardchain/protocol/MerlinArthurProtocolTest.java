package org.hardchain.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hardchain.ov.OvInstance;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerlinArthurProtocolTest {
    private static final long SEED = 314159L;
    private static final long WORK = Long.MAX_VALUE;

    /** k random subsets of [m]; if {@code disjoint}, no element is in all k. */
    private static List<BitSet> randomSets(SplittableRandom rnd, int k, int m, boolean disjoint) {
        List<BitSet> sets = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            sets.add(new BitSet());
        }
        for (int e = 0; e < m; e++) {
            int in = 0;
            for (int i = 0; i < k; i++) {
                if (rnd.nextInt(3) != 0) {
                    sets.get(i).set(e);
                    in++;
                }
            }
            if (disjoint && in == k) {
                sets.get(rnd.nextInt(k)).clear(e);
            }
        }
        return sets;
    }

    private static List<SetEncoding> encode(MerlinArthurProtocol pr, List<BitSet> sets) {
        List<SetEncoding> out = new ArrayList<>();
        for (BitSet b : sets) {
            out.add(pr.encode(b));
        }
        return out;
    }

    /** The in-block positions s < w at which some block has its element in all k sets. */
    private static int commonPositions(List<BitSet> sets, int w) {
        BitSet common = (BitSet) sets.get(0).clone();
        for (BitSet b : sets) {
            common.and(b);
        }
        Set<Integer> pos = new HashSet<>();
        common.stream().forEach(e -> pos.add(e % w));
        return pos.size();
    }

    // ------------------------------------------------------------ completeness

    @ParameterizedTest(name = "k={0} w={1}")
    @CsvSource({"2,1", "2,2", "2,3", "3,1", "3,2", "3,3", "4,1", "4,2", "4,3"})
    void honestMerlinIsAcceptedWithProbabilityExactlyOneOnDisjointSets(int k, int w) {
        SplittableRandom rnd = new SplittableRandom(SEED + 10 * k + w);
        for (int it = 0; it < 20; it++) {
            int m = rnd.nextInt(13);
            int ell = 1 + rnd.nextInt(2);
            ProtocolParameters q = ProtocolParameters.withDefaults(k, m, w, null, ell, null);
            MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
            List<BitSet> sets = randomSets(rnd, k, m, true);
            List<SetEncoding> players = encode(pr, sets);
            String ctx = "seed " + (SEED + 10 * k + w) + " it " + it + " " + q + " sets " + sets;
            assertTrue(MerlinArthurProtocol.disjoint(players), ctx);
            MerlinMessage honest = pr.honestMerlin(players);
            assertTrue(honest.zeroOnSystematicPoints(), ctx);
            assertEquals(honest.id(), pr.honestMessageId(players).getAsLong(), ctx);
            assertEquals(honest, pr.merlinMessage(honest.id()), ctx);
            Acceptance a = pr.acceptance(players, honest, WORK);
            assertEquals(q.randomStrings().longValueExact(), a.total(), ctx);
            assertEquals(a.total(), a.accepting(), ctx);
            assertEquals("1", a.fractionString(), ctx);
            assertEquals(a, pr.acceptanceNaive(players, honest, WORK), ctx);
        }
    }

    // ------------------------------------------------------------ soundness

    /*
     * On intersecting sets, psi* is nonzero exactly at the systematic points s < w where
     * some block has position s in all k sets; say there are i >= 1 of them. A message psi
     * (zero on 0..w-1) that copies psi* at the k(w-1)+1-w free points w..k(w-1) agrees with
     * psi* there and at the w-i systematic points where psi* is 0: k(w-1)+1-i points. So
     * the best message reaches (k(w-1)+1-i)^ell accepting strings, which is the bound
     * (k(w-1))^ell when all common elements sit at one in-block position (i = 1), and
     * nearly the bound otherwise. For w = 1 there is one message (psi = 0), and i = 1 gives
     * 0: the deterministic protocol.
     */
    @ParameterizedTest(name = "k={0} w={1} extraLength={2} ell={3}")
    @CsvSource({"2,1,0,1", "2,2,0,1", "2,2,1,2", "2,3,0,1", "2,3,0,2", "2,4,0,1", "3,1,0,2", "3,2,0,1", "3,2,0,2",
        "3,2,3,1", "3,3,0,1", "4,2,0,1", "4,2,0,2"})
    void noMerlinMessageBeatsTheSoundnessBoundOnIntersectingSetsAndTheBestNearlyReachesIt(int k, int w, int extra, int ell) {
        long seed = SEED * 31 + 1000L * k + 100L * w + 10L * extra + ell;
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean sawOnePosition = false;
        boolean sawSeveralPositions = w == 1;
        for (int it = 0; it < 12; it++) {
            int m = 1 + rnd.nextInt(8);
            int l = (int) ProtocolParameters.defaultLength(k, w) + extra;
            ProtocolParameters q = ProtocolParameters.withDefaults(k, m, w, l, ell, null);
            MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
            List<BitSet> sets = randomSets(rnd, k, m, false);
            int forced = rnd.nextInt(m);
            for (BitSet b : sets) {
                b.set(forced); // make them intersect
            }
            List<SetEncoding> players = encode(pr, sets);
            String ctx = "seed " + seed + " it " + it + " " + q + " sets " + sets;
            assertFalse(MerlinArthurProtocol.disjoint(players), ctx);
            assertTrue(pr.honestMessageId(players).isEmpty(), ctx);
            MaxAcceptance max = pr.maxAcceptance(players, WORK);
            assertEquals(q.merlinMessageCount().longValueExact(), max.messages(), ctx);
            long bound = (long) Math.pow((double) k * (w - 1), ell);
            assertTrue(max.best().accepting() <= bound, ctx + ": " + max);
            assertTrue(max.best().probability() <= q.soundnessBound() + 1e-15, ctx);
            int i = commonPositions(sets, w);
            long reachable = (long) Math.pow((double) k * (w - 1) + 1 - i, ell);
            assertTrue(max.best().accepting() >= reachable, ctx + ": i=" + i + " " + max);
            if (i == 1) {
                assertEquals(bound, max.best().accepting(), ctx + ": the bound is reached");
                sawOnePosition = true;
            } else {
                sawSeveralPositions = true;
            }
            // the honest message, nonzero on a systematic point, is rejected outright
            assertEquals(0, pr.acceptance(players, pr.honestMerlin(players), WORK).accepting(), ctx);
        }
        assertTrue(sawOnePosition && sawSeveralPositions, "seed " + seed + ": both cases should occur");
    }

    @ParameterizedTest(name = "k={0} w={1} ell={2}")
    @CsvSource({"2,2,1", "2,3,2", "3,2,2", "3,3,1", "4,2,1"})
    void fastAndNaiveMaximaAgreeOnIntersectingAndDisjointSets(int k, int w, int ell) {
        long seed = SEED + 7 * k + 3 * w + ell;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int it = 0; it < 4; it++) {
            int m = 1 + rnd.nextInt(6);
            ProtocolParameters q = ProtocolParameters.withDefaults(k, m, w, null, ell, null);
            MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
            List<SetEncoding> players = encode(pr, randomSets(rnd, k, m, it % 2 == 0));
            String ctx = "seed " + seed + " it " + it + " " + q;
            assertEquals(pr.maxAcceptanceNaive(players, WORK), pr.maxAcceptance(players, WORK), ctx);
        }
    }

    @Test
    void threeWaysOfComputingTheAcceptanceProbabilityAgreeForRandomMessages() {
        SplittableRandom rnd = new SplittableRandom(SEED + 99);
        for (int it = 0; it < 60; it++) {
            int k = 2 + rnd.nextInt(3);
            int w = 1 + rnd.nextInt(3);
            int ell = 1 + rnd.nextInt(3);
            int m = rnd.nextInt(10);
            int l = (int) ProtocolParameters.defaultLength(k, w) + rnd.nextInt(3);
            ProtocolParameters q = ProtocolParameters.withDefaults(k, m, w, l, ell, null);
            MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
            List<SetEncoding> players = encode(pr, randomSets(rnd, k, m, rnd.nextBoolean()));
            long id = rnd.nextLong(pr.merlinMessageCount());
            MerlinMessage psi = rnd.nextInt(4) == 0 ? pr.honestMerlin(players) : pr.merlinMessage(id);
            String ctx = "seed " + (SEED + 99) + " it " + it + " " + q + " psi " + psi;
            Acceptance a = pr.acceptance(players, psi, WORK);
            assertEquals(pr.acceptanceNaive(players, psi, WORK), a, ctx);
            assertEquals(pr.acceptanceByAgreement(players, psi), a, ctx);
        }
    }

    // ------------------------------------------------------------ w = 1

    @Test
    void blockSizeOneIsTheDeterministicProtocol() {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int k = 2; k <= 4; k++) {
            ProtocolParameters q = ProtocolParameters.withDefaults(k, 7, 1, null, null, null);
            assertEquals(1, q.length(), "default L = max(1, 0)");
            assertEquals(0, q.merlinSymbols());
            assertEquals(0, q.merlinBits());
            assertEquals(0.0, q.soundnessBound());
            MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
            assertEquals(1, pr.merlinMessageCount());
            assertArrayEquals(new int[] {0}, pr.merlinMessage(0).codeword());
            for (int it = 0; it < 10; it++) {
                List<BitSet> sets = randomSets(rnd, k, 7, it % 2 == 0);
                List<SetEncoding> players = encode(pr, sets);
                MaxAcceptance max = pr.maxAcceptance(players, WORK);
                assertEquals(1, max.messages());
                long expect = MerlinArthurProtocol.disjoint(players) ? 1 : 0;
                assertEquals(expect, max.best().accepting(), "seed " + (SEED + 1) + " k=" + k + " sets " + sets);
            }
        }
    }

    // ------------------------------------------------------------ Merlin messages

    @Test
    void messageIdsAreABijectionOntoCodewordsVanishingOnTheSystematicPoints() {
        ProtocolParameters q = ProtocolParameters.of(3, 5, 2, 6, 1, 7); // D = 4, 2 free symbols, 49 messages
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
        assertEquals(49, pr.merlinMessageCount());
        List<MerlinMessage> seen = new ArrayList<>();
        pr.forEachMerlinMessage(49, seen::add);
        assertEquals(49, seen.size());
        Set<MerlinMessage> distinct = new HashSet<>(seen);
        assertEquals(49, distinct.size());
        for (int id = 0; id < 49; id++) {
            MerlinMessage psi = seen.get(id);
            assertEquals(id, psi.id());
            assertEquals(pr.merlinMessage(id), psi, "id " + id);
            int[] c = psi.codeword();
            assertTrue(pr.proofCode().isCodeword(c), "id " + id);
            assertEquals(0, c[0]);
            assertEquals(0, c[1]);
            assertEquals(id % 7, c[2], "digit 0 is psi(w)");
            assertEquals(id / 7, c[3], "digit 1 is psi(w+1)");
            assertEquals(id, pr.merlinMessageOf(c).id());
        }
        assertThrows(IllegalArgumentException.class, () -> pr.merlinMessage(49));
        assertThrows(IllegalArgumentException.class, () -> pr.merlinMessageOf(new int[] {1, 0, 0, 0, 0, 0}));
        assertThrows(ResourceLimitException.class, () -> pr.forEachMerlinMessage(48, x -> { }));
    }

    @Test
    void honestProofCountsCommonElementsPerPositionAndIsAProductCodeword() {
        ProtocolParameters q = ProtocolParameters.of(2, 6, 3, 5, 1, 5);
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
        // blocks {0,1,2}, {3,4,5}; common elements 1 and 4: position 1 in both blocks
        List<SetEncoding> players = List.of(pr.encode(0, 1, 4), pr.encode(1, 2, 4, 5));
        int[] psi = pr.honestProof(players);
        assertEquals(0, psi[0]);
        assertEquals(2, psi[1]);
        assertEquals(0, psi[2]);
        assertTrue(pr.proofCode().isCodeword(psi));
        assertFalse(pr.honestMerlin(players).zeroOnSystematicPoints());
        assertEquals(-1, pr.honestMerlin(players).id());
    }

    // ------------------------------------------------------------ players and Alice

    @Test
    void playerMessagesAreComparableValuesAndAliceChecksThem() {
        ProtocolParameters q = ProtocolParameters.of(3, 6, 2, 6, 2, 7);
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
        SetEncoding a = pr.encode(0, 1);
        SetEncoding b = pr.encode(1, 2);
        SetEncoding c = pr.encode(3, 5);
        int[] r = {4, 2};
        PlayerMessage mb = pr.playerMessage(b, r);
        assertEquals(q.reps() * q.blocks(), mb.size());
        assertEquals(mb, pr.playerMessage(pr.encode(2, 1), r));
        assertEquals(mb.hashCode(), pr.playerMessage(pr.encode(2, 1), r).hashCode());
        assertNotEquals(mb, pr.playerMessage(c, r));
        for (int j = 0; j < r.length; j++) {
            for (int t = 0; t < q.blocks(); t++) {
                assertEquals(b.symbol(r[j], t), mb.symbol(j * q.blocks() + t));
                assertEquals(b.column(r[j]).symbol(t), mb.symbol(j * q.blocks() + t));
            }
        }
        List<SetEncoding> players = List.of(a, b, c);
        MerlinMessage honest = pr.honestMerlin(players);
        List<PlayerMessage> others = List.of(mb, pr.playerMessage(c, r));
        assertTrue(pr.accepts(a, honest, others, r));
        // a different message id is caught at some point: psi - psi* has at most k(w-1) = 3 roots among 6
        MerlinMessage other = pr.merlinMessage((honest.id() + 1) % pr.merlinMessageCount());
        int rejected = 0;
        for (int s = 0; s < q.length(); s++) {
            int[] rs = {s, s};
            List<PlayerMessage> os = List.of(pr.playerMessage(b, rs), pr.playerMessage(c, rs));
            if (!pr.accepts(a, other, os, rs)) {
                rejected++;
            }
        }
        assertTrue(rejected >= q.length() - 3, "rejected at " + rejected + " points");
        assertThrows(IllegalArgumentException.class, () -> pr.accepts(a, honest, List.of(mb), r));
        assertThrows(IllegalArgumentException.class, () -> pr.accepts(a, honest, others, new int[] {6, 0}));
        assertThrows(IllegalArgumentException.class, () -> pr.accepts(a, honest, others, new int[] {1}));
    }

    @Test
    void setsFromOvRowsFollowTheBits() {
        OvInstance ov = OvInstance.builder(3, 5)
                .addOnes(0, 0, 4).addOnes(0, 1)
                .addOnes(1, 0, 2).addOnes(1)
                .addOnes(2, 3).addOnes(2, 0, 1, 2, 3, 4)
                .build();
        List<BitSet> sets = MerlinArthurProtocol.setsFromOvRows(ov, new int[] {0, 0, 1});
        assertEquals(BitSet.valueOf(new long[] {0b10001}), sets.get(0));
        assertEquals(BitSet.valueOf(new long[] {0b00101}), sets.get(1));
        assertEquals(BitSet.valueOf(new long[] {0b11111}), sets.get(2));
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(ProtocolParameters.withDefaults(3, 5, 2, null, null, null));
        List<SetEncoding> players = new ArrayList<>();
        for (BitSet b : sets) {
            players.add(pr.encode(b));
        }
        assertEquals(ov.isOrthogonal(new int[] {0, 0, 1}), MerlinArthurProtocol.disjoint(players));
        UsageException e = assertThrows(UsageException.class,
                () -> MerlinArthurProtocol.setsFromOvRows(ov, new int[] {0, 2, 0}));
        assertTrue(e.getMessage().contains("row 2 of OV set 1"), e.getMessage());
        assertThrows(UsageException.class, () -> MerlinArthurProtocol.setsFromOvRows(ov, new int[] {0, 0}));
    }

    // ------------------------------------------------------------ parameters

    @Test
    void defaultsAreTwiceTheDegreeAndTheSmallestFeasiblePrime() {
        ProtocolParameters q = ProtocolParameters.withDefaults(3, 100, 3, null, null, null);
        assertEquals(34, q.blocks());
        assertEquals(12, q.length());
        assertEquals(37, q.prime(), "smallest prime > T = 34 and >= L = 12");
        assertEquals(1, q.reps());
        assertEquals(0.5, q.soundnessBound());
        assertEquals(7, q.proofDimension());
        assertEquals(4, q.merlinSymbols());
        assertEquals(4 * 6, q.merlinBits(), "4 symbols of ceil(log2 37) = 6 bits");
        assertEquals(34 * 6, q.playerBits());
        q = ProtocolParameters.withDefaults(4, 3, 3, null, 2, null);
        assertEquals(16, q.length());
        assertEquals(17, q.prime(), "smallest prime >= L = 16 and > T = 1");
        assertEquals(0.25, q.soundnessBound());
        assertEquals(2 * 1 * 5, q.playerBits());
    }

    @Test
    void emptyUniverseIsTriviallyDisjoint() {
        ProtocolParameters q = ProtocolParameters.withDefaults(3, 0, 2, null, 2, null);
        assertEquals(0, q.blocks());
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
        List<SetEncoding> players = List.of(pr.encode(), pr.encode(), pr.encode());
        assertTrue(MerlinArthurProtocol.disjoint(players));
        Acceptance a = pr.acceptance(players, pr.honestMerlin(players), WORK);
        assertEquals(a.total(), a.accepting());
        assertEquals(0, q.playerBits());
    }

    @Test
    void everyInfeasibleCombinationIsRefusedWithItsValues() {
        assertMessage(() -> ProtocolParameters.of(2, 10, 2, 4, 1, 5), "p = 5", "T = ceil(m/w) = 5");
        assertMessage(() -> ProtocolParameters.of(2, 4, 2, 6, 1, 5), "p = 5", "L = 6");
        assertMessage(() -> ProtocolParameters.of(3, 4, 3, 6, 1, 7), "L = 6", "k(w-1)+1 = 7");
        assertMessage(() -> ProtocolParameters.of(2, 4, 0, 4, 1, 5), "w = 0");
        assertMessage(() -> ProtocolParameters.of(2, 4, 2, 4, 1, 9), "p = 9", "not prime");
        assertMessage(() -> ProtocolParameters.of(1, 4, 2, 4, 1, 5), "k = 1");
        assertMessage(() -> ProtocolParameters.of(2, 4, 2, 4, 0, 5), "ell = 0");
        assertMessage(() -> ProtocolParameters.of(2, -1, 2, 4, 1, 5), "m = -1");
        assertMessage(() -> ProtocolParameters.withDefaults(2, 4, 2, 0, null, null), "L = 0");
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(ProtocolParameters.of(2, 4, 2, 4, 1, 5));
        assertMessage(() -> pr.encode(0, 4), "element 4", "[0, 4)");
        BitSet b = new BitSet();
        b.set(9);
        assertMessage(() -> pr.encode(b), "element 9");
    }

    @Test
    void enumerationAboveTheWorkLimitIsRefusedWithTheEstimate() {
        ProtocolParameters q = ProtocolParameters.withDefaults(4, 20, 4, null, 3, null); // 29^9 messages
        MerlinArthurProtocol pr = MerlinArthurProtocol.of(q);
        List<SetEncoding> players = List.of(pr.encode(1), pr.encode(2), pr.encode(3), pr.encode(4));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> pr.maxAcceptance(players, MerlinArthurProtocol.DEFAULT_MAX_WORK));
        assertTrue(e.getMessage().contains("--max-work") && e.getMessage().contains("14507145975869"), e.getMessage());
        e = assertThrows(ResourceLimitException.class, () -> pr.acceptance(players, pr.honestMerlin(players), 1000));
        assertTrue(e.getMessage().contains("13824"), e.getMessage());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable ex, String... parts) {
        UsageException e = assertThrows(UsageException.class, ex);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
