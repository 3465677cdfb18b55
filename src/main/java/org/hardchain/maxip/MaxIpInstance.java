package org.hardchain.maxip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Gap-k-MaxIP instance (THEORY §8; Definition 4.6 of Alman &amp; Song 2023 for k = 3):
 * Alice's set {@code A} and key sets {@code B_1..B_{k-1}} of 0/1 vectors of dimension D',
 * a threshold t and a gap eps. For each {@code a} in A the question is whether
 * {@code max <a, b_1, ..., b_{k-1}> >= t} or {@code <= (1 - eps) t}, where the k-wise inner
 * product counts the coordinates at which all k vectors are 1.
 *
 * <p>Vectors are sparse: each is its support, a strictly increasing array of coordinates in
 * {@code [0, D')}. Sets are numbered as in {@code OvInstance}: set 0 is A, set {@code p} in
 * {@code 1..k-1} is {@code B_p}. Provenance (from {@link OvToMaxIp}): every vector records the
 * index of its source vector in the k-OV instance (set 0 for Alice's vectors, set p for
 * {@code B_p}), and every Alice vector the id of its Merlin message; instances not built
 * from k-OV may put any non-negative numbers there.
 *
 * <p>The gap is stored exactly as {@code 1 - eps} (a {@link Ratio}). This class is
 * immutable; build it with {@link #builder}.
 */
public final class MaxIpInstance {
    private final int order;
    private final int dimension;
    private final long threshold;
    private final Ratio oneMinusEps;
    /** supports[set][index]. */
    private final int[][][] supports;
    /** sources[set][index]. */
    private final int[][] sources;
    private final long[] merlin;

    private MaxIpInstance(int order, int dimension, long threshold, Ratio oneMinusEps,
            int[][][] supports, int[][] sources, long[] merlin) {
        this.order = order;
        this.dimension = dimension;
        this.threshold = threshold;
        this.oneMinusEps = oneMinusEps;
        this.supports = supports;
        this.sources = sources;
        this.merlin = merlin;
    }

    /**
     * Starts an instance.
     *
     * @param order       k >= 2 (number of vector sets, Alice's included)
     * @param dimension   D' >= 0
     * @param threshold   t >= 1
     * @param oneMinusEps {@code 1 - eps} in {@code [0, 1)}, i.e. eps in {@code (0, 1]}
     * @throws IllegalArgumentException on values outside these ranges
     */
    public static Builder builder(int order, int dimension, long threshold, Ratio oneMinusEps) {
        return new Builder(order, dimension, threshold, oneMinusEps);
    }

    /** k, the number of vector sets (Alice's set and k-1 key sets). */
    public int order() {
        return order;
    }

    /** D', the dimension. */
    public int dimension() {
        return dimension;
    }

    /** t, the yes-threshold. */
    public long threshold() {
        return threshold;
    }

    /** {@code 1 - eps}, exactly. */
    public Ratio oneMinusEps() {
        return oneMinusEps;
    }

    /** eps, exactly. */
    public Ratio eps() {
        return oneMinusEps.oneMinus();
    }

    /** Number of vectors of set {@code set} (0 = A, p = B_p). */
    public int size(int set) {
        checkSet(set);
        return supports[set].length;
    }

    /** Number of ones of vector {@code index} of set {@code set}. */
    public int weight(int set, int index) {
        return raw(set, index).length;
    }

    /** The support (sorted coordinates of the ones) of a vector, as a fresh array. */
    public int[] support(int set, int index) {
        return raw(set, index).clone();
    }

    /** Whether coordinate {@code c} of a vector is 1. */
    public boolean get(int set, int index, int c) {
        return Arrays.binarySearch(raw(set, index), c) >= 0;
    }

    /** Index of the source vector (in OV set {@code set}) of a vector. */
    public int source(int set, int index) {
        raw(set, index);
        return sources[set][index];
    }

    /** The Merlin message id of Alice's vector {@code index}. */
    public long merlin(int index) {
        raw(0, index);
        return merlin[index];
    }

    /** Total number of ones over all vectors. */
    public long ones() {
        long s = 0;
        for (int[][] set : supports) {
            for (int[] v : set) {
                s += v.length;
            }
        }
        return s;
    }

    /** Whether an inner product {@code ip} is in the yes case: {@code ip >= t}. */
    public boolean isYes(long ip) {
        return ip >= threshold;
    }

    /** Whether an inner product {@code ip} is in the no case: {@code ip <= (1 - eps) t}, exactly. */
    public boolean isNo(long ip) {
        return oneMinusEps.timesAtLeast(ip, threshold);
    }

    /**
     * The k-wise inner product {@code <a_alice, b_1[keys[0]], ..., b_{k-1}[keys[k-2]]>}: the number
     * of coordinates of Alice's vector that are 1 in every key vector. Cost
     * O(|supp a| * k log D'). A reference computation, independent of the solvers.
     */
    public int innerProduct(int alice, int... keys) {
        if (keys.length != order - 1) {
            throw new IllegalArgumentException("a key tuple of order " + order + " has " + (order - 1)
                    + " indices, got " + keys.length);
        }
        int[] a = raw(0, alice);
        int[][] b = new int[keys.length][];
        for (int p = 0; p < keys.length; p++) {
            b[p] = raw(p + 1, keys[p]);
        }
        int ip = 0;
        for (int c : a) {
            boolean all = true;
            for (int[] bp : b) {
                if (Arrays.binarySearch(bp, c) < 0) {
                    all = false;
                    break;
                }
            }
            if (all) {
                ip++;
            }
        }
        return ip;
    }

    /** The backing support array, not copied (solvers in this package only). */
    int[] raw(int set, int index) {
        checkSet(set);
        if (index < 0 || index >= supports[set].length) {
            throw new IndexOutOfBoundsException("vector " + index + " of set " + set + " (size "
                    + supports[set].length + ")");
        }
        return supports[set][index];
    }

    private void checkSet(int set) {
        if (set < 0 || set >= order) {
            throw new IndexOutOfBoundsException("set " + set + " of an order-" + order + " instance");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Gap-" + order + "-MaxIP(D'=" + dimension + ", t=" + threshold
                + ", eps=" + eps() + ", sizes");
        for (int[][] set : supports) {
            s.append(' ').append(set.length);
        }
        return s.append(", ones=").append(ones()).append(')').toString();
    }

    /** Collects vectors, validating each as it is added; {@link #build} hands them over. */
    public static final class Builder {
        private final int order;
        private final int dimension;
        private final long threshold;
        private final Ratio oneMinusEps;
        private final List<List<int[]>> supports = new ArrayList<>();
        private final List<IntList> sources = new ArrayList<>();
        private long[] merlin = new long[16];
        private boolean built;
        private boolean owned;

        private Builder(int order, int dimension, long threshold, Ratio oneMinusEps) {
            if (order < 2) {
                throw new IllegalArgumentException("order k = " + order + " must be at least 2");
            }
            if (dimension < 0) {
                throw new IllegalArgumentException("dimension D' = " + dimension + " must be >= 0");
            }
            if (threshold < 1) {
                throw new IllegalArgumentException("threshold t = " + threshold + " must be >= 1");
            }
            if (oneMinusEps.num() >= oneMinusEps.den()) {
                throw new IllegalArgumentException("1 - eps = " + oneMinusEps + " must be below 1 (eps > 0)");
            }
            this.order = order;
            this.dimension = dimension;
            this.threshold = threshold;
            this.oneMinusEps = oneMinusEps;
            for (int s = 0; s < order; s++) {
                supports.add(new ArrayList<>());
                sources.add(new IntList());
            }
        }

        /** Adds a vector to Alice's set; {@code support} is copied. */
        public Builder alice(int source, long merlinId, int[] support) {
            if (merlinId < 0) {
                throw new IllegalArgumentException("Merlin message id " + merlinId + " must be >= 0");
            }
            int i = supports.get(0).size();
            add(0, source, support);
            if (i == merlin.length) {
                merlin = Arrays.copyOf(merlin, 2 * i);
            }
            merlin[i] = merlinId;
            return this;
        }

        /** Adds a vector to key set {@code B_set} ({@code 1 <= set <= k-1}); {@code support} is copied. */
        public Builder key(int set, int source, int[] support) {
            if (set < 1 || set >= order) {
                throw new IllegalArgumentException("key set " + set + " is not in 1.." + (order - 1));
            }
            add(set, source, support);
            return this;
        }

        /** {@link #alice} without copying {@code support} (the caller gives it up; this package only). */
        Builder aliceOwned(int source, long merlinId, int[] support) {
            owned = true;
            try {
                return alice(source, merlinId, support);
            } finally {
                owned = false;
            }
        }

        /** {@link #key} without copying {@code support} (the caller gives it up; this package only). */
        Builder keyOwned(int set, int source, int[] support) {
            owned = true;
            try {
                return key(set, source, support);
            } finally {
                owned = false;
            }
        }

        /** Number of vectors added so far to set {@code set}. */
        public int size(int set) {
            return supports.get(set).size();
        }

        private void add(int set, int source, int[] support) {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            if (source < 0) {
                throw new IllegalArgumentException("source index " + source + " must be >= 0");
            }
            int prev = -1;
            for (int j = 0; j < support.length; j++) {
                int c = support[j];
                if (c <= prev || c >= dimension) {
                    throw new IllegalArgumentException("support of vector " + supports.get(set).size()
                            + " of set " + set + ": coordinate " + c + " at position " + j
                            + (c >= dimension ? " is outside [0, " + dimension + ")"
                                    : " does not exceed the previous one, " + prev));
                }
                prev = c;
            }
            supports.get(set).add(owned ? support : support.clone());
            sources.get(set).add(source);
        }

        /** The instance; the builder cannot be used afterwards. */
        public MaxIpInstance build() {
            built = true;
            int[][][] sup = new int[order][][];
            int[][] src = new int[order][];
            for (int s = 0; s < order; s++) {
                sup[s] = supports.get(s).toArray(new int[0][]);
                supports.get(s).clear();
                src[s] = sources.get(s).toArray();
            }
            return new MaxIpInstance(order, dimension, threshold, oneMinusEps, sup, src,
                    Arrays.copyOf(merlin, sup[0].length));
        }
    }

    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = x;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
