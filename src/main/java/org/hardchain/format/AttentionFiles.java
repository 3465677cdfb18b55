package org.hardchain.format;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;

/**
 * A directory of {@code .npy} files holding the inputs of order-k attention (THEORY.md §1):
 * {@code Q.npy} ({@code n_q x d}), {@code K1.npy .. K{k-1}.npy} ({@code n_p x d}) and
 * {@code V1.npy .. V{k-1}.npy} ({@code n_p x d_v}), each a 2-D float64 or float32 array.
 * The order k is inferred from the key files present; gaps, a key without its value (or the
 * reverse) and shape mismatches are reported as {@link InputFormatException}s naming the file.
 */
public final class AttentionFiles {
    private static final Pattern KV = Pattern.compile("([KV])([1-9][0-9]*)\\.npy");

    private AttentionFiles() {
    }

    /** Reads the inputs in {@code dir}. */
    public static AttentionInput read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (!Files.exists(dir)) {
                throw new NoSuchFileException(dir.toString());
            }
            throw new InputFormatException(dir.toString(), 0, "expected a directory holding Q.npy, K1.npy.., V1.npy..");
        }
        TreeSet<Integer> ks = new TreeSet<>();
        TreeSet<Integer> vs = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.npy")) {
            for (Path f : files) {
                Matcher m = KV.matcher(f.getFileName().toString());
                if (m.matches()) {
                    (m.group(1).equals("K") ? ks : vs).add(Integer.parseInt(m.group(2)));
                }
            }
        }
        Path qf = dir.resolve("Q.npy");
        if (!Files.exists(qf)) {
            throw new InputFormatException(qf.toString(), 0, "missing: an attention input directory needs Q.npy,"
                    + " K1.npy.. and V1.npy..");
        }
        if (ks.isEmpty()) {
            throw new InputFormatException(dir.resolve("K1.npy").toString(), 0,
                    "missing: order-k attention needs at least K1.npy and V1.npy");
        }
        int km = ks.last();
        for (int p = 1; p <= Math.max(km, vs.isEmpty() ? 0 : vs.last()); p++) {
            if (!ks.contains(p)) {
                throw new InputFormatException(dir.resolve("K" + p + ".npy").toString(), 0, "missing: keys are "
                        + "numbered 1..k-1 without gaps, found K" + ks + " V" + vs);
            }
            if (!vs.contains(p)) {
                throw new InputFormatException(dir.resolve("V" + p + ".npy").toString(), 0, "missing: every K"
                        + p + ".npy needs a V" + p + ".npy with as many rows");
            }
        }
        Matrix q = Npy.readMatrix(qf);
        List<Matrix> keys = new ArrayList<>();
        List<Matrix> values = new ArrayList<>();
        for (int p = 1; p <= km; p++) {
            Path kf = dir.resolve("K" + p + ".npy");
            Path vf = dir.resolve("V" + p + ".npy");
            Matrix k = Npy.readMatrix(kf);
            Matrix v = Npy.readMatrix(vf);
            if (k.cols() != q.cols()) {
                throw new InputFormatException(kf.toString(), 0, "shape mismatch: K" + p + " is " + k.rows() + " x "
                        + k.cols() + ", its column count must equal Q's d = " + q.cols());
            }
            if (v.rows() != k.rows()) {
                throw new InputFormatException(vf.toString(), 0, "shape mismatch: V" + p + " is " + v.rows() + " x "
                        + v.cols() + ", its row count must equal K" + p + "'s " + k.rows());
            }
            if (!values.isEmpty() && v.cols() != values.get(0).cols()) {
                throw new InputFormatException(vf.toString(), 0, "shape mismatch: V" + p + " has " + v.cols()
                        + " columns, V1 has " + values.get(0).cols());
            }
            keys.add(k);
            values.add(v);
        }
        return AttentionInput.of(q, keys, values);
    }

    /** Writes {@code Q.npy}, {@code K1.npy..}, {@code V1.npy..} (float64) into {@code dir}, creating it. */
    public static void write(Path dir, AttentionInput in) throws IOException {
        Files.createDirectories(dir);
        Npy.writeMatrix(dir.resolve("Q.npy"), in.q(), false);
        for (int p = 1; p < in.order(); p++) {
            Npy.writeMatrix(dir.resolve("K" + p + ".npy"), in.key(p), false);
            Npy.writeMatrix(dir.resolve("V" + p + ".npy"), in.value(p), false);
        }
    }
}
