package org.hardchain.maxip;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hardchain.util.Progress;
import org.hardchain.util.ResourceLimitException;

/**
 * Exact Max-IP, multi-threaded and word-parallel (the solver the chain uses to check
 * Theorem 4.7 instances).
 *
 * <p>Key vectors are packed into bitsets of {@code W = ceil(D'/64)} {@code long} words. Each
 * Alice vector (sparse) is turned into its list of non-zero words; a key tuple is searched
 * depth-first, each level ANDing the running word list with one key vector's words, dropping
 * words that became zero, and counting ones with {@link Long#bitCount}. The popcount of a
 * prefix AND bounds every inner product below it, so a prefix that cannot beat the current
 * maximum is pruned, and the search for a row stops as soon as the maximum equals the weight
 * of the Alice vector. Alice's vectors are split into chunks solved in parallel.
 *
 * <p>Cost: at most {@code |A| prod_p |B_p| * min(W, s)} word operations for Alice vectors of
 * weight s, divided by the threads, usually much less thanks to pruning; memory
 * {@code 8 W sum_p |B_p|} bytes for the key bitsets (checked against the byte limit).
 *
 * <p>Why bitsets for the keys and sorted arrays for Alice: on the instances {@link OvToMaxIp}
 * builds, word lists beat sorted-array merging (see the README for the measurement); the
 * sparse form is kept for storage and files.
 */
public final class FastMaxIp implements MaxIpSolver {
    /** Default limit on the key bitsets' memory: 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    private static final int CHUNK = 32;

    private final int threads;
    private final long maxBytes;
    private final Progress progress;

    /** All available processors, the default byte limit, no progress output. */
    public FastMaxIp() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_BYTES, Progress.silent());
    }

    /**
     * @param threads  worker threads, {@code >= 1}
     * @param maxBytes refuse (ResourceLimitException) when the key bitsets would need more
     * @param progress receives one unit per Alice vector solved
     */
    public FastMaxIp(int threads, long maxBytes, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
        this.threads = threads;
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    @Override
    public MaxIpResult solve(MaxIpInstance inst) {
        int k = inst.order();
        int n = inst.size(0);
        int words = (inst.dimension() + 63) >>> 6;
        int[] sizes = new int[k - 1];
        boolean tuples = true;
        double bytes = 0;
        for (int p = 1; p < k; p++) {
            sizes[p - 1] = inst.size(p);
            tuples &= sizes[p - 1] > 0;
            bytes += 8.0 * words * sizes[p - 1];
        }
        int[] max = new int[n];
        int[][] argmax = new int[n][];
        if (!tuples || n == 0) {
            return MaxIpResult.wrap(max, argmax);
        }
        ResourceLimitException.check("the key bitsets of the Max-IP solver", bytes, maxBytes, "bytes", "--max-bytes");
        if ((double) words * Math.max(1, maxSize(sizes)) > Integer.MAX_VALUE - 8) {
            throw new ResourceLimitException("a key set of " + maxSize(sizes) + " vectors of " + words
                    + " words does not fit one Java array");
        }
        long[][] bits = new long[k - 1][];
        for (int p = 1; p < k; p++) {
            long[] b = new long[sizes[p - 1] * words];
            for (int j = 0; j < sizes[p - 1]; j++) {
                for (int c : inst.raw(p, j)) {
                    b[j * words + (c >>> 6)] |= 1L << c;
                }
            }
            bits[p - 1] = b;
        }
        int maxWeight = 0;
        for (int i = 0; i < n; i++) {
            maxWeight = Math.max(maxWeight, inst.weight(0, i));
        }
        int capacity = Math.min(words, maxWeight);
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntConsumer chunk = c -> {
            Search s = new Search(k, words, sizes, bits, capacity);
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                s.row(inst.raw(0, i));
                max[i] = s.best;
                argmax[i] = s.bestTuple.clone();
            }
            progress.advance(end - c * CHUNK);
        };
        if (threads == 1 || chunks == 1) {
            IntStream.range(0, chunks).forEach(chunk);
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(chunk)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return MaxIpResult.wrap(max, argmax);
    }

    private static int maxSize(int[] sizes) {
        int m = 0;
        for (int s : sizes) {
            m = Math.max(m, s);
        }
        return m;
    }

    /** The depth-first search of one thread; reused across rows. */
    private static final class Search {
        private final int last;
        private final int words;
        private final int[] sizes;
        private final long[][] bits;
        private final int[][] idx;
        private final long[][] val;
        private final int[] tuple;
        final int[] bestTuple;
        int best;
        private int bound;
        private boolean done;

        Search(int k, int words, int[] sizes, long[][] bits, int capacity) {
            this.last = k - 2;
            this.words = words;
            this.sizes = sizes;
            this.bits = bits;
            this.idx = new int[k - 1][capacity];
            this.val = new long[k - 1][capacity];
            this.tuple = new int[k - 1];
            this.bestTuple = new int[k - 1];
        }

        void row(int[] support) {
            int[] ix = idx[0];
            long[] vx = val[0];
            int len = 0;
            for (int c : support) {
                int w = c >>> 6;
                if (len == 0 || ix[len - 1] != w) {
                    ix[len] = w;
                    vx[len++] = 0;
                }
                vx[len - 1] |= 1L << c;
            }
            best = -1;
            bound = support.length;
            done = false;
            search(0, len);
        }

        private void search(int level, int len) {
            long[] keys = bits[level];
            int nb = sizes[level];
            int[] ix = idx[level];
            long[] vx = val[level];
            if (level == last) {
                for (int b = 0, base = 0; b < nb; b++, base += words) {
                    int s = 0;
                    for (int j = 0; j < len; j++) {
                        s += Long.bitCount(vx[j] & keys[base + ix[j]]);
                    }
                    if (s > best) {
                        best = s;
                        tuple[level] = b;
                        System.arraycopy(tuple, 0, bestTuple, 0, tuple.length);
                        if (best == bound) {
                            done = true;
                            return;
                        }
                    }
                }
                return;
            }
            int[] nix = idx[level + 1];
            long[] nvx = val[level + 1];
            for (int b = 0, base = 0; b < nb; b++, base += words) {
                int nl = 0;
                int pc = 0;
                for (int j = 0; j < len; j++) {
                    long x = vx[j] & keys[base + ix[j]];
                    if (x != 0) {
                        nix[nl] = ix[j];
                        nvx[nl++] = x;
                        pc += Long.bitCount(x);
                    }
                }
                if (pc > best) {
                    tuple[level] = b;
                    search(level + 1, nl);
                    if (done) {
                        return;
                    }
                }
            }
        }
    }
}
