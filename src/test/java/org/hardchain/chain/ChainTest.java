package org.hardchain.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hardchain.cnf.Cnf;
import org.hardchain.cnf.CnfGenerators;
import org.hardchain.cnf.Sat4jSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainTest {

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 3, 4})
    void chainAnswerEqualsSat4jAndWitnessSatisfiesFormula(int order) {
        for (long seed = 1; seed <= 40; seed++) {
            int vars = 3 + (int) (seed % 8);
            Cnf f = CnfGenerators.randomKCnf(vars, (int) Math.round(4.26 * vars), 3, seed);
            Chain.Result r = Chain.run(f, Chain.Options.defaults(order));
            String msg = "seed " + seed + ", order " + order;
            assertTrue(r.verified(), msg);
            assertEquals(Sat4jSolver.solve(f).isPresent(), r.satisfiable(), msg);
            if (r.satisfiable()) {
                assertTrue(f.isSatisfiedBy(r.assignment()), msg);
            } else {
                assertNull(r.assignment(), msg);
            }
            assertTrue(r.stages().stream().allMatch(s -> s.check() == StageReport.Check.PASSED), msg);
        }
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 3, 5})
    void formulaWithoutClausesIsSatisfiable(int order) {
        Chain.Result r = Chain.run(Cnf.of(4), Chain.Options.defaults(order));
        assertTrue(r.verified());
        assertTrue(r.satisfiable());
        assertNotNull(r.assignment());
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 3})
    void emptyClauseMakesTheChainSayUnsatisfiable(int order) {
        Chain.Result r = Chain.run(Cnf.of(3, new int[] {1, 2}, new int[] {}), Chain.Options.defaults(order));
        assertTrue(r.verified());
        assertTrue(!r.satisfiable());
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {3, 4, 6})
    void fewerVariablesThanOrderWork(int order) {
        Cnf f = Cnf.of(2, new int[] {1, 2}, new int[] {-1}, new int[] {-2, 1});
        Chain.Result r = Chain.run(f, Chain.Options.defaults(order));
        assertTrue(r.verified());
        assertEquals(false, r.satisfiable());
        Cnf g = Cnf.of(2, new int[] {1, 2}, new int[] {-1});
        Chain.Result s = Chain.run(g, Chain.Options.defaults(order));
        assertTrue(s.verified() && s.satisfiable() && g.isSatisfiedBy(s.assignment()));
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(longs = {0, 10})
    void bruteForceCheckAboveTheLimitIsSkippedAndSaysWhy(long limit) {
        Cnf f = CnfGenerators.randomKCnf(9, 38, 3, 4);
        Chain.Result r = Chain.run(f, new Chain.Options(3, limit, 1));
        StageReport solve = r.stages().get(2);
        assertEquals(StageReport.Check.SKIPPED, solve.check());
        assertTrue(solve.detail().contains("512 tuples > limit " + limit), solve.detail());
        assertTrue(r.verified());
    }
}
