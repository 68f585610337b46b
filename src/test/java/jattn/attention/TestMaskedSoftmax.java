package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestMaskedSoftmax {

    /** Softmax of row i restricted to columns [0, len), computed on its own. */
    private static Tensor prefixSoftmax(Tensor x, int i, int len) {
        return Softmax.apply(x.sliceRows(i, i + 1).sliceCols(0, len));
    }

    @Test
    void validLengthsGiveExactlyZeroWeightOnPadding() {
        Tensor x = random(3, 4, new Random(21));
        int[] lens = {2, 4, 1};
        Tensor w = MaskedSoftmax.apply(x, lens);
        for (int i = 0; i < 3; i++) {
            for (int j = lens[i]; j < 4; j++) assertEquals(0.0, w.get(i, j), "padding (" + i + "," + j + ")");
            assertClose(prefixSoftmax(x, i, lens[i]), w.sliceRows(i, i + 1).sliceCols(0, lens[i]), CLOSE);
        }
    }

    @Test
    void fewerLengthsThanRowsAreSharedByConsecutiveRows() {
        // d2l: scores (B·q × k) with one valid length per batch element
        Tensor x = random(4, 5, new Random(22));
        Tensor w = MaskedSoftmax.apply(x, Mask.validLensPerBatch(2, 3));
        Tensor perRow = MaskedSoftmax.apply(x, new int[]{2, 2, 3, 3});
        assertClose(perRow, w, 0.0);
        assertEquals(0.0, w.get(1, 2));
        assertTrue(w.get(2, 2) > 0);
        Tensor single = MaskedSoftmax.apply(x, Mask.validLen(3));
        assertClose(MaskedSoftmax.apply(x, new int[]{3, 3, 3, 3}), single, 0.0);
        assertRejects(() -> MaskedSoftmax.apply(x, new int[]{2, 3}), "2 valid lengths", "4 rows", "validLensPerBatch");
    }

    @Test
    void booleanMaskKeepsAnyPattern() {
        Tensor x = random(3, 3, new Random(23));
        boolean[][] keep = {{false, true, true}, {true, false, false}, {true, true, true}};
        Tensor w = MaskedSoftmax.apply(x, keep);
        assertEquals(0.0, w.get(0, 0));
        assertEquals(1.0, w.get(1, 0), CLOSE);
        assertEquals(0.0, w.get(1, 1));
        assertClose(Softmax.apply(x.sliceRows(2, 3)), w.sliceRows(2, 3), CLOSE);
        double e1 = Math.exp(x.get(0, 1)), e2 = Math.exp(x.get(0, 2));
        assertEquals(e1 / (e1 + e2), w.get(0, 1), CLOSE);
    }

    @Test
    void causalAndCombinedMasks() {
        Tensor x = random(3, 4, new Random(24));
        Tensor w = MaskedSoftmax.apply(x, Mask.causal());
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                if (j > i) assertEquals(0.0, w.get(i, j));
        assertEquals(1.0, w.get(0, 0), CLOSE);
        Tensor both = MaskedSoftmax.apply(x, Mask.causal().and(Mask.validLen(2)));
        assertEquals(0.0, both.get(2, 2));
        assertClose(prefixSoftmax(x, 2, 2), both.sliceRows(2, 3).sliceCols(0, 2), CLOSE);
    }

    @Test
    void hugeLogitsAreStableAndMaskedHugeLogitsDoNotLeak() {
        Tensor x = Tensor.of(new double[][]{{1e4, -1e4, 5e3, 1e4}, {1e4, 1, 2, -1e4}});
        boolean[][] keep = {{false, true, true, false}, {false, true, true, true}};
        Tensor w = MaskedSoftmax.apply(x, keep);
        for (double v : w.value().data) assertTrue(Double.isFinite(v));
        assertArrayEquals(new double[]{0, 0, 1, 0}, w.sliceRows(0, 1).value().data, CLOSE);
        double p = 1 / (1 + Math.E);
        assertArrayEquals(new double[]{0, p, 1 - p, 0}, w.sliceRows(1, 2).value().data, CLOSE);
        assertEquals(0.0, w.get(1, 0));
        assertEquals(0.0, w.get(0, 3));
    }

    @Test
    void aFullyMaskedRowHasZeroWeightsAndZeroGradient() {
        Tensor x = random(3, 4, new Random(25));
        Tensor w = MaskedSoftmax.apply(x, new int[]{3, 0, 4});
        assertArrayEquals(new double[]{0, 0, 0, 0}, w.sliceRows(1, 2).value().data, 0.0);
        for (double v : w.value().data) assertFalse(Double.isNaN(v));
        weightedSum(w).backward();
        DMatrixRMaj g = x.grad();
        for (int j = 0; j < 4; j++) assertEquals(0.0, g.get(1, j));
        assertNotEquals(0.0, g.get(0, 0));
        assertGrad(t -> MaskedSoftmax.apply(t[0], new int[]{3, 0, 4}), x);
    }

    @Test
    void gradientIsCheckedWithMaskedEntries() {
        Random rng = new Random(26);
        assertGrad(x -> MaskedSoftmax.apply(x[0], new int[]{2, 5, 3}), random(3, 5, rng));
        assertGrad(x -> MaskedSoftmax.apply(x[0], Mask.validLensPerBatch(1, 4)), random(4, 5, rng));
        assertGrad(x -> MaskedSoftmax.apply(x[0], Mask.causal(), 0.5), random(4, 4, rng));
        assertGrad(x -> MaskedSoftmax.apply(x[0], new boolean[][]{{true, false, true}}), random(1, 3, rng));
        assertGrad(x -> MaskedSoftmax.apply(x[0], Mask.validLen(1)), random(3, 1, rng));
        // masked entries receive exactly no gradient
        Tensor x = random(2, 4, rng);
        weightedSum(MaskedSoftmax.apply(x, new int[]{2, 3})).backward();
        assertEquals(0.0, x.grad().get(0, 2));
        assertEquals(0.0, x.grad().get(1, 3));
    }

    @Test
    void masksThatDoNotFitAreRejectedWithBothShapes() {
        Tensor x = Tensor.zeros(4, 5);
        assertRejects(() -> MaskedSoftmax.apply(x, new int[]{1, 2, 3}), "3 valid lengths", "(4×5)");
        assertRejects(() -> MaskedSoftmax.apply(x, Mask.validLen(6)), "valid length 6", "(4×5)");
        assertRejects(() -> MaskedSoftmax.apply(x, Mask.validLensPerBatch(-1, 2)), "valid length -1");
        assertRejects(() -> MaskedSoftmax.apply(x, new boolean[2][3]), "(2×3)", "(4×5)");
    }
}
