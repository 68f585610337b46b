package jattn.experiments;

import jattn.rnn.*;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestGradientFlow {

    /** Central-difference step and the relative error allowed against it. */
    static final double FD_STEP = 1e-6, FD_TOL = 1e-6;

    @Test
    void scalarRnnFollowsTheChainRuleByHand() {
        double wx = 0.7, wh = -1.3, b = 0.2;
        double[] x = {0.5, -1.0, 2.0, 0.3, -0.4};
        RnnCell cell = new RnnCell(Tensor.row(wx).asParameter(), Tensor.row(wh).asParameter(), Tensor.row(b).asParameter());
        List<Tensor> xs = new ArrayList<>();
        for (double v : x) xs.add(Tensor.row(v));
        GradientFlow flow = GradientFlow.measure(cell, xs);

        int steps = x.length;
        double[] h = new double[steps];
        double prev = 0;
        for (int t = 0; t < steps; t++) prev = h[t] = Math.tanh(wx * x[t] + wh * prev + b);
        double g = 1;                                                     // ∂L/∂h_{T−1} for L = h_{T−1}
        for (int t = steps - 1; t >= 0; t--) {
            assertEquals(Math.abs(g), flow.norm(0, t), CLOSE * Math.max(1, Math.abs(g)), "step " + t);
            g *= wh * (1 - h[t] * h[t]);                                  // ∂hₜ/∂hₜ₋₁ = wh (1 − hₜ²)
        }
    }

    @Test
    void gruNormsMatchFiniteDifferencesOfTheRemainingSteps() {
        Random rng = new Random(1);
        int batch = 2, hidden = 3, steps = 6;
        GruCell cell = new GruCell(2, hidden, rng);
        List<Tensor> xs = GradientFlow.gaussianInputs(steps, batch, 2, rng);
        GradientFlow flow = GradientFlow.measure(cell, xs);
        List<Tensor> states = new Recurrent(cell).forward(xs).outputs();
        for (int t = 0; t < steps; t++)
            for (int b = 0; b < batch; b++) {
                double sq = 0;
                for (int j = 0; j < hidden; j++) {
                    double d = (lossFrom(cell, xs, states.get(t), t, b, j, FD_STEP)
                              - lossFrom(cell, xs, states.get(t), t, b, j, -FD_STEP)) / (2 * FD_STEP);
                    sq += d * d;
                }
                double numeric = Math.sqrt(sq);
                assertEquals(numeric, flow.norm(b, t), FD_TOL * numeric, "sequence " + b + ", step " + t);
            }
    }

    /** Σ_j h_{T−1}[b, j] when hₜ[b, j] is moved by {@code delta} and the steps after t are run again. */
    private static double lossFrom(RecurrentCell cell, List<Tensor> xs, Tensor state, int t, int b, int j, double delta) {
        try (NoGrad ignored = NoGrad.start()) {
            Tensor h = Tensor.constant(state.value().copy());
            h.value().add(b, j, delta);
            for (int s = t + 1; s < xs.size(); s++) h = cell.step(xs.get(s), h);
            double sum = 0;
            for (int k = 0; k < h.cols(); k++) sum += h.get(b, k);
            return sum;
        }
    }

    @Test
    void theLastStepHasNormRootHAndEachSequenceIsMeasuredAlone() {
        Random rng = new Random(2);
        for (RecurrentCell cell : List.of(new RnnCell(3, 5, rng), new GruCell(3, 5, rng))) {
            List<Tensor> xs = GradientFlow.gaussianInputs(7, 3, 3, rng);
            GradientFlow all = GradientFlow.measure(cell, xs);
            assertEquals(3, all.sequences());
            assertEquals(7, all.steps());
            for (int b = 0; b < 3; b++) {
                assertEquals(Math.sqrt(5), all.norm(b, 6), CLOSE);
                List<Tensor> one = new ArrayList<>();
                for (Tensor x : xs) one.add(x.sliceRows(b, b + 1));
                double[] alone = GradientFlow.measure(cell, one).norms(0);
                assertArrayEquals(alone, all.norms(b), CLOSE);
            }
        }
    }

    @Test
    void geometricMeanAveragesLogsOverSequences() {
        GradientFlow flow = new GradientFlow(new double[][]{{1, 4}, {100, 1}});
        assertArrayEquals(new double[]{10, 2}, flow.geometricMean(), CLOSE);
        assertEquals(5, flow.ratio(), CLOSE);
        GradientFlow one = new GradientFlow(new double[][]{{0.5, 3, 2}});
        assertArrayEquals(new double[]{0.5, 3, 2}, one.geometricMean(), CLOSE);
        assertEquals(0.25, one.ratio(), CLOSE);
    }

    @Test
    void poolKeepsEverySequence() {
        GradientFlow a = new GradientFlow(new double[][]{{1, 2}}), b = new GradientFlow(new double[][]{{3, 4}, {5, 6}});
        GradientFlow p = GradientFlow.pool(List.of(a, b));
        assertEquals(3, p.sequences());
        assertArrayEquals(new double[]{5, 6}, p.norms(2), 0.0);
        assertRejects(() -> GradientFlow.pool(List.of(a, new GradientFlow(new double[][]{{1, 2, 3}}))), "2", "3", "steps");
        assertRejects(() -> GradientFlow.pool(List.of()), "no runs");
    }

    @Test
    void gaussianInputsAreSeededConstants() {
        List<Tensor> xs = GradientFlow.gaussianInputs(4, 2, 3, new Random(5)), ys = GradientFlow.gaussianInputs(4, 2, 3, new Random(5));
        assertEquals(4, xs.size());
        for (int t = 0; t < 4; t++) {
            assertEquals("(2×3)", xs.get(t).shape());
            assertFalse(xs.get(t).requiresGrad());
            assertClose(ys.get(t).value(), xs.get(t).value(), 0.0);
        }
        assertRejects(() -> GradientFlow.gaussianInputs(0, 2, 3, new Random(5)), "steps 0");
    }

    @Test
    void badInputIsRejected() {
        RnnCell cell = new RnnCell(3, 4, new Random(6));
        assertRejects(() -> GradientFlow.measure(cell, List.of()), "no time steps");
        assertRejects(() -> GradientFlow.measure(cell, List.of(Tensor.zeros(2, 5))), "(2×5)");
        assertRejects(() -> new GradientFlow(new double[][]{{1, 2}, {3}}), "2", "1");
    }

    /** Lesson 03's experiment: default initialisation, the same inputs for both cells, pooled over seeds. */
    @Test
    void thePlainRnnGradientVanishesFarFasterThanTheGrus() {
        int dIn = 8, hidden = 32, steps = 100, batch = 16, seeds = 5;
        List<GradientFlow> rnn = new ArrayList<>(), gru = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            List<Tensor> xs = GradientFlow.gaussianInputs(steps, batch, dIn, new Random(100 + seed));
            rnn.add(GradientFlow.measure(new RnnCell(dIn, hidden, new Random(seed)), xs));
            gru.add(GradientFlow.measure(new GruCell(dIn, hidden, new Random(seed)), xs));
        }
        double r = GradientFlow.pool(rnn).ratio(), g = GradientFlow.pool(gru).ratio();
        assertTrue(r < 1e-15, "plain RNN ratio " + r);
        assertTrue(g > 1e3 * r, "GRU ratio " + g + " vs plain RNN " + r);
        for (int seed = 0; seed < seeds; seed++)
            assertTrue(gru.get(seed).ratio() > 100 * rnn.get(seed).ratio(), "seed " + seed);
    }
}
