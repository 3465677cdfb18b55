package org.hardchain.hardness;

import java.util.Locale;
import org.hardchain.util.UsageException;

/**
 * The two ways THEORY §9 turns a Gap-k-MaxIP instance into attention (Lemma B.1 of Alman &amp;
 * Song 2023, generalized to order k).
 */
public enum Construction {
    /**
     * Ours, the default: one reference row per key matrix whose all-reference tuple scores
     * {@code lambda h_eff}; {@code h_eff} is tuned so the denominator mass sits at
     * {@code sqrt(x_yes x_no)}, which makes the oracle accuracy needed a constant.
     */
    REFERENCE,
    /**
     * The paper's: no reference row; each key matrix {@code K_p} gets {@code n_p} all-zero
     * padding rows ({@code [B; 0]}), whose tuples score 0. The padding mass is then a count
     * of tuples, of order R_t, far below {@code e^{lambda t}}, and the accuracy needed is
     * {@code 1/poly(n)}.
     */
    PAPER;

    /** Lower-case name used on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code reference} or {@code paper}. */
    public static Construction parse(String s) {
        for (Construction c : values()) {
            if (c.id().equals(s)) {
                return c;
            }
        }
        throw new UsageException("construction must be 'reference' or 'paper', got '" + s + "'");
    }
}
