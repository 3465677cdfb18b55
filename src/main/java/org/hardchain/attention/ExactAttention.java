package org.hardchain.attention;

import java.util.stream.IntStream;
import org.hardchain.util.Progress;
import org.hardchain.util.Simd;

/**
 * Exact order-k attention at machine speed (THEORY.md §1, §3; the exact computation that
 * Alman &amp; Song 2023 measure the polynomial method of Algorithm 1 / Theorem 1.4 against).
 *
 * <p>The last key matrix {@code K_{k-1}} is handled as a GEMM; the earlier ones are streamed:
 * <ul>
 * <li>k = 2 (FlashAttention): blocks of query rows {@code a_r = Q[i] / d};</li>
 * <li>k = 3 (2-simplicial): per query i, blocks of rows {@code a_r = (Q[i] ∘ K_1[j_1]) / d},
 * so the block computes {@code G = (Q[i] ∘ K_1) K_2^T / d}, {@code e^{G - m}} and
 * {@code e^{G - m} V_2}, which is then reduced against {@code V_1};</li>
 * <li>general k: per query, the tuples {@code (j_1..j_{k-2})} are streamed in blocks with
 * {@code a_r = (Q[i] ∘ K_1[j_1] ∘ ... ∘ K_{k-2}[j_{k-2}]) / d} and
 * {@code u_r = V_1[j_1] ∘ ... ∘ V_{k-2}[j_{k-2}]}.</li>
 * </ul>
 * Every block keeps an online softmax (running max, running sum, running weighted sum), and
 * blocks are merged with the same rescaling, so scores of any finite magnitude give neither
 * overflow nor NaN. Cost {@code Theta(n_q * prod_p n_p * (d + d_v))} time
 * ({@code 4 n^k d} flops for square inputs with {@code d_v = d}); memory O(tile) per thread
 * beyond the inputs, a transposed copy of {@code K_{k-1}} and the output. Parallel over query
 * rows and segments of key tuples; the output does not depend on the thread count, and
 * {@link #computeRows} gives bit for bit the rows of {@link #compute}. Uses the Vector API when
 * {@link Simd#available()}, plain loops otherwise. This class is immutable.
 */
public final class ExactAttention implements AttentionAlgorithm {
    /**
     * Tuple blocks per parallel task for k >= 3. Fixed, so that the summation order (and hence
     * every bit of the output) depends neither on the thread count nor on which rows are asked for.
     */
    private static final int SEGMENT_BLOCKS = 16;
    /** GFLOP/s (flops per ns) above which the vector kernel is taken to be compiled by C2. */
    private static final double WARM_GFLOPS = 4.0;
    /** Whether a task has run at compiled speed in this JVM (a benign race: only a scheduling hint). */
    private static volatile boolean warm;

    private final boolean simd;
    private final boolean parallel;

    private ExactAttention(boolean simd, boolean parallel) {
        this.simd = simd;
        this.parallel = parallel;
    }

    /** Vector API if available, parallel on the common fork-join pool. */
    public static ExactAttention create() {
        return new ExactAttention(Simd.available(), true);
    }

    /** Plain Java loops (the fallback), still parallel. */
    public static ExactAttention scalar() {
        return new ExactAttention(false, true);
    }

    /** The same algorithm on the calling thread only. */
    public ExactAttention sequential() {
        return new ExactAttention(simd, false);
    }

    /** Whether this instance uses the Vector API kernel. */
    public boolean usesSimd() {
        return simd;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public Matrix compute(AttentionInput in) {
        return computeRows(in, IntStream.range(0, in.nq()).toArray());
    }

    /**
     * The exact rows {@code Att[rows[0]], Att[rows[1]], ...} as a {@code rows.length x d_v}
     * matrix, at a cost of {@code prod_p n_p * (d + d_v)} per row (THEORY.md §3: exact output
     * for a sample of query rows).
     *
     * @throws IllegalArgumentException if a key set is empty or d = 0 (the softmax is then undefined)
     * @throws IndexOutOfBoundsException for a row outside {@code [0, n_q)}
     */
    public Matrix computeRows(AttentionInput in, int[] rows) {
        return computeRows(in, rows, Progress.silent());
    }

    /** As {@link #computeRows(AttentionInput, int[])}, reporting progress in parallel tasks. */
    public Matrix computeRows(AttentionInput in, int[] rows, Progress progress) {
        checkNonEmpty(in);
        for (int i : rows) {
            if (i < 0 || i >= in.nq()) {
                throw new IndexOutOfBoundsException("query row " + i + " outside 0.." + (in.nq() - 1));
            }
        }
        int k = in.order();
        Matrix kl = in.key(k - 1);
        Matrix vl = in.value(k - 1);
        RowKernel.KeyPanel panel = simd ? VectorRowKernel.layout(kl, vl) : ScalarRowKernel.layout(kl, vl);
        double[] out = new double[Math.multiplyExact(rows.length, in.dv())];
        if (k == 2) {
            queryBlocks(in, rows, panel, out, progress);
        } else {
            tupleBlocks(in, rows, panel, out, progress);
        }
        return Matrix.wrap(rows.length, in.dv(), out);
    }

    /** Units of work {@link #computeRows(AttentionInput, int[], Progress)} reports for {@code rows} rows. */
    public static long progressUnits(AttentionInput in, int rows) {
        if (in.order() == 2) {
            return rows;
        }
        double prefixes = in.keyTuples() / in.n(in.order() - 1);
        int rb = RowKernel.BLOCK_ROWS;
        return (long) (rows * Math.ceil(Math.ceil(prefixes / rb) / SEGMENT_BLOCKS));
    }

    /** {@code 2 * rows * prod_p n_p * (d + d_v)}: the multiply-adds counted as 2 flops. */
    public static double flops(AttentionInput in, int rows) {
        return 2.0 * rows * in.keyTuples() * (in.d() + in.dv());
    }

    static void checkNonEmpty(AttentionInput in) {
        for (int p = 1; p < in.order(); p++) {
            if (in.n(p) == 0) {
                throw new IllegalArgumentException("K" + p + " has no rows: the softmax over an empty set of key"
                        + " tuples is undefined");
            }
        }
        if (in.d() == 0) {
            throw new IllegalArgumentException("d = 0: scores <Q[i], K_1[j_1], ...>/d are undefined");
        }
    }

    private RowKernel kernel(RowKernel.KeyPanel panel) {
        return simd ? VectorRowKernel.create(panel) : new ScalarRowKernel(panel);
    }

    /**
     * Runs {@code task(0..n-1)}, each doing about {@code flopsPerTask} flops. Tasks write
     * disjoint outputs, so the order does not change the result. Until the vector kernel is
     * compiled (its first use in this JVM), tasks run on the calling thread: interpreted and
     * C1-compiled Vector API code is very slow, and a second thread running it would take the
     * core the JIT compiler needs. Once a task runs at compiled speed the rest go parallel.
     */
    private void runTasks(int n, double flopsPerTask, java.util.function.IntConsumer task) {
        int start = 0;
        if (parallel && simd && !warm) {
            while (start < n && !warm) {
                long t = System.nanoTime();
                task.accept(start++);
                if (flopsPerTask / Math.max(1, System.nanoTime() - t) > WARM_GFLOPS) {
                    warm = true;
                }
            }
        }
        IntStream s = IntStream.range(start, n);
        (parallel ? s.parallel() : s).forEach(task);
    }

    /** k = 2: each block of query rows is one kernel call. */
    private void queryBlocks(AttentionInput in, int[] rows, RowKernel.KeyPanel panel, double[] out,
            Progress progress) {
        int d = in.d();
        int dv = in.dv();
        int rb = RowKernel.BLOCK_ROWS;
        int blocks = (rows.length + rb - 1) / rb;
        double[] q = in.q().data();
        double inv = 1.0 / d;
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(kernel(panel)));
        runTasks(blocks, 2.0 * rb * panel.n() * (d + dv), b -> {
            Scratch s = scratch.get();
            int r0 = b * rb;
            int cnt = Math.min(rb, rows.length - r0);
            for (int r = 0; r < cnt; r++) {
                int qo = rows[r0 + r] * d;
                for (int t = 0; t < d; t++) {
                    s.a[r * d + t] = q[qo + t] * inv;
                }
            }
            s.kernel.run(s.a, cnt, s.m, s.l, s.w);
            int dvPad = panel.dvPad();
            for (int r = 0; r < cnt; r++) {
                double norm = 1.0 / s.l[r];
                for (int c = 0; c < dv; c++) {
                    out[(r0 + r) * dv + c] = s.w[r * dvPad + c] * norm;
                }
            }
            progress.advance(cnt);
        });
    }

    /** k >= 3: per query, stream blocks of prefix tuples (j_1..j_{k-2}); merge block softmax states. */
    private void tupleBlocks(AttentionInput in, int[] rows, RowKernel.KeyPanel panel, double[] out,
            Progress progress) {
        int k = in.order();
        int dv = in.dv();
        int rb = RowKernel.BLOCK_ROWS;
        long prefixes = 1;
        for (int p = 1; p <= k - 2; p++) {
            prefixes = Math.multiplyExact(prefixes, (long) in.n(p));
        }
        long blocks = (prefixes + rb - 1) / rb;
        int segs = Math.toIntExact((blocks + SEGMENT_BLOCKS - 1) / SEGMENT_BLOCKS);
        int tasks = Math.multiplyExact(rows.length, segs);
        int dvPad = panel.dvPad();
        double[] pml = new double[2 * tasks];
        double[] pacc = new double[Math.multiplyExact(tasks, dvPad)];
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(kernel(panel)));
        final long nb = blocks;
        final long np = prefixes;
        double taskFlops = 2.0 * Math.min(prefixes, (long) SEGMENT_BLOCKS * rb) * panel.n() * (in.d() + dv);
        runTasks(tasks, taskFlops, task -> {
            int ri = task / segs;
            int seg = task % segs;
            long b0 = nb * seg / segs;
            long b1 = nb * (seg + 1) / segs;
            Scratch s = scratch.get();
            double[] ml = {Double.NEGATIVE_INFINITY, 0};
            double[] acc = new double[dvPad];
            for (long b = b0; b < b1; b++) {
                long t0 = b * rb;
                int cnt = (int) Math.min(rb, np - t0);
                fillPrefixRows(in, rows[ri], t0, cnt, dvPad, s);
                s.kernel.run(s.a, cnt, s.m, s.l, s.w);
                s.kernel.mergeRows(cnt, s.m, s.l, s.u, s.w, ml, acc);
            }
            pml[2 * task] = ml[0];
            pml[2 * task + 1] = ml[1];
            System.arraycopy(acc, 0, pacc, task * dvPad, dvPad);
            progress.advance(1);
        });
        // Merge the segments of each query in a fixed order (their partial states are rows of one block).
        RowKernel merger = kernel(panel);
        double[] ones = new double[segs * dvPad];
        java.util.Arrays.fill(ones, 1.0);
        for (int ri = 0; ri < rows.length; ri++) {
            double[] ml = {Double.NEGATIVE_INFINITY, 0};
            double[] acc = new double[dvPad];
            int t0 = ri * segs;
            double[] m = new double[segs];
            double[] l = new double[segs];
            for (int seg = 0; seg < segs; seg++) {
                m[seg] = pml[2 * (t0 + seg)];
                l[seg] = pml[2 * (t0 + seg) + 1];
            }
            merger.mergeRows(segs, m, l, ones, java.util.Arrays.copyOfRange(pacc, t0 * dvPad, (t0 + segs) * dvPad),
                    ml, acc);
            for (int c = 0; c < dv; c++) {
                out[ri * dv + c] = acc[c] / ml[1];
            }
        }
    }

    /** Rows a_r = Q[i] ∘ K_1[j_1] ∘ ... ∘ K_{k-2}[j_{k-2}] / d and u_r = V_1[j_1] ∘ ... for tuples t0..t0+cnt-1. */
    private static void fillPrefixRows(AttentionInput in, int i, long t0, int cnt, int dvPad, Scratch s) {
        int k = in.order();
        int d = in.d();
        int dv = in.dv();
        int[] j = new int[k - 2];
        long rest = t0;
        for (int p = k - 2; p >= 1; p--) {
            j[p - 1] = (int) (rest % in.n(p));
            rest /= in.n(p);
        }
        double[] q = in.q().data();
        double inv = 1.0 / d;
        for (int r = 0; r < cnt; r++) {
            double[] k1 = in.key(1).data();
            double[] v1 = in.value(1).data();
            int ao = r * d;
            int ko = j[0] * d;
            for (int t = 0; t < d; t++) {
                s.a[ao + t] = q[i * d + t] * inv * k1[ko + t];
            }
            int uo = r * dvPad;
            System.arraycopy(v1, j[0] * dv, s.u, uo, dv);
            for (int p = 2; p <= k - 2; p++) {
                double[] kp = in.key(p).data();
                double[] vp = in.value(p).data();
                ko = j[p - 1] * d;
                for (int t = 0; t < d; t++) {
                    s.a[ao + t] *= kp[ko + t];
                }
                int vo = j[p - 1] * dv;
                for (int c = 0; c < dv; c++) {
                    s.u[uo + c] *= vp[vo + c];
                }
            }
            for (int p = k - 2; p >= 1; p--) {
                if (++j[p - 1] < in.n(p)) {
                    break;
                }
                j[p - 1] = 0;
            }
        }
    }

    /** Per-thread buffers. */
    private static final class Scratch {
        final RowKernel kernel;
        final double[] a;
        final double[] u;
        final double[] m;
        final double[] l;
        final double[] w;

        Scratch(RowKernel kernel) {
            this.kernel = kernel;
            int rb = kernel.maxRows();
            RowKernel.KeyPanel p = kernel.panel();
            a = new double[rb * p.d()];
            u = new double[rb * p.dvPad()];
            m = new double[rb];
            l = new double[rb];
            w = new double[rb * p.dvPad()];
        }
    }
}
