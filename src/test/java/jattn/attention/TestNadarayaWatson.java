package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestNadarayaWatson {

    private static Tensor column(double... v) {
        double[][] rows = new double[v.length][1];
        for (int i = 0; i < v.length; i++) rows[i][0] = v[i];
        return Tensor.of(rows);
    }

    @Test
    void regressionComputedByHand() {
        Tensor xs = column(0, 1), ys = column(0, 2);
        AttentionResult r = NadarayaWatson.fixed().forward(column(0.5, 0), xs, ys);
        assertEquals(1.0, r.output().get(0, 0), CLOSE);                 // halfway: equal weights
        double a = Math.exp(-0.5) / (1 + Math.exp(-0.5));               // kernel exp(−(0 − 1)²/2)
        assertEquals(2 * a, r.output().get(1, 0), CLOSE);
        assertArrayEquals(new double[]{0.5, 0.5, 1 - a, a}, r.weights().value().data, CLOSE);
        assertTrue(NadarayaWatson.fixed().parameters().isEmpty());
    }

    @Test
    void aLargeBandwidthApproachesTheNearestNeighbour() {
        Tensor xs = column(0, 1, 2), ys = column(5, 7, 9);
        NadarayaWatson sharp = NadarayaWatson.learnable(30);
        assertEquals(7.0, sharp.forward(column(1.2), xs, ys).output().item(), 1e-6);
        NadarayaWatson flat = NadarayaWatson.learnable(1e-4);
        assertEquals(7.0, flat.forward(column(-3), xs, ys).output().item(), 1e-6); // the mean
    }

    @Test
    void leaveOneOutMaskGivesZeroWeightToTheOwnPoint() {
        Tensor xs = column(0, 0.5, 2);
        boolean[][] notSelf = {{false, true, true}, {true, false, true}, {true, true, false}};
        AttentionResult r = NadarayaWatson.fixed().forward(xs, xs, column(1, 2, 3), Mask.of(notSelf));
        for (int i = 0; i < 3; i++) assertEquals(0.0, r.weights().get(i, i));
    }

    @Test
    void gradientOfBandwidthAndInputsIsChecked() {
        Random rng = new Random(81);
        NadarayaWatson nw = NadarayaWatson.learnable(0.8);
        assertEquals(1, nw.parameters().size());
        assertGrad(x -> nw.forward(x[0], x[1], x[2]).output(), random(3, 1, rng), random(5, 1, rng), random(5, 2, rng), nw.bandwidth());
        assertGrad(x -> nw.scores(x[0], x[1]), random(1, 1, rng), random(1, 1, rng), nw.bandwidth());
    }

    @Test
    void trainingTheBandwidthLowersTheLeaveOneOutError() {
        Random rng = new Random(82);
        int n = 40;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 5.0 * i / n;
            y[i] = 2 * Math.sin(x[i]) + Math.pow(x[i], 0.8) + 0.1 * rng.nextGaussian();
        }
        Tensor xs = column(x), ys = column(y);
        boolean[][] notSelf = new boolean[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) notSelf[i][j] = i != j;
        NadarayaWatson nw = NadarayaWatson.learnable(0.5);
        double first = 0, last = 0;
        for (int step = 0; step < 50; step++) {
            Tensor loss = nw.forward(xs, xs, ys, Mask.of(notSelf)).output().sub(ys).square().mean();
            if (step == 0) first = loss.item();
            last = loss.item();
            nw.zeroGrad();
            loss.backward();
            nw.bandwidth().value().data[0] -= 0.5 * nw.bandwidth().grad().data[0];
        }
        assertTrue(last < 0.5 * first, "loss " + first + " → " + last);
    }

    @Test
    void multiColumnInputsAreRejected() {
        assertRejects(() -> NadarayaWatson.fixed().scores(Tensor.zeros(2, 2), Tensor.zeros(3, 1)), "(2×2)", "(3×1)");
    }
}
