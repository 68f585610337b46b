package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSelfAttention {

    /** The three steps of the slides, with plain loops: similarity, softmax, weighted sum. */
    static double[][] stepByStep(double[][] q, double[][] k, double[][] v, boolean causal) {
        int t = q.length, dK = q[0].length, dV = v[0].length;
        double[][] y = new double[t][dV];
        for (int i = 0; i < t; i++) {
            int last = causal ? i : t - 1;
            double[] e = new double[last + 1];
            double z = 0;
            for (int j = 0; j <= last; j++) {
                for (int c = 0; c < dK; c++) e[j] += q[i][c] * k[j][c];
                e[j] = Math.exp(e[j] / Math.sqrt(dK));
                z += e[j];
            }
            for (int j = 0; j <= last; j++)
                for (int c = 0; c < dV; c++) y[i][c] += e[j] / z * v[j][c];
        }
        return y;
    }

    private static double[][] rows(Tensor t) {
        double[][] r = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) for (int j = 0; j < t.cols(); j++) r[i][j] = t.get(i, j);
        return r;
    }

    @Test
    void matchesTheStepByStepComputation() {
        Random rng = new Random(91);
        SelfAttention sa = new SelfAttention(5, 3, 2, rng);
        Tensor x = random(4, 5, rng);
        double[][] q = rows(x.matmul(sa.wq())), k = rows(x.matmul(sa.wk())), v = rows(x.matmul(sa.wv()));
        for (boolean causal : new boolean[]{false, true}) {
            Tensor y = sa.forward(x, causal ? Mask.causal() : Mask.none()).output();
            assertClose(Tensor.of(stepByStep(q, k, v, causal)), y, CLOSE);
        }
    }

    @Test
    void causalMaskHidesTheFuture() {
        Random rng = new Random(92);
        SelfAttention sa = new SelfAttention(4, 4, 3, rng);
        Tensor x = random(5, 4, rng);
        AttentionResult r = sa.forward(x, Mask.causal());
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) assertEquals(0.0, r.weights().get(i, j));
        assertClose(x.sliceRows(0, 1).matmul(sa.wv()), r.output().sliceRows(0, 1), CLOSE);
        // the first t outputs do not depend on later inputs
        for (int t = 1; t <= 5; t++)
            assertClose(sa.forward(x.sliceRows(0, t), Mask.causal()).output(), r.output().sliceRows(0, t), CLOSE);
    }

    @Test
    void keyValidLengthIgnoresPadding() {
        Random rng = new Random(93);
        SelfAttention sa = new SelfAttention(4, 2, 3, rng);
        Tensor x = random(5, 4, rng);
        AttentionResult r = sa.forward(x, Mask.validLen(3));
        for (int i = 0; i < 5; i++)
            for (int j = 3; j < 5; j++) assertEquals(0.0, r.weights().get(i, j));
        // the real positions see exactly what they see without the padding rows
        assertClose(sa.forward(x.sliceRows(0, 3)).output(), r.output().sliceRows(0, 3), CLOSE);
        AttentionResult both = sa.forward(x, Mask.causal().and(Mask.validLen(3)));
        assertEquals(0.0, both.weights().get(1, 2));
        assertEquals(0.0, both.weights().get(4, 3));
    }

    @Test
    void permutingTheInputPermutesTheOutput() {
        Random rng = new Random(94);
        SelfAttention sa = new SelfAttention(6, 4, 5, rng);
        Tensor x = random(5, 6, rng);
        int[] perm = {3, 0, 4, 1, 2};
        AttentionResult r = sa.forward(x), p = sa.forward(x.gatherRows(perm));
        assertClose(r.output().gatherRows(perm), p.output(), CLOSE);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++) assertEquals(r.weights().get(perm[i], perm[j]), p.weights().get(i, j), CLOSE);
        // a causal mask breaks the symmetry
        Tensor causalPermuted = sa.forward(x.gatherRows(perm), Mask.causal()).output();
        assertTrue(Math.abs(causalPermuted.get(0, 0) - sa.forward(x, Mask.causal()).output().gatherRows(perm).get(0, 0)) > 1e-6);
    }

    @Test
    void gradientOfWeightsAndInputIsChecked() {
        Random rng = new Random(95);
        SelfAttention sa = new SelfAttention(4, 3, 2, rng);
        for (boolean causal : new boolean[]{false, true}) {
            assertGrad(x -> sa.forward(x[0], causal ? Mask.causal() : Mask.none()).output(), random(5, 4, rng), sa.wq(), sa.wk(), sa.wv());
            assertGrad(x -> sa.forward(x[0], causal ? Mask.causal() : Mask.none()).weights(), random(5, 4, rng), sa.wq(), sa.wk());
        }
        assertGrad(x -> sa.forward(x[0], Mask.causal().and(Mask.validLen(2))).output(), random(4, 4, rng), sa.wq(), sa.wk(), sa.wv());
        assertGrad(x -> sa.forward(x[0]).output(), random(1, 4, rng), sa.wq(), sa.wk(), sa.wv());
    }

    @Test
    void shapeErrorsNameTheShapes() {
        SelfAttention sa = new SelfAttention(4, 3, 2, new Random(96));
        assertRejects(() -> sa.forward(Tensor.zeros(5, 3)), "(5×3)", "(4×3)");
        assertRejects(() -> new SelfAttention(Tensor.zeros(4, 3), Tensor.zeros(4, 2), Tensor.zeros(4, 2)), "(4×3)", "(4×2)");
        assertRejects(() -> sa.forward(Tensor.zeros(5, 4), Mask.validLen(6)), "valid length 6", "(5×5)");
    }
}
