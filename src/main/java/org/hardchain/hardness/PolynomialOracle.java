package org.hardchain.hardness;

import org.hardchain.attention.AttentionInput;
import org.hardchain.attention.Matrix;
import org.hardchain.attention.PolynomialAttention;

/**
 * The polynomial method (Algorithm 1 / Lemma E.1 of Alman &amp; Song 2023, THEORY §4) as an
 * oracle, with a fixed degree or a requested output error. It computes every query row of
 * the input it is given (that is the algorithm) and returns the asked ones. A degree too
 * low for the scores of a Lemma B.1 instance gives wrong decisions; the chain's checks
 * catch them.
 */
public final class PolynomialOracle implements AttentionOracle {
    private final PolynomialAttention.Options options;

    public PolynomialOracle(PolynomialAttention.Options options) {
        this.options = options;
    }

    @Override
    public double[] outputs(AttentionInput in, int[] rows) {
        Matrix m = PolynomialAttention.compute(in, options).output();
        double[] out = new double[rows.length];
        for (int x = 0; x < rows.length; x++) {
            out[x] = m.get(rows[x], 0);
        }
        return out;
    }

    @Override
    public String name() {
        return options.degree() >= 0 ? "poly(degree " + options.degree() + ")" : "poly(eps " + options.epsilon() + ")";
    }

    @Override
    public double promisedError() {
        return options.degree() >= 0 ? Double.NaN : options.epsilon();
    }
}
