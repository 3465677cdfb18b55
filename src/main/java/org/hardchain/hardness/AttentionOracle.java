package org.hardchain.hardness;

import java.io.IOException;
import org.hardchain.attention.AttentionInput;

/**
 * Something that answers order-k attention queries (ATAttC_k, THEORY §1): the chain's only
 * access to attention when it decides Gap-k-MaxIP through Lemma B.1. Implementations:
 * {@link ExactOracle}, {@link PolynomialOracle}, {@link ExternalOracle}.
 */
public interface AttentionOracle {
    /**
     * Column 0 of the attention output for query rows {@code rows} of {@code in}
     * ({@code result[x] = Att[rows[x]][0]}).
     *
     * @throws IOException for an external oracle whose files cannot be written or read
     */
    double[] outputs(AttentionInput in, int[] rows) throws IOException;

    /** A short name for reports. */
    String name();

    /** The error bound this oracle promises, or NaN if none is known (exact: round-off only, 0). */
    double promisedError();
}
