package org.hardchain.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimdTest {
    /** The default surefire run passes --add-modules jdk.incubator.vector; a second run does not. */
    private static final boolean EXPECTED = !"false".equals(System.getProperty("hardchain.test.expectVectorModule"));

    @Test
    void vectorModuleIsLoadedExactlyWhenTheTestRunnerAddsIt() {
        assertEquals(EXPECTED, Simd.available(), Simd.describe());
        assertTrue(Simd.describe().startsWith(EXPECTED ? "Vector API" : "scalar"), Simd.describe());
    }
}
