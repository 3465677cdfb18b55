package org.hardchain.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsNumpyWrittenFloat64MatrixExactly() throws IOException {
        Matrix m = Npy.readMatrix(fixture("f8_2x3.npy"));
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new double[] {1.5, -2.0, 0.25, 1e-300, 1e300, -0.0}, m.toArray(), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(m.get(1, 2)));
    }

    @ParameterizedTest
    @CsvSource({"f8_2x3_v2.npy", "f8_2x3_v3.npy"})
    void readsFormatVersions2And3(String file) throws IOException {
        assertEquals(Npy.readMatrix(fixture("f8_2x3.npy")), Npy.readMatrix(fixture(file)));
    }

    @Test
    void readsNumpyWrittenFloat32AsTheSameFloats() throws IOException {
        Npy.NdArray a = Npy.read(fixture("f4_2x2.npy"));
        assertTrue(a.float32());
        assertArrayEquals(new double[] {0.5, -1.25, 3.0, (double) 1e-3f}, a.data(), 0.0);
    }

    @Test
    void readsOneDimensionalAndZeroDimensionalArrays() throws IOException {
        Npy.NdArray v = Npy.read(fixture("f8_1d.npy"));
        assertArrayEquals(new long[] {5}, v.shape());
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, v.data(), 0.0);
        Npy.NdArray s = Npy.read(fixture("f8_0d.npy"));
        assertEquals(0, s.ndim());
        assertArrayEquals(new double[] {7.0}, s.data(), 0.0);
        Matrix empty = Npy.readMatrix(fixture("f8_0x4.npy"));
        assertEquals(0, empty.rows());
        assertEquals(4, empty.cols());
    }

    @Test
    void readMatrixRejectsOneDimensionalArrayNamingTheShape() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Npy.readMatrix(fixture("f8_1d.npy")));
        assertTrue(e.getMessage().contains("expected a 2-D array, got shape (5,)"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad_big_endian.npy|big-endian dtype '>f8'",
        "bad_fortran.npy|fortran_order True is not supported",
        "bad_int64.npy|unsupported dtype '<i8'",
        "bad_complex.npy|unsupported dtype '<c16'",
        "bad_magic.npy|expected the magic string",
        "bad_truncated.npy|truncated data: shape (2, 3) of <f8 needs 48 bytes after the header, file has 43",
        "bad_trailing.npy|trailing data",
        "bad_header_syntax.npy|malformed .npy header at byte",
        "bad_header_keys.npy|expected exactly the keys",
        "bad_shape_mismatch.npy|truncated data: shape (3, 3)",
        "bad_version.npy|unsupported .npy format version 4.0",
    })
    void rejectsMalformedFilesWithAClearMessage(String file, String expected) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Npy.read(fixture(file)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(fixture(file).toString() + ": "), e.getMessage());
    }

    @Test
    void rejectsEmptyAndHeaderTruncatedFiles() throws IOException {
        Path empty = tmp.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        assertThrows(InputFormatException.class, () -> Npy.read(empty));
        byte[] good = Files.readAllBytes(fixture("f8_2x3.npy"));
        Path cut = tmp.resolve("cut.npy");
        Files.write(cut, java.util.Arrays.copyOf(good, 40));
        InputFormatException e = assertThrows(InputFormatException.class, () -> Npy.read(cut));
        assertTrue(e.getMessage().contains("truncated .npy header"), e.getMessage());
    }

    @Test
    void randomCorruptionsGiveAnArrayOrAnInputFormatExceptionNeverAnotherError() throws IOException {
        long seed = 99;
        Random r = new Random(seed);
        byte[] good = Files.readAllBytes(fixture("f8_2x3.npy"));
        Path f = tmp.resolve("fuzz.npy");
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = good.clone();
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) {
                // Mostly the preamble and header, where the parser works.
                int pos = r.nextInt(4) == 0 ? r.nextInt(b.length) : r.nextInt(Math.min(b.length, 128));
                b[pos] = (byte) (r.nextBoolean() ? r.nextInt(256) : " ,:()'{}0123456789-TrueFals<>f48\n".charAt(r.nextInt(33)));
            }
            if (r.nextInt(5) == 0) {
                b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 10));
            }
            Files.write(f, b);
            try {
                Npy.NdArray a = Npy.read(f);
                assertEquals(a.data().length, java.util.Arrays.stream(a.shape()).reduce(1, (x, y) -> x * y),
                        "seed " + seed + " trial " + trial);
            } catch (InputFormatException e) {
                assertTrue(e.getMessage().startsWith(f.toString() + ": "), "seed " + seed + " trial " + trial);
            }
        }
    }

    @Test
    void float64RoundTripIsExact() throws IOException {
        long seed = 11;
        Random r = new Random(seed);
        for (int[] shape : new int[][] {{1, 1}, {3, 7}, {0, 5}, {100, 33}}) {
            double[] a = new double[shape[0] * shape[1]];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            }
            Matrix m = Matrix.of(shape[0], shape[1], a);
            Path f = tmp.resolve("m.npy");
            Npy.writeMatrix(f, m, false);
            assertEquals(m, Npy.readMatrix(f), "seed " + seed);
            assertEquals(0, (Files.size(f) - 8L * a.length) % 64, "header padded to 64 bytes as NumPy does");
        }
    }

    @Test
    void float32RoundTripRoundsEachEntryToFloat() throws IOException {
        long seed = 12;
        Random r = new Random(seed);
        double[] a = new double[40 * 3];
        double[] rounded = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            rounded[i] = (float) a[i];
        }
        Path f = tmp.resolve("m4.npy");
        Npy.writeMatrix(f, Matrix.of(40, 3, a), true);
        Npy.NdArray back = Npy.read(f);
        assertTrue(back.float32());
        assertArrayEquals(rounded, back.data(), 0.0, "seed " + seed);
        assertEquals(Npy.read(f).data().length * 4L, Files.size(f) - 128);
    }

    @Test
    void oneAndZeroDimensionalRoundTrip() throws IOException {
        Path f = tmp.resolve("v.npy");
        Npy.write(f, Npy.NdArray.of(new long[] {3}, new double[] {1, 2, 3}, false));
        assertArrayEquals(new long[] {3}, Npy.read(f).shape());
        Npy.write(f, Npy.NdArray.of(new long[0], new double[] {4}, true));
        assertEquals(0, Npy.read(f).ndim());
        assertArrayEquals(new double[] {4}, Npy.read(f).data(), 0.0);
    }

    @Test
    void numpyReadsWhatWeWrite() throws IOException, InterruptedException {
        Path f = tmp.resolve("w.npy");
        Npy.writeMatrix(f, Matrix.ofRows(new double[][] {{1.5, -2}, {3, 1e300}, {0, -0.25}}), false);
        Path py = Path.of("python3");
        ProcessBuilder pb = new ProcessBuilder(py.toString(), "-c",
                "import numpy,sys; a=numpy.load(sys.argv[1]); print(a.dtype, a.shape, a.flags['C_CONTIGUOUS'],"
                        + " repr(a.tolist()))", f.toString()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes()).strip();
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named 'numpy'"), "numpy missing");
        assertEquals(0, p.waitFor(), out);
        assertEquals("float64 (3, 2) True [[1.5, -2.0], [3.0, 1e+300], [0.0, -0.25]]", out);
    }

    @Test
    void readsAttentionDirectoryWrittenByNumpy() throws IOException {
        AttentionInput in = AttentionFiles.read(fixture("attn3"));
        assertEquals(3, in.order());
        assertEquals(2, in.nq());
        assertEquals(3, in.n(1));
        assertEquals(1, in.n(2));
        assertEquals(1, in.dv());
        assertEquals(Matrix.ofRows(new double[][] {{2, 1}}), in.key(2));
        assertEquals(Matrix.ofRows(new double[][] {{0.5}}), in.value(2));
    }

    @Test
    void attentionDirectoryRoundTrip() throws IOException {
        AttentionInput in = AttentionFiles.read(fixture("attn3"));
        AttentionFiles.write(tmp.resolve("d"), in);
        AttentionInput back = AttentionFiles.read(tmp.resolve("d"));
        assertEquals(in.q(), back.q());
        assertEquals(in.keys(), back.keys());
        assertEquals(in.values(), back.values());
    }

    @Test
    void attentionDirectoryErrorsNameTheFile() throws IOException {
        AttentionInput in = AttentionFiles.read(fixture("attn3"));
        Path d = tmp.resolve("e");
        AttentionFiles.write(d, in);
        Files.delete(d.resolve("V2.npy"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> AttentionFiles.read(d));
        assertTrue(e.getMessage().contains("V2.npy: missing"), e.getMessage());
        AttentionFiles.write(d, in);
        Npy.writeMatrix(d.resolve("K2.npy"), Matrix.zeros(1, 3), false);
        e = assertThrows(InputFormatException.class, () -> AttentionFiles.read(d));
        assertTrue(e.getMessage().contains("K2.npy: shape mismatch: K2 is 1 x 3"), e.getMessage());
        AttentionFiles.write(d, in);
        Npy.writeMatrix(d.resolve("V1.npy"), Matrix.zeros(2, 1), false);
        e = assertThrows(InputFormatException.class, () -> AttentionFiles.read(d));
        assertTrue(e.getMessage().contains("V1.npy: shape mismatch"), e.getMessage());
        AttentionFiles.write(d, in);
        Npy.writeMatrix(d.resolve("K4.npy"), Matrix.zeros(1, 2), false);
        e = assertThrows(InputFormatException.class, () -> AttentionFiles.read(d));
        assertTrue(e.getMessage().contains("K3.npy: missing"), e.getMessage());
        Files.delete(d.resolve("Q.npy"));
        e = assertThrows(InputFormatException.class, () -> AttentionFiles.read(d));
        assertTrue(e.getMessage().contains("Q.npy: missing"), e.getMessage());
        assertFalse(List.of().contains(e));
    }
}
