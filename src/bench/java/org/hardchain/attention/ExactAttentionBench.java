package org.hardchain.attention;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact attention (both cores). GFLOP/s-equivalent = flops / time with flops = 4 n^3 d for
 * order 3 and 4 n^2 d for order 2 (d_v = d, every n_p = n_q = n); {@link #tearDown} prints it
 * (for the last measurement iteration) and its fraction of the FMA peak measured by {@link org.hardchain.util.FmaPeak}.
 *
 * <pre>
 * mvn -B -o -Pbench -DskipTests package exec:exec -Djmh.args="ExactAttentionBench -f 1 -wi 2 -i 3"
 * </pre>
 * {@code -p rows=R} times only the first R query rows (cost per row is independent of the others).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ExactAttentionBench {
    /** "order:n:d". */
    @Param({"3:512:16", "3:512:64", "3:1024:16", "3:1024:64", "2:4096:16", "2:4096:64"})
    public String shape;

    /** Query rows to compute (0 = all n). */
    @Param("0")
    public int rows;

    private AttentionInput in;
    private int[] which;
    private final ExactAttention exact = ExactAttention.create();
    private long calls;
    private long nanos;

    @Setup
    public void setUp() {
        String[] s = shape.split(":");
        int order = Integer.parseInt(s[0]);
        int n = Integer.parseInt(s[1]);
        int d = Integer.parseInt(s[2]);
        in = RandomAttention.uniform(order, n, n, d, d, 1.0, 1);
        which = IntStream.range(0, rows == 0 ? n : rows).toArray();
    }

    /** Counts only the current iteration, so {@link #tearDown} reports the last measurement iteration. */
    @Setup(Level.Iteration)
    public void resetCounters() {
        calls = 0;
        nanos = 0;
    }

    @Benchmark
    public Matrix exact() {
        long t = System.nanoTime();
        Matrix m = exact.computeRows(in, which);
        nanos += System.nanoTime() - t;
        calls++;
        return m;
    }

    @TearDown
    public void tearDown() {
        double gflops = ExactAttention.flops(in, which.length) * calls / nanos;
        double peak = org.hardchain.util.FmaPeak.measure(2, 600);
        System.out.printf("%n[%s rows=%d] %.2f GFLOP/s-equivalent in the last iteration; FMA peak now %.1f GFLOP/s"
                + " (2 threads): %.0f%%%n", shape, which.length, gflops, peak, 100 * gflops / peak);
    }
}
