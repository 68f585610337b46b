package jattn.train;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestGradientClipping {

    static final double EXACT = 1e-12;

    /** A parameter whose gradient is {@code g}. */
    static Tensor withGrad(double... g) {
        Tensor p = Tensor.parameter(new DMatrixRMaj(1, g.length));
        p.accumulate(new DMatrixRMaj(1, g.length, true, g));
        return p;
    }

    @Test
    void clipsByTheGlobalNormAndReturnsTheNormBefore() {
        // ‖(3, 4, 12)‖ = √(9 + 16 + 144) = 13 → scale 6.5/(13 + 1e-6)
        Tensor a = withGrad(3, 4), b = withGrad(12), none = Tensor.parameter(new DMatrixRMaj(1, 1));
        List<Tensor> ps = List.of(a, b, none);
        assertEquals(13.0, GradientClipping.globalNorm(ps), EXACT);
        assertEquals(13.0, GradientClipping.clipGradNorm(ps, 6.5), EXACT);
        double c = 6.5 / (13 + 1e-6);
        assertArrayEquals(new double[]{3 * c, 4 * c}, a.grad().data, EXACT);
        assertArrayEquals(new double[]{12 * c}, b.grad().data, EXACT);
        assertEquals(6.5, GradientClipping.globalNorm(ps), 1e-6);
        assertNull(none.grad());
    }

    @Test
    void smallGradientsAreLeftAlone() {
        Tensor a = withGrad(0.3, 0.4);
        assertEquals(0.5, GradientClipping.clipGradNorm(List.of(a), 1.0), EXACT);
        assertArrayEquals(new double[]{0.3, 0.4}, a.grad().data, 0.0);
        // exactly at maxNorm: c = 0.5/(0.5 + 1e-6) < 1, so PyTorch scales by a hair, and so do we
        GradientClipping.clipGradNorm(List.of(a), 0.5);
        assertTrue(a.grad().data[0] < 0.3);
        assertEquals(0.3, a.grad().data[0], 1e-6);
    }

    @Test
    void nonFiniteNormIsReturnedAndGradientsUntouched() {
        Tensor a = withGrad(Double.NaN, 1);
        assertTrue(Double.isNaN(GradientClipping.clipGradNorm(List.of(a), 1.0)));
        assertEquals(1.0, a.grad().data[1]);
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipGradNorm(List.of(a), 0));
    }
}
