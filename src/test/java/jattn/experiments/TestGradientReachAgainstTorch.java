package jattn.experiments;

import jattn.attention.MultiHeadAttention;
import jattn.nn.Linear;
import jattn.rnn.RnnCell;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link GradientReach} against torch.autograd ({@code gradient_reach.json}, written by
 * tools/fixtures/fixtures_reach.py): the (6×6) reach matrices of a
 * {@code torch.nn.MultiheadAttention(8, 2)} with random biases and of a
 * {@code torch.nn.RNNCell(4, 5, tanh)} run from h₀ = 0.
 */
class TestGradientReachAgainstTorch {

    /** Norms of gradients through two projections and a softmax, or six tanh steps (float64). */
    static final double TOL = 1e-13;

    static final Fixtures F = Fixtures.load("gradient_reach.json");

    static void assertReach(DMatrixRMaj expected, GradientReach actual) {
        assertEquals(expected.numRows, actual.positions());
        for (int t = 0; t < expected.numRows; t++)
            for (int j = 0; j < expected.numCols; j++)
                assertEquals(expected.get(t, j), actual.norm(t, j), TOL, "reach(" + t + ", " + j + ")");
    }

    static Linear linear(String w, String b) {
        return new Linear(F.parameter("params", "multiHead", w), F.parameter("params", "multiHead", b));
    }

    @Test
    void multiHeadSelfAttention() {
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Projections(
                linear("Wq", "bq"), linear("Wk", "bk"), linear("Wv", "bv"), linear("Wo", "bo")), F.integer("config", "nHeads"));
        assertReach(F.matrix("outputs", "multiHead", "reach"),
                GradientReach.measure(GradientReach.multiHead(mha), F.tensor("inputs", "multiHead", "x")));
    }

    @Test
    void recurrentCell() {
        RnnCell cell = new RnnCell(F.parameter("params", "rnn", "Wx"), F.parameter("params", "rnn", "Wh"),
                F.parameter("params", "rnn", "b"));
        assertReach(F.matrix("outputs", "rnn", "reach"),
                GradientReach.measure(GradientReach.recurrent(cell), F.tensor("inputs", "rnn", "x")));
    }
}
