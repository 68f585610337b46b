package jattn.autograd;

import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestTensors {

    @Test
    void formatPrintsTheShapeAndAlignedRows() {
        Tensor t = Tensor.of(new double[][]{{0.1, -2.5, 10}, {1, 0, -1.0 / 3}});
        assertEquals("(2×3)\n"
                + "[   0.1000  -2.5000  10.0000 ]\n"
                + "[   1.0000   0.0000  -0.3333 ]", Tensors.format(t));
        assertEquals("(1×2)\n[   1.5  -0.3 ]", Tensors.format(Tensor.row(1.5, -0.25), 1));
        assertEquals("(0×0)", Tensors.format(Tensor.zeros(0, 0)));
        assertRejects(() -> Tensors.format(t, -1), "decimals");
    }

    @Test
    void argmaxRowsTakesTheFirstLargestEntry() {
        Tensor t = Tensor.of(new double[][]{{1, 3, 2}, {-1, -1, -2}, {0, 0, 5}});
        assertArrayEquals(new int[]{1, 0, 2}, Tensors.argmaxRows(t));
        assertRejects(() -> Tensors.argmaxRows(Tensor.zeros(2, 0)), "(2×0)");
    }

    @Test
    void allCloseAndMaxDifferenceCompareEveryEntry() {
        Tensor a = Tensor.of(new double[][]{{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[][]{{1, 2.001}, {3, 3.9}});
        assertEquals(0.1, Tensors.maxDifference(a, b), 1e-12);
        assertTrue(Tensors.allClose(a, b, 0.1 + 1e-12));
        assertFalse(Tensors.allClose(a, b, 0.05));
        assertEquals(0.0, Tensors.maxDifference(a, a));
        Tensor nan = Tensor.of(new double[][]{{1, 2}, {Double.NaN, 4}});
        assertTrue(Double.isNaN(Tensors.maxDifference(a, nan)));
        assertFalse(Tensors.allClose(a, nan, 1e9));
        assertRejects(() -> Tensors.allClose(a, Tensor.zeros(2, 3), 1), "(2×2)", "(2×3)");
    }
}
