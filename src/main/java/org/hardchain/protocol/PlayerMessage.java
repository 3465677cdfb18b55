package org.hardchain.protocol;

import java.util.Arrays;

/**
 * What player i >= 2 sends Alice for randomness {@code r = (r_0..r_{ell-1})}: the symbols
 * {@code E^(i)_t(r_j)} for every repetition j and block t, repetition-major
 * (THEORY.md §7, step 4). Equal messages compare equal and hash alike, so a reduction can
 * group inputs by the message they send (THEORY.md §8).
 *
 * <p>This class is immutable.
 */
public final class PlayerMessage {
    private final int[] symbols;
    private final int hash;

    PlayerMessage(int[] symbols) {
        this.symbols = symbols;
        this.hash = Arrays.hashCode(symbols);
    }

    /** The number of symbols, ell * T (or T for one repetition). */
    public int size() {
        return symbols.length;
    }

    /** The symbol at index i ({@code i = rep * T + block}). */
    public int symbol(int i) {
        return symbols[i];
    }

    /** The symbols (a copy). */
    public int[] symbols() {
        return symbols.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlayerMessage m && m.hash == hash && Arrays.equals(m.symbols, symbols);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(symbols);
    }
}
