package org.hardchain.maxip;

/** Exact Max-IP: for each of Alice's vectors, its maximum k-wise inner product and an arg max. */
public interface MaxIpSolver {
    /** Solves {@code inst} exactly. */
    MaxIpResult solve(MaxIpInstance inst);
}
