package jattn.experiments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestLayerScaling {

    @Test
    void countedMultiplyAddsEqualTheFormulasAndSequentialOperationsGrowOnlyForTheRnn() {
        LayerScaling.Settings s = LayerScaling.Settings.lesson().withLengths(20, 40, 80).withRepeats(1).withD(4);
        List<LayerScaling.Measured> all = LayerScaling.measure(s, Verbosity.QUIET);
        assertEquals(LayerScaling.Layer.values().length, all.size());
        for (LayerScaling.Measured m : all) {
            for (int i = 0; i < 3; i++)
                assertEquals(LayerScaling.expectedMultiplyAdds(m.layer(), m.lengths()[i], s), m.multiplyAdds()[i], m.layer() + " n " + m.lengths()[i]);
            if (m.layer() == LayerScaling.Layer.RECURRENT) {
                assertEquals(m.sequential()[1] - m.sequential()[0], (m.sequential()[2] - m.sequential()[1]) / 2, "linear in n");
                assertTrue(m.sequential()[2] >= 80, "at least one operation per step");
            } else {
                assertEquals(m.sequential()[0], m.sequential()[2], m.layer() + ": as many sequential operations at every n");
            }
            assertTrue(m.seconds()[0] > 0);
        }
        assertEquals(1.0, all.get(1).countSlope(), 1e-12, "the convolution's count is linear in n");
    }

    @Test
    void slopeOfAPowerLawAndMedian() {
        double[] x = {Math.log(2), Math.log(4), Math.log(8)}, y = {2 * x[0] + 1, 2 * x[1] + 1, 2 * x[2] + 1};
        assertEquals(2.0, LayerScaling.slope(x, y), 1e-12);
        assertEquals(3.0, LayerScaling.median(new double[]{5, 1, 3}));
        assertEquals(2.5, LayerScaling.median(new double[]{4, 1, 3, 2}));
        assertThrows(IllegalArgumentException.class, () -> LayerScaling.slope(new double[]{1}, new double[]{1}));
    }

    @Test
    void tableOneHasTheFourLayerTypes() {
        var t = LayerScaling.table1();
        assertEquals(4, t.rowCount());
        assertEquals("O(n²·d)", t.stringColumn("complexity per layer").get(0));
        assertEquals("O(n)", t.stringColumn("sequential operations").get(1));
    }
}
