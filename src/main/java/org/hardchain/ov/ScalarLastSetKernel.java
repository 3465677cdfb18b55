package org.hardchain.ov;

/**
 * The word-loop kernel: one vector of the last set at a time, the first (most selective)
 * fold word first, the other words only for vectors it does not rule out. Cost O(n a)
 * worst case, early exit per vector.
 */
final class ScalarLastSetKernel implements LastSetKernel {
    static final ScalarLastSetKernel INSTANCE = new ScalarLastSetKernel();

    @Override
    public long count(long[] f, int[] off, int a, long[] last, int n) {
        long cnt = 0;
        if (a == 1) {
            long f0 = f[0];
            int o0 = off[0];
            for (int i = 0; i < n; i++) {
                if ((f0 & last[o0 + i]) == 0) {
                    cnt++;
                }
            }
            return cnt;
        }
        return countFrom(f, off, a, last, n, 0);
    }

    @Override
    public int first(long[] f, int[] off, int a, long[] last, int n) {
        return firstFrom(f, off, a, last, n, 0);
    }

    /** {@link #count} restricted to i in [from, n) (the SIMD kernel's tail). */
    long countFrom(long[] f, int[] off, int a, long[] last, int n, int from) {
        long f0 = f[0];
        int o0 = off[0];
        long cnt = 0;
        for (int i = from; i < n; i++) {
            if ((f0 & last[o0 + i]) == 0 && orthogonal(f, off, a, last, i)) {
                cnt++;
            }
        }
        return cnt;
    }

    /** {@link #first} restricted to i in [from, n). */
    int firstFrom(long[] f, int[] off, int a, long[] last, int n, int from) {
        long f0 = f[0];
        int o0 = off[0];
        for (int i = from; i < n; i++) {
            if ((f0 & last[o0 + i]) == 0 && orthogonal(f, off, a, last, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Words 1..a-1 (word 0 was tested by the caller). */
    private static boolean orthogonal(long[] f, int[] off, int a, long[] last, int i) {
        for (int j = 1; j < a; j++) {
            if ((f[j] & last[off[j] + i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
