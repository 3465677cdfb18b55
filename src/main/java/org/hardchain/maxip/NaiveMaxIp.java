package org.hardchain.maxip;

/**
 * Exact Max-IP by plain loops: for every Alice vector and every key tuple (odometer order),
 * the k-wise inner product counted coordinate by coordinate with
 * {@link MaxIpInstance#innerProduct}. Cost O(|A| prod_p |B_p| * s k log D') for Alice
 * vectors of weight s. The reference the fast solver is tested against; the first tuple
 * (in odometer order, last index fastest) reaching the maximum is the arg max.
 */
public final class NaiveMaxIp implements MaxIpSolver {

    @Override
    public MaxIpResult solve(MaxIpInstance inst) {
        int k = inst.order();
        int n = inst.size(0);
        int[] max = new int[n];
        int[][] argmax = new int[n][];
        int[] sizes = new int[k - 1];
        boolean tuples = true;
        for (int p = 1; p < k; p++) {
            sizes[p - 1] = inst.size(p);
            tuples &= sizes[p - 1] > 0;
        }
        if (!tuples) {
            return MaxIpResult.wrap(max, argmax);
        }
        for (int i = 0; i < n; i++) {
            int[] tuple = new int[k - 1];
            int best = -1;
            while (true) {
                int ip = inst.innerProduct(i, tuple);
                if (ip > best) {
                    best = ip;
                    argmax[i] = tuple.clone();
                }
                int q = k - 2;
                while (q >= 0 && ++tuple[q] == sizes[q]) {
                    tuple[q] = 0;
                    q--;
                }
                if (q < 0) {
                    break;
                }
            }
            max[i] = best;
        }
        return MaxIpResult.wrap(max, argmax);
    }
}
