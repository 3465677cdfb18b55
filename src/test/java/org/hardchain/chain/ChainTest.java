package org.hardchain.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hardchain.attention.PolynomialAttention;
import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import org.hardchain.cnf.Sat4jSolver;
import org.hardchain.hardness.AttentionOracle;
import org.hardchain.hardness.Construction;
import org.hardchain.hardness.ExactOracle;
import org.hardchain.hardness.ExternalOracle;
import org.hardchain.hardness.PolynomialOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainTest {
    private static final AttentionOracle EXACT = ExactOracle.create();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 3})
    void chainAnswerEqualsSat4jAndWitnessSatisfiesFormula(int order) throws Exception {
        int sat = 0;
        for (long seed = 1; seed <= 30; seed++) {
            int vars = 3 + (int) (seed % 7);
            // near the threshold ratio, alternating a little below and above it, to get both answers
            int clauses = (int) Math.round((seed % 2 == 0 ? 3.6 : 7.0) * vars);
            Cnf f = CnfGenerators.randomKCnf(vars, clauses, 3, seed);
            Chain.Options opt = Chain.Options.defaults(order, EXACT).withBlockSize(seed % 3 == 0 ? 1 : 2);
            Chain.Result r = Chain.run(f, opt);
            String msg = "seed " + seed + ", order " + order + ", " + vars + " vars: " + r.stages();
            assertTrue(r.verified(), msg);
            assertEquals(Sat4jSolver.solve(f).isPresent(), r.satisfiable(), msg);
            assertTrue(r.stages().stream().allMatch(s -> s.check() == StageReport.Check.PASSED), msg);
            if (r.satisfiable()) {
                sat++;
                assertTrue(f.isSatisfiedBy(r.assignment()), msg);
                assertTrue(r.oracleCalls() > 1, msg);
            } else {
                assertNull(r.assignment(), msg);
                assertEquals(1, r.oracleCalls(), msg);
            }
        }
        assertTrue(sat > 3 && sat < 27, "both answers occur: " + sat + " of 30 satisfiable");
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 3, 5})
    void formulaWithoutClausesIsSatisfiable(int order) throws Exception {
        Chain.Result r = Chain.run(Cnf.of(4), Chain.Options.defaults(order, EXACT));
        assertTrue(r.verified(), r.stages()::toString);
        assertTrue(r.satisfiable());
        assertNotNull(r.assignment());
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 3})
    void emptyClauseMakesTheChainSayUnsatisfiable(int order) throws Exception {
        Chain.Result r = Chain.run(Cnf.of(3, new int[] {1, 2}, new int[] {}), Chain.Options.defaults(order, EXACT));
        assertTrue(r.verified(), r.stages()::toString);
        assertFalse(r.satisfiable());
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {3, 4})
    void fewerVariablesThanOrderWork(int order) throws Exception {
        Cnf f = Cnf.of(2, new int[] {1, 2}, new int[] {-1}, new int[] {-2, 1});
        Chain.Result r = Chain.run(f, Chain.Options.defaults(order, EXACT));
        assertTrue(r.verified(), r.stages()::toString);
        assertFalse(r.satisfiable());
        Cnf g = Cnf.of(2, new int[] {1, 2}, new int[] {-1});
        Chain.Result s = Chain.run(g, Chain.Options.defaults(order, EXACT));
        assertTrue(s.verified() && s.satisfiable() && g.isSatisfiedBy(s.assignment()), s.stages()::toString);
    }

    @Test
    void paperConstructionAlsoDecidesAndRecoversTheWitness() throws Exception {
        Cnf f = CnfGenerators.randomKCnf(6, 20, 3, 11);
        Chain.Result r = Chain.run(f, Chain.Options.defaults(3, EXACT).withConstruction(Construction.PAPER));
        assertTrue(r.verified(), r.stages()::toString);
        assertEquals(Sat4jSolver.solve(f).isPresent(), r.satisfiable());
    }

    @Test
    void weakPolynomialOracleIsCaughtAndTheAnswerIsNotVerified() throws Exception {
        Cnf f = CnfGenerators.randomKCnf(5, 21, 3, 3);
        Chain.Result r = Chain.run(f, Chain.Options.defaults(2, new PolynomialOracle(
                PolynomialAttention.Options.degree(1))).withBlockSize(1));
        assertFalse(r.verified(), r.stages()::toString);
        StageReport failed = r.firstFailure().orElseThrow();
        assertTrue(failed.name().startsWith("oracle") || failed.name().startsWith("decisions"), failed::toString);
    }

    @Test
    void bruteForceChecksAboveTheLimitAreSkippedOrDelegatedAndSaySo() throws Exception {
        Cnf f = CnfGenerators.randomKCnf(9, 38, 3, 4);
        Chain.Options d = Chain.Options.defaults(3, EXACT);
        Chain.Result r = Chain.run(f, new Chain.Options(3, 2, 10, 1, EXACT, Construction.REFERENCE, 4, 8, null, false));
        StageReport ov = r.stages().get(2);
        assertEquals(StageReport.Check.SKIPPED, ov.check());
        assertTrue(ov.detail().contains("512 tuples > limit 10"), ov.detail());
        assertTrue(r.stages().get(4).detail().contains("brute force skipped"), r.stages().get(4).detail());
        assertTrue(r.verified(), r.stages()::toString);
        assertEquals(d.order(), 3);
    }

    @Test
    void externalOracleGivenTheDecisionOutputDecidesAndSkipsTheWitnessHonestly() throws Exception {
        Cnf f = CnfGenerators.randomKCnf(6, 22, 3, 5);
        Chain.Options base = Chain.Options.defaults(2, EXACT).withOut(dir.resolve("run"));
        // First run with the exact oracle writes the attention instance; its output becomes the external answer.
        Chain.run(f, base);
        org.hardchain.attention.AttentionInput in =
                org.hardchain.format.AttentionFiles.read(dir.resolve("run/attention"));
        Path given = dir.resolve("given.npy");
        org.hardchain.format.Npy.writeMatrix(given,
                org.hardchain.attention.ExactAttention.create().compute(in), false);
        ExternalOracle ext = new ExternalOracle(dir.resolve("calls"), given, Duration.ZERO);
        Chain.Result r = Chain.run(f, new Chain.Options(2, 2, Chain.Options.DEFAULT_BRUTE_FORCE_LIMIT, 1, ext,
                Construction.REFERENCE, 4, 16, null, false));
        assertEquals(Sat4jSolver.solve(f).isPresent(), r.satisfiable());
        assertTrue(r.stages().stream().noneMatch(s -> s.check() == StageReport.Check.FAILED), r.stages()::toString);
        assertTrue(Files.exists(dir.resolve("calls/call-0/Q.npy")));
        assertTrue(Files.exists(dir.resolve("calls/call-0/request.json")));
        if (r.satisfiable()) {
            StageReport w = r.stages().get(r.stages().size() - 1);
            assertEquals(StageReport.Check.SKIPPED, w.check(), w::toString);
            assertTrue(w.detail().contains("no ") && w.detail().contains("output.npy"), w.detail());
            assertNull(r.assignment());
        }
    }

    @Test
    void externalOracleWaitsForEveryCallsOutputAndRecoversTheWitness() throws Exception {
        Cnf f = CnfGenerators.randomKCnf(6, 18, 3, 2);
        assertTrue(Sat4jSolver.solve(f).isPresent(), "seed 2 formula is satisfiable");
        Path calls = dir.resolve("calls");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        // Someone else's implementation: answers each call directory with our exact kernel.
        Thread responder = new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (Files.isDirectory(calls)) {
                        try (var ds = Files.list(calls)) {
                            for (Path c : ds.toList()) {
                                Path out = c.resolve("output.npy");
                                if (Files.exists(c.resolve("request.json")) && !Files.exists(out)) {
                                    org.hardchain.format.Npy.writeMatrix(out, org.hardchain.attention.ExactAttention
                                            .create().compute(org.hardchain.format.AttentionFiles.read(c)), false);
                                }
                            }
                        }
                    }
                    Thread.sleep(20);
                } catch (Exception e) {
                    // a call directory still being written: try again
                }
            }
        });
        responder.start();
        try {
            ExternalOracle ext = new ExternalOracle(calls, null, Duration.ofSeconds(60));
            Chain.Result r = Chain.run(f, new Chain.Options(2, 2, Chain.Options.DEFAULT_BRUTE_FORCE_LIMIT, 1, ext,
                    Construction.REFERENCE, 4, 16, null, false));
            assertTrue(r.verified(), r.stages()::toString);
            assertTrue(r.satisfiable());
            assertTrue(f.isSatisfiedBy(r.assignment()));
            assertEquals(r.oracleCalls(), ext.calls());
            assertTrue(Files.exists(calls.resolve("call-" + (ext.calls() - 1) + "/output.npy")));
        } finally {
            stop.set(true);
            responder.join();
        }
    }
}
