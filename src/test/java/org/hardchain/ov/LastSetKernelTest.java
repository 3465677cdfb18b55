package org.hardchain.ov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hardchain.util.Simd;
import org.junit.jupiter.api.Test;

/** Both kernels, called directly, against a brute-force scan of the word-major array. */
class LastSetKernelTest {

    private static List<LastSetKernel> kernels() {
        List<LastSetKernel> ks = new ArrayList<>();
        ks.add(ScalarLastSetKernel.INSTANCE);
        if (Simd.available()) {
            ks.add(new VectorLastSetKernel());
        }
        return ks;
    }

    @Test
    void vectorKernelIsAvailableInTheTestJvm() {
        assumeTrue(!"false".equals(System.getProperty("hardchain.simd")));
        assertEquals(2, kernels().size(), "surefire passes --add-modules jdk.incubator.vector");
    }

    @Test
    void kernelsCountAndFindLikeBruteForce() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = rnd.nextInt(70);
            int words = 1 + rnd.nextInt(4);
            int a = 1 + rnd.nextInt(words);
            long[] last = new long[n * words];
            long sparse = rnd.nextInt(3);
            for (int j = 0; j < last.length; j++) {
                long x = rnd.nextLong();
                last[j] = sparse == 0 ? x & rnd.nextLong() & rnd.nextLong() & rnd.nextLong() : sparse == 1 ? 0 : x;
            }
            long[] f = new long[a];
            int[] off = new int[a];
            for (int j = 0; j < a; j++) {
                f[j] = rnd.nextLong() & rnd.nextLong() & rnd.nextLong() | (1L << rnd.nextInt(64));
                off[j] = j * n;
            }
            long count = 0;
            int first = -1;
            for (int i = 0; i < n; i++) {
                boolean orth = true;
                for (int j = 0; j < a; j++) {
                    orth &= (f[j] & last[off[j] + i]) == 0;
                }
                if (orth) {
                    count++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            for (LastSetKernel kernel : kernels()) {
                String msg = "seed " + seed + " n " + n + " a " + a + " " + kernel.name();
                assertEquals(count, kernel.count(f, off, a, last, n), msg);
                assertEquals(first, kernel.first(f, off, a, last, n), msg);
            }
        }
    }
}
