package org.hardchain.attention;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.stream.IntStream;
import org.hardchain.util.FmaPeak;

/**
 * Single-thread efficiency of {@link ExactAttention} measured in thread CPU time, so that it
 * holds on a machine loaded by other processes (wall-clock JMH numbers there depend on whether
 * the second core happens to be free): GFLOP per CPU-second of the sequential kernel, and the
 * same for the FMA loop of {@link FmaPeak} on this thread; their ratio is the fraction of the
 * per-core FMA peak. Flops: 4 n^3 d (order 3) and 4 n^2 d (order 2) for the full output; the
 * order-3 runs time the first {@code rows} query rows (the cost per row is the same for all rows).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes org.hardchain.attention.ExactAttentionCpuTime
 * </pre>
 */
public final class ExactAttentionCpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ExactAttentionCpuTime() {
    }

    public static void main(String[] args) {
        double peak = fmaPeakCpu();
        System.out.printf(Locale.ROOT, "FMA peak, one thread: %.1f GFLOP per CPU-second%n", peak);
        String[] shapes = {"3:512:16:128", "3:512:64:64", "3:1024:16:32", "3:1024:64:16", "2:4096:16:4096",
            "2:4096:64:4096"};
        ExactAttention exact = ExactAttention.create().sequential();
        for (String shape : shapes) {
            String[] s = shape.split(":");
            int order = Integer.parseInt(s[0]);
            int n = Integer.parseInt(s[1]);
            int d = Integer.parseInt(s[2]);
            int rows = Integer.parseInt(s[3]);
            AttentionInput in = RandomAttention.uniform(order, n, n, d, d, 1.0, 1);
            int[] which = IntStream.range(0, rows).toArray();
            double flops = ExactAttention.flops(in, rows);
            double best = 0;
            for (int rep = 0; rep < 6; rep++) {
                long c = MX.getCurrentThreadCpuTime();
                exact.computeRows(in, which);
                double secs = (MX.getCurrentThreadCpuTime() - c) / 1e9;
                if (rep >= 2) {
                    best = Math.max(best, flops / secs / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "order %d, n = %d, d = %d (%d rows): %.1f GFLOP per CPU-second, %.0f%% of"
                    + " the one-thread FMA peak%n", order, n, d, rows, best, 100 * best / peak);
        }
    }

    private static double fmaPeakCpu() {
        int iters = 1 << 20;
        double best = 0;
        double sink = 0;
        for (int rep = 0; rep < 40; rep++) {
            long c = MX.getCurrentThreadCpuTime();
            sink += FmaPeak.chains(iters);
            double secs = (MX.getCurrentThreadCpuTime() - c) / 1e9;
            if (rep >= 10 && secs > 0) {
                best = Math.max(best, FmaPeak.flopsPerCall(iters) / secs / 1e9);
            }
        }
        if (sink == 0) {
            System.out.println();
        }
        return best;
    }
}
