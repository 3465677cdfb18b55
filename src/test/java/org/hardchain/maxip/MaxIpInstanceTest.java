package org.hardchain.maxip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaxIpInstanceTest {

    @Test
    void builderCopiesSupportsSoInstancesAreImmutable() {
        int[] s = {0, 3};
        MaxIpInstance inst = MaxIpInstance.builder(2, 4, 2, Ratio.of(1, 2)).alice(7, 9, s).key(1, 3, new int[] {3}).build();
        s[0] = 2;
        int[] got = inst.support(0, 0);
        assertArrayEquals(new int[] {0, 3}, got);
        got[1] = 1;
        assertArrayEquals(new int[] {0, 3}, inst.support(0, 0));
        assertEquals(7, inst.source(0, 0));
        assertEquals(9, inst.merlin(0));
        assertEquals(3, inst.source(1, 0));
        assertEquals(3, inst.ones());
        assertTrue(inst.get(0, 0, 3));
        assertFalse(inst.get(0, 0, 2));
    }

    @Test
    void rejectsUnsortedOrOutOfRangeSupportsWithTheValues() {
        MaxIpInstance.Builder b = MaxIpInstance.builder(2, 4, 2, Ratio.of(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.alice(0, 0, new int[] {2, 2}));
        assertTrue(e.getMessage().contains("previous one, 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.key(1, 0, new int[] {4}));
        assertTrue(e.getMessage().contains("outside [0, 4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.key(2, 0, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> MaxIpInstance.builder(1, 4, 2, Ratio.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> MaxIpInstance.builder(2, 4, 0, Ratio.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> MaxIpInstance.builder(2, 4, 2, Ratio.of(1, 1)));
    }

    @Test
    void gapIsExact() {
        // t = 9, 1 - eps = 4/9: the no case is ip <= 4 exactly.
        MaxIpInstance inst = MaxIpInstance.builder(3, 1, 9, Ratio.of(4, 9)).build();
        assertTrue(inst.isNo(4));
        assertFalse(inst.isNo(5));
        assertEquals(Ratio.of(5, 9), inst.eps());
        assertTrue(inst.isYes(9));
        assertFalse(inst.isYes(8));
        assertEquals(Ratio.of(1, 3), Ratio.of(3, 9));
        assertEquals(Ratio.of(2, 3), Ratio.parse("4/6"));
        assertThrows(IllegalArgumentException.class, () -> Ratio.parse("1/0"));
        assertThrows(IllegalArgumentException.class, () -> Ratio.parse("x"));
    }

    @Test
    void innerProductCountsCoordinatesWhereAllAreOne() {
        MaxIpInstance inst = MaxIpInstance.builder(3, 10, 1, Ratio.of(0, 1))
                .alice(0, 0, new int[] {0, 2, 4, 6})
                .key(1, 0, new int[] {2, 4, 5, 6})
                .key(2, 0, new int[] {0, 4, 6, 9})
                .build();
        assertEquals(2, inst.innerProduct(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> inst.innerProduct(0, 0));
    }
}
