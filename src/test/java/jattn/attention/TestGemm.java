package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;

class TestGemm {

    /** Sums taken in another order than EJML's: rounding, relative to the size of the entries. */
    static final double ROUNDING = 1e-12;

    /** Shapes (m, k, n): degenerate, k not a multiple of 4, and large enough to be split between cores. */
    static final int[][] SHAPES = {{1, 1, 1}, {1, 5, 1}, {3, 1, 4}, {2, 7, 3}, {5, 8, 1}, {0, 3, 2}, {4, 0, 3},
            {33, 66, 17}, {130, 70, 90}};

    static DMatrixRMaj gaussian(int r, int c, Random rng) {
        return random(r, c, rng).value();
    }

    @Test
    void multMatchesEjmlWithAndWithoutAccumulating() {
        Random rng = new Random(301);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = gaussian(s[0], s[1], rng), b = gaussian(s[1], s[2], rng), c0 = gaussian(s[0], s[2], rng);
            DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]), c = c0.copy();
            CommonOps_DDRM.mult(0.7, a, b, expected);
            Gemm.mult(0.7, a, b, c, false);
            assertClose(expected, c, ROUNDING);
            expected = c0.copy();
            c = c0.copy();
            CommonOps_DDRM.multAdd(-1.5, a, b, expected);
            Gemm.mult(-1.5, a, b, c, true);
            assertClose(expected, c, ROUNDING);
        }
    }

    @Test
    void multTransBMatchesEjml() {
        Random rng = new Random(302);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = gaussian(s[0], s[1], rng), b = gaussian(s[2], s[1], rng), c0 = gaussian(s[0], s[2], rng);
            DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]), c = c0.copy();
            CommonOps_DDRM.multTransB(0.3, a, b, expected);
            Gemm.multTransB(0.3, a, b, c, false);
            assertClose(expected, c, ROUNDING);
            expected = c0.copy();
            c = c0.copy();
            CommonOps_DDRM.multAddTransB(2, a, b, expected);
            Gemm.multTransB(2, a, b, c, true);
            assertClose(expected, c, ROUNDING);
        }
    }

    @Test
    void multAddTransAMatchesEjml() {
        Random rng = new Random(303);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = gaussian(s[1], s[0], rng), b = gaussian(s[1], s[2], rng), c0 = gaussian(s[0], s[2], rng);
            DMatrixRMaj expected = c0.copy(), c = c0.copy();
            CommonOps_DDRM.multAddTransA(-0.4, a, b, expected);
            Gemm.multAddTransA(-0.4, a, b, c);
            assertClose(expected, c, ROUNDING);
        }
    }

    @Test
    void zeroRowsOfFourScalarsAreSkippedCorrectly() {
        Random rng = new Random(304);
        DMatrixRMaj a = gaussian(6, 9, rng), b = gaussian(9, 5, rng);
        for (int j = 0; j < 8; j++) a.set(2, j, 0);                      // a causal-style block of zeros
        for (int i = 0; i < 6; i++) for (int j = 4; j < 8; j++) a.set(i, j, 0);
        DMatrixRMaj expected = new DMatrixRMaj(6, 5), c = new DMatrixRMaj(6, 5);
        CommonOps_DDRM.mult(a, b, expected);
        Gemm.mult(1, a, b, c, false);
        assertClose(expected, c, ROUNDING);
        DMatrixRMaj expectedT = gaussian(9, 5, rng), cT = expectedT.copy(), g = gaussian(6, 5, rng);
        CommonOps_DDRM.multAddTransA(a, g, expectedT);
        Gemm.multAddTransA(1, a, g, cT);
        assertClose(expectedT, cT, ROUNDING);
    }

    @Test
    void matmulOpMatchesTensorMatmulAndItsGradientIsChecked() {
        Random rng = new Random(305);
        Tensor a = random(4, 6, rng), b = random(6, 3, rng);
        assertClose(a.matmul(b), Gemm.matmul(a, b), ROUNDING);
        assertGrad(x -> Gemm.matmul(x[0], x[1]), a, b);
        assertGrad(x -> Gemm.matmul(x[0], x[1]), random(1, 1, rng), random(1, 2, rng));
        assertGrad(x -> Gemm.matmul(x[0], x[1]), random(40, 70, rng), random(70, 5, rng));   // split between cores
        assertRejects(() -> Gemm.matmul(Tensor.zeros(2, 3), Tensor.zeros(4, 2)), "(2×3)", "(4×2)");
        assertRejects(() -> Gemm.mult(1, new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 3), false),
                "(2×3)", "(3×2)");
    }
}
