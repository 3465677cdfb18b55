/**
 * CNF formulas: the start of the lower-bound chain (THEORY.md §5). Under SETH, CNF-SAT on
 * N variables needs about 2^N time; the split-and-list reduction to k-OV (Alman &amp; Song
 * 2023, Definition 4.2 for k = 3; Williams 2005) carries that hardness to every later stage.
 *
 * <p>{@link org.hardchain.cnf.Cnf} is the immutable formula with our own evaluator;
 * {@link org.hardchain.cnf.Sat4jSolver} (CDCL) and {@link org.hardchain.cnf.BruteForceSat}
 * (2^N enumeration) decide it and check each other; {@link org.hardchain.cnf.CnfGenerators}
 * makes seeded random, planted and pigeonhole formulas. Files: {@link org.hardchain.format.Dimacs}.
 */
package org.hardchain.cnf;
