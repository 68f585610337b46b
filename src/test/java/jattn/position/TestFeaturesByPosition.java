package jattn.position;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestFeaturesByPosition {

    @Test
    void transposesTheFirstRowsAndScalesTheLargestMagnitudeToOne() {
        LearnedPositionalEncoding pe = new LearnedPositionalEncoding(Tensor.of(new double[][]{{1, -4}, {2, 0.5}, {100, 100}}));
        double[][] picture = pe.featuresByPosition(2);                 // rows 0–1 only: max |·| = 4
        assertArrayEquals(new double[]{0.25, 0.5}, picture[0], 1e-15);
        assertArrayEquals(new double[]{-1.0, 0.125}, picture[1], 1e-15);
        assertEquals(1.0, pe.table().get(0, 0), 0.0, "not modified");
        double[][] sin = new SinusoidalPositionalEncoding(61, 8).featuresByPosition(61);
        assertEquals(8, sin.length);
        assertEquals(61, sin[0].length);
        assertEquals(Math.sin(60), sin[0][60], 1e-12, "the sinusoidal table's largest |value| is 1 (cos 0)");
        assertArrayEquals(new double[]{0, 0}, new LearnedPositionalEncoding(Tensor.zeros(2, 2)).featuresByPosition(2)[0], 0.0);
        assertRejects(() -> pe.featuresByPosition(4), "4 positions", "(3×2)");
    }
}
