package org.hardchain.cli;

import org.hardchain.protocol.ProtocolParameters;
import picocli.CommandLine.Option;

/**
 * The optional code parameters of the Merlin-Arthur protocol (THEORY §6-§7): code length L,
 * repetitions ell and prime p. A picocli mixin shared by every command that runs the protocol
 * ({@code protocol}, {@code ov2maxip}, {@code audit}, {@code explain}); unset values take the
 * defaults of {@link ProtocolParameters#withDefaults}.
 */
public final class CodeOptions {
    @Option(names = "--length", paramLabel = "L",
            description = "Code length L (default max(1, 2k(w-1)): soundness 1/2 per repetition).")
    Integer length;

    @Option(names = "--reps", paramLabel = "ELL", description = "Repetitions ell (default 1).")
    Integer reps;

    @Option(names = "--prime", paramLabel = "P",
            description = "Prime p (default the smallest prime with p >= L and p > T = ceil(m/w)).")
    Long prime;

    /** The protocol's parameters for order k, universe m and block size w, with these options. */
    ProtocolParameters parameters(int k, int m, int w) {
        return ProtocolParameters.withDefaults(k, m, w, length, reps, prime);
    }
}
