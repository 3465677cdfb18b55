package org.hardchain.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hardchain.cnf.Cnf;
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

    @Test
    void auditEqualsTheRegimeOfTheBuiltMaxIpInstance() {
        for (int w : new int[] {1, 2}) {
            ParameterAudit.Row row = ParameterAudit.of(SMALL, 3, List.of(w), null, null, null, 4, 1L << 30).get(0);
            OvInstance ov = SatToOv.of(SMALL, 3).instance();
            ProtocolParameters params = ProtocolParameters.withDefaults(3, ov.dimension(), w, null, null, null);
            MaxIpInstance inst = OvToMaxIp.of(ov, params, 1L << 30).build(1L << 30, 1, Progress.silent());
            MaxIpRegime built = MaxIpRegime.of(inst, 4);
            assertEquals(built, row.regime(), "w=" + w);
            assertEquals(inst.size(0), row.aliceRows(), "w=" + w);
            assertArrayEquals(new int[] {inst.size(1), inst.size(2)}, row.keyRows(), "w=" + w);
            assertEquals(inst.dimension(), row.maxIpDimension(), "w=" + w);
            assertEquals(inst.threshold(), row.threshold(), "w=" + w);
            assertEquals(inst.eps().value(), row.gapEps(), 1e-15, "w=" + w);
            // attention: n counts the reference row of each key matrix; d = D' + h; B = (d lambda)^{1/k}
            long n = Math.max(inst.size(0), Math.max(inst.size(1), inst.size(2)) + 1L);
            assertEquals(n, row.n(), "w=" + w);
            assertEquals(inst.dimension() + built.h(), row.d(), 1e-9, "w=" + w);
            assertEquals(Math.cbrt(row.d() * built.lambda()), row.entryBound(), 1e-9, "w=" + w);
            assertEquals(row.d() / (Math.log(n) / Math.log(2)), row.dOverLogN(), 1e-12, "w=" + w);
            assertEquals(row.entryBound() / Math.cbrt(Math.log(n)), row.bOverLogRoot(), 1e-12, "w=" + w);
            assertTrue(row.epsA() > 0 && row.epsA() < 0.5, "w=" + w + " eps_a=" + row.epsA());
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
