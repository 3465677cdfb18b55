package org.hardchain.util;

/**
 * Thrown before a large allocation whose estimated size exceeds the limit the user set.
 * The message states the estimate, the limit and how to raise it.
 */
public final class ResourceLimitException extends UsageException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitException(String message) {
        super(message);
    }

    /**
     * Refuses when {@code estimate > limit}.
     *
     * @param what   what would be allocated, e.g. {@code "Gap-3-MaxIP instance"}
     * @param estimate estimated size in the unit {@code unit}
     * @param limit  the user's limit in the same unit
     * @param unit   e.g. {@code "bytes"} or {@code "Merlin messages"}
     * @param option the option that raises the limit, e.g. {@code "--max-bytes"}
     */
    public static void check(String what, double estimate, double limit, String unit, String option) {
        if (estimate > limit) {
            throw new ResourceLimitException(String.format(java.util.Locale.ROOT,
                    "%s would need about %s %s, above the limit of %s %s; raise it with %s",
                    what, human(estimate), unit, human(limit), unit, option));
        }
    }

    /** Formats a count compactly: 1234 -> "1234", 3.2e9 -> "3.20e9". */
    public static String human(double x) {
        if (x < 1e6 && x == Math.rint(x)) {
            return Long.toString((long) x);
        }
        return String.format(java.util.Locale.ROOT, "%.2e", x).replace("e+0", "e").replace("e+", "e");
    }
}
