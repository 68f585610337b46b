package jattn.experiments;

import jattn.attention.AttentionResult;
import jattn.attention.NadarayaWatson;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestKernelRegression {

    static final KernelRegression.Settings SMALL = KernelRegression.Settings.lesson().withTrainSize(12).withSteps(60);

    @Test
    void theSampleIsSortedSeededAndOnTheGrid() {
        KernelRegression.Data a = KernelRegression.generate(SMALL), b = KernelRegression.generate(SMALL);
        assertArrayEquals(a.y().value().data, b.y().value().data, 0.0, "same seed, same sample");
        assertNotEquals(a.y().get(0, 0), KernelRegression.generate(SMALL.withSeed(7)).y().get(0, 0));
        for (int i = 1; i < 12; i++) assertTrue(a.x().get(i - 1, 0) <= a.x().get(i, 0), "sorted");
        assertEquals(21, a.queries().rows(), "0, 0.25, …, 5");
        assertEquals(5.0, a.queries().get(20, 0), 1e-12);
        assertEquals(2 * Math.sin(5) + Math.pow(5, 0.8), a.truthAtQueries().get(20, 0), 1e-12);
        assertEquals("1.25", a.queryLabels().get(5));
        KernelRegression.Data exact = KernelRegression.generate(SMALL.withNoise(0));
        for (int i = 0; i < 12; i++) assertEquals(KernelRegression.truth(exact.x().get(i, 0)), exact.y().get(i, 0), 0.0);
    }

    @Test
    void predictionsAreWeightedMeansOfTheOutputsAndLeaveOneOutIgnoresThePointItself() {
        KernelRegression.Data data = KernelRegression.generate(SMALL);
        AttentionResult fit = data.predict(NadarayaWatson.fixed(), data.queries());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double y : data.y().value().data) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
        for (int k = 0; k < fit.output().rows(); k++) assertTrue(fit.output().get(k, 0) >= lo && fit.output().get(k, 0) <= hi);
        AttentionResult loo = data.predictLeavingOneOut(NadarayaWatson.fixed());
        for (int i = 0; i < 12; i++) assertEquals(0.0, loo.weights().get(i, i), 0.0, "point " + i + " does not predict itself");
    }

    @Test
    void trainingTheBandwidthLowersTheLeaveOneOutLoss() {
        KernelRegression.Data data = KernelRegression.generate(SMALL);
        NadarayaWatson model = NadarayaWatson.learnable(1.0);
        KernelRegression.Training t = KernelRegression.trainBandwidth(model, data, Verbosity.QUIET);
        assertEquals(60, t.losses().length);
        assertTrue(t.losses()[59] < t.losses()[0], "loss " + t.losses()[0] + " → " + t.losses()[59]);
        assertEquals(model.bandwidth().item(), t.bandwidth(), 0.0);
        assertNotEquals(1.0, t.bandwidth());
        assertRejects(() -> KernelRegression.trainBandwidth(NadarayaWatson.fixed(), data, Verbosity.QUIET), "learnable");
        assertRejects(() -> KernelRegression.generate(SMALL.withTrainSize(1)), "trainSize");
    }

    @Test
    void gridAndTruthAt() {
        Tensor g = KernelRegression.grid(1, 0.5);
        assertArrayEquals(new double[]{0, 0.5, 1}, g.value().data, 0.0);
        assertEquals(2 * Math.sin(0.5) + Math.pow(0.5, 0.8), KernelRegression.truthAt(g).get(1, 0), 1e-15);
    }
}
