package jattn.experiments;

import jattn.attention.MultiHeadAttention;
import jattn.attention.SelfAttention;
import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.rnn.RnnCell;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

class TestGradientReach {

    /** Central differences: ‖∂ΣY[t]/∂X[j]‖ computed by perturbing each entry of row j of X. */
    static double numericReach(UnaryOperator<Tensor> layer, Tensor x, int t, int j) {
        double h = 1e-5, s = 0;
        for (int k = 0; k < x.cols(); k++) {
            Tensor plus = Tensor.constant(x.value().copy()), minus = Tensor.constant(x.value().copy());
            plus.value().set(j, k, x.get(j, k) + h);
            minus.value().set(j, k, x.get(j, k) - h);
            double dk;
            try (NoGrad ignored = NoGrad.start()) {
                dk = (layer.apply(plus).sliceRows(t, t + 1).sum().item() - layer.apply(minus).sliceRows(t, t + 1).sum().item()) / (2 * h);
            }
            s += dk * dk;
        }
        return Math.sqrt(s);
    }

    static void assertMatchesFiniteDifferences(UnaryOperator<Tensor> layer, Tensor x) {
        GradientReach reach = GradientReach.measure(layer, x);
        for (int t = 0; t < x.rows(); t++)
            for (int j = 0; j < x.rows(); j++) {
                double numeric = numericReach(layer, x, t, j);
                assertEquals(numeric, reach.norm(t, j), 1e-7 * Math.max(1, numeric), "reach(" + t + ", " + j + ")");
            }
    }

    @Test
    void selfAttentionReachMatchesFiniteDifferencesAndIsNeverZero() {
        Random rng = new Random(11);
        SelfAttention sa = new SelfAttention(4, 3, 3, rng);
        Tensor x = GradientReach.gaussianInput(5, 4, rng);
        assertMatchesFiniteDifferences(GradientReach.selfAttention(sa), x);
        GradientReach reach = GradientReach.measure(GradientReach.selfAttention(sa), x);
        for (int t = 0; t < 5; t++)
            for (int j = 0; j < 5; j++) assertTrue(reach.norm(t, j) > 0, "self-attention output " + t + " depends on input " + j);
        assertEquals(reach.norm(0, 4), reach.firstOutputOnLastInput());
        assertEquals(reach.norm(4, 0), reach.lastOutputOnFirstInput());
    }

    @Test
    void multiHeadReachMatchesFiniteDifferences() {
        Random rng = new Random(12);
        MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttention.Settings.paper().withHeads(2).withDModel(4), rng);
        assertMatchesFiniteDifferences(GradientReach.multiHead(mha), GradientReach.gaussianInput(4, 4, rng));
    }

    @Test
    void recurrentReachMatchesFiniteDifferencesAndNeverSeesTheFuture() {
        Random rng = new Random(13);
        RnnCell cell = new RnnCell(3, 4, rng);
        Tensor x = GradientReach.gaussianInput(6, 3, rng);
        assertMatchesFiniteDifferences(GradientReach.recurrent(cell), x);
        GradientReach reach = GradientReach.measure(GradientReach.recurrent(cell), x);
        assertEquals(6, reach.positions());
        for (int t = 0; t < 6; t++)
            for (int j = 0; j < 6; j++) {
                if (j > t) assertEquals(0.0, reach.norm(t, j), "h_" + t + " cannot depend on the later x_" + j);
                else assertTrue(reach.norm(t, j) > 0);
            }
        assertEquals(0.0, reach.firstOutputOnLastInput());
    }

    @Test
    void theInputIsNotModifiedAndTheMatrixIsACopy() {
        Random rng = new Random(14);
        SelfAttention sa = new SelfAttention(3, 3, 3, rng);
        Tensor x = GradientReach.gaussianInput(3, 3, rng);
        double[] before = x.value().data.clone();
        GradientReach reach = GradientReach.measure(GradientReach.selfAttention(sa), x);
        assertArrayEquals(before, x.value().data);
        double[][] m = reach.matrix();
        m[0][0] = -1;
        assertNotEquals(-1, reach.norm(0, 0));
    }

    @Test
    void aLayerThatChangesTheNumberOfRowsIsRejected() {
        Tensor x = GradientReach.gaussianInput(4, 2, new Random(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientReach.measure(t -> t.sliceRows(0, 2), x));
        assertTrue(e.getMessage().contains("(4×2)") && e.getMessage().contains("(2×2)"), e.getMessage());
    }
}
