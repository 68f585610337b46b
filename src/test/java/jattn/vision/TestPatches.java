package jattn.vision;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static jattn.testing.TorchAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.*;

class TestPatches {

    @Test
    void cutsRowMajorPatchesOfASmallImage() {
        double[][] img = new double[4][6];
        for (int r = 0; r < 4; r++) for (int c = 0; c < 6; c++) img[r][c] = 10 * r + c;
        Tensor x = Patches.of(Tensor.of(img), 2);
        assertClose(new DMatrixRMaj(new double[][]{
                {0, 1, 10, 11}, {2, 3, 12, 13}, {4, 5, 14, 15},
                {20, 21, 30, 31}, {22, 23, 32, 33}, {24, 25, 34, 35}}), x.value(), 0.0);
        assertEquals(List.of("0,0", "0,1", "0,2", "1,0", "1,1", "1,2"), Patches.labels(4, 6, 2));
        DMatrixRMaj grid = Patches.onGrid(new DMatrixRMaj(1, 6, true, 1, 2, 3, 4, 5, 6), 4, 6, 2);
        assertEquals(2, grid.numRows);
        assertEquals(4.0, grid.get(1, 0));
    }

    @Test
    void wholeImageIsOnePatchAndEveryPixelItsOwnPatch() {
        Tensor img = random(3, 3, new Random(1));
        assertClose(img.value().copy(), Patches.of(img, 3).reshape(3, 3).value(), 0.0);
        assertClose(img.reshape(9, 1).value(), Patches.of(img, 1).value(), 0.0);
    }

    @Test
    void gradientIsChecked() {
        assertGrad(p -> Patches.of(p[0], 2), random(4, 6, new Random(2)).asParameter());
    }

    @Test
    void matchesTorchUnfold() {
        Fixtures f = Fixtures.load("cnn_vit.json");
        assertMatches("patches", f.matrix("outputs", "patches", "x"),
                Patches.of(f.tensor("inputs", "patches", "image"), f.integer("inputs", "patches", "patchSize")), 0.0);
    }

    @Test
    void aPatchSizeThatDoesNotDivideIsRejected() {
        assertRejects(() -> Patches.of(Tensor.zeros(4, 6), 4), "patch size 4", "(4×6)");
        assertRejects(() -> Patches.onGrid(new DMatrixRMaj(1, 5), 4, 6, 2), "5 values", "2×3");
    }
}
