package org.hardchain.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.hardchain.protocol.Acceptance;
import org.hardchain.protocol.MaxAcceptance;
import org.hardchain.protocol.MerlinArthurProtocol;
import org.hardchain.protocol.MerlinMessage;
import org.hardchain.protocol.PlayerMessage;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.protocol.SetEncoding;
import org.hardchain.util.UsageException;

/**
 * Walkthrough of the (k+1)-party Merlin-Arthur protocol for k-party set disjointness
 * (Alman &amp; Song 2023, Theorem 4.5, after Rubinstein 2018 and Abboud-Rubinstein-Williams
 * 2017; THEORY §6-§7; {@link MerlinArthurProtocol}): every block and its Reed-Solomon codeword,
 * the honest proof psi* and Merlin's message id, every random string with the key players'
 * symbols, Alice's sum and her verdict, and the exact acceptance count; then the best message
 * over all of Merlin's messages against the soundness bound {@code (k(w-1)/L)^ell}.
 */
public final class ProtocolExplain {
    /** Largest universe explained. */
    public static final int MAX_UNIVERSE = 32;
    /** Largest number of random strings L^ell explained (each one is printed). */
    public static final int MAX_RANDOM_STRINGS = 64;
    /** Largest p^{(k-1)(w-1)} L^ell for the search over all Merlin messages. */
    public static final long MAX_SEARCH_WORK = 10_000_000L;

    private ProtocolExplain() {
    }

    /**
     * The walkthrough text for the players' sets (set 0 is Alice's). O(L^ell ell k T) plus,
     * when within {@link #MAX_SEARCH_WORK}, the search over all Merlin messages.
     *
     * @throws UsageException if m &gt; {@value #MAX_UNIVERSE}, L^ell &gt; {@value #MAX_RANDOM_STRINGS}
     *                        or the number of sets differs from k
     */
    public static String explain(ProtocolParameters q, List<BitSet> sets) {
        if (sets.size() != q.order()) {
            throw new UsageException("need k = " + q.order() + " sets, got " + sets.size());
        }
        if (q.universe() > MAX_UNIVERSE) {
            throw new UsageException("explain protocol prints every block: universe m = " + q.universe()
                    + " is above the limit " + MAX_UNIVERSE);
        }
        double strings = q.randomStrings().doubleValue();
        if (strings > MAX_RANDOM_STRINGS) {
            throw new UsageException("explain protocol prints every random string: L^ell = " + q.length() + "^"
                    + q.reps() + " = " + q.randomStrings() + " is above the limit " + MAX_RANDOM_STRINGS);
        }
        MerlinArthurProtocol protocol = MerlinArthurProtocol.of(q);
        List<SetEncoding> players = new ArrayList<>();
        for (BitSet s : sets) {
            players.add(protocol.encode(s));
        }
        int k = q.order();
        int w = q.blockSize();
        int nBlocks = q.blocks();
        int l = q.length();
        int ell = q.reps();
        Text t = new Text();
        t.line("(k+1)-party Merlin-Arthur protocol for %d-party set disjointness (Alman-Song 2023, Theorem 4.5;"
                + " THEORY sections 6-7)", k);
        t.line("parameters: k = %d, universe m = %d, block size w = %d, T = ceil(m/w) = %d blocks, length L = %d,"
                + " ell = %d, prime p = %d", k, q.universe(), w, nBlocks, l, ell, q.prime());
        t.line("codes on the points 0..%d of F_%d: players RS(w = %d), systematic (a codeword starts with its"
                + " message); Merlin RS(k(w-1)+1 = %d)", l - 1, q.prime(), w, protocol.proofCode().dimension());
        t.line("element e is position e mod w of block e / w");
        for (int i = 0; i < k; i++) {
            t.line("player %d%s: %s", i, i == 0 ? " (Alice)" : "", sets.get(i));
            for (int b = 0; b < nBlocks; b++) {
                t.line("  block %d: x = %s -> E = %s", b, Text.ints(protocol.block(sets.get(i), b)),
                        Text.ints(players.get(i).codeword(b)));
            }
        }
        boolean disjoint = MerlinArthurProtocol.disjoint(players);
        MerlinMessage honest = protocol.honestMerlin(players);
        t.line("honest proof psi* = sum_t prod_i E^(i)_t = %s", Text.ints(honest.codeword()));
        int[] sys = new int[w];
        for (int s = 0; s < w; s++) {
            sys[s] = honest.value(s);
        }
        t.line("  psi* on the systematic points 0..%d = %s: entry s counts the blocks whose position s is in every set",
                w - 1, Text.ints(sys));
        if (honest.zeroOnSystematicPoints()) {
            t.line("  zero there (sets disjoint): Merlin sends it, message id %d (its values at points %d..%d, base p)",
                    honest.id(), w, protocol.proofCode().dimension() - 1);
        } else {
            t.line("  nonzero there (sets intersect): Alice would reject psi* outright");
        }
        t.line("every random string r in [L]^ell (%s of them): the key players send E^(i)_t(r_j) for every block t;",
                q.randomStrings());
        t.line("Alice accepts iff psi(r_j) = sum_t E^(0)_t(r_j) prod_{i>=1} E^(i)_t(r_j) for every j");
        List<String> accepting = new ArrayList<>();
        int total = (int) strings;
        for (int idx = 0; idx < total; idx++) {
            int[] r = randomString(idx, l, ell);
            List<PlayerMessage> others = new ArrayList<>();
            StringBuilder sent = new StringBuilder();
            for (int i = 1; i < k; i++) {
                PlayerMessage pm = protocol.playerMessage(players.get(i), r);
                others.add(pm);
                sent.append(i == 1 ? "" : ", ").append("P").append(i).append(' ').append(Text.ints(pm.symbols()));
            }
            StringBuilder checks = new StringBuilder();
            for (int j = 0; j < ell; j++) {
                long sum = protocol.aliceSum(players.get(0), others, j, r[j]);
                checks.append(j == 0 ? "" : "; ").append("psi(").append(r[j]).append(") = ")
                        .append(honest.value(r[j])).append(honest.value(r[j]) == sum ? ", equal to" : ", not")
                        .append(" Alice's sum ").append(sum);
            }
            boolean acc = protocol.accepts(players.get(0), honest, others, r);
            if (acc) {
                accepting.add(Text.ints(r));
            }
            t.line("  r = %s: %s; %s -> %s", Text.ints(r), sent, checks,
                    acc ? "accept" : honest.zeroOnSystematicPoints() ? "reject" : "reject (psi* not zero on 0..w-1)");
        }
        Acceptance exact = protocol.acceptance(players, honest, Long.MAX_VALUE);
        t.line("accepting random strings for psi*: %d of %d%s", exact.accepting(), exact.total(),
                accepting.isEmpty() ? "" : ": " + String.join(" ", accepting));
        if (exact.accepting() != accepting.size()) {
            throw new IllegalStateException("exact count " + exact.accepting() + " != enumerated " + accepting.size());
        }
        t.line(disjoint ? "sets are disjoint: psi* is accepted on every r (completeness)"
                : "sets intersect: psi* is rejected, and soundness bounds every other message");
        double bound = q.soundnessBound();
        long kw = (long) k * (w - 1);
        t.line("soundness bound (k(w-1)/L)^ell = (%d/%d)^%d = %s", kw, l, ell, Text.num(bound));
        double work = q.merlinMessageCount().doubleValue() * strings;
        if (work <= MAX_SEARCH_WORK) {
            MaxAcceptance best = protocol.maxAcceptance(players, Long.MAX_VALUE);
            MerlinMessage bm = protocol.merlinMessage(best.bestMessageId());
            t.line("best of all %d Merlin messages zero on 0..w-1: id %d, psi = %s, accepted on %d of %d = %s (%s)",
                    best.messages(), best.bestMessageId(), Text.ints(bm.codeword()), best.best().accepting(),
                    best.best().total(), best.best().fractionString(),
                    disjoint ? "sets disjoint: soundness does not apply"
                            : best.best().probability() <= bound + 1e-12 ? "within the soundness bound" : "ABOVE the soundness bound");
        } else {
            t.line("(the search over all %s Merlin messages is skipped: %s checks, above %d)",
                    q.merlinMessageCount(), Text.num(work), MAX_SEARCH_WORK);
        }
        t.line("message sizes: Merlin (k-1)(w-1) = %d symbols = %d bits; each key player ell*T = %d symbols = %d bits"
                + " (%d bits per symbol: with RS the alphabet p >= L grows with L)",
                q.merlinSymbols(), q.merlinBits(), ell * nBlocks, q.playerBits(), protocol.code().field().bitsPerSymbol());
        return t.toString();
    }

    /** Random string number idx of [L]^ell, first coordinate most significant. */
    static int[] randomString(int idx, int l, int ell) {
        int[] r = new int[ell];
        int rest = idx;
        for (int j = ell - 1; j >= 0; j--) {
            r[j] = rest % l;
            rest /= l;
        }
        return r;
    }
}
