package org.hardchain.util;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FMA peak of {@link FmaPeak}: one call does {@code FmaPeak.flopsPerCall(ITERS)} flops
 * (2^20 rounds of 12 independent vector FMA chains = 2 * 12 * lanes * 2^20), so
 * GFLOP/s = flopsPerCall / (us/op * 1000) per thread.
 *
 * <pre>
 * mvn -B -o -Pbench -DskipTests package exec:exec -Djmh.args="FmaPeakBench -f 1 -wi 2 -i 3"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FmaPeakBench {
    static final int ITERS = 1 << 20;

    @Benchmark
    @Threads(1)
    public double oneThread() {
        return FmaPeak.chains(ITERS);
    }

    @Benchmark
    @Threads(2)
    public double twoThreads() {
        return FmaPeak.chains(ITERS);
    }
}
