package jattn.embedding;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSkipGramLoss {

    static final double EXACT = 1e-12;

    static double logSigmoid(double x) {
        return Math.log(1 / (1 + Math.exp(-x)));
    }

    @Test
    void onePairByHand() {
        // v_c = row 0 of V = (1, 2); u_o = row 1 of U = (0.5, −1); u_n = row 2 of U = (2, 0.25)
        Tensor V = Tensor.of(new double[][]{{1, 2}, {0, 0}, {0, 0}}).asParameter();
        Tensor U = Tensor.of(new double[][]{{0, 0}, {0.5, -1}, {2, 0.25}}).asParameter();
        double positive = 0.5 * 1 + (-1) * 2;          // u_o·v_c = −1.5
        double negative = 2 * 1 + 0.25 * 2;            // u_n·v_c = 2.5
        double expected = -logSigmoid(positive) - logSigmoid(-negative);
        Tensor loss = SkipGramLoss.of(V, U, new int[]{0}, new int[]{1}, new int[][]{{2}});
        assertEquals(1, loss.rows());
        assertEquals(1, loss.cols());
        assertEquals(expected, loss.item(), EXACT);
        // without negatives only the first term is left
        assertEquals(-logSigmoid(positive), SkipGramLoss.of(V, U, new int[]{0}, new int[]{1}, new int[][]{{}}).item(), EXACT);
    }

    @Test
    void batchLossIsTheMeanOfThePairLosses() {
        Random rng = new Random(1);
        Tensor V = random(6, 3, rng), U = random(6, 3, rng);
        int[] c = {0, 4, 4}, o = {1, 1, 5};
        int[][] n = {{2, 3}, {1, 0}, {2, 2}};
        double sum = 0;
        for (int b = 0; b < 3; b++)
            sum += SkipGramLoss.of(V, U, new int[]{c[b]}, new int[]{o[b]}, new int[][]{n[b]}).item();
        assertEquals(sum / 3, SkipGramLoss.of(V, U, c, o, n).item(), EXACT);
    }

    @Test
    void gradientsOfBothTablesAreChecked() {
        Random rng = new Random(2);
        Tensor V = random(7, 4, rng), U = random(7, 4, rng);
        // repeated centres, a negative equal to the context, a repeated negative, centre = context id
        int[] c = {3, 3, 0, 6};
        int[] o = {1, 2, 0, 5};
        int[][] n = {{4, 1, 1}, {2, 5, 6}, {0, 3, 4}, {1, 1, 1}};
        GradCheck.Result r = GradCheck.check(p -> SkipGramLoss.of(p[0], p[1], c, o, n), V, U);
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }

    @Test
    void degenerateShapesAreChecked() {
        Random rng = new Random(3);
        // one pair, d = 1, no negatives
        Tensor V = random(2, 1, rng), U = random(2, 1, rng);
        GradCheck.Result r = GradCheck.check(p -> SkipGramLoss.of(p[0], p[1], new int[]{1}, new int[]{0}, new int[][]{{}}), V, U);
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
        // a vocabulary of one word
        Tensor V1 = random(1, 3, rng), U1 = random(1, 3, rng);
        r = GradCheck.check(p -> SkipGramLoss.of(p[0], p[1], new int[]{0}, new int[]{0}, new int[][]{{0}}), V1, U1);
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }

    @Test
    void badInputIsRejectedWithShapes() {
        Tensor V = Tensor.zeros(5, 3), U = Tensor.zeros(5, 4);
        assertRejects(() -> SkipGramLoss.of(V, U, new int[]{0}, new int[]{1}, new int[][]{{2}}), "(5×3)", "(5×4)");
        Tensor U3 = Tensor.zeros(5, 3);
        assertRejects(() -> SkipGramLoss.of(V, U3, new int[]{0, 1}, new int[]{1}, new int[][]{{2}}), "2 centres", "1 contexts");
        assertRejects(() -> SkipGramLoss.of(V, U3, new int[]{0, 1}, new int[]{1, 2}, new int[][]{{2}, {3, 4}}), "pair 1 has 2");
        assertRejects(() -> SkipGramLoss.of(V, U3, new int[]{0}, new int[]{9}, new int[][]{{2}}), "id 9", "(5×3)");
    }
}
