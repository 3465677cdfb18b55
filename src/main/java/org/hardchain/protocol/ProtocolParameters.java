package org.hardchain.protocol;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hardchain.code.PrimeField;
import org.hardchain.util.UsageException;

/**
 * The parameters of the (k+1)-party Merlin-Arthur protocol for k-party set disjointness
 * (Alman &amp; Song 2023, Theorem 4.5; Rubinstein 2018; Abboud, Rubinstein &amp; Williams
 * 2017), THEORY.md §7:
 * order k (players), universe size m, block size w, blocks {@code T = ceil(m/w)}, code
 * length L, repetitions ell and prime p.
 *
 * <p>Feasible iff {@code k >= 2}, {@code m >= 0}, {@code w >= 1}, {@code ell >= 1},
 * p prime below 2^31, {@code p > T} (so the sum of T products of bits never wraps around
 * mod p), {@code p >= L} (L distinct evaluation points) and {@code L >= k(w-1)+1} (the
 * honest proof lies in RS(k(w-1)+1)). Defaults: {@code L = max(1, 2k(w-1))} (soundness
 * 1/2 per repetition) and p the smallest prime with {@code p >= L} and {@code p > T}.
 *
 * <p>This class is immutable.
 */
public final class ProtocolParameters {
    private final int order;
    private final int universe;
    private final int blockSize;
    private final int blocks;
    private final int length;
    private final int reps;
    private final PrimeField field;

    private ProtocolParameters(int order, int universe, int blockSize, int length, int reps, PrimeField field) {
        this.order = order;
        this.universe = universe;
        this.blockSize = blockSize;
        this.blocks = blocks(universe, blockSize);
        this.length = length;
        this.reps = reps;
        this.field = field;
    }

    private static int blocks(int universe, int blockSize) {
        return (int) (((long) universe + blockSize - 1) / blockSize);
    }

    /**
     * Validated parameters, every one given explicitly.
     *
     * @throws UsageException naming the offending values if the combination is infeasible
     */
    public static ProtocolParameters of(int order, int universe, int blockSize, int length, int reps, long prime) {
        checkBasic(order, universe, blockSize, reps);
        int t = blocks(universe, blockSize);
        long need = proofDimension(order, blockSize);
        if (length < need) {
            throw new UsageException("length L = " + length + " must be >= k(w-1)+1 = " + need
                    + " for k = " + order + ", w = " + blockSize + " (the honest proof lies in RS(k(w-1)+1))");
        }
        if (prime <= t) {
            throw new UsageException("prime p = " + prime + " must exceed the number of blocks T = ceil(m/w) = " + t
                    + " (m = " + universe + ", w = " + blockSize + ")");
        }
        if (prime < length) {
            throw new UsageException("prime p = " + prime + " must be >= the length L = " + length
                    + " (the L evaluation points must be distinct in F_p)");
        }
        PrimeField field = PrimeField.of(prime);
        return new ProtocolParameters(order, universe, blockSize, length, reps, field);
    }

    /**
     * Parameters with defaults for the ones given as {@code null}: {@code L = max(1, 2k(w-1))},
     * {@code ell = 1}, p the smallest prime with {@code p >= L} and {@code p > T}.
     */
    public static ProtocolParameters withDefaults(int order, int universe, int blockSize,
                                                  Integer length, Integer reps, Long prime) {
        int ell = reps != null ? reps : 1;
        checkBasic(order, universe, blockSize, ell);
        int l;
        if (length != null) {
            l = length;
        } else {
            long def = defaultLength(order, blockSize);
            if (def > Integer.MAX_VALUE) {
                throw new UsageException("default length 2k(w-1) = " + def + " is too large for k = " + order
                        + ", w = " + blockSize);
            }
            l = (int) def;
        }
        if (l < 1) {
            throw new UsageException("length L = " + l + " must be >= 1");
        }
        long p = prime != null ? prime : defaultPrime(blocks(universe, blockSize), l);
        return of(order, universe, blockSize, l, ell, p);
    }

    /** The default length {@code max(1, 2k(w-1))}: soundness {@code k(w-1)/L = 1/2} per repetition. */
    public static long defaultLength(int order, int blockSize) {
        return Math.max(1L, 2L * order * (blockSize - 1L));
    }

    /** The default prime: the smallest prime p with {@code p >= L} and {@code p > T}. */
    public static long defaultPrime(int blocks, int length) {
        return PrimeField.smallestPrimeAtLeast(Math.max((long) length, (long) blocks + 1));
    }

    private static void checkBasic(int order, int universe, int blockSize, int reps) {
        if (order < 2) {
            throw new UsageException("order k = " + order + " must be >= 2 (k players)");
        }
        if (universe < 0) {
            throw new UsageException("universe size m = " + universe + " must be >= 0");
        }
        if (blockSize < 1) {
            throw new UsageException("block size w = " + blockSize + " must be >= 1");
        }
        if (reps < 1) {
            throw new UsageException("repetitions ell = " + reps + " must be >= 1");
        }
        if (proofDimension(order, blockSize) > Integer.MAX_VALUE) {
            throw new UsageException("k(w-1)+1 is too large for k = " + order + ", w = " + blockSize);
        }
    }

    private static long proofDimension(int order, int blockSize) {
        return (long) order * (blockSize - 1L) + 1;
    }

    /** k, the number of players (Alice is player 0). */
    public int order() {
        return order;
    }

    /** m, the universe size; elements are 0..m-1. */
    public int universe() {
        return universe;
    }

    /** w, the block size (the dimension of the code RS(w)). */
    public int blockSize() {
        return blockSize;
    }

    /** T = ceil(m/w), the number of blocks (element e is position e mod w of block e / w). */
    public int blocks() {
        return blocks;
    }

    /** L, the code length (random points are drawn from [L]). */
    public int length() {
        return length;
    }

    /** ell, the number of independent repetitions. */
    public int reps() {
        return reps;
    }

    /** p. */
    public long prime() {
        return field.p();
    }

    public PrimeField field() {
        return field;
    }

    /** k(w-1)+1, the dimension of the proof code RS(k(w-1)+1). */
    public int proofDimension() {
        return (int) proofDimension(order, blockSize);
    }

    /** (k-1)(w-1), the free symbols of a Merlin message that is zero on the w systematic points. */
    public int merlinSymbols() {
        return proofDimension() - blockSize;
    }

    /** p^{(k-1)(w-1)}, the number of Merlin messages that are zero on the systematic points. */
    public BigInteger merlinMessageCount() {
        return BigInteger.valueOf(prime()).pow(merlinSymbols());
    }

    /** L^ell, the number of random strings. */
    public BigInteger randomStrings() {
        return BigInteger.valueOf(length).pow(reps);
    }

    /** Merlin's message in bits: (k-1)(w-1) symbols of ceil(log2 p) bits. */
    public long merlinBits() {
        return (long) merlinSymbols() * field.bitsPerSymbol();
    }

    /** Each of players 2..k sends ell * T symbols of ceil(log2 p) bits. */
    public long playerBits() {
        return (long) reps * blocks * field.bitsPerSymbol();
    }

    /** The public randomness in bits: ell * ceil(log2 L). */
    public long randomBits() {
        return (long) reps * (64 - Long.numberOfLeadingZeros(Math.max(0, length - 1L)));
    }

    /** The soundness bound (k(w-1)/L)^ell. */
    public double soundnessBound() {
        return Math.pow((double) order * (blockSize - 1) / length, reps);
    }

    /** The parameters under the snake_case keys of the JSON reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", order);
        m.put("universe", universe);
        m.put("block_size", blockSize);
        m.put("blocks", blocks);
        m.put("length", length);
        m.put("reps", reps);
        m.put("prime", prime());
        m.put("proof_code_dimension", proofDimension());
        m.put("merlin_messages", merlinMessageCount());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolParameters q && q.order == order && q.universe == universe
                && q.blockSize == blockSize && q.length == length && q.reps == reps && q.field.equals(field);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(order, universe, blockSize, length, reps, field);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "k=%d m=%d w=%d T=%d L=%d ell=%d p=%d",
                order, universe, blockSize, blocks, length, reps, prime());
    }
}
