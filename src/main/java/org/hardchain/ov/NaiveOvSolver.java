package org.hardchain.ov;

import java.util.Optional;

/**
 * The reference k-OV solver: enumerate every tuple in lexicographic order and test every
 * coordinate with {@link OvInstance#get}. Time O(m k prod_p n_p), no shortcuts, one thread.
 * It exists to check {@link FastOvSolver}; use it only on small instances.
 */
public final class NaiveOvSolver implements OvSolver {

    @Override
    public Optional<int[]> findTuple(OvInstance inst) {
        int[] t = new int[inst.order()];
        if (!first(inst, t, 0)) {
            return Optional.empty();
        }
        do {
            if (orthogonal(inst, t)) {
                return Optional.of(t.clone());
            }
        } while (next(inst, t, 0));
        return Optional.empty();
    }

    @Override
    public long countTuples(OvInstance inst) {
        int[] t = new int[inst.order()];
        if (!first(inst, t, 0)) {
            return 0;
        }
        long count = 0;
        do {
            if (orthogonal(inst, t)) {
                count = Math.addExact(count, 1);
            }
        } while (next(inst, t, 0));
        return count;
    }

    @Override
    public boolean[] hasPartner(OvInstance inst) {
        boolean[] out = new boolean[inst.size(0)];
        int[] t = new int[inst.order()];
        for (int a = 0; a < out.length; a++) {
            t[0] = a;
            if (!first(inst, t, 1)) {
                continue;
            }
            do {
                if (orthogonal(inst, t)) {
                    out[a] = true;
                    break;
                }
            } while (next(inst, t, 1));
        }
        return out;
    }

    /** Whether the tuple is orthogonal, coordinate by coordinate. */
    static boolean orthogonal(OvInstance inst, int[] t) {
        for (int c = 0; c < inst.dimension(); c++) {
            boolean all = true;
            for (int p = 0; p < t.length; p++) {
                if (!inst.get(p, t[p], c)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return false;
            }
        }
        return true;
    }

    /** Sets entries from..k-1 to 0; false if one of those sets is empty. */
    private static boolean first(OvInstance inst, int[] t, int from) {
        for (int p = from; p < t.length; p++) {
            if (inst.size(p) == 0) {
                return false;
            }
            t[p] = 0;
        }
        return true;
    }

    /** Advances entries from..k-1 like an odometer (last entry fastest); false when done. */
    private static boolean next(OvInstance inst, int[] t, int from) {
        for (int p = t.length - 1; p >= from; p--) {
            if (++t[p] < inst.size(p)) {
                return true;
            }
            t[p] = 0;
        }
        return false;
    }
}
