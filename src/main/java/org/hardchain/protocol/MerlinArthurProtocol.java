package org.hardchain.protocol;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hardchain.code.PrimeField;
import org.hardchain.code.ReedSolomon;
import org.hardchain.ov.OvInstance;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;

/**
 * The (k+1)-party Merlin-Arthur protocol for k-party set disjointness: Alman &amp; Song
 * (2023), Theorem 4.5, the k-party generalization of Rubinstein (2018) and Abboud,
 * Rubinstein &amp; Williams (2017), with systematic Reed-Solomon codes in place of AG codes
 * (THEORY.md §6, §7, §12).
 *
 * <p>Players 0..k-1 (player 0 is Alice) hold subsets of [m]. Element e is position
 * {@code e mod w} of block {@code e / w}; player i encodes each block t with the systematic
 * RS(w): {@code E^(i)_t}. The honest proof is {@code psi* = sum_t prod_i E^(i)_t}, a codeword
 * of RS(k(w-1)+1) whose value at a systematic point s < w counts the blocks whose position
 * s lies in all k sets (exact, since p > T). Given public randomness
 * {@code r in [L]^ell}, players 1..k-1 send {@code E^(i)_t(r_j)}; Alice accepts iff psi is
 * zero on 0..w-1 and {@code psi(r_j) = sum_t E^(0)_t(r_j) prod_{i>=1} E^(i)_t(r_j)} for
 * every j.
 *
 * <ul>
 * <li>Completeness: disjoint sets and psi = psi* are accepted with probability 1.</li>
 * <li>Soundness: on intersecting sets every psi is rejected outright or differs from psi*
 * and agrees with it on at most k(w-1) points, so it is accepted with probability at most
 * {@code (k(w-1)/L)^ell}.</li>
 * <li>Communication: Merlin (k-1)(w-1) symbols, each other player ell * T symbols, of
 * ceil(log2 p) bits; with RS the alphabet p >= L grows with L (the AG codes of
 * Theorem 4.4 keep it constant), see {@link ReedSolomon}.</li>
 * </ul>
 *
 * <p>Acceptance probabilities are exact: counts of accepting random strings over
 * {@code L^ell}, found by enumerating every r. Methods that enumerate take a work limit
 * and refuse with a {@link ResourceLimitException} above it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MerlinArthurProtocol {
    /** The default work limit: random strings checked in total (messages x L^ell). */
    public static final long DEFAULT_MAX_WORK = 100_000_000L;

    private final ProtocolParameters params;
    private final ReedSolomon code;
    private final ReedSolomon proofCode;
    private final long messageCount;

    private MerlinArthurProtocol(ProtocolParameters params) {
        long symbols = (long) params.length() * params.blocks();
        if (symbols > Integer.MAX_VALUE - 8) {
            throw new ResourceLimitException("a player's encoding would hold L * T = " + params.length() + " * "
                    + params.blocks() + " symbols, more than one array can; use a larger block size or a smaller length");
        }
        this.params = params;
        this.code = ReedSolomon.systematic(params.field(), params.length(), params.blockSize());
        this.proofCode = code.productCode(params.order());
        BigInteger count = params.merlinMessageCount();
        this.messageCount = count.bitLength() < 63 ? count.longValueExact() : -1;
    }

    /** The protocol with the given (validated) parameters; precomputes both codes' basis matrices. */
    public static MerlinArthurProtocol of(ProtocolParameters params) {
        return new MerlinArthurProtocol(Objects.requireNonNull(params, "params"));
    }

    public ProtocolParameters parameters() {
        return params;
    }

    /** RS(w), the code of the players' blocks. */
    public ReedSolomon code() {
        return code;
    }

    /** RS(k(w-1)+1), the code of Merlin's proofs. */
    public ReedSolomon proofCode() {
        return proofCode;
    }

    // ---------------------------------------------------------------- players

    /**
     * Player input {@code set} and its block encodings, O(L (|set| + T)).
     *
     * @throws UsageException if the set has an element outside [0, m)
     */
    public SetEncoding encode(BitSet set) {
        int m = params.universe();
        if (set.length() > m) {
            throw new UsageException("element " + (set.length() - 1) + " is outside the universe [0, " + m + ")");
        }
        int w = params.blockSize();
        int t = params.blocks();
        int l = params.length();
        long p = params.prime();
        int[] symbols = new int[l * t];
        for (int e = set.nextSetBit(0); e >= 0; e = set.nextSetBit(e + 1)) {
            int block = e / w;
            int pos = e % w;
            for (int s = 0; s < l; s++) {
                long v = symbols[s * t + block] + code.basis(s, pos);
                symbols[s * t + block] = (int) (v >= p ? v - p : v);
            }
        }
        return new SetEncoding((BitSet) set.clone(), t, l, symbols);
    }

    /** {@link #encode(BitSet)} for a set given by its elements (repeats allowed). */
    public SetEncoding encode(int... elements) {
        BitSet b = new BitSet();
        for (int e : elements) {
            if (e < 0 || e >= params.universe()) {
                throw new UsageException("element " + e + " is outside the universe [0, " + params.universe() + ")");
            }
            b.set(e);
        }
        return encode(b);
    }

    /**
     * Vector i of set p of a k-OV instance as a player's set: element c is in it iff
     * coordinate c is 1 (the universe is the OV dimension). O(dimension / 64 + ones).
     *
     * @throws UsageException if p or i is out of range
     */
    public static BitSet setOf(OvInstance ov, int p, int i) {
        if (p < 0 || p >= ov.order()) {
            throw new UsageException("OV set " + p + " is not in [0, " + ov.order() + ")");
        }
        if (i < 0 || i >= ov.size(p)) {
            throw new UsageException("row " + i + " of OV set " + p + " is not in [0, " + ov.size(p) + ")");
        }
        BitSet b = new BitSet(ov.dimension());
        for (int c : ov.ones(p, i)) {
            b.set(c);
        }
        return b;
    }

    /**
     * The k players' sets from one row of each set of a k-OV instance: player p holds row
     * {@code rows[p]} of OV set p. The sets are disjoint iff that tuple is orthogonal.
     *
     * @throws UsageException if {@code rows} does not have k entries or one is out of range
     */
    public static List<BitSet> setsFromOvRows(OvInstance ov, int[] rows) {
        if (rows.length != ov.order()) {
            throw new UsageException("need " + ov.order() + " rows (one per OV set), got " + rows.length);
        }
        List<BitSet> out = new java.util.ArrayList<>(rows.length);
        for (int p = 0; p < rows.length; p++) {
            out.add(setOf(ov, p, rows[p]));
        }
        return out;
    }

    /** {@link #encode(BitSet)} of vector i of OV set p ({@link #setOf}). */
    public SetEncoding encode(OvInstance ov, int p, int i) {
        return encode(setOf(ov, p, i));
    }

    /** The 0/1 block {@code x_t} of a set: bit s is whether element {@code t w + s} is in it. */
    public int[] block(BitSet set, int block) {
        int w = params.blockSize();
        int[] bits = new int[w];
        for (int s = 0; s < w; s++) {
            bits[s] = set.get(block * w + s) ? 1 : 0;
        }
        return bits;
    }

    /**
     * What a player with encoding {@code x} sends for randomness r: the symbols
     * {@code E_t(r_j)}, repetition-major (ell * T symbols).
     */
    public PlayerMessage playerMessage(SetEncoding x, int[] r) {
        checkR(r);
        int t = params.blocks();
        int[] out = new int[r.length * t];
        for (int j = 0; j < r.length; j++) {
            for (int b = 0; b < t; b++) {
                out[j * t + b] = x.symbol(r[j], b);
            }
        }
        return new PlayerMessage(out);
    }

    // ---------------------------------------------------------------- Merlin

    /** The honest proof {@code psi* = sum_t prod_i E^(i)_t} (L symbols), O(k T L). */
    public int[] honestProof(List<SetEncoding> players) {
        checkPlayers(players);
        PrimeField f = params.field();
        int t = params.blocks();
        int l = params.length();
        int[] psi = new int[l];
        for (int s = 0; s < l; s++) {
            long sum = 0;
            for (int b = 0; b < t; b++) {
                long prod = 1;
                for (SetEncoding x : players) {
                    prod = f.mul(prod, x.symbol(s, b));
                    if (prod == 0) {
                        break;
                    }
                }
                sum = f.add(sum, prod);
            }
            psi[s] = (int) sum;
        }
        return psi;
    }

    /** The honest Merlin's message psi*; its id is -1 when the sets intersect (it is then nonzero on a systematic point). */
    public MerlinMessage honestMerlin(List<SetEncoding> players) {
        return merlinMessageOf(honestProof(players));
    }

    /** The id of the honest message, present iff the sets are disjoint. */
    public OptionalLong honestMessageId(List<SetEncoding> players) {
        MerlinMessage m = honestMerlin(players);
        return m.id() >= 0 ? OptionalLong.of(m.id()) : OptionalLong.empty();
    }

    /**
     * Merlin's message for an arbitrary codeword of RS(k(w-1)+1).
     *
     * @throws IllegalArgumentException if {@code codeword} is not a codeword of {@link #proofCode()}
     */
    public MerlinMessage merlinMessageOf(int[] codeword) {
        if (!proofCode.isCodeword(codeword)) {
            throw new IllegalArgumentException("not a codeword of " + proofCode);
        }
        int w = params.blockSize();
        boolean zero = true;
        for (int s = 0; s < w; s++) {
            zero &= codeword[s] == 0;
        }
        long id = -1;
        if (zero && messageCount >= 0) {
            id = 0;
            long p = params.prime();
            for (int j = params.merlinSymbols() - 1; j >= 0; j--) {
                id = id * p + codeword[w + j];
            }
        }
        return new MerlinMessage(codeword.clone(), id, zero);
    }

    /** p^{(k-1)(w-1)}, the number of Merlin message ids, or -1 if it does not fit in a long. */
    public long merlinMessageCount() {
        return messageCount;
    }

    /**
     * Merlin's message with the given id: the codeword of RS(k(w-1)+1) that is zero on the
     * systematic points 0..w-1 and whose value at point {@code w + j} is base-p digit j of
     * the id ({@code j = 0..(k-1)(w-1)-1}, least significant first). Since a codeword of
     * RS(k(w-1)+1) is fixed by its values at the k(w-1)+1 points 0..k(w-1), this is a
     * bijection between {@code [0, p^{(k-1)(w-1)})} and the messages zero on the systematic
     * points. O(L (k-1)(w-1)).
     *
     * @throws IllegalArgumentException if the id is out of range
     */
    public MerlinMessage merlinMessage(long id) {
        if (id < 0 || (messageCount >= 0 && id >= messageCount)) {
            throw new IllegalArgumentException("Merlin message id " + id + " is not in [0, "
                    + params.merlinMessageCount() + ")");
        }
        int d = proofCode.dimension();
        int w = params.blockSize();
        long p = params.prime();
        long[] u = new long[d];
        long rest = id;
        for (int j = w; j < d; j++) {
            u[j] = rest % p;
            rest /= p;
        }
        return new MerlinMessage(proofCode.encode(u), id, true);
    }

    /**
     * Calls {@code visitor} with every Merlin message zero on the systematic points, in id
     * order. Each message follows from the previous one by adding or subtracting columns of
     * the basis matrix (a base-p odometer): O(L) amortized per message.
     *
     * @throws ResourceLimitException if p^{(k-1)(w-1)} is above {@code maxMessages}
     */
    public void forEachMerlinMessage(long maxMessages, Consumer<MerlinMessage> visitor) {
        double count = params.merlinMessageCount().doubleValue();
        ResourceLimitException.check("enumerating every Merlin message", count, maxMessages,
                "messages", "--max-work");
        int l = params.length();
        int w = params.blockSize();
        int free = params.merlinSymbols();
        long p = params.prime();
        long[] psi = new long[l];
        long[] digits = new long[free];
        for (long id = 0; id < messageCount; id++) {
            int[] values = new int[l];
            for (int s = 0; s < l; s++) {
                values[s] = (int) psi[s];
            }
            visitor.accept(new MerlinMessage(values, id, true));
            // increment: digit j goes up by one (add column w+j) or wraps p-1 -> 0 (add it once more: p * col = 0).
            for (int j = 0; j < free; j++) {
                for (int s = 0; s < l; s++) {
                    long v = psi[s] + proofCode.basis(s, w + j);
                    psi[s] = v >= p ? v - p : v;
                }
                if (++digits[j] < p) {
                    break;
                }
                digits[j] = 0;
            }
        }
    }

    // ---------------------------------------------------------------- Alice

    /**
     * Alice's value for repetition {@code rep} at point {@code point}:
     * {@code sum_t E^(0)_t(point) * prod_{i>=1} (symbol t of repetition rep from player i)}.
     * O(k T).
     */
    public long aliceSum(SetEncoding alice, List<PlayerMessage> others, int rep, int point) {
        PrimeField f = params.field();
        int t = params.blocks();
        long sum = 0;
        for (int b = 0; b < t; b++) {
            long prod = alice.symbol(point, b);
            for (int i = 0; i < others.size() && prod != 0; i++) {
                prod = f.mul(prod, others.get(i).symbol(rep * t + b));
            }
            sum = f.add(sum, prod);
        }
        return sum;
    }

    /**
     * Alice's verdict on her set, Merlin's message, the messages of players 1..k-1 (each
     * ell * T symbols, as {@link #playerMessage} makes them) and the randomness r: accept
     * iff psi is zero on the systematic points and {@code psi(r_j) = aliceSum(j, r_j)} for
     * every repetition j. O(ell k T).
     */
    public boolean accepts(SetEncoding alice, MerlinMessage psi, List<PlayerMessage> others, int[] r) {
        checkR(r);
        if (others.size() != params.order() - 1) {
            throw new IllegalArgumentException("need " + (params.order() - 1) + " other players' messages, got "
                    + others.size());
        }
        int need = params.reps() * params.blocks();
        for (PlayerMessage m : others) {
            if (m.size() != need) {
                throw new IllegalArgumentException("a player message has " + m.size() + " symbols, expected ell * T = " + need);
            }
        }
        if (!psi.zeroOnSystematicPoints()) {
            return false;
        }
        for (int j = 0; j < r.length; j++) {
            if (psi.value(r[j]) != aliceSum(alice, others, j, r[j])) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- exact probabilities

    /**
     * The exact acceptance probability of {@code psi} on the players' sets (player 0 is
     * Alice), by enumerating every r in [L]^ell. Alice's check for r is the conjunction of
     * one check per repetition, each depending only on r_j, so the L per-point checks are
     * made once ({@code psi(s) = psi*(s)}: Alice's sum at s is psi*(s)) and each r costs
     * O(ell). O(k T L + ell L^ell).
     *
     * @throws ResourceLimitException if L^ell is above {@code maxWork}
     */
    public Acceptance acceptance(List<SetEncoding> players, MerlinMessage psi, long maxWork) {
        checkWork(1, maxWork);
        return countAccepting(agreement(honestProof(players), psi));
    }

    /**
     * The exact acceptance probability by the naive route: for every r in [L]^ell, build
     * the other players' messages and ask {@link #accepts}. O(L^ell ell k T).
     *
     * @throws ResourceLimitException if L^ell is above {@code maxWork}
     */
    public Acceptance acceptanceNaive(List<SetEncoding> players, MerlinMessage psi, long maxWork) {
        checkPlayers(players);
        checkWork(1, maxWork);
        SetEncoding alice = players.get(0);
        int ell = params.reps();
        int l = params.length();
        int[] r = new int[ell];
        long total = 0;
        long accepting = 0;
        do {
            List<PlayerMessage> others = new java.util.ArrayList<>(players.size() - 1);
            for (int i = 1; i < players.size(); i++) {
                others.add(playerMessage(players.get(i), r));
            }
            total++;
            if (accepts(alice, psi, others, r)) {
                accepting++;
            }
        } while (nextR(r, l));
        return new Acceptance(accepting, total);
    }

    /**
     * The exact acceptance probability from the agreement count alone: psi is accepted on
     * r iff every r_j is a point where psi agrees with psi*, so the count is g^ell with g
     * the number of such points (0 if psi is not zero on the systematic points). O(k T L).
     * An independent check of the enumerations, usable for any L^ell below 2^63.
     */
    public Acceptance acceptanceByAgreement(List<SetEncoding> players, MerlinMessage psi) {
        boolean[] good = agreement(honestProof(players), psi);
        long g = 0;
        for (boolean b : good) {
            if (b) {
                g++;
            }
        }
        BigInteger total = params.randomStrings();
        if (total.bitLength() >= 63) {
            throw new ResourceLimitException("L^ell = " + total + " random strings do not fit in a 64-bit count");
        }
        return new Acceptance(BigInteger.valueOf(g).pow(params.reps()).longValueExact(), total.longValueExact());
    }

    /**
     * The largest exact acceptance probability over every Merlin message zero on the
     * systematic points (the others are rejected outright, probability 0), enumerating the
     * p^{(k-1)(w-1)} messages and, for each, every r in [L]^ell.
     * O(p^{(k-1)(w-1)} (L + ell L^ell) + k T L).
     *
     * @throws ResourceLimitException if p^{(k-1)(w-1)} * L^ell is above {@code maxWork}
     */
    public MaxAcceptance maxAcceptance(List<SetEncoding> players, long maxWork) {
        double messages = params.merlinMessageCount().doubleValue();
        checkWork(messages, maxWork);
        int[] honest = honestProof(players);
        long[] bestId = {-1};
        Acceptance[] best = {null};
        forEachMerlinMessage(Long.MAX_VALUE, psi -> {
            Acceptance a = countAccepting(agreement(honest, psi));
            if (best[0] == null || a.accepting() > best[0].accepting()) {
                best[0] = a;
                bestId[0] = psi.id();
            }
        });
        return new MaxAcceptance(bestId[0], best[0], messageCount);
    }

    /**
     * {@link #maxAcceptance} the naive way: each message built from its id by
     * {@link #merlinMessage(long)} and scored by {@link #acceptanceNaive}.
     * O(p^{(k-1)(w-1)} L^ell ell k T).
     */
    public MaxAcceptance maxAcceptanceNaive(List<SetEncoding> players, long maxWork) {
        double messages = params.merlinMessageCount().doubleValue();
        checkWork(messages, maxWork);
        long bestId = -1;
        Acceptance best = null;
        for (long id = 0; id < messageCount; id++) {
            Acceptance a = acceptanceNaive(players, merlinMessage(id), Long.MAX_VALUE);
            if (best == null || a.accepting() > best.accepting()) {
                best = a;
                bestId = id;
            }
        }
        return new MaxAcceptance(bestId, best, messageCount);
    }

    /** Whether no element lies in all the sets. */
    public static boolean disjoint(List<SetEncoding> players) {
        if (players.isEmpty()) {
            return true;
        }
        BitSet common = players.get(0).set();
        for (int i = 1; i < players.size(); i++) {
            common.and(players.get(i).set());
        }
        return common.isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private boolean[] agreement(int[] honest, MerlinMessage psi) {
        int l = params.length();
        boolean[] good = new boolean[l];
        if (!psi.zeroOnSystematicPoints()) {
            return good;
        }
        for (int s = 0; s < l; s++) {
            good[s] = psi.value(s) == honest[s];
        }
        return good;
    }

    /** Counts r in [L]^ell with good[r_j] for every j, by enumerating them (odometer). */
    private Acceptance countAccepting(boolean[] good) {
        int ell = params.reps();
        int l = params.length();
        int[] r = new int[ell];
        long total = 0;
        long accepting = 0;
        do {
            total++;
            boolean ok = true;
            for (int j = 0; j < ell && ok; j++) {
                ok = good[r[j]];
            }
            if (ok) {
                accepting++;
            }
        } while (nextR(r, l));
        return new Acceptance(accepting, total);
    }

    private static boolean nextR(int[] r, int l) {
        for (int j = r.length - 1; j >= 0; j--) {
            if (++r[j] < l) {
                return true;
            }
            r[j] = 0;
        }
        return false;
    }

    private void checkWork(double messages, long maxWork) {
        double work = messages * params.randomStrings().doubleValue();
        String what = messages == 1 ? "enumerating all L^ell = " + params.randomStrings() + " random strings"
                : "enumerating " + params.merlinMessageCount() + " Merlin messages x L^ell = "
                        + params.randomStrings() + " random strings";
        ResourceLimitException.check(what, work, maxWork, "checks", "--max-work");
    }

    private void checkR(int[] r) {
        if (r.length != params.reps()) {
            throw new IllegalArgumentException("randomness has " + r.length + " points, expected ell = " + params.reps());
        }
        for (int v : r) {
            if (v < 0 || v >= params.length()) {
                throw new IllegalArgumentException("random point " + v + " is not in [0, " + params.length() + ")");
            }
        }
    }

    private void checkPlayers(List<SetEncoding> players) {
        if (players.size() != params.order()) {
            throw new IllegalArgumentException("need k = " + params.order() + " players' sets, got " + players.size());
        }
        for (SetEncoding x : players) {
            if (x.blocks() != params.blocks() || x.length() != params.length()) {
                throw new IllegalArgumentException("set encoding for T = " + x.blocks() + ", L = " + x.length()
                        + " does not match " + params);
            }
        }
    }

    @Override
    public String toString() {
        return "MerlinArthurProtocol(" + params + ")";
    }
}
