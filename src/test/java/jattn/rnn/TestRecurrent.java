package jattn.rnn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestRecurrent {

    static final int D_IN = 3, H = 4, STEPS = 5;
    static final int[] VALID_LENS = {5, 2, 3};

    /** Both cells, so every property is checked for the plain RNN and for the fused GRU. */
    private static List<RecurrentCell> cells(Random rng) {
        return List.of(new RnnCell(D_IN, H, rng), new GruCell(D_IN, H, rng));
    }

    private static List<Tensor> randomSteps(int steps, int batch, int d, Random rng) {
        List<Tensor> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) xs.add(random(batch, d, rng));
        return xs;
    }

    @Test
    void eachSequenceGivesWhatTheCellGivesOnItAlone() {
        Random rng = new Random(1);
        for (RecurrentCell cell : cells(rng)) {
            List<Tensor> xs = randomSteps(STEPS, 3, D_IN, rng);
            Tensor h0 = random(3, H, rng);
            RecurrentOutput out = new Recurrent(cell).forward(xs, VALID_LENS, h0);
            for (int b = 0; b < 3; b++) {
                Tensor h = h0.sliceRows(b, b + 1);                       // (1×H), sequence b alone
                for (int t = 0; t < VALID_LENS[b]; t++) {
                    h = cell.step(xs.get(t).sliceRows(b, b + 1), h);
                    assertClose(h.value(), out.outputs().get(t).sliceRows(b, b + 1).value(), CLOSE);
                }
                assertClose(h.value(), out.lastState().sliceRows(b, b + 1).value(), CLOSE);
                for (int t = VALID_LENS[b]; t < STEPS; t++)
                    assertClose(new DMatrixRMaj(1, H), out.outputs().get(t).sliceRows(b, b + 1).value(), 0.0);
            }
        }
    }

    @Test
    void garbageInPaddingChangesNothingValidAndGetsNoGradient() {
        Random rng = new Random(2);
        for (RecurrentCell cell : cells(rng)) {
            List<Tensor> clean = randomSteps(STEPS, 3, D_IN, rng);
            List<Tensor> dirty = new ArrayList<>();
            for (int t = 0; t < STEPS; t++) {
                Tensor x = clean.get(t).asParameter();
                for (int b = 0; b < 3; b++)
                    if (t >= VALID_LENS[b])
                        for (int j = 0; j < D_IN; j++) x.value().set(b, j, 1e3 * rng.nextGaussian());
                dirty.add(x);
            }
            Recurrent rnn = new Recurrent(cell);
            RecurrentOutput a = rnn.forward(clean, VALID_LENS), b = rnn.forward(dirty, VALID_LENS);
            assertClose(a.stacked().value(), b.stacked().value(), CLOSE);
            assertClose(a.lastState().value(), b.lastState().value(), CLOSE);

            weightedSum(Tensor.concatRows(List.of(b.stacked(), b.lastState()))).backward();
            for (int t = 0; t < STEPS; t++)
                for (int s = 0; s < 3; s++)
                    for (int j = 0; j < D_IN; j++) {
                        double g = dirty.get(t).grad().get(s, j);
                        if (t >= VALID_LENS[s]) assertEquals(0.0, g);
                        else assertNotEquals(0.0, g);
                    }
        }
    }

    @Test
    void gradientsThroughTheWholeLayerAreChecked() {
        Random rng = new Random(3);
        int[] lens = {3, 1};
        for (RecurrentCell cell : cells(rng)) {
            List<Tensor> in = new ArrayList<>(randomSteps(3, 2, D_IN, rng));
            in.add(random(2, H, rng));                                   // h0
            in.addAll(cell.parameters());
            Function<Tensor[], Tensor> layer = p -> {
                RecurrentOutput out = new Recurrent(cell).forward(List.of(p[0], p[1], p[2]), lens, p[3]);
                return Tensor.concatRows(List.of(out.stacked(), out.lastState()));
            };
            assertGrad(layer, in.toArray(new Tensor[0]));
        }
    }

    @Test
    void degenerateShapes() {
        Random rng = new Random(4);
        RecurrentCell gru = new GruCell(1, 1, rng);
        // one sequence of one step: the output is the cell's step from the zero state
        Tensor x = random(1, 1, rng);
        RecurrentOutput out = new Recurrent(gru).forward(List.of(x));
        assertClose(gru.step(x, gru.zeroState(1)).value(), out.lastState().value(), CLOSE);
        assertEquals(1, out.steps());
        assertEquals(1, out.stacked().rows());
        Tensor[] p = {x, random(1, 1, rng), gru.parameters().get(0), gru.parameters().get(1),
                gru.parameters().get(2), gru.parameters().get(3)};
        assertGrad(q -> new Recurrent(gru).forward(List.of(q[0], q[1]), new int[]{1}).lastState(), p);
    }

    @Test
    void fullLengthRunNeedsNoValidLengths() {
        Random rng = new Random(5);
        RnnCell cell = new RnnCell(D_IN, H, rng);
        List<Tensor> xs = randomSteps(STEPS, 2, D_IN, rng);
        RecurrentOutput a = new Recurrent(cell).forward(xs), b = new Recurrent(cell).forward(xs, new int[]{STEPS, STEPS});
        assertClose(a.stacked().value(), b.stacked().value(), 0.0);
        assertClose(a.outputs().get(STEPS - 1).value(), a.lastState().value(), 0.0);
        assertEquals(cell.parameters(), new Recurrent(cell).parameters());
    }

    @Test
    void badInputsAreRejectedWithTheirShapes() {
        Recurrent rnn = new Recurrent(new RnnCell(D_IN, H, new Random(6)));
        List<Tensor> xs = List.of(Tensor.zeros(2, D_IN), Tensor.zeros(2, D_IN));
        assertRejects(() -> rnn.forward(xs, new int[]{2}), "1 valid lengths", "batch of 2", "(2×3)");
        assertRejects(() -> rnn.forward(xs, new int[]{2, 3}), "validLens[1] = 3", "[1, 2]");
        assertRejects(() -> rnn.forward(xs, new int[]{0, 2}), "validLens[0] = 0");
        assertRejects(() -> rnn.forward(List.of(Tensor.zeros(2, D_IN), Tensor.zeros(3, D_IN)), new int[]{2, 2}),
                "step 1", "(3×3)", "(2×3)");
        assertRejects(() -> rnn.forward(List.of(Tensor.zeros(2, 5))), "(2×5)");
        assertRejects(() -> rnn.forward(xs, new int[]{2, 2}, Tensor.zeros(2, 3)), "(2×3)", "(2×4)");
        assertRejects(() -> rnn.forward(List.of()), "no time steps");
    }
}
