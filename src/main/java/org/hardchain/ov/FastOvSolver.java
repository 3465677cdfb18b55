package org.hardchain.ov;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;
import org.hardchain.util.Progress;
import org.hardchain.util.Simd;

/**
 * The fast exact k-OV solver (THEORY §5): the same answers as {@link NaiveOvSolver}, by
 * exhaustive search made fast by
 * <ul>
 * <li>bit-packing: 64 coordinates per AND;</li>
 * <li>folding: walking sets 0..k-2 depth first, the AND of the chosen vectors is kept per
 *     level, so each (k-1)-prefix costs O(W) once, not once per vector of the last set;
 *     a fold that becomes all zero makes every completion orthogonal (counted by a product,
 *     no enumeration);</li>
 * <li>the last set scanned by a {@link LastSetKernel} over the fold's nonzero words only,
 *     with the Vector API (8 vectors per 512-bit step, word-major layout) when
 *     {@link Simd#available()}, scalar word loops otherwise;</li>
 * <li>threads: the vectors of set 0 are split across a {@link ForkJoinPool};</li>
 * <li>early exit: find mode stops every worker whose set-0 index is past the best tuple found
 *     so far (so the answer is still the lexicographically first tuple); hasPartner stops
 *     each vector of set 0 at its first partner.</li>
 * </ul>
 * Worst-case time O(prod_{p<k-1} n_p * (k W + n_{k-1} W / L) / threads); memory O(k W) per
 * thread. This is the n^k brute force that the OV conjecture says cannot be beaten by a
 * polynomial factor; the constants are what this class improves.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FastOvSolver implements OvSolver {
    private static final String TOO_MANY = "the number of orthogonal tuples exceeds 2^63 - 1";
    private final int threads;
    private final LastSetKernel kernel;
    private final Progress progress;

    /** All available processors, the Vector API when available. */
    public FastOvSolver() {
        this(Runtime.getRuntime().availableProcessors(), true);
    }

    /**
     * @param threads worker threads (>= 1)
     * @param simd    use the Vector API kernel if {@link Simd#available()}
     */
    public FastOvSolver(int threads, boolean simd) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.kernel = LastSetKernel.choose(simd);
        this.progress = Progress.silent();
    }

    private FastOvSolver(int threads, LastSetKernel kernel, Progress progress) {
        this.threads = threads;
        this.kernel = kernel;
        this.progress = progress;
    }

    /**
     * This solver reporting to {@code progress}, counted in vectors of set 0 (per call of
     * each solving method; the reporter is not closed).
     */
    public FastOvSolver withProgress(Progress progress) {
        return new FastOvSolver(threads, kernel, progress);
    }

    /** The kernel in use, e.g. {@code "Vector API 512-bit"} or {@code "scalar"}. */
    public String kernelName() {
        return kernel.name();
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    @Override
    public Optional<int[]> findTuple(OvInstance inst) {
        if (anyEmpty(inst)) {
            return Optional.empty();
        }
        int n0 = inst.size(0);
        AtomicInteger best = new AtomicInteger(n0);
        int[][] bestTuple = new int[1][];
        Search search = new Search(inst, kernel, best);
        parallelForEach(n0, a -> {
            if (a > best.get()) {
                return true;
            }
            int[] t = search.local().find(a);
            if (t != null) {
                synchronized (bestTuple) {
                    if (bestTuple[0] == null || a < bestTuple[0][0]) {
                        bestTuple[0] = t;
                        best.set(a);
                    }
                }
            }
            return true;
        });
        return Optional.ofNullable(bestTuple[0]);
    }

    @Override
    public long countTuples(OvInstance inst) {
        if (anyEmpty(inst)) {
            return 0;
        }
        Search search = new Search(inst, kernel, null);
        try {
            return parallelSum(inst.size(0), a -> search.local().count(a));
        } catch (ArithmeticException e) {
            throw new ArithmeticException(TOO_MANY);
        }
    }

    @Override
    public boolean[] hasPartner(OvInstance inst) {
        boolean[] out = new boolean[inst.size(0)];
        if (anyEmpty(inst)) {
            return out;
        }
        Search search = new Search(inst, kernel, null);
        parallelForEach(out.length, a -> {
            out[a] = search.local().find(a) != null;
            return true;
        });
        return out;
    }

    private static boolean anyEmpty(OvInstance inst) {
        for (int p = 0; p < inst.order(); p++) {
            if (inst.size(p) == 0) {
                return true;
            }
        }
        return false;
    }

    private long parallelSum(int n, IntToLongFunction body) {
        IntToLongFunction tracked = a -> {
            long r = body.applyAsLong(a);
            tick(a, n);
            return r;
        };
        if (threads == 1 || n == 1) {
            long sum = 0;
            for (int a = 0; a < n; a++) {
                sum = Math.addExact(sum, tracked.applyAsLong(a));
            }
            return sum;
        }
        return inPool(() -> IntStream.range(0, n).parallel().mapToLong(tracked).reduce(0L, Math::addExact));
    }

    private void parallelForEach(int n, IntPredicate body) {
        IntPredicate tracked = a -> {
            boolean r = body.test(a);
            tick(a, n);
            return r;
        };
        if (threads == 1 || n == 1) {
            for (int a = 0; a < n; a++) {
                tracked.test(a);
            }
            return;
        }
        inPool(() -> {
            IntStream.range(0, n).parallel().forEach(tracked::test);
            return 0L;
        });
    }

    /** Reports progress in batches of 64 vectors of set 0 (and the remainder at the end). */
    private void tick(int a, int n) {
        if ((a & 63) == 63) {
            progress.advance(64);
        } else if (a == n - 1) {
            progress.advance((a & 63) + 1);
        }
    }

    private long inPool(java.util.concurrent.Callable<Long> task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("k-OV search interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            // ForkJoinTask may hand back a copy of the worker's exception with the original as cause.
            while (c.getCause() != null && c.getCause().getClass() == c.getClass()) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdown();
        }
    }

    /** Shared read-only state of one solve, and a per-thread {@link Walker}. */
    private static final class Search {
        final OvInstance inst;
        final LastSetKernel kernel;
        /** Find mode: the least set-0 index with a known tuple (workers past it stop); else null. */
        final AtomicInteger best;
        final ThreadLocal<Walker> walkers;

        Search(OvInstance inst, LastSetKernel kernel, AtomicInteger best) {
            this.inst = inst;
            this.kernel = kernel;
            this.best = best;
            this.walkers = ThreadLocal.withInitial(() -> new Walker(this));
        }

        Walker local() {
            return walkers.get();
        }
    }

    /** Depth-first walk over sets 0..k-2 with the fold kept per level. Not thread-safe. */
    private static final class Walker {
        final LastSetKernel kernel;
        final AtomicInteger best;
        final int k;
        final int words;
        final int[] n;
        final long[][] sets;
        /** fold[p] = AND of the chosen vectors of sets 0..p. */
        final long[][] fold;
        final int[] tuple;
        /** tail[p] = prod_{q > p} n_q, saturated at Long.MAX_VALUE (for all-zero folds). */
        final long[] tail;
        final long[] f;
        final int[] off;
        final int[] lastOff;

        Walker(Search s) {
            this.kernel = s.kernel;
            this.best = s.best;
            OvInstance inst = s.inst;
            this.k = inst.order();
            this.words = inst.wordsPerVector();
            this.n = inst.sizes();
            this.sets = new long[k][];
            for (int p = 0; p < k; p++) {
                sets[p] = inst.rawSet(p);
            }
            this.fold = new long[k - 1][words];
            this.tuple = new int[k];
            this.tail = new long[k];
            long t = 1;
            for (int p = k - 1; p >= 0; p--) {
                tail[p] = t;
                t = t > Long.MAX_VALUE / Math.max(1, n[p]) ? Long.MAX_VALUE : t * n[p];
            }
            this.f = new long[words];
            this.off = new int[words];
            this.lastOff = new int[words];
            for (int w = 0; w < words; w++) {
                lastOff[w] = w * n[k - 1];
            }
        }

        /** The number of orthogonal tuples with first index a. */
        long count(int a) {
            if (loadFirst(a)) {
                return exact(tail[0]);
            }
            return countFrom(1);
        }

        /** The lexicographically first orthogonal tuple with first index a, or null. */
        int[] find(int a) {
            tuple[0] = a;
            if (loadFirst(a)) {
                return zeroFill(1);
            }
            return findFrom(1) ? tuple.clone() : null;
        }

        /** Loads vector a of set 0 as fold[0]; true if it is all zero. */
        private boolean loadFirst(int a) {
            long any = 0;
            long[] s0 = sets[0];
            long[] f0 = fold[0];
            int n0 = n[0];
            for (int w = 0; w < words; w++) {
                f0[w] = s0[w * n0 + a];
                any |= f0[w];
            }
            return any == 0;
        }

        private long countFrom(int p) {
            long[] prev = fold[p - 1];
            if (p == k - 1) {
                int act = compact(prev);
                return act == 0 ? n[p] : kernel.count(f, off, act, sets[p], n[p]);
            }
            long[] cur = fold[p];
            long[] s = sets[p];
            int np = n[p];
            long sum = 0;
            for (int i = 0; i < np; i++) {
                long any = 0;
                for (int w = 0; w < words; w++) {
                    long x = prev[w] & s[w * np + i];
                    cur[w] = x;
                    any |= x;
                }
                sum = Math.addExact(sum, any == 0 ? exact(tail[p]) : countFrom(p + 1));
            }
            return sum;
        }

        private boolean findFrom(int p) {
            long[] prev = fold[p - 1];
            if (p == k - 1) {
                int act = compact(prev);
                int i = act == 0 ? 0 : kernel.first(f, off, act, sets[p], n[p]);
                tuple[p] = i;
                return i >= 0;
            }
            long[] cur = fold[p];
            long[] s = sets[p];
            int np = n[p];
            int self = tuple[0];
            for (int i = 0; i < np; i++) {
                if (best != null && best.get() < self) {
                    return false;
                }
                tuple[p] = i;
                long any = 0;
                for (int w = 0; w < words; w++) {
                    long x = prev[w] & s[w * np + i];
                    cur[w] = x;
                    any |= x;
                }
                if (any == 0) {
                    zeroFill(p + 1);
                    return true;
                }
                if (findFrom(p + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** Completes the tuple with index 0 from set {@code from} on (all orthogonal). */
        private int[] zeroFill(int from) {
            for (int q = from; q < k; q++) {
                tuple[q] = 0;
            }
            return tuple.clone();
        }

        /**
         * Keeps the nonzero words of the fold with their offsets in the last set, the word
         * with the most ones first (it rules out the most vectors of the last set).
         */
        private int compact(long[] fw) {
            int act = 0;
            int bestPos = 0;
            int bestOnes = -1;
            for (int w = 0; w < words; w++) {
                long x = fw[w];
                if (x != 0) {
                    int ones = Long.bitCount(x);
                    if (ones > bestOnes) {
                        bestOnes = ones;
                        bestPos = act;
                    }
                    f[act] = x;
                    off[act] = lastOff[w];
                    act++;
                }
            }
            if (bestPos != 0) {
                long tf = f[0];
                f[0] = f[bestPos];
                f[bestPos] = tf;
                int to = off[0];
                off[0] = off[bestPos];
                off[bestPos] = to;
            }
            return act;
        }

        private static long exact(long saturated) {
            if (saturated == Long.MAX_VALUE) {
                throw new ArithmeticException(TOO_MANY);
            }
            return saturated;
        }
    }
}
