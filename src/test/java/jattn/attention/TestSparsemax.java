package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSparsemax {

    @Test
    void theWorkedExampleByHand() {
        // sorted 0.5, 0.2, −0.5, −1: k = 2 (1 + 2·0.2 > 0.7, 1 − 3·0.5 < 0.2), τ = (0.7 − 1)/2 = −0.15
        Tensor z = Tensor.of(new double[][]{{0.5, 0.2, -1.0, -0.5}});
        assertArrayEquals(new double[]{0.65, 0.35, 0, 0}, Sparsemax.apply(z).value().data, CLOSE);
        assertEquals(-0.15, Sparsemax.thresholds(z, 1.0)[0], CLOSE);
        assertArrayEquals(new int[]{2}, Sparsemax.supportSizes(Sparsemax.apply(z)));
    }

    @Test
    void rowsAreDistributionsWithExactZerosBelowTheThreshold() {
        Random rng = new Random(3);
        Tensor z = random(6, 8, rng);
        Tensor p = Sparsemax.apply(z.scale(2.0));
        double[] tau = Sparsemax.thresholds(z.scale(2.0), 1.0);
        int zeros = 0;
        for (int i = 0; i < 6; i++) {
            double sum = 0;
            for (int j = 0; j < 8; j++) {
                double pij = p.get(i, j), zij = 2 * z.get(i, j);
                assertTrue(pij >= 0);
                if (zij <= tau[i]) {
                    assertEquals(0.0, pij, 0.0, "below τ the weight is exactly 0");
                    zeros++;
                } else assertEquals(zij - tau[i], pij, CLOSE);
                sum += pij;
            }
            assertEquals(1.0, sum, CLOSE);
        }
        assertTrue(zeros > 0, "scores of spread 2 leave some weights at exactly 0");
    }

    @Test
    void aLargeGapIsOneHotAndEqualScoresAreUniform() {
        Tensor p = Sparsemax.apply(Tensor.of(new double[][]{{3, 0.1, 0, -0.4}, {0.7, 0.7, 0.7, 0.7}}));
        assertArrayEquals(new double[]{1, 0, 0, 0, 0.25, 0.25, 0.25, 0.25}, p.value().data, CLOSE);
        // softmax never gives an exact zero on the same scores
        for (double w : Softmax.apply(Tensor.of(new double[][]{{3, 0.1, 0, -0.4}})).value().data) assertTrue(w > 0);
    }

    @Test
    void shiftingARowChangesNothingAndTemperatureDividesTheScores() {
        Random rng = new Random(4);
        Tensor z = random(3, 5, rng);
        assertClose(Sparsemax.apply(z), Sparsemax.apply(z.addScalar(10)), CLOSE);
        assertClose(Sparsemax.apply(z.scale(1 / 0.3)), Sparsemax.apply(z, 0.3), CLOSE);
        // a higher temperature never shrinks the support
        int[] cold = Sparsemax.supportSizes(Sparsemax.apply(z, 0.25)), hot = Sparsemax.supportSizes(Sparsemax.apply(z, 4));
        for (int i = 0; i < 3; i++) assertTrue(hot[i] >= cold[i]);
        assertArrayEquals(new int[]{5, 5, 5}, Sparsemax.supportSizes(Sparsemax.apply(z, 100)), "τ → ∞: uniform, full support");
    }

    @Test
    void theProjectionIsTheClosestPointOfTheSimplex() {
        Random rng = new Random(5);
        Tensor z = random(1, 5, rng);
        double[] p = Sparsemax.apply(z).value().data;
        double best = distance2(p, z.value().data);
        for (int t = 0; t < 500; t++) {
            double[] q = new double[5];
            double s = 0;
            for (int j = 0; j < 5; j++) s += q[j] = -Math.log(rng.nextDouble());
            for (int j = 0; j < 5; j++) q[j] /= s;
            assertTrue(distance2(q, z.value().data) >= best - 1e-15);
        }
    }

    private static double distance2(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) d += (a[j] - b[j]) * (a[j] - b[j]);
        return d;
    }

    @Test
    void gradientIsCheckedAwayFromTheKinks() {
        Random rng = new Random(6);
        for (double tau : new double[]{1.0, 0.5, 2.5}) {
            Tensor z = random(4, 6, rng);
            assertAwayFromKinks(z, tau);
            assertGrad(x -> Sparsemax.apply(x[0], tau), z);
        }
        // one column: the weight is 1 and nothing can change it
        Tensor col = random(3, 1, rng);
        assertArrayEquals(new double[]{1, 1, 1}, Sparsemax.apply(col).value().data, CLOSE);
        assertGrad(x -> Sparsemax.apply(x[0]), col);
    }

    @Test
    void theBackwardRuleIsEq14() {
        // ∂zⱼ = gⱼ − mean_S g on the support, 0 outside
        Tensor z = Tensor.parameter(new org.ejml.data.DMatrixRMaj(new double[][]{{0.5, 0.2, -1.0, -0.5}}));
        Sparsemax.apply(z).mul(Tensor.of(new double[][]{{1, 4, 7, 9}})).sum().backward();
        assertArrayEquals(new double[]{-1.5, 1.5, 0, 0}, z.grad().data, CLOSE);
    }

    @Test
    void badInputIsRejectedWithItsPosition() {
        Tensor z = Tensor.of(new double[][]{{0, 1}, {Double.NEGATIVE_INFINITY, 2}});
        assertRejects(() -> Sparsemax.apply(z), "(1, 0)", "(2×2)", "not finite");
        assertRejects(() -> Sparsemax.apply(Tensor.of(new double[][]{{1, 2}}), 0), "temperature", "0");
        assertRejects(() -> Sparsemax.apply(Tensor.zeros(2, 0)), "(2×0)");
    }

    /** Every scaled score at least 1e-3 from its row's threshold: the five-point stencil (±2e-4) stays on one side. */
    private static void assertAwayFromKinks(Tensor z, double tau) {
        double[] t = Sparsemax.thresholds(z, tau);
        for (int i = 0; i < z.rows(); i++)
            for (int j = 0; j < z.cols(); j++)
                assertTrue(Math.abs(z.get(i, j) / tau - t[i]) > 1e-3, "test input too close to a kink at " + i + "," + j);
    }
}
