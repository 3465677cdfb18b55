package org.hardchain.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hardchain.format.AttentionFiles;
import org.hardchain.format.Npy;
import org.hardchain.util.Simd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactAttentionTest {

    static List<ExactAttention> fastVariants() {
        return List.of(ExactAttention.create(), ExactAttention.scalar(), ExactAttention.create().sequential());
    }

    /** Relative error per entry, relative to the largest |entry| of the row (outputs can cancel to ~0). */
    static void assertClose(Matrix expected, Matrix actual, double tol, String msg) {
        assertEquals(expected.rows(), actual.rows(), msg);
        assertEquals(expected.cols(), actual.cols(), msg);
        for (int i = 0; i < expected.rows(); i++) {
            double scale = 0;
            for (int c = 0; c < expected.cols(); c++) {
                scale = Math.max(scale, Math.abs(expected.get(i, c)));
            }
            for (int c = 0; c < expected.cols(); c++) {
                double e = expected.get(i, c);
                double a = actual.get(i, c);
                assertTrue(Double.isFinite(a), msg + ": entry (" + i + "," + c + ") = " + a);
                assertTrue(Math.abs(a - e) <= tol * Math.max(scale, Double.MIN_NORMAL),
                        msg + ": entry (" + i + "," + c + ") " + a + " vs naive " + e);
            }
        }
    }

    static Stream<Arguments> shapes() {
        // seed, nq, key row counts, d, dv, bound
        return Stream.of(
                Arguments.of(1L, 5, new int[] {7}, 3, 2, 1.0),
                Arguments.of(2L, 1, new int[] {1}, 1, 1, 2.0),
                Arguments.of(3L, 37, new int[] {131}, 16, 16, 1.5),
                Arguments.of(4L, 3, new int[] {300}, 1, 5, 3.0),
                Arguments.of(5L, 70, new int[] {17}, 9, 33, 1.0),
                Arguments.of(6L, 4, new int[] {5, 9}, 3, 2, 1.0),
                Arguments.of(7L, 1, new int[] {1, 1}, 1, 1, 1.0),
                Arguments.of(8L, 6, new int[] {45, 130}, 16, 16, 2.0),
                Arguments.of(9L, 3, new int[] {70, 1}, 2, 3, 1.0),
                Arguments.of(10L, 2, new int[] {1, 40}, 5, 1, 1.0),
                Arguments.of(11L, 9, new int[] {33, 20}, 1, 9, 2.0),
                Arguments.of(12L, 3, new int[] {4, 5, 6}, 3, 2, 1.0),
                Arguments.of(13L, 2, new int[] {9, 1, 37}, 5, 4, 1.5),
                Arguments.of(14L, 2, new int[] {3, 2, 2, 19}, 2, 3, 1.0),
                Arguments.of(15L, 1, new int[] {1, 1, 1}, 1, 1, 1.0));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void fastEqualsNaiveOnRandomShapes(long seed, int nq, int[] ns, int d, int dv, double bound) {
        AttentionInput in = RandomAttention.uniform(nq, ns, d, dv, bound, seed);
        Matrix naive = new NaiveAttention().compute(in);
        for (ExactAttention fast : fastVariants()) {
            assertClose(naive, fast.compute(in), 1e-12, "seed " + seed + " simd " + fast.usesSimd());
        }
    }

    @Test
    void simdPathIsTakenWhenAvailableAndSystemPropertyForcesScalar() {
        assertEquals(Simd.available(), ExactAttention.create().usesSimd());
        String old = System.getProperty("hardchain.simd");
        try {
            System.setProperty("hardchain.simd", "false");
            assertTrue(!ExactAttention.create().usesSimd());
        } finally {
            if (old == null) {
                System.clearProperty("hardchain.simd");
            } else {
                System.setProperty("hardchain.simd", old);
            }
        }
    }

    @Test
    void matchesAnOrderThreeOutputComputedByNumpy() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/npy/attn3").toURI());
        AttentionInput in = AttentionFiles.read(dir);
        Matrix expected = Npy.readMatrix(dir.resolveSibling("attn3_expected.npy"));
        assertClose(expected, new NaiveAttention().compute(in), 1e-14, "naive");
        for (ExactAttention fast : fastVariants()) {
            assertClose(expected, fast.compute(in), 1e-14, "simd " + fast.usesSimd());
        }
    }

    @Test
    void equalScoresGiveTheMeanOfValueProductsHandChecked() {
        // Q = 0: every score is 0, so Att[i] = mean over (j1, j2) of V1[j1] * V2[j2] = mean(V1) * mean(V2).
        Matrix q = Matrix.zeros(2, 3);
        Matrix k1 = Matrix.ofRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix k2 = Matrix.ofRows(new double[][] {{7, 8, 9}, {1, 1, 1}, {0, 0, 0}});
        Matrix v1 = Matrix.ofRows(new double[][] {{1, 2}, {3, 4}});
        Matrix v2 = Matrix.ofRows(new double[][] {{3, 0}, {0, 3}, {3, 3}});
        AttentionInput in = AttentionInput.of(q, List.of(k1, k2), List.of(v1, v2));
        Matrix expected = Matrix.ofRows(new double[][] {{2 * 2, 3 * 2}, {4, 6}});
        for (AttentionAlgorithm a : List.of(new NaiveAttention(), ExactAttention.create(), ExactAttention.scalar())) {
            assertClose(expected, a.compute(in), 1e-15, a.name());
        }
    }

    @Test
    void hugeScoresGiveNoNaNOrInfinity() {
        long seed = 21;
        // Entries up to 10^(e/k), so products of k entries (and scores) reach about 10^e: 1e4.5 and 1e280.
        for (double exponent : new double[] {4.5, 280}) {
            for (int[] ns : new int[][] {{50}, {20, 30}, {3, 4, 5}}) {
                double bound = Math.pow(10, exponent / (ns.length + 1));
                AttentionInput in = RandomAttention.uniform(6, ns, 4, 3, bound, seed);
                Matrix naive = new NaiveAttention().compute(in);
                for (ExactAttention fast : fastVariants()) {
                    Matrix m = fast.compute(in);
                    for (double x : m.toArray()) {
                        assertTrue(Double.isFinite(x), "seed " + seed + " bound " + bound + ": " + x);
                    }
                    assertClose(naive, m, 1e-9, "seed " + seed + " bound " + bound + " simd " + fast.usesSimd());
                }
            }
        }
    }

    @Test
    void hugeScoresSelectTheArgmaxValue() {
        // k = 2, one key dominates by 1e300: the output is exactly (up to rounding) its value row.
        Matrix q = Matrix.ofRows(new double[][] {{1e200}});
        Matrix k = Matrix.ofRows(new double[][] {{-1e100}, {1e100}, {0.5e100}});
        Matrix v = Matrix.ofRows(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        AttentionInput in = AttentionInput.of(q, List.of(k), List.of(v));
        for (AttentionAlgorithm a : List.of(new NaiveAttention(), ExactAttention.create(), ExactAttention.scalar())) {
            assertArrayEquals(new double[] {3, 4}, a.compute(in).toArray(), 0.0, a.name());
        }
    }

    @Test
    void sampledRowsEqualTheSameRowsOfTheFullOutput() {
        long seed = 31;
        SplittableRandom r = new SplittableRandom(seed);
        for (int[] ns : new int[][] {{200}, {40, 50}, {5, 6, 7}}) {
            AttentionInput in = RandomAttention.uniform(50, ns, 8, 5, 1.0, seed);
            Matrix full = ExactAttention.create().compute(in);
            int[] rows = r.ints(7, 0, 50).toArray();
            Matrix some = ExactAttention.create().computeRows(in, rows);
            Matrix naiveSome = new NaiveAttention().computeRows(in, rows);
            for (int t = 0; t < rows.length; t++) {
                assertArrayEquals(full.row(rows[t]), some.row(t), 0.0, "seed " + seed + " row " + rows[t]);
            }
            assertClose(naiveSome, some, 1e-12, "seed " + seed);
        }
    }

    @Test
    void emptyKeySetOrZeroDimensionIsRejected() {
        AttentionInput empty = RandomAttention.uniform(2, new int[] {3, 0}, 2, 2, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactAttention.create().compute(empty));
        assertTrue(e.getMessage().contains("K2 has no rows"), e.getMessage());
        AttentionInput d0 = RandomAttention.uniform(2, new int[] {3}, 0, 2, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new NaiveAttention().compute(d0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> ExactAttention.create().computeRows(RandomAttention.uniform(2, 2, 2, 2, 2, 1, 1), new int[] {2}));
    }

    @Test
    void randomInputsAreSeededAndBounded() {
        AttentionInput a = RandomAttention.uniform(3, 10, 12, 4, 5, 0.5, 77);
        AttentionInput b = RandomAttention.uniform(3, 10, 12, 4, 5, 0.5, 77);
        assertEquals(a.q(), b.q());
        assertEquals(a.values(), b.values());
        assertTrue(a.entryBound() <= 0.5 && a.entryBound() > 0.4, "bound " + a.entryBound());
        assertTrue(!a.q().equals(RandomAttention.uniform(3, 10, 12, 4, 5, 0.5, 78).q()));
    }
}
