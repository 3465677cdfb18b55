package org.hardchain.util;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;

/** Loaded only when the Vector API is present (see {@link Simd}). */
final class SimdInfo {
    private SimdInfo() {
    }

    public static String describe() {
        return "Vector API (" + DoubleVector.SPECIES_PREFERRED.vectorBitSize() + "-bit doubles, "
                + LongVector.SPECIES_PREFERRED.vectorBitSize() + "-bit longs)";
    }
}
