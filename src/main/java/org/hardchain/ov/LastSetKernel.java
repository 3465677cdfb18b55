package org.hardchain.ov;

/**
 * The inner loop of {@link FastOvSolver}: given the AND {@code f} of the first k-1 vectors
 * of a tuple, restricted to its nonzero words, scan the last set for vectors {@code b} with
 * {@code f & b = 0}. The last set is word-major ({@link OvInstance}): word {@code w} of
 * vector i is {@code last[w * n + i]}; the caller passes {@code off[j] = w_j * n} for the
 * j-th nonzero word {@code w_j} and its fold value {@code f[j]} (nonzero), j &lt; {@code a},
 * {@code a >= 1}.
 */
interface LastSetKernel {
    /** The number of i in [0, n) with {@code f[j] & last[off[j] + i] == 0} for all j &lt; a. */
    long count(long[] f, int[] off, int a, long[] last, int n);

    /** The least such i, or -1. */
    int first(long[] f, int[] off, int a, long[] last, int n);

    /** A short name for reports ("scalar", "Vector API 512-bit"). */
    String name();

    /** The Vector API kernel when {@code simd} and {@link org.hardchain.util.Simd#available()}, else scalar. */
    static LastSetKernel choose(boolean simd) {
        if (simd && org.hardchain.util.Simd.available()) {
            try {
                return (LastSetKernel) Class.forName("org.hardchain.ov.VectorLastSetKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return ScalarLastSetKernel.INSTANCE;
            }
        }
        return ScalarLastSetKernel.INSTANCE;
    }
}
