package jattn.attention;

import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestWindowMask {

    @Test
    void keepsTheBandAndCountsItRowByRow() {
        boolean[][] keep = WindowMask.of(2, 1).keep("test", 6, 6);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) assertEquals(j >= i - 2 && j <= i + 1, keep[i][j], "(" + i + ", " + j + ")");
        long kept = 0;
        for (boolean[] r : keep) for (boolean b : r) if (b) kept++;
        assertEquals(kept, WindowMask.of(2, 1).keptEntries(6));
        assertEquals(4, WindowMask.of(2, 1).width());
    }

    @Test
    void symmetricWindowHasTheClosedFormCountAndAWideWindowKeepsEverything() {
        for (int r : new int[]{0, 1, 3, 8})
            for (int n : new int[]{2 * r + 1, 50, 333})
                assertEquals((long) n * (2 * r + 1) - (long) r * (r + 1), WindowMask.radius(r).keptEntries(n), "r " + r + ", n " + n);
        assertEquals(25, WindowMask.radius(10).keptEntries(5), "a window wider than the sequence keeps all n²");
        assertEquals(5, WindowMask.radius(0).keptEntries(5), "radius 0: the diagonal");
    }

    @Test
    void pastOnlyWindowIsCausalWithinTheWindow() {
        boolean[][] keep = WindowMask.of(3, 0).keep("test", 8, 8);
        boolean[][] causal = Mask.causal().keep("test", 8, 8);
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++) assertEquals(causal[i][j] && i - j <= 3, keep[i][j]);
    }

    @Test
    void negativeSidesAreRejected() {
        assertRejects(() -> WindowMask.of(-1, 2), "before -1");
    }
}
