package org.hardchain.util;

/**
 * Whether the JDK Vector API ({@code jdk.incubator.vector}) can be used.
 *
 * <p>In Java 17 the Vector API is an incubator module that is only resolved when the JVM is
 * started with {@code --add-modules jdk.incubator.vector} (the launcher and the test runner
 * pass it). Fast kernels keep every reference to {@code jdk.incubator.vector} types inside
 * classes that are loaded only when {@link #available()} is true, and fall back to scalar
 * loops otherwise, so the code works, slower, without the module.
 *
 * <p>The system property {@code hardchain.simd=false} forces the scalar path (tests use it to
 * cover both paths).
 */
public final class Simd {
    private static final boolean AVAILABLE = detect();

    private Simd() {
    }

    /** True when the Vector API module is present and not disabled. */
    public static boolean available() {
        return AVAILABLE && !"false".equalsIgnoreCase(System.getProperty("hardchain.simd"));
    }

    /** A short description for reports, e.g. {@code "Vector API (256-bit)"} or {@code "scalar"}. */
    public static String describe() {
        if (!available()) {
            return "scalar (jdk.incubator.vector not loaded)";
        }
        try {
            Class<?> species = Class.forName("org.hardchain.util.SimdInfo");
            return (String) species.getMethod("describe").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return "Vector API";
        }
    }

    private static boolean detect() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
