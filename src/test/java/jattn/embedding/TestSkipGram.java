package jattn.embedding;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSkipGram {

    /** The loops and the Tensor graph add the same terms in a different order. */
    static final double SAME = 1e-12;

    static final int[] C = {3, 3, 0, 6, 2};
    static final int[] O = {1, 2, 0, 5, 2};
    static final int[][] N = {{4, 1, 1}, {2, 5, 6}, {0, 3, 4}, {1, 1, 1}, {6, 0, 3}};

    static SkipGram randomModel(int vocab, int d, long seed) {
        Random rng = new Random(seed);
        return new SkipGram(random(vocab, d, rng), random(vocab, d, rng));
    }

    @Test
    void fastLoopsMatchTheReadableLossInValueAndGradient() {
        SkipGram m = randomModel(7, 4, 1);
        int B = C.length;
        // readable: mean loss over the batch, gradients by backward()
        Tensor loss = m.loss(C, O, N);
        loss.backward();
        // fast: each pair's loss and gradient, scaled by 1/B
        DMatrixRMaj dV = new DMatrixRMaj(7, 4), dU = new DMatrixRMaj(7, 4);
        double sum = 0;
        for (int b = 0; b < B; b++) sum += m.accumulate(C[b], O[b], N[b], N[b].length, 1.0 / B, dV, dU);
        assertEquals(loss.item(), sum / B, SAME);
        assertClose(m.centre().grad(), dV, SAME);
        assertClose(m.context().grad(), dU, SAME);
    }

    @Test
    void onlyTheFirstKNegativesCount() {
        SkipGram m = randomModel(5, 3, 2);
        DMatrixRMaj dV = new DMatrixRMaj(5, 3), dU = new DMatrixRMaj(5, 3);
        double fast = m.accumulate(1, 2, new int[]{4, 0, 3}, 1, 1.0, dV, dU);
        Tensor readable = m.loss(new int[]{1}, new int[]{2}, new int[][]{{4}});
        readable.backward();
        assertEquals(readable.item(), fast, SAME);
        assertClose(m.centre().grad(), dV, SAME);
        assertClose(m.context().grad(), dU, SAME);
        // k = 0: only the positive pair
        m.zeroGrad();
        dV.zero();
        dU.zero();
        fast = m.accumulate(4, 4, new int[0], 0, 1.0, dV, dU);
        readable = m.loss(new int[]{4}, new int[]{4}, new int[][]{{}});
        readable.backward();
        assertEquals(readable.item(), fast, SAME);
        assertClose(m.centre().grad(), dV, SAME);
        assertClose(m.context().grad(), dU, SAME);
    }

    @Test
    void sgdStepIsOneGradientStepAtTheOldValues() {
        double eta = 0.3;
        for (int b = 0; b < C.length; b++) {
            SkipGram m = randomModel(7, 4, 10 + b);
            DMatrixRMaj V0 = m.centre().value().copy(), U0 = m.context().value().copy();
            Tensor loss = m.loss(new int[]{C[b]}, new int[]{O[b]}, new int[][]{N[b]});
            loss.backward();
            double returned = m.sgdStep(C[b], O[b], N[b], N[b].length, eta);
            assertEquals(loss.item(), returned, SAME);
            DMatrixRMaj expectedV = new DMatrixRMaj(7, 4), expectedU = new DMatrixRMaj(7, 4);
            CommonOps_DDRM.add(V0, -eta, m.centre().grad(), expectedV);       // V − η ∂L/∂V
            CommonOps_DDRM.add(U0, -eta, m.context().grad(), expectedU);      // U − η ∂L/∂U
            assertClose(expectedV, m.centre().value(), SAME);
            assertClose(expectedU, m.context().value(), SAME);
        }
    }

    @Test
    void stepsLowerTheLossOfTheirPair() {
        SkipGram m = randomModel(4, 2, 3);
        int[] n = {3};
        double before = m.loss(new int[]{0}, new int[]{1}, new int[][]{n}).item();
        for (int i = 0; i < 20; i++) m.sgdStep(0, 1, n, 1, 0.1);
        assertTrue(m.loss(new int[]{0}, new int[]{1}, new int[][]{n}).item() < before);
    }

    @Test
    void largeScoresGiveFiniteLoss() {
        // u·v = ±1000: log σ would underflow to −∞ in a naive formula; softplus keeps it finite
        SkipGram m = new SkipGram(Tensor.of(new double[][]{{10, 10}, {0, 0}}).asParameter(),
                Tensor.of(new double[][]{{50, 50}, {-50, -50}}).asParameter());
        DMatrixRMaj dV = new DMatrixRMaj(2, 2), dU = new DMatrixRMaj(2, 2);
        assertEquals(2000.0, m.accumulate(0, 1, new int[]{0}, 1, 1.0, dV, dU), SAME);   // −log σ(−1000) − log σ(−1000)
        assertEquals(0.0, m.accumulate(0, 0, new int[]{1}, 1, 1.0, dV, dU), SAME);      // both terms ≈ e^−1000
    }

    @Test
    void initialisationIsSeededAndFollowsWord2vec() {
        SkipGram a = new SkipGram(10, 8, new Random(5)), b = new SkipGram(10, 8, new Random(5));
        assertArrayEquals(a.centre().value().data, b.centre().value().data);
        double bound = 0.5 / 8;
        for (double x : a.centre().value().data) assertTrue(Math.abs(x) <= bound);
        for (double x : a.context().value().data) assertEquals(0.0, x);
        assertEquals(2, a.parameters().size());
        assertEquals(2 * 10 * 8, a.parameterCount());
        assertEquals(10, a.vocabSize());
        assertEquals(8, a.dModel());
    }

    @Test
    void badInputIsRejected() {
        assertRejects(() -> new SkipGram(Tensor.zeros(4, 3), Tensor.zeros(5, 3)), "(4×3)", "(5×3)");
        SkipGram m = randomModel(4, 3, 6);
        DMatrixRMaj dV = new DMatrixRMaj(4, 3), dU = new DMatrixRMaj(4, 3);
        assertRejects(() -> m.accumulate(0, 1, new int[]{2}, 1, 1, new DMatrixRMaj(4, 2), dU), "(4×2)", "(4×3)");
        assertRejects(() -> m.accumulate(0, 4, new int[]{2}, 1, 1, dV, dU), "context id 4", "[0, 4)");
        assertRejects(() -> m.accumulate(0, 1, new int[]{-1}, 1, 1, dV, dU), "negative id -1");
        assertRejects(() -> m.accumulate(0, 1, new int[]{2}, 2, 1, dV, dU), "k = 2");
    }
}
