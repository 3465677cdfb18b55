package org.hardchain.ov;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel: {@code L} vectors of the last set per step (L = 8 with AVX-512).
 * One load and AND with the first fold word decides the step when no lane is zero there
 * (the common case: the caller puts the fold's most selective word first); only lanes of
 * steps that survive the first word are finished word by word. No vector value is carried
 * across loop iterations, so C2 keeps everything in registers. Loaded only when
 * {@link org.hardchain.util.Simd#available()} (via {@link LastSetKernel#choose}); the tail
 * of fewer than L vectors runs scalar.
 */
final class VectorLastSetKernel implements LastSetKernel {
    private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;

    @Override
    public long count(long[] f, int[] off, int a, long[] last, int n) {
        int step = S.length();
        int bound = S.loopBound(n);
        long f0 = f[0];
        int o0 = off[0];
        long cnt = 0;
        int i = 0;
        if (a == 1) {
            for (; i < bound; i += step) {
                cnt += LongVector.fromArray(S, last, o0 + i).and(f0).eq(0L).trueCount();
            }
        } else {
            for (; i < bound; i += step) {
                VectorMask<Long> zero = LongVector.fromArray(S, last, o0 + i).and(f0).eq(0L);
                if (zero.anyTrue()) {
                    cnt += ScalarLastSetKernel.INSTANCE.countFrom(f, off, a, last, i + step, i);
                }
            }
        }
        return cnt + ScalarLastSetKernel.INSTANCE.countFrom(f, off, a, last, n, i);
    }

    @Override
    public int first(long[] f, int[] off, int a, long[] last, int n) {
        int step = S.length();
        int bound = S.loopBound(n);
        long f0 = f[0];
        int o0 = off[0];
        int i = 0;
        for (; i < bound; i += step) {
            VectorMask<Long> zero = LongVector.fromArray(S, last, o0 + i).and(f0).eq(0L);
            if (zero.anyTrue()) {
                if (a == 1) {
                    return i + zero.firstTrue();
                }
                int hit = ScalarLastSetKernel.INSTANCE.firstFrom(f, off, a, last, i + step, i);
                if (hit >= 0) {
                    return hit;
                }
            }
        }
        return ScalarLastSetKernel.INSTANCE.firstFrom(f, off, a, last, n, i);
    }

    @Override
    public String name() {
        return "Vector API " + S.vectorBitSize() + "-bit";
    }
}
