package org.hardchain.code;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch evaluation at all L points and systematic encoding, fast against naive, over
 * F_p with p = 65537 and p = 2^31 - 1 (the largest field, where the matrix-vector
 * product must reduce after every second term): forward differences against Horner at
 * every point, and the precomputed Lagrange basis matrix (general and 0/1 messages of
 * weight D/2, the protocol's case) against interpolate-then-evaluate. Score:
 * microseconds per call.
 *
 * <pre>
 * mvn -B -o -Pbench -DskipTests package exec:exec -Djmh.args="ReedSolomonBench -f 1 -wi 2 -i 3"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReedSolomonBench {
    @Param({"1024"})
    public int length;

    @Param({"4", "32"})
    public int dimension;

    @Param({"65537", "2147483647"})
    public long prime;

    private Polynomial poly;
    private ReedSolomon code;
    private long[] message;
    private int[] support;

    @Setup(Level.Trial)
    public void setUp() {
        PrimeField f = PrimeField.of(prime);
        SplittableRandom rnd = new SplittableRandom(20261204L);
        message = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            message[j] = rnd.nextLong(f.p());
        }
        code = ReedSolomon.systematic(f, length, dimension);
        support = new int[dimension / 2];
        for (int j = 0; j < support.length; j++) {
            support[j] = 2 * j;
        }
        poly = code.polynomial(message);
    }

    @Benchmark
    public long[] evaluateDifferences() {
        return poly.evaluateAtConsecutive(length);
    }

    @Benchmark
    public long[] evaluateHorner() {
        return poly.evaluateAtConsecutiveNaive(length);
    }

    @Benchmark
    public int[] encodeBasisMatrix() {
        return code.encode(message);
    }

    @Benchmark
    public int[] encodeZeroOneSupport() {
        return code.encodeSupport(support);
    }

    @Benchmark
    public int[] encodeInterpolateThenEvaluate() {
        return code.encodeNaive(message);
    }
}
