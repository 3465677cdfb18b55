package org.hardchain.protocol;

import java.util.BitSet;

/**
 * One player's input set {@code x} and its encoding {@code E_t = RS-encode(x_t)} for every
 * block t (THEORY.md §7, step 1): the symbol {@code E_t(s)} for every block t and point s.
 * Built by {@link MerlinArthurProtocol#encode(BitSet)}.
 *
 * <p>This class is immutable.
 */
public final class SetEncoding {
    private final BitSet set;
    private final int blocks;
    private final int length;
    /** symbols[s * blocks + t] = E_t(s). */
    private final int[] symbols;

    SetEncoding(BitSet set, int blocks, int length, int[] symbols) {
        this.set = set;
        this.blocks = blocks;
        this.length = length;
        this.symbols = symbols;
    }

    /** The set (a copy). */
    public BitSet set() {
        return (BitSet) set.clone();
    }

    /** Whether element e is in the set. */
    public boolean contains(int e) {
        return set.get(e);
    }

    /** T, the number of blocks. */
    public int blocks() {
        return blocks;
    }

    /** L, the number of points. */
    public int length() {
        return length;
    }

    /** {@code E_t(s)}: the codeword of block t at point s. */
    public int symbol(int point, int block) {
        return symbols[point * blocks + block];
    }

    /** The codeword {@code E_t} of block t (L symbols). */
    public int[] codeword(int block) {
        int[] c = new int[length];
        for (int s = 0; s < length; s++) {
            c[s] = symbols[s * blocks + block];
        }
        return c;
    }

    /** The T symbols {@code E_0(s), ..., E_{T-1}(s)} at point s: what the player sends for one repetition. */
    public PlayerMessage column(int point) {
        int[] c = new int[blocks];
        System.arraycopy(symbols, point * blocks, c, 0, blocks);
        return new PlayerMessage(c);
    }

    int[] raw() {
        return symbols;
    }

    @Override
    public String toString() {
        return "SetEncoding" + set;
    }
}
