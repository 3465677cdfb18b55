package org.hardchain.hardness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.hardchain.format.AttentionFiles;
import org.hardchain.format.Json;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.util.ResourceLimitException;

/**
 * A Gap-k-MaxIP instance (or a restriction of it to some Alice rows and subsets of the key
 * sets) as order-k attention: Lemma B.1 of Alman &amp; Song 2023 generalized to order k
 * (THEORY §9), with the parameters of {@link LemmaB1}.
 *
 * <p>Query row r is {@code s (a_r, 1^h)} for Alice's vector {@code a_r}; key matrix p has one
 * row {@code s (b, 0^h)} per kept vector b of {@code B_p}, then either one reference row
 * ({@link Construction#REFERENCE}: {@code s (0^{D'}, 1^h)}, in K_1 with the first
 * {@code floor(h_eff)} reference columns s, the next {@code frac(h_eff) s}, the rest 0) or
 * {@code z_p} zero rows ({@link Construction#PAPER}). {@code V_p} is one column, 1 on real
 * rows and 0 elsewhere. Row r's output is then exactly {@code f(X_r) = X_r / (X_r + C)}
 * and row r is YES (an inner product reaches t) iff the output exceeds
 * {@link LemmaB1.Threshold#theta()}, as long as the oracle errs by less than
 * {@link LemmaB1.Threshold#epsA()}.
 *
 * <p>Query rows are built on demand ({@link #input(int[])}), so the chain can stream blocks
 * of rows; a full Q costs {@code n_q d} doubles. This class is immutable.
 */
public final class AttentionReduction {
    private final MaxIpInstance inst;
    private final LemmaB1.Design design;
    private final LemmaB1.Threshold threshold;
    /** Alice vectors used as query rows, in order. */
    private final int[] alice;
    /** keys[p-1] = the kept vectors of B_p, in order. */
    private final int[][] keys;
    /** Key matrices and value matrices, shared by every block of query rows. */
    private final List<Matrix> keyMatrices;
    private final List<Matrix> valueMatrices;

    private AttentionReduction(MaxIpInstance inst, LemmaB1.Design design, int[] alice, int[][] keys) {
        this.inst = inst;
        this.design = design;
        this.alice = alice;
        this.keys = keys;
        long[] sizes = new long[keys.length];
        for (int p = 0; p < keys.length; p++) {
            sizes[p] = keys[p].length;
        }
        this.threshold = LemmaB1.threshold(design, sizes);
        this.keyMatrices = new ArrayList<>();
        this.valueMatrices = new ArrayList<>();
        buildKeys();
    }

    /**
     * The reduction of the whole instance.
     *
     * @throws org.hardchain.util.UsageException if a key set is empty (see {@link LemmaB1#design})
     */
    public static AttentionReduction of(MaxIpInstance inst, Construction c, double gamma) {
        long[] sizes = new long[inst.order()];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = inst.size(p);
        }
        LemmaB1.Design d = LemmaB1.design(c, inst.order(), inst.dimension(), inst.threshold(),
                inst.eps().value(), sizes, gamma);
        int[][] keys = new int[inst.order() - 1][];
        for (int p = 1; p < inst.order(); p++) {
            keys[p - 1] = IntStream.range(0, inst.size(p)).toArray();
        }
        double keyCells = 0;
        for (int p = 1; p < inst.order(); p++) {
            keyCells += (double) (inst.size(p) + 1 + d.pad(p)) * d.width();
        }
        ResourceLimitException.check("key matrices of the attention instance", keyCells * 8, 4.0 * (1L << 30),
                "bytes", "a smaller instance");
        return new AttentionReduction(inst, d, IntStream.range(0, inst.size(0)).toArray(), keys);
    }

    /**
     * The same design restricted to Alice vectors {@code aliceRows} and key vectors
     * {@code keyRows[p-1]} of each {@code B_p} (each non-empty), with the threshold re-derived
     * for the new sizes (THEORY §10: the self-reduction asks the oracle about such restrictions).
     */
    public AttentionReduction restrict(int[] aliceRows, int[][] keyRows) {
        if (keyRows.length != inst.order() - 1) {
            throw new IllegalArgumentException("Dimension mismatch: " + keyRows.length + " key sets for order "
                    + inst.order());
        }
        for (int a : aliceRows) {
            Objects.checkIndex(a, inst.size(0));
        }
        int[][] copy = new int[keyRows.length][];
        for (int p = 0; p < keyRows.length; p++) {
            if (keyRows[p].length == 0) {
                throw new IllegalArgumentException("key set " + (p + 1) + " restricted to no vector");
            }
            for (int j : keyRows[p]) {
                Objects.checkIndex(j, inst.size(p + 1));
            }
            copy[p] = keyRows[p].clone();
        }
        return new AttentionReduction(inst, design, aliceRows.clone(), copy);
    }

    private void buildKeys() {
        int k = inst.order();
        int w = design.width();
        int dim = inst.dimension();
        double s = design.scale();
        for (int p = 1; p < k; p++) {
            int real = keys[p - 1].length;
            int extra = design.construction() == Construction.REFERENCE ? 1 : design.pad(p);
            int rows = real + extra;
            double[] km = new double[Math.multiplyExact(rows, w)];
            double[] vm = new double[rows];
            for (int r = 0; r < real; r++) {
                for (int c : inst.support(p, keys[p - 1][r])) {
                    km[r * w + c] = s;
                }
                vm[r] = 1;
            }
            if (design.construction() == Construction.REFERENCE) {
                int base = real * w + dim;
                if (p == 1) {
                    double he = threshold.hEff();
                    int full = (int) Math.floor(he);
                    for (int c = 0; c < full && c < design.h(); c++) {
                        km[base + c] = s;
                    }
                    if (full < design.h()) {
                        km[base + full] = (he - full) * s;
                    }
                } else {
                    for (int c = 0; c < design.h(); c++) {
                        km[base + c] = s;
                    }
                }
            }
            keyMatrices.add(Matrix.of(rows, w, km));
            valueMatrices.add(Matrix.of(rows, 1, vm));
        }
    }

    /**
     * The attention input for query rows {@code rows} (positions in {@link #aliceRows()}):
     * {@code rows.length x d} query matrix plus the shared keys and values. Cost
     * O(rows.length d) for Q.
     */
    public AttentionInput input(int[] rows) {
        int w = design.width();
        ResourceLimitException.check("query block of the attention instance", (double) rows.length * w * 8,
                4.0 * (1L << 30), "bytes", "fewer rows per block");
        double s = design.scale();
        double[] q = new double[Math.multiplyExact(rows.length, w)];
        for (int r = 0; r < rows.length; r++) {
            for (int c : inst.support(0, alice[rows[r]])) {
                q[r * w + c] = s;
            }
            if (design.construction() == Construction.REFERENCE) {
                for (int c = 0; c < design.h(); c++) {
                    q[r * w + inst.dimension() + c] = s;
                }
            }
        }
        return AttentionInput.of(Matrix.of(rows.length, w, q), keyMatrices, valueMatrices);
    }

    /** The attention input with every query row. */
    public AttentionInput input() {
        return input(IntStream.range(0, alice.length).toArray());
    }

    /**
     * Writes the instance for outside tools: {@code DIR/Q.npy, K1.npy.., V1.npy..} (float64,
     * {@link AttentionFiles}) and {@code DIR/attention.json} with the parameters (theta, eps_a,
     * scale, ...) and the row provenance.
     *
     * @param maxQBytes refuse (ResourceLimitException) when Q would exceed this
     */
    public void write(Path dir, long maxQBytes) throws IOException {
        ResourceLimitException.check("query matrix Q", (double) alice.length * design.width() * 8, maxQBytes,
                "bytes", "a smaller instance");
        Files.createDirectories(dir);
        AttentionFiles.write(dir, input());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("files", "Q.npy, K1.npy..K" + (inst.order() - 1) + ".npy, V1.npy..V" + (inst.order() - 1) + ".npy");
        meta.put("decision", "row i is YES iff Att[i][0] > theta; needs an oracle error below eps_a");
        meta.put("parameters", parameters());
        meta.put("provenance", provenance());
        Json.write(dir.resolve("attention.json"), meta);
    }

    /** Whether an oracle output decides its row YES: {@code output > theta}. */
    public boolean decide(double output) {
        return output > threshold.theta();
    }

    public MaxIpInstance instance() {
        return inst;
    }

    public LemmaB1.Design design() {
        return design;
    }

    public LemmaB1.Threshold threshold() {
        return threshold;
    }

    /** Number of query rows. */
    public int queryRows() {
        return alice.length;
    }

    /** The Alice vectors used as query rows (a copy). */
    public int[] aliceRows() {
        return alice.clone();
    }

    /** The kept vectors of key set p = 1..k-1 (a copy). */
    public int[] keyRows(int p) {
        return keys[p - 1].clone();
    }

    /** Rows of key matrix p: the kept vectors plus reference or padding rows. */
    public int keyMatrixRows(int p) {
        return keyMatrices.get(p - 1).rows();
    }

    /** The sizes [n_q, rows of K_1, ..., rows of K_{k-1}] of the attention instance. */
    public long[] attentionSizes() {
        long[] s = new long[inst.order()];
        s[0] = alice.length;
        for (int p = 1; p < s.length; p++) {
            s[p] = keyMatrixRows(p);
        }
        return s;
    }

    /** The parameters (both design and this restriction's threshold) as a report map. */
    public Map<String, Object> parameters() {
        long[] sizes = new long[inst.order()];
        sizes[0] = alice.length;
        for (int p = 1; p < sizes.length; p++) {
            sizes[p] = keys[p - 1].length;
        }
        Map<String, Object> m = LemmaB1.report(design, threshold, sizes);
        m.put("attention_sizes", attentionSizes());
        if (design.construction() == Construction.PAPER) {
            m.put("padding_rows_for_constant_eps_a", LemmaB1.paddingRowsForConstantAccuracy(design,
                    Arrays.copyOfRange(sizes, 1, sizes.length)));
        }
        return m;
    }

    /**
     * Row provenance: for each query row its Alice vector, that vector's k-OV source and Merlin
     * message id; for each key matrix, per row the Max-IP vector index or -1 (reference or
     * padding row) and its k-OV source.
     */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> q = new ArrayList<>(alice.length);
        for (int r = 0; r < alice.length; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", r);
            row.put("alice_vector", alice[r]);
            row.put("ov_source", inst.source(0, alice[r]));
            row.put("merlin", inst.merlin(alice[r]));
            q.add(row);
        }
        m.put("query_rows", q);
        for (int p = 1; p < inst.order(); p++) {
            int rows = keyMatrixRows(p);
            int[] vec = new int[rows];
            int[] src = new int[rows];
            Arrays.fill(vec, -1);
            Arrays.fill(src, -1);
            for (int r = 0; r < keys[p - 1].length; r++) {
                vec[r] = keys[p - 1][r];
                src[r] = inst.source(p, keys[p - 1][r]);
            }
            Map<String, Object> km = new LinkedHashMap<>();
            km.put("vector", vec);
            km.put("ov_source", src);
            km.put("extra_rows", design.construction() == Construction.REFERENCE ? "reference (last row)"
                    : "zero padding (last " + design.pad(p) + " rows)");
            m.put("K" + p, km);
        }
        return m;
    }
}
