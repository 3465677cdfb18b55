package org.hardchain.util;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The vector loop of {@link FmaPeak}; loaded only when the Vector API is present. */
final class FmaPeakVector {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private FmaPeakVector() {
    }

    static double flops(int iters) {
        return 2.0 * 12 * S.length() * iters;
    }

    /** 12 independent chains acc = acc * x + y (they converge to 1: no overflow, no subnormals). */
    static double chains(int iters) {
        DoubleVector x = DoubleVector.broadcast(S, 0.999999);
        DoubleVector y = DoubleVector.broadcast(S, 1e-6);
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector a6 = a0;
        DoubleVector a7 = a0;
        DoubleVector a8 = a0;
        DoubleVector a9 = a0;
        DoubleVector a10 = a0;
        DoubleVector a11 = a0;
        for (int i = 0; i < iters; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
