package org.hardchain.maxip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.MerlinArthurProtocol;
import org.hardchain.protocol.PlayerMessage;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.protocol.SetEncoding;
import org.hardchain.util.Progress;
import org.hardchain.util.ResourceLimitException;
import org.hardchain.util.UsageException;

/**
 * k-OV to Gap-k-MaxIP: Alman &amp; Song (2023), Theorem 4.7, generalized to order k, after
 * Rubinstein (STOC 2018) and Abboud, Rubinstein &amp; Williams (FOCS 2017); THEORY §8. It runs
 * the (k+1)-party Merlin-Arthur protocol of Theorem 4.5 ({@link MerlinArthurProtocol}) on the
 * vectors of a k-OV instance, each vector read as a subset of the universe [m].
 *
 * <p>Coordinates are tuples {@code (r, m_1, ..., m_{k-1})}: public randomness
 * {@code r in [L]^ell} and messages of players 1..k-1 (the key sets).
 * <ul>
 * <li>Key vector b of set p gets a 1 at {@code (r, m_1..m_{k-1})} iff player p sends
 * {@code m_p} on input b and randomness r.</li>
 * <li>Alice's vector {@code (a, psi)}, one for every vector a of set 0 and every Merlin
 * message psi zero on the systematic points ({@code P = p^{(k-1)(w-1)}} of them, by id), gets a
 * 1 iff Alice accepts on {@code (a, psi, m_1..m_{k-1}, r)}. Row {@code a * P + id}.</li>
 * </ul>
 * Then {@code <(a, psi), b_1, ..., b_{k-1}> = #{r : Alice accepts}}. With {@code t = L^ell} and
 * {@code 1 - eps = (k(w-1))^ell / L^ell}: if {@code (a, b_1..b_{k-1})} is orthogonal, the honest
 * psi reaches t (completeness); otherwise every psi stays at or below {@code (1-eps) t}
 * (soundness). So a has an orthogonal partner tuple iff one of its rows reaches t.
 *
 * <p><b>Support compression</b> (exact, THEORY §8, ours): for each r only the messages some key
 * vector of set p actually sends on r, {@code S_p(r)}, are kept, so
 * {@code D' = sum_r prod_p |S_p(r)| <= L^ell prod_p |B_p|} instead of
 * {@code L^ell p^{(k-1) ell T}}. A dropped coordinate is 0 in every vector of some key set,
 * so no inner product changes. {@link #uncompressed} keeps every message (tiny parameters
 * only; tests compare the two).
 *
 * <p>Cost: the message analysis is {@code O(L^ell (ell T sum_p |B_p| + P ell))}; building
 * Alice's vectors {@code O(|A| sum_r prod_p |S_p(r)| * k ell T)} plus the output, which has
 * {@code |A| P} Alice vectors and at most {@code |A| sum_r prod_p |S_p(r)| * P / |image_r|}
 * ones ({@code |image_r|}: distinct values of {@code (psi(r_j))_j} over the messages).
 * {@link #estimate()} gives all sizes before anything big is allocated; {@link #build} refuses
 * above a byte limit.
 */
public final class OvToMaxIp {
    /** Default byte limit for a construction: 2 GiB (the machine has 24 GiB and a default heap of 6 GiB). */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;

    private final OvInstance ov;
    private final ProtocolParameters params;
    private final MerlinArthurProtocol protocol;
    private final boolean compressed;
    private final int k;
    private final int ell;
    private final int length;
    private final int blocks;
    private final long prime;
    private final int rCount;
    private final int merlinCount;
    /** encodings[set][i]. */
    private final SetEncoding[][] encodings;
    /** points[r] = (r_0..r_{ell-1}). */
    private final int[][] points;
    /** alphabet[p-1][r][m] = symbols of message m of player p on r (ell*T). */
    private final int[][][][] alphabet;
    /** sent[p-1][r][i] = index in alphabet[p-1][r] of what vector i of set p sends on r. */
    private final int[][][] sent;
    /** psiValues[id * L + s] = psi_id(s). */
    private final int[] psiValues;
    /** offsets[r] = first coordinate of block r; offsets[R] = D'. */
    private final long[] offsets;
    /** fiber[r] = number of messages sharing one value vector (psi(r_j))_j (all fibers are equal: the map is linear). */
    private final long[] fiber;
    private final double analysisBytes;
    private final Estimate estimate;

    /**
     * The compressed construction's analysis (messages per r, D', sizes); nothing big is
     * allocated until {@link #build}.
     *
     * @param maxBytes refuse when the analysis itself would need more memory
     * @throws UsageException if the parameters do not fit the instance (order, universe) or
     *                        the sizes overflow Java arrays
     */
    public static OvToMaxIp of(OvInstance ov, ProtocolParameters params, long maxBytes) {
        return new OvToMaxIp(ov, params, true, maxBytes);
    }

    /** The construction without support compression: every message is a coordinate. Tiny parameters only. */
    public static OvToMaxIp uncompressed(OvInstance ov, ProtocolParameters params, long maxBytes) {
        return new OvToMaxIp(ov, params, false, maxBytes);
    }

    private OvToMaxIp(OvInstance ov, ProtocolParameters params, boolean compressed, long maxBytes) {
        if (params.order() != ov.order()) {
            throw new UsageException("protocol order k = " + params.order() + " differs from the k-OV order " + ov.order());
        }
        if (params.universe() != ov.dimension()) {
            throw new UsageException("protocol universe m = " + params.universe() + " differs from the k-OV dimension "
                    + ov.dimension());
        }
        this.ov = ov;
        this.params = params;
        this.compressed = compressed;
        this.k = ov.order();
        this.ell = params.reps();
        this.length = params.length();
        this.blocks = params.blocks();
        this.prime = params.prime();
        double rc = Math.pow(length, ell);
        double pc = params.merlinMessageCount().doubleValue();
        if (rc > Integer.MAX_VALUE - 8) {
            throw new ResourceLimitException("L^ell = " + length + "^" + ell + " random strings are too many to enumerate");
        }
        if (pc * Math.max(1, ov.size(0)) > Integer.MAX_VALUE - 8) {
            throw new ResourceLimitException("|A'| = |A| p^{(k-1)(w-1)} = " + ov.size(0) + " x "
                    + params.merlinMessageCount() + " Alice vectors do not fit one Java array");
        }
        if (ell * Math.log(prime) / Math.log(2) > 62) {
            throw new UsageException("p^ell = " + prime + "^" + ell + " is above 2^62 (one value vector must fit a long)");
        }
        this.rCount = (int) rc;
        this.merlinCount = (int) pc;
        long sumAll = 0;
        long sumKeys = 0;
        for (int p = 0; p < k; p++) {
            sumAll += ov.size(p);
            sumKeys += p > 0 ? ov.size(p) : 0;
        }
        int symbols = ell * blocks;
        double alphabetBound = compressed ? (double) rCount * sumKeys
                : (double) rCount * (k - 1) * Math.pow(prime, symbols);
        double analysisBytes = 4.0 * length * blocks * sumAll + 4.0 * rCount * sumKeys
                + alphabetBound * (4.0 * symbols + 48) + 4.0 * merlinCount * length + 16.0 * merlinCount;
        ResourceLimitException.check("the message analysis of k-OV -> Gap-" + k + "-MaxIP", analysisBytes, maxBytes,
                "bytes", "--max-bytes");
        if (!compressed && Math.pow(prime, symbols) > Integer.MAX_VALUE - 8) {
            throw new ResourceLimitException("the uncompressed construction has p^{ell T} = " + prime + "^" + symbols
                    + " messages per player");
        }
        this.protocol = MerlinArthurProtocol.of(params);

        this.encodings = new SetEncoding[k][];
        for (int p = 0; p < k; p++) {
            encodings[p] = new SetEncoding[ov.size(p)];
            for (int i = 0; i < ov.size(p); i++) {
                BitSet set = new BitSet(ov.dimension());
                for (int c : ov.ones(p, i)) {
                    set.set(c);
                }
                encodings[p][i] = protocol.encode(set);
            }
        }
        this.points = new int[rCount][];
        int[] r = new int[ell];
        for (int ri = 0; ri < rCount; ri++) {
            points[ri] = r.clone();
            for (int j = ell - 1; j >= 0; j--) {
                if (++r[j] < length) {
                    break;
                }
                r[j] = 0;
            }
        }
        this.alphabet = new int[k - 1][rCount][][];
        this.sent = new int[k - 1][rCount][];
        int[][] all = compressed ? null : allMessages(symbols);
        for (int p = 1; p < k; p++) {
            for (int ri = 0; ri < rCount; ri++) {
                int n = ov.size(p);
                int[] idx = new int[n];
                if (compressed) {
                    Map<PlayerMessage, Integer> seen = new HashMap<>();
                    List<int[]> list = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        PlayerMessage m = protocol.playerMessage(encodings[p][i], points[ri]);
                        Integer at = seen.get(m);
                        if (at == null) {
                            at = list.size();
                            seen.put(m, at);
                            list.add(m.symbols());
                        }
                        idx[i] = at;
                    }
                    alphabet[p - 1][ri] = list.toArray(new int[0][]);
                } else {
                    for (int i = 0; i < n; i++) {
                        PlayerMessage m = protocol.playerMessage(encodings[p][i], points[ri]);
                        long v = 0;
                        for (int s = symbols - 1; s >= 0; s--) {
                            v = v * prime + m.symbol(s);
                        }
                        idx[i] = (int) v;
                    }
                    alphabet[p - 1][ri] = all;
                }
                sent[p - 1][ri] = idx;
            }
        }
        this.psiValues = new int[merlinCount * length];
        int[] id = {0};
        protocol.forEachMerlinMessage(Long.MAX_VALUE, psi -> {
            if (psi.id() != id[0]) {
                throw new IllegalStateException("Merlin messages out of id order: " + psi.id() + " != " + id[0]);
            }
            for (int s = 0; s < length; s++) {
                psiValues[id[0] * length + s] = psi.value(s);
            }
            id[0]++;
        });
        this.offsets = new long[rCount + 1];
        this.fiber = new long[rCount];
        for (int ri = 0; ri < rCount; ri++) {
            long c = 1;
            for (int p = 1; p < k; p++) {
                c *= alphabet[p - 1][ri].length;
                if (c > Integer.MAX_VALUE) {
                    break;
                }
            }
            offsets[ri + 1] = Math.min(Long.MAX_VALUE / 2, offsets[ri] + c);
            long[] keys = psiKeys(ri);
            Arrays.sort(keys);
            long distinct = keys.length == 0 ? 0 : 1;
            for (int x = 1; x < keys.length; x++) {
                distinct += keys[x] != keys[x - 1] ? 1 : 0;
            }
            fiber[ri] = distinct == 0 ? 0 : merlinCount / distinct;
        }
        this.analysisBytes = analysisBytes;
        this.estimate = computeEstimate(analysisBytes);
    }

    private int[][] allMessages(int symbols) {
        int n = (int) Math.round(Math.pow(prime, symbols));
        int[][] all = new int[n][symbols];
        for (int v = 0; v < n; v++) {
            long x = v;
            for (int s = 0; s < symbols; s++) {
                all[v][s] = (int) (x % prime);
                x /= prime;
            }
        }
        return all;
    }

    /** The value vector {@code (psi(r_j))_j} of every Merlin message, as a base-p number. */
    private long[] psiKeys(int ri) {
        long[] keys = new long[merlinCount];
        int[] pt = points[ri];
        for (int id = 0; id < merlinCount; id++) {
            long key = 0;
            for (int j = ell - 1; j >= 0; j--) {
                key = key * prime + psiValues[id * length + pt[j]];
            }
            keys[id] = key;
        }
        return keys;
    }

    /** The protocol the construction runs. */
    public MerlinArthurProtocol protocol() {
        return protocol;
    }

    /** The k-OV instance. */
    public OvInstance ov() {
        return ov;
    }

    /** Whether this is the support-compressed construction. */
    public boolean compressed() {
        return compressed;
    }

    /** P = p^{(k-1)(w-1)}, the Merlin messages per vector of set 0. */
    public int merlinCount() {
        return merlinCount;
    }

    /** Alice's row for source vector {@code a} of set 0 and Merlin message {@code id}: {@code a P + id}. */
    public int aliceRow(int a, long id) {
        if (a < 0 || a >= ov.size(0) || id < 0 || id >= merlinCount) {
            throw new IndexOutOfBoundsException("source " + a + " of " + ov.size(0) + ", Merlin id " + id + " of "
                    + merlinCount);
        }
        return (int) (a * (long) merlinCount + id);
    }

    /**
     * The witness map forward: for an orthogonal tuple {@code (a, b_1..b_{k-1})} of the k-OV
     * instance, Alice's row of its honest Merlin message; with key tuple
     * {@code (b_1..b_{k-1})} its inner product is t.
     *
     * @throws IllegalArgumentException if the tuple is not orthogonal
     */
    public int honestRow(int[] tuple) {
        if (!ov.isOrthogonal(tuple)) {
            throw new IllegalArgumentException("tuple " + Arrays.toString(tuple) + " is not orthogonal");
        }
        List<SetEncoding> players = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
            players.add(encodings[p][tuple[p]]);
        }
        long id = protocol.honestMessageId(players).orElseThrow(() ->
                new IllegalStateException("honest message of an orthogonal tuple has no id"));
        return aliceRow(tuple[0], id);
    }

    /** Sizes of the instance {@link #build} makes, known before it allocates anything big. */
    public Estimate estimate() {
        return estimate;
    }

    private Estimate computeEstimate(double analysisBytes) {
        long dim = offsets[rCount];
        int nA = ov.size(0);
        int[] keySizes = new int[k - 1];
        long keyOnes = 0;
        for (int p = 1; p < k; p++) {
            keySizes[p - 1] = ov.size(p);
            long perVector = 0;
            for (int ri = 0; ri < rCount; ri++) {
                long c = offsets[ri + 1] - offsets[ri];
                int sent = alphabet[p - 1][ri].length;
                perVector += sent == 0 ? 0 : c / sent; // an empty key set sends nothing (and has no vectors)
            }
            keyOnes += perVector * ov.size(p);
        }
        double aliceBound = 0;
        for (int ri = 0; ri < rCount; ri++) {
            aliceBound += (double) (offsets[ri + 1] - offsets[ri]) * fiber[ri];
        }
        aliceBound *= nA;
        long rows = (long) nA * merlinCount;
        double vectors = rows + sumKeys();
        double bytes = analysisBytes + 8.0 * rows + 4.0 * (aliceBound + keyOnes) + 24.0 * vectors;
        long t = 1;
        long no = 1;
        for (int j = 0; j < ell; j++) {
            t = Math.multiplyExact(t, length);
            no = Math.multiplyExact(no, (long) k * (params.blockSize() - 1));
        }
        double uncompressed = Math.pow(length, ell) * Math.pow(prime, (double) (k - 1) * ell * blocks);
        return new Estimate(k, nA, merlinCount, rows, keySizes, dim, uncompressed, t, Ratio.of(no, t),
                keyOnes, aliceBound, bytes, compressed);
    }

    private long sumKeys() {
        long s = 0;
        for (int p = 1; p < k; p++) {
            s += ov.size(p);
        }
        return s;
    }

    /**
     * Builds the Gap-k-MaxIP instance in two passes over (r, Alice vector, key messages): the
     * first counts the ones of every Alice row, the second fills exactly sized arrays. When
     * {@link Estimate#bytes} (an upper bound) is above {@code maxBytes}, the exact count decides.
     *
     * @param maxBytes refuse (ResourceLimitException with the size) above this many bytes
     * @param threads  threads building Alice's vectors
     * @param progress two units per (random string, Alice source vector): one per pass
     */
    public MaxIpInstance build(long maxBytes, int threads, Progress progress) {
        Estimate e = estimate;
        if (e.dimension() > Integer.MAX_VALUE - 64) {
            throw new ResourceLimitException("D' = " + e.dimension() + " coordinates do not fit int indices");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
        String what = "the Gap-" + k + "-MaxIP instance (|A'| = " + e.aliceRows() + ", D' = " + e.dimension();
        double fixed = fixedBytes();
        ResourceLimitException.check(what + ")", fixed, maxBytes, "bytes", "--max-bytes");
        int nA = ov.size(0);
        int rows = nA * merlinCount;
        int[] counts = new int[rows];
        fill(threads, progress, counts, null);
        long aliceOnes = 0;
        for (int c : counts) {
            aliceOnes += c;
        }
        ResourceLimitException.check(what + ", " + ResourceLimitException.human(aliceOnes + e.keyOnes()) + " ones)",
                fixed + 4.0 * aliceOnes, maxBytes, "bytes", "--max-bytes");
        int[][] supports = new int[rows][];
        for (int x = 0; x < rows; x++) {
            supports[x] = new int[counts[x]];
        }
        fill(threads, progress, null, supports);
        MaxIpInstance.Builder b = MaxIpInstance.builder(k, (int) e.dimension(), e.threshold(), e.oneMinusEps());
        for (int a = 0; a < nA; a++) {
            for (int id = 0; id < merlinCount; id++) {
                int x = a * merlinCount + id;
                b.aliceOwned(a, id, supports[x]);
                supports[x] = null;
            }
        }
        for (int p = 1; p < k; p++) {
            for (int i = 0; i < ov.size(p); i++) {
                b.keyOwned(p, i, keySupport(p, i));
            }
        }
        return b.build();
    }

    /** Memory of a build besides Alice's ones: the analysis, the row counts, key vectors, array headers. */
    private double fixedBytes() {
        double vectors = estimate.aliceRows() + sumKeys();
        return analysisBytes + 8.0 * estimate.aliceRows() + 4.0 * estimate.keyOnes() + 24.0 * vectors;
    }

    /** One pass over every r: counts Alice's ones ({@code counts != null}) or writes them into {@code supports}. */
    private void fill(int threads, Progress progress, int[] counts, int[][] supports) {
        int nA = ov.size(0);
        int[] at = supports == null ? null : new int[supports.length];
        for (int ri = 0; ri < rCount; ri++) {
            Map<Long, int[]> groups = groupMessages(ri);
            final int rr = ri;
            parallel(nA, threads, a -> new AliceFill(rr, groups, counts, supports, at).run(a));
            progress.advance(nA);
        }
    }

    private static void parallel(int n, int threads, IntConsumer body) {
        if (threads == 1 || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (ex.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(ex.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Merlin ids grouped by their value vector on r (base-p key). */
    private Map<Long, int[]> groupMessages(int ri) {
        long[] keys = psiKeys(ri);
        Map<Long, IntList> g = new HashMap<>();
        for (int id = 0; id < merlinCount; id++) {
            g.computeIfAbsent(keys[id], x -> new IntList()).add(id);
        }
        Map<Long, int[]> out = new HashMap<>(2 * g.size());
        g.forEach((key, list) -> out.put(key, list.toArray()));
        return out;
    }

    /**
     * Alice's ones of one source vector for one random string: enumerates the messages of
     * players 1..k-1 in coordinate order, each combination's value vector picking the Merlin
     * messages Alice accepts. Rows of different source vectors are disjoint, so threads never
     * share a row.
     */
    private final class AliceFill {
        private final int ri;
        private final Map<Long, int[]> groups;
        private final int[] counts;
        private final int[][] supports;
        private final int[] at;
        private final long[][] prod;
        private final int[] pt;
        private final int symbols = ell * blocks;
        private int a;

        AliceFill(int ri, Map<Long, int[]> groups, int[] counts, int[][] supports, int[] at) {
            this.ri = ri;
            this.groups = groups;
            this.counts = counts;
            this.supports = supports;
            this.at = at;
            this.prod = new long[k][symbols];
            this.pt = points[ri];
        }

        void run(int source) {
            a = source;
            SetEncoding x = encodings[0][source];
            for (int j = 0; j < ell; j++) {
                for (int t = 0; t < blocks; t++) {
                    prod[0][j * blocks + t] = x.symbol(pt[j], t);
                }
            }
            descend(1, 0);
        }

        private void descend(int p, long combo) {
            int[][] msgs = alphabet[p - 1][ri];
            long[] in = prod[p - 1];
            long[] out = prod[p];
            for (int c = 0; c < msgs.length; c++) {
                int[] m = msgs[c];
                for (int s = 0; s < symbols; s++) {
                    out[s] = in[s] * m[s] % prime;
                }
                long next = combo * msgs.length + c;
                if (p < k - 1) {
                    descend(p + 1, next);
                } else {
                    long key = 0;
                    for (int j = ell - 1; j >= 0; j--) {
                        long v = 0;
                        for (int t = 0; t < blocks; t++) {
                            v += out[j * blocks + t];
                        }
                        key = key * prime + v % prime;
                    }
                    int[] ids = groups.get(key);
                    if (ids != null) {
                        int coord = (int) (offsets[ri] + next);
                        int base = a * merlinCount;
                        if (counts != null) {
                            for (int id : ids) {
                                counts[base + id]++;
                            }
                        } else {
                            for (int id : ids) {
                                supports[base + id][at[base + id]++] = coord;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Key vector i of set p: for each r, every combination of the other players' messages with m_p fixed. */
    private int[] keySupport(int p, int i) {
        long n = 0;
        for (int ri = 0; ri < rCount; ri++) {
            n += (offsets[ri + 1] - offsets[ri]) / alphabet[p - 1][ri].length;
        }
        int[] out = new int[Math.toIntExact(n)];
        int at = 0;
        int[] radix = new int[k - 1];
        int[] digit = new int[k - 1];
        for (int ri = 0; ri < rCount; ri++) {
            for (int q = 0; q < k - 1; q++) {
                radix[q] = alphabet[q][ri].length;
                digit[q] = 0;
            }
            int fixed = p - 1;
            digit[fixed] = sent[fixed][ri][i];
            while (true) {
                long combo = 0;
                for (int q = 0; q < k - 1; q++) {
                    combo = combo * radix[q] + digit[q];
                }
                out[at++] = (int) (offsets[ri] + combo);
                int q = k - 2;
                while (q >= 0) {
                    if (q == fixed) {
                        q--;
                        continue;
                    }
                    if (++digit[q] < radix[q]) {
                        break;
                    }
                    digit[q] = 0;
                    q--;
                }
                if (q < 0) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The sizes of a construction, before it is built.
     *
     * @param order                 k
     * @param aliceVectors          |A|, the vectors of OV set 0
     * @param merlinMessages        P = p^{(k-1)(w-1)}
     * @param aliceRows             |A'| = |A| P
     * @param keySizes              |B_1|..|B_{k-1}|
     * @param dimension             D' (after compression, if compressed)
     * @param uncompressedDimension L^ell p^{(k-1) ell T}, the dimension without compression
     * @param threshold             t = L^ell
     * @param oneMinusEps           (k(w-1))^ell / L^ell
     * @param keyOnes               ones of all key vectors (exact)
     * @param aliceOnesBound        an upper bound on the ones of Alice's vectors
     * @param bytes                 estimated peak memory of {@link #build}
     * @param compressed            whether support compression is on
     */
    public record Estimate(int order, int aliceVectors, long merlinMessages, long aliceRows, int[] keySizes,
            long dimension, double uncompressedDimension, long threshold, Ratio oneMinusEps, long keyOnes,
            double aliceOnesBound, double bytes, boolean compressed) {

        /** |B_1|..|B_{k-1}| (a copy). */
        @Override
        public int[] keySizes() {
            return keySizes.clone();
        }

        /** Upper bound on all ones. */
        public double onesBound() {
            return keyOnes + aliceOnesBound;
        }

        /** Bound on the fraction of ones over all vectors' coordinates. */
        public double densityBound() {
            double cells = (double) dimension * (aliceRows + Arrays.stream(keySizes).asLongStream().sum());
            return cells == 0 ? 0 : onesBound() / cells;
        }

        /** The Lemma B.1 regime quantities for these sizes (THEORY §9, gamma). */
        public MaxIpRegime regime(double gamma) {
            long[] sizes = new long[order];
            sizes[0] = aliceRows;
            for (int p = 1; p < order; p++) {
                sizes[p] = keySizes[p - 1];
            }
            return MaxIpRegime.of(order, dimension, threshold, oneMinusEps.oneMinus().value(), sizes, gamma);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[4];
        private int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = x;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
