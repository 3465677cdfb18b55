package org.hardchain.maxip;

import java.util.concurrent.TimeUnit;
import org.hardchain.ov.OvGenerators;
import org.hardchain.ov.OvInstance;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.util.Progress;
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
 * Exact Max-IP: the representation choice of {@link FastMaxIp} (key bitsets, Alice's vector
 * as its list of non-zero words) against the same depth-first search with prefix pruning on
 * sorted index arrays (merge intersection), both on one thread, and FastMaxIp on all threads.
 * Instances: "reduction" is OvToMaxIp of a random 3-OV instance (m = 40, 16 vectors per set,
 * density 0.5, w = 2, defaults L = 6, p = 23: |A'| = 8464, D' about 1500); "random" has
 * independent coordinates of density 0.02, D' = 4096, |A| = 2000, |B_1| = |B_2| = 40.
 *
 * <pre>
 * mvn -B -o -Pbench -DskipTests package exec:exec -Djmh.args="MaxIpSolverBench -f 1 -wi 2 -i 3"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class MaxIpSolverBench {

    @Param({"reduction", "random"})
    public String instance;

    private MaxIpInstance inst;
    private FastMaxIp fastAll;
    private FastMaxIp fastOne;

    @Setup(Level.Trial)
    public void setUp() {
        if (instance.equals("reduction")) {
            OvInstance ov = OvGenerators.random(40, new int[] {16, 16, 16}, 0.5, 20261204L);
            ProtocolParameters params = ProtocolParameters.withDefaults(3, 40, 2, null, 1, null);
            inst = OvToMaxIp.of(ov, params, Long.MAX_VALUE).build(Long.MAX_VALUE, 2, Progress.silent());
        } else {
            inst = MaxIpGenerators.random(4096, 0.02, 20261204L, 2000, 40, 40);
        }
        fastAll = new FastMaxIp();
        fastOne = new FastMaxIp(1, Long.MAX_VALUE, Progress.silent());
    }

    /** FastMaxIp on all processors. */
    @Benchmark
    public MaxIpResult bitsetsAllThreads() {
        return fastAll.solve(inst);
    }

    /** FastMaxIp on one thread. */
    @Benchmark
    public MaxIpResult bitsetsOneThread() {
        return fastOne.solve(inst);
    }

    /** The same search on sorted index arrays (merge intersection), one thread. */
    @Benchmark
    public int[] sortedArraysOneThread() {
        int k = inst.order();
        int n = inst.size(0);
        int[] max = new int[n];
        int cap = 0;
        for (int i = 0; i < n; i++) {
            cap = Math.max(cap, inst.weight(0, i));
        }
        int[][] prefix = new int[k][cap];
        int[] best = new int[1];
        for (int i = 0; i < n; i++) {
            int[] a = inst.raw(0, i);
            System.arraycopy(a, 0, prefix[0], 0, a.length);
            best[0] = -1;
            search(1, a.length, prefix, best, a.length);
            max[i] = best[0];
        }
        return max;
    }

    private boolean search(int set, int len, int[][] prefix, int[] best, int bound) {
        int[] in = prefix[set - 1];
        int[] out = prefix[set];
        for (int j = 0; j < inst.size(set); j++) {
            int[] b = inst.raw(set, j);
            int x = 0;
            int y = 0;
            int n = 0;
            while (x < len && y < b.length) {
                int u = in[x];
                int v = b[y];
                if (u == v) {
                    out[n++] = u;
                    x++;
                    y++;
                } else if (u < v) {
                    x++;
                } else {
                    y++;
                }
            }
            if (n > best[0]) {
                if (set == inst.order() - 1) {
                    best[0] = n;
                    if (n == bound) {
                        return true;
                    }
                } else if (search(set + 1, n, prefix, best, bound)) {
                    return true;
                }
            }
        }
        return false;
    }
}
