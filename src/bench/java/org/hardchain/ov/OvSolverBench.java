package org.hardchain.ov;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tuple checks per second of the k-OV solvers: k = 3, 1024 vectors per set (2^30 tuples),
 * random vectors of density 1/2 in dimension 64 and 200, count mode (every tuple is
 * decided, no early exit). The score is tuples per second: each invocation counts
 * 2^30 tuples ({@link OperationsPerInvocation}).
 *
 * <pre>
 * mvn -B -o -Pbench -DskipTests package exec:exec -Djmh.args="OvSolverBench -f 1 -wi 2 -i 3"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(OvSolverBench.TUPLES)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class OvSolverBench {
    static final int N = 1024;
    static final int TUPLES = N * N * N;

    @Param({"64", "200"})
    public int dimension;

    private OvInstance instance;
    private FastOvSolver fast;
    private FastOvSolver fastScalar;
    private FastOvSolver fastOneThread;
    private NaiveOvSolver naive;

    @Setup(Level.Trial)
    public void setUp() {
        instance = OvGenerators.random(dimension, new int[] {N, N, N}, 0.5, 20261204L);
        fast = new FastOvSolver();
        fastScalar = new FastOvSolver(Runtime.getRuntime().availableProcessors(), false);
        fastOneThread = new FastOvSolver(1, true);
        naive = new NaiveOvSolver();
    }

    /** All cores, Vector API kernel. */
    @Benchmark
    public long fast() {
        return fast.countTuples(instance);
    }

    /** All cores, scalar kernel (as with -Dhardchain.simd=false). */
    @Benchmark
    public long fastScalar() {
        return fastScalar.countTuples(instance);
    }

    /** One thread, Vector API kernel. */
    @Benchmark
    public long fastOneThread() {
        return fastOneThread.countTuples(instance);
    }

    /** The reference: every tuple, every coordinate through get(). */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1, time = 1)
    public long naive() {
        return naive.countTuples(instance);
    }
}
