package org.hardchain.ov;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel: {@code L} vectors of the last set per step (L = 8 with AVX-512),
 * one load per nonzero fold word; the word loop stops as soon as no lane can still be
 * orthogonal. Loaded only when {@link org.hardchain.util.Simd#available()} (via
 * {@link LastSetKernel#choose}); the tail of fewer than L vectors runs scalar.
 */
final class VectorLastSetKernel implements LastSetKernel {
    private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;

    @Override
    public long count(long[] f, int[] off, int a, long[] last, int n) {
        int step = S.length();
        int bound = S.loopBound(n);
        long cnt = 0;
        int i = 0;
        if (a == 1) {
            long f0 = f[0];
            int o0 = off[0];
            for (; i < bound; i += step) {
                cnt += LongVector.fromArray(S, last, o0 + i).and(f0).eq(0L).trueCount();
            }
        } else {
            for (; i < bound; i += step) {
                VectorMask<Long> zero = lanes(f, off, a, last, i);
                cnt += zero.trueCount();
            }
        }
        return cnt + ScalarLastSetKernel.INSTANCE.countFrom(f, off, a, last, n, i);
    }

    @Override
    public int first(long[] f, int[] off, int a, long[] last, int n) {
        int step = S.length();
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += step) {
            VectorMask<Long> zero = lanes(f, off, a, last, i);
            if (zero.anyTrue()) {
                return i + zero.firstTrue();
            }
        }
        return ScalarLastSetKernel.INSTANCE.firstFrom(f, off, a, last, n, i);
    }

    /** The lanes i..i+L-1 that are orthogonal to the fold. */
    private static VectorMask<Long> lanes(long[] f, int[] off, int a, long[] last, int i) {
        LongVector acc = LongVector.fromArray(S, last, off[0] + i).and(f[0]);
        VectorMask<Long> zero = acc.eq(0L);
        for (int j = 1; j < a && zero.anyTrue(); j++) {
            acc = acc.or(LongVector.fromArray(S, last, off[j] + i).and(f[j]));
            zero = acc.compare(VectorOperators.EQ, 0L);
        }
        return zero;
    }

    @Override
    public String name() {
        return "Vector API " + S.vectorBitSize() + "-bit";
    }
}
