package org.hardchain.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the machine's fused multiply-add peak: every thread runs a loop of independent
 * FMA chains ({@code DoubleVector.fma} when {@link Simd#available()}, {@code Math.fma}
 * otherwise), so the FMA units, not latency, are the limit. The figure benchmarks divide
 * by to report "fraction of FMA peak" (2 flops per lane per FMA). A measurement, not a
 * datasheet number: on a loaded machine it drops with the load.
 */
public final class FmaPeak {
    private FmaPeak() {
    }

    /**
     * GFLOP/s over {@code threads} threads, each running for about {@code millis} ms after a
     * short warm-up; the best of a few rounds.
     */
    public static double measure(int threads, long millis) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fma-peak");
            t.setDaemon(true);
            return t;
        });
        try {
            run(pool, threads, Math.max(20, millis / 5));
            double best = 0;
            for (int round = 0; round < 3; round++) {
                best = Math.max(best, run(pool, threads, millis / 3));
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double run(ExecutorService pool, int threads, long millis) {
        Future<?>[] fs = new Future<?>[threads];
        double[] flops = new double[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int id = i;
            fs[i] = pool.submit(() -> {
                flops[id] = loop(millis);
            });
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("FMA peak measurement failed: " + e, e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double total = 0;
        for (double f : flops) {
            total += f;
        }
        return total / secs / 1e9;
    }

    /**
     * One call of the FMA loop on the calling thread ({@code iters} rounds of independent chains);
     * returns a value that depends on every chain (consume it). Flops done: {@link #flopsPerCall}.
     */
    public static double chains(int iters) {
        return Simd.available() ? FmaPeakVector.chains(iters) : scalarChains(iters);
    }

    /** Flops one {@link #chains(int)} call does (2 per lane per FMA). */
    public static double flopsPerCall(int iters) {
        return Simd.available() ? FmaPeakVector.flops(iters) : 2.0 * 8 * iters;
    }

    /** Flops done by one thread in about {@code millis} ms. */
    private static double loop(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        double flops = 0;
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += chains(1 << 18);
            flops += flopsPerCall(1 << 18);
        }
        if (sink == 42.4242) {
            System.err.print("");
        }
        return flops;
    }

    private static double scalarChains(int iters) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double a4 = 0;
        double a5 = 0;
        double a6 = 0;
        double a7 = 0;
        double x = 0.999999;
        double y = 1e-6;
        for (int i = 0; i < iters; i++) {
            a0 = Math.fma(a0, x, y);
            a1 = Math.fma(a1, x, y);
            a2 = Math.fma(a2, x, y);
            a3 = Math.fma(a3, x, y);
            a4 = Math.fma(a4, x, y);
            a5 = Math.fma(a5, x, y);
            a6 = Math.fma(a6, x, y);
            a7 = Math.fma(a7, x, y);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }
}
