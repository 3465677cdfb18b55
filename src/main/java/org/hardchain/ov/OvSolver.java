package org.hardchain.ov;

import java.util.Optional;

/**
 * An exact k-OV solver (THEORY §5). Every implementation gives the same answers: tests
 * compare {@link FastOvSolver} with {@link NaiveOvSolver} on many seeded instances.
 */
public interface OvSolver {
    /**
     * The lexicographically first orthogonal tuple (index in set 0 first), if any. An
     * instance with an empty set has none; with dimension 0 every tuple is orthogonal.
     */
    Optional<int[]> findTuple(OvInstance instance);

    /**
     * The number of orthogonal tuples.
     *
     * @throws ArithmeticException if the count exceeds {@code Long.MAX_VALUE}
     */
    long countTuples(OvInstance instance);

    /**
     * For each vector a of set 0, whether some orthogonal tuple contains it (a has an
     * orthogonal "partner" tuple in sets 1..k-1). This is the per-row answer the Max-IP and
     * attention stages must reproduce.
     */
    boolean[] hasPartner(OvInstance instance);
}
