package org.hardchain.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The grid and settings of one regime-contrast sweep (THEORY.md §11). This record is immutable.
 *
 * @param order        k >= 2
 * @param ns           sequence lengths n (n_q = n_1 = ... = n_{k-1} = n), increasing, distinct
 * @param d            feature dimension (d_v = d)
 * @param bounds       entry bounds B of uniform inputs, increasing, distinct, positive (may be
 *                     empty for inputs that set their own B, {@link Sweep#adversarial})
 * @param epsilon      requested output error eps of the polynomial method
 * @param rows         query rows R on which exact attention is computed: the ground truth for
 *                     the measured errors and the sample the exact time is extrapolated from
 * @param seed         seed of the inputs: for a given n the entries are B times the same seeded
 *                     uniform draws from [-1, 1], so points differ by B alone
 * @param fixedDegree  the degree of the fixed-degree polynomial run (measured error against B)
 * @param repeats      timed runs per method and point; the minimum is reported (robust to load)
 * @param pointSeconds time limit per point: the full exact run is replaced by the extrapolation,
 *                     and the polynomial method is not run, when their predicted time exceeds it
 * @param maxDegree    degree cap of the polynomial method
 */
public record SweepConfig(int order, List<Integer> ns, int d, List<Double> bounds, double epsilon, int rows,
        long seed, int fixedDegree, int repeats, double pointSeconds, int maxDegree) {

    /** Default fixed degree of the error-against-B runs. */
    public static final int DEFAULT_FIXED_DEGREE = 4;
    /** Default timed runs per method and point. */
    public static final int DEFAULT_REPEATS = 3;
    /** Default time limit per point, seconds. */
    public static final double DEFAULT_POINT_SECONDS = 60;

    public SweepConfig {
        if (order < 2) {
            throw new IllegalArgumentException("order k must be >= 2, got " + order);
        }
        ns = List.copyOf(ns);
        bounds = List.copyOf(bounds);
        if (ns.isEmpty()) {
            throw new IllegalArgumentException("need at least one n, got " + ns);
        }
        for (int i = 0; i < ns.size(); i++) {
            if (ns.get(i) < 1 || (i > 0 && ns.get(i) <= ns.get(i - 1))) {
                throw new IllegalArgumentException("n values must be >= 1, increasing and distinct, got " + ns);
            }
        }
        for (int i = 0; i < bounds.size(); i++) {
            double b = bounds.get(i);
            if (!(b > 0) || Double.isInfinite(b) || (i > 0 && b <= bounds.get(i - 1))) {
                throw new IllegalArgumentException("bounds B must be positive, finite, increasing and distinct, got "
                        + bounds);
            }
        }
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("rows R must be >= 1, got " + rows);
        }
        if (fixedDegree < 0 || repeats < 1 || !(pointSeconds > 0) || maxDegree < 0) {
            throw new IllegalArgumentException("need fixedDegree >= 0, repeats >= 1, pointSeconds > 0, maxDegree >= 0;"
                    + " got " + fixedDegree + ", " + repeats + ", " + pointSeconds + ", " + maxDegree);
        }
    }

    /**
     * A sweep with the default fixed degree, repeats, time limit and degree cap; n and B are
     * sorted (repeated values are still refused).
     */
    public static SweepConfig of(int order, List<Integer> ns, int d, List<Double> bounds, double epsilon, int rows,
            long seed) {
        return new SweepConfig(order, sorted(ns), d, sortedD(bounds), epsilon, rows, seed, DEFAULT_FIXED_DEGREE,
                DEFAULT_REPEATS, DEFAULT_POINT_SECONDS,
                org.hardchain.attention.ExpApproximation.DEFAULT_MAX_DEGREE);
    }

    /**
     * The quick preset: k = 3, n = 128, 256, 512, d = 4, B = 2^{-2}, 2^{-3/2}, ..., 2^2 (nine
     * values, ratio sqrt 2), eps = 1e-3, 16 exact rows, seed 1. It finishes in seconds on two
     * cores and shows both sides of the contrast: at B = 1/4 the polynomial method meets eps at
     * a rank far below n^2, at B = 4 the rank it needs passes n^2.
     */
    public static SweepConfig quick() {
        List<Double> bounds = new ArrayList<>();
        for (int e = -4; e <= 4; e++) {
            bounds.add(Math.pow(2, e / 2.0));
        }
        return of(3, List.of(128, 256, 512), 4, bounds, 1e-3, 16, 1);
    }

    public SweepConfig withFixedDegree(int g) {
        return new SweepConfig(order, ns, d, bounds, epsilon, rows, seed, g, repeats, pointSeconds, maxDegree);
    }

    public SweepConfig withRepeats(int r) {
        return new SweepConfig(order, ns, d, bounds, epsilon, rows, seed, fixedDegree, r, pointSeconds, maxDegree);
    }

    public SweepConfig withPointSeconds(double s) {
        return new SweepConfig(order, ns, d, bounds, epsilon, rows, seed, fixedDegree, repeats, s, maxDegree);
    }

    public SweepConfig withMaxDegree(int g) {
        return new SweepConfig(order, ns, d, bounds, epsilon, rows, seed, fixedDegree, repeats, pointSeconds, g);
    }

    private static List<Integer> sorted(List<Integer> xs) {
        List<Integer> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s;
    }

    private static List<Double> sortedD(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s;
    }
}
