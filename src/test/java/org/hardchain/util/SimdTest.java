package org.hardchain.util;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimdTest {
    @Test
    void testRunnerLoadsTheVectorModule() {
        // The surefire configuration passes --add-modules jdk.incubator.vector.
        assertTrue(Simd.available(), Simd.describe());
        assertTrue(Simd.describe().startsWith("Vector API"), Simd.describe());
    }
}
