package org.hardchain.hardness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.hardchain.format.AttentionFiles;
import org.hardchain.format.InputFormatException;
import org.hardchain.format.Json;
import org.hardchain.format.Npy;
import org.hardchain.util.UsageException;

/**
 * An oracle implemented outside the JVM (PyTorch, JAX, numpy...). Call c writes the input as
 * {@code DIR/call-c/} ({@code Q.npy, K1.npy.., V1.npy..}, see {@link AttentionFiles}) plus
 * {@code request.json} saying what to compute, then reads {@code DIR/call-c/output.npy}: the
 * full {@code n_q x d_v} attention output {@code D^{-1} A (V_1 ⊘ ... ⊘ V_{k-1})} with scores
 * {@code <Q[i], K_1[j_1], ..., K_{k-1}[j_{k-1}]> / d}. It waits for that file up to a timeout
 * (polling every 100 ms; write it atomically, e.g. to a temporary name then rename). A given
 * file may answer call 0 instead. Shapes are checked; a wrong shape is an input error.
 */
public final class ExternalOracle implements AttentionOracle {
    private final Path dir;
    private final Path given;
    private final Duration timeout;
    private int calls;

    /**
     * @param dir     where the calls' inputs are written
     * @param given   the output of call 0, or null to wait for it like any other call
     * @param timeout how long to wait for an output file (zero: do not wait)
     */
    public ExternalOracle(Path dir, Path given, Duration timeout) {
        this.dir = dir;
        this.given = given;
        this.timeout = timeout;
    }

    @Override
    public double[] outputs(AttentionInput in, int[] rows) throws IOException {
        int c = calls++;
        Path callDir = dir.resolve("call-" + c);
        Files.createDirectories(callDir);
        AttentionFiles.write(callDir, in);
        Path out = callDir.resolve("output.npy");
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("call", c);
        req.put("order", in.order());
        req.put("inputs", "Q.npy, K1.npy..K" + (in.order() - 1) + ".npy, V1.npy..V" + (in.order() - 1) + ".npy");
        req.put("compute", "Att = softmax over key tuples of <Q[i],K1[j1],...>/d, times V1[j1]*...*V{k-1}[j{k-1}]");
        req.put("output", out.toString());
        req.put("output_shape", new int[] {in.nq(), in.dv()});
        req.put("rows_used", rows);
        Json.write(callDir.resolve("request.json"), req);
        Path source;
        if (c == 0 && given != null) {
            source = given;
        } else {
            source = out;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(out)) {
                if (System.nanoTime() >= deadline) {
                    throw new UsageException("external oracle: no " + out + " after " + timeout.toSeconds()
                            + " s (call " + c + "; the request is in " + callDir + ")");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + out, e);
                }
            }
        }
        Matrix m = Npy.readMatrix(source);
        if (m.rows() != in.nq() || m.cols() != in.dv()) {
            throw new InputFormatException(source.toString(), 0, "expected an output of shape (" + in.nq() + ", "
                    + in.dv() + "), got (" + m.rows() + ", " + m.cols() + ")");
        }
        double[] res = new double[rows.length];
        for (int x = 0; x < rows.length; x++) {
            res[x] = m.get(rows[x], 0);
        }
        return res;
    }

    /** Calls made so far. */
    public int calls() {
        return calls;
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public double promisedError() {
        return Double.NaN;
    }
}
