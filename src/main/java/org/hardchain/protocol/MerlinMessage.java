package org.hardchain.protocol;

import java.util.Arrays;

/**
 * Merlin's proof psi, a codeword of RS(k(w-1)+1) given by its values at the L points
 * (THEORY.md §7, step 2). A message that is zero on the w systematic points has an id in
 * {@code [0, p^{(k-1)(w-1)})}: its values at the points {@code w, ..., k(w-1)} are the
 * base-p digits of the id, least significant first (see
 * {@link MerlinArthurProtocol#merlinMessage(long)}). Any other message is rejected
 * outright by Alice and has no id ({@link #id()} is -1).
 *
 * <p>This class is immutable.
 */
public final class MerlinMessage {
    private final int[] values;
    private final long id;
    private final boolean zeroOnSystematic;

    MerlinMessage(int[] values, long id, boolean zeroOnSystematic) {
        this.values = values;
        this.id = id;
        this.zeroOnSystematic = zeroOnSystematic;
    }

    /** psi(s) at point s. */
    public int value(int point) {
        return values[point];
    }

    /** The codeword psi(0), ..., psi(L-1) (a copy). */
    public int[] codeword() {
        return values.clone();
    }

    /** Whether psi vanishes on the systematic points 0..w-1 (otherwise Alice rejects outright). */
    public boolean zeroOnSystematicPoints() {
        return zeroOnSystematic;
    }

    /** The id in [0, p^{(k-1)(w-1)}) of a message that is zero on the systematic points, else -1. */
    public long id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MerlinMessage m && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return (id >= 0 ? "#" + id + " " : "") + Arrays.toString(values);
    }
}
