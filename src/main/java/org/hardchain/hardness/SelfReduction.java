package org.hardchain.hardness;

import java.io.IOException;
import java.util.Arrays;

/**
 * Search from decision (THEORY §10): given a query row the oracle decided YES, find a key tuple
 * reaching t by binary search with oracle calls only. For key set p = 1..k-1 in turn, keep the
 * first half of the candidates if the oracle still says YES on the restricted instance (the
 * earlier sets fixed to their found vector, the later ones full), else the second half. The
 * Max-IP promise holds for every restriction (soundness is per tuple), and
 * {@link AttentionReduction#restrict} re-derives the threshold, so with an oracle within
 * eps_a each step is right. Calls: {@code sum_p ceil(log2 n_p) <= (k-1) ceil(log2 n)}, each on
 * one query row at cost O(prod_p n_p' d).
 */
public final class SelfReduction {
    private SelfReduction() {
    }

    /**
     * The outcome.
     *
     * @param aliceVector the Alice vector of the YES row
     * @param keyVectors  the key vectors found, one per key set
     * @param calls       oracle calls made
     * @param bound       {@code sum_p ceil(log2 n_p)}
     */
    public record Witness(int aliceVector, int[] keyVectors, int calls, int bound) {
        @Override
        public int[] keyVectors() {
            return keyVectors.clone();
        }
    }

    /** The calls {@link #recover} makes at most: {@code sum_p ceil(log2 n_p)}. */
    public static int callBound(AttentionReduction red) {
        int b = 0;
        for (int p = 1; p < red.instance().order(); p++) {
            int n = red.keyRows(p).length;
            b += 32 - Integer.numberOfLeadingZeros(Math.max(0, n - 1));
        }
        return b;
    }

    /**
     * Binary search for row {@code row} (a position among {@code red}'s query rows).
     *
     * @throws IOException from an external oracle
     */
    public static Witness recover(AttentionReduction red, int row, AttentionOracle oracle) throws IOException {
        int k = red.instance().order();
        int[] alice = {red.aliceRows()[row]};
        int[][] cand = new int[k - 1][];
        for (int p = 1; p < k; p++) {
            cand[p - 1] = red.keyRows(p);
        }
        int calls = 0;
        for (int p = 0; p < k - 1; p++) {
            while (cand[p].length > 1) {
                int mid = (cand[p].length + 1) / 2;
                int[] first = Arrays.copyOf(cand[p], mid);
                int[] second = Arrays.copyOfRange(cand[p], mid, cand[p].length);
                int[][] trial = cand.clone();
                trial[p] = first;
                AttentionReduction sub = red.restrict(alice, trial);
                double out = oracle.outputs(sub.input(), new int[] {0})[0];
                calls++;
                cand[p] = sub.decide(out) ? first : second;
            }
        }
        int[] keys = new int[k - 1];
        for (int p = 0; p < k - 1; p++) {
            keys[p] = cand[p][0];
        }
        return new Witness(alice[0], keys, calls, callBound(red));
    }
}
