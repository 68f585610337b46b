package jattn.conv;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import jattn.nn.Linear;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestConv1d {

    /** Y[t][o] = b[o] + Σ_j Σ_c X_pad[t+j][c] · W[j·dIn + c][o], by plain loops. */
    private static DMatrixRMaj naive(Tensor x, Tensor w, Tensor b, int k, int p) {
        int t = x.rows(), dIn = x.cols(), dOut = w.cols(), tOut = t + 2 * p - k + 1;
        DMatrixRMaj y = new DMatrixRMaj(tOut, dOut);
        for (int i = 0; i < tOut; i++)
            for (int o = 0; o < dOut; o++) {
                double s = b.get(0, o);
                for (int j = 0; j < k; j++) {
                    int row = i + j - p;
                    if (row < 0 || row >= t) continue;
                    for (int c = 0; c < dIn; c++) s += x.get(row, c) * w.get(j * dIn + c, o);
                }
                y.set(i, o, s);
            }
        return y;
    }

    private static Conv1d randomConv(int dIn, int dOut, int k, int p, Random rng) {
        return new Conv1d(random(k * dIn, dOut, rng), random(1, dOut, rng), k, p);
    }

    @Test
    void matchesTheNaiveLoopForSeveralKernelsAndPaddings() {
        Random rng = new Random(1);
        int[][] kp = {{1, 0}, {3, 0}, {3, 1}, {2, 1}, {5, 2}, {4, 3}};
        for (int[] c : kp) {
            Conv1d conv = randomConv(3, 2, c[0], c[1], rng);
            Tensor x = random(6, 3, rng);
            Tensor y = conv.forward(x);
            assertEquals(conv.outputLength(6), y.rows());
            assertClose(naive(x, conv.weight(), conv.bias(), c[0], c[1]), y.value(), CLOSE);
        }
    }

    @Test
    void im2colOfASmallSequence() {
        // X = [[1, 2], [3, 4], [5, 6]], k = 2, p = 1: windows [0 0 1 2], [1 2 3 4], [3 4 5 6], [5 6 0 0]
        DMatrixRMaj cols = Conv1d.im2col(new DMatrixRMaj(new double[][]{{1, 2}, {3, 4}, {5, 6}}), 2, 1);
        assertClose(new DMatrixRMaj(new double[][]{{0, 0, 1, 2}, {1, 2, 3, 4}, {3, 4, 5, 6}, {5, 6, 0, 0}}), cols, 0.0);
    }

    @Test
    void kernelOfOneIsALinearLayerPerPosition() {
        Random rng = new Random(2);
        Conv1d conv = randomConv(4, 3, 1, 0, rng);
        Tensor x = random(5, 4, rng);
        assertClose(new Linear(conv.weight(), conv.bias()).forward(x).value(), conv.forward(x).value(), CLOSE);
    }

    @Test
    void gradientsOfInputWeightAndBiasAreChecked() {
        Random rng = new Random(3);
        for (int[] c : new int[][]{{3, 1}, {2, 0}, {4, 2}}) {
            Conv1d conv = randomConv(3, 2, c[0], c[1], rng);
            assertGrad(p -> new Conv1d(p[1], p[2], c[0], c[1]).forward(p[0]), random(5, 3, rng), conv.weight(), conv.bias());
        }
        // degenerate: one position and one channel in and out; a kernel longer than the sequence
        Conv1d tiny = randomConv(1, 1, 1, 0, rng);
        assertGrad(p -> new Conv1d(p[1], p[2], 1, 0).forward(p[0]), random(1, 1, rng), tiny.weight(), tiny.bias());
        Conv1d wide = randomConv(1, 1, 5, 2, rng);
        assertGrad(p -> new Conv1d(p[1], p[2], 5, 2).forward(p[0]), random(1, 1, rng), wide.weight(), wide.bias());
    }

    @Test
    void seededLayerAndBadShapes() {
        Conv1d conv = new Conv1d(4, 6, 3, 1, new Random(4));
        assertEquals(4, conv.inputSize());
        assertEquals(6, conv.outputSize());
        assertEquals(12 * 6 + 6, conv.parameterCount());
        assertEquals(10, conv.forward(Tensor.zeros(10, 4)).rows());     // "same" length for k = 3, p = 1
        assertRejects(() -> conv.forward(Tensor.zeros(10, 5)), "(10×5)", "(12×6)");
        assertRejects(() -> new Conv1d(4, 6, 5, 0, new Random(5)).forward(Tensor.zeros(3, 4)), "(3×4)", "kernel size 5");
        assertRejects(() -> new Conv1d(Tensor.zeros(10, 6), Tensor.zeros(1, 6), 3, 1), "(10×6)", "kernel size 3");
        assertRejects(() -> new Conv1d(Tensor.zeros(12, 6), Tensor.zeros(1, 5), 3, 1), "(12×6)", "(1×5)");
        assertRejects(() -> new Conv1d(Tensor.zeros(12, 6), Tensor.zeros(1, 6), 3, -1), "padding -1");
    }
}
