package org.hardchain.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hardchain.cnf.Cnf;
import org.hardchain.hardness.AttentionReduction;
import org.hardchain.hardness.Construction;
import org.hardchain.maxip.MaxIpInstance;
import org.hardchain.maxip.MaxIpRegime;
import org.hardchain.maxip.OvToMaxIp;
import org.hardchain.ov.OvInstance;
import org.hardchain.ov.SatToOv;
import org.hardchain.protocol.ProtocolParameters;
import org.hardchain.util.Progress;
import org.junit.jupiter.api.Test;

class ParameterAuditTest {
    /** (x1 or x2) (not x1 or x3) (not x2 or not x3) (x1 or not x3): 3 variables, 4 clauses. */
    private static final Cnf SMALL = Cnf.of(3, new int[] {1, 2}, new int[] {-1, 3}, new int[] {-2, -3},
            new int[] {1, -3});

    /**
     * Builds the Max-IP instance and the attention instance for real and checks the audit's
     * numbers against both: the sizes against the built instances, lambda, h, d and B against
     * {@link MaxIpRegime} (an independent computation of the same Lemma B.1 quantities), and eps_a
     * at least MaxIpRegime's (the construction tunes a fractional h_eff, MaxIpRegime an integer h).
     */
    @Test
    void auditAgreesWithTheBuiltInstancesAndWithMaxIpRegime() {
        for (int w : new int[] {1, 2}) {
            List<ParameterAudit.Row> rows = ParameterAudit.of(SMALL, 3, List.of(w), null, null, null, 4, 1L << 30);
            assertEquals(2, rows.size());
            ParameterAudit.Row row = rows.get(0);
            assertEquals(Construction.REFERENCE, row.design().construction());
            OvInstance ov = SatToOv.of(SMALL, 3).instance();
            ProtocolParameters params = ProtocolParameters.withDefaults(3, ov.dimension(), w, null, null, null);
            MaxIpInstance inst = OvToMaxIp.of(ov, params, 1L << 30).build(1L << 30, 1, Progress.silent());
            MaxIpRegime regime = MaxIpRegime.of(inst, 4);
            assertEquals(inst.size(0), row.aliceRows(), "w=" + w);
            assertArrayEquals(new int[] {inst.size(1), inst.size(2)}, row.keyRows(), "w=" + w);
            assertEquals(inst.dimension(), row.maxIpDimension(), "w=" + w);
            assertEquals(inst.threshold(), row.threshold(), "w=" + w);
            assertEquals(inst.eps().value(), row.gapEps(), 1e-15, "w=" + w);
            assertEquals(regime.lambda(), row.design().lambda(), 1e-12 * regime.lambda(), "w=" + w);
            assertEquals(regime.h(), row.design().h(), "w=" + w);
            assertEquals(regime.width(), row.d(), 1e-9, "w=" + w);
            assertEquals(regime.entryBound(), row.entryBound(), 1e-9 * regime.entryBound(), "w=" + w);
            assertTrue(row.epsA() >= regime.oracleAccuracy() - 1e-12 && row.epsA() < 0.5,
                    "w=" + w + " eps_a=" + row.epsA() + " regime " + regime.oracleAccuracy());
            // the attention instance the chain would build has these sizes and this accuracy
            AttentionReduction red = AttentionReduction.of(inst, Construction.REFERENCE, 4);
            long n = 0;
            for (long x : red.attentionSizes()) {
                n = Math.max(n, x);
            }
            assertEquals(n, row.n(), "w=" + w);
            assertEquals(red.design().width(), (int) row.d(), "w=" + w);
            assertEquals(red.threshold().epsA(), row.epsA(), 1e-15, "w=" + w);
            assertEquals(row.d() / (Math.log(n) / Math.log(2)), row.dOverLogN(), 1e-12, "w=" + w);
            assertEquals(row.entryBound() / Math.cbrt(Math.log(n)), row.bOverLogRoot(), 1e-12, "w=" + w);
            // the paper construction: same lambda, width D', eps_a far smaller
            ParameterAudit.Row paper = rows.get(1);
            assertEquals(Construction.PAPER, paper.design().construction());
            assertEquals(inst.dimension(), (int) paper.d(), "w=" + w);
            AttentionReduction pred = AttentionReduction.of(inst, Construction.PAPER, 4);
            assertEquals(pred.threshold().epsA(), paper.epsA(), 1e-15, "w=" + w);
        }
    }

    @Test
    void ovSizesAreTwoToTheGroupSizes() {
        ParameterAudit.Row row = ParameterAudit.of(SMALL, 3, List.of(1), null, null, null, 4, 1L << 30).get(0);
        assertArrayEquals(new int[] {2, 2, 2}, row.ovSizes());
        assertEquals(4, row.clauses());
        assertEquals(3, row.variables());
    }
}
