package jattn.experiments;

import jattn.rnn.*;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import jattn.text.OneHot;
import jattn.train.TrainingListener;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestFirstSymbolTask {

    /** Accuracy at which a run counts as having learned the task. */
    static final double LEARNED = 0.95;

    @Test
    void samplesAreSeededSymbolsInRange() {
        int[][] a = FirstSymbolTask.sample(5, 7, 3, new Random(1)), b = FirstSymbolTask.sample(5, 7, 3, new Random(1));
        assertEquals(5, a.length);
        for (int i = 0; i < 5; i++) {
            assertEquals(7, a[i].length);
            assertArrayEquals(b[i], a[i]);
            for (int s : a[i]) assertTrue(s >= 0 && s < 3);
        }
        assertRejects(() -> FirstSymbolTask.sample(5, 7, 1, new Random(1)), "symbols 1");
    }

    @Test
    void logitsReadTheLastStateOfTheOneHotSequence() {
        Random rng = new Random(2);
        for (RecurrentCell cell : List.of(new RnnCell(3, 4, rng), new GruCell(3, 4, rng))) {
            FirstSymbolTask task = new FirstSymbolTask(cell, rng);
            int[][] seqs = {{0, 2, 1}, {1, 1, 0}};
            DMatrixRMaj z = task.logits(seqs).value();
            assertEquals(2, z.numRows);
            assertEquals(3, z.numCols);
            for (int b = 0; b < 2; b++) {
                Tensor h = cell.zeroState(1);
                for (int s : seqs[b]) h = cell.step(OneHot.of(s, 3), h);
                Tensor expected = h.matmul(task.readout().weight()).add(task.readout().bias());
                for (int k = 0; k < 3; k++) assertEquals(expected.get(0, k), z.get(b, k), CLOSE);
            }
        }
    }

    @Test
    void lossGradientsOfEveryParameterAreChecked() {
        Random rng = new Random(3);
        for (RecurrentCell cell : List.of(new RnnCell(3, 2, rng), new GruCell(3, 2, rng), new RnnCell(2, 1, rng))) {
            FirstSymbolTask task = new FirstSymbolTask(cell, rng);
            int[][] seqs = FirstSymbolTask.sample(cell.inputSize() == 2 ? 1 : 3, 4, cell.inputSize(), rng);
            GradCheck.Result r = GradCheck.check(p -> task.loss(seqs), task.parameters().toArray(new Tensor[0]));
            assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
        }
    }

    @Test
    void accuracyCountsTheArgmaxHits() {
        // a read-out that ignores the state and always says symbol 2: right exactly where the first symbol is 2
        RnnCell cell = new RnnCell(3, 2, new Random(4));
        FirstSymbolTask task = new FirstSymbolTask(cell, new Random(4));
        task.readout().weight().value().zero();
        task.readout().bias().value().set(0, 2, 1.0);
        int[][] seqs = {{2, 0, 0}, {0, 2, 2}, {2, 1, 1}, {1, 1, 1}};
        assertEquals(0.5, task.accuracy(seqs), CLOSE);
    }

    @Test
    void badInputIsRejected() {
        assertRejects(() -> new FirstSymbolTask(new RnnCell(1, 3, new Random(5)), new Random(5)), "1 symbols");
        FirstSymbolTask task = new FirstSymbolTask(new RnnCell(3, 3, new Random(5)), new Random(5));
        assertRejects(() -> task.logits(new int[][]{{0, 1}, {1}}), "sequence 1 has 1", "sequence 0 has 2");
    }

    /** Lesson 03's demo (length 20, its settings) on two of its four seeds: both GRU runs learn, the plain RNN's do not. */
    @Test
    void theGruLearnsToRememberOverTwentyStepsMoreOftenThanThePlainRnn() {
        int length = 20, hidden = 16, symbols = 4;
        List<Double> rnn = new ArrayList<>(), gru = new ArrayList<>();
        for (long seed : new long[]{1, 3}) {
            for (boolean gated : new boolean[]{false, true}) {
                Random rng = new Random(seed);
                RecurrentCell cell = gated ? new GruCell(symbols, hidden, rng) : new RnnCell(symbols, hidden, rng);
                FirstSymbolTask task = new FirstSymbolTask(cell, rng);
                task.train(length, 32, 6, 100, 0.03, new Random(seed + 100), TrainingListener.silent());
                (gated ? gru : rnn).add(task.accuracy(FirstSymbolTask.sample(512, length, symbols, new Random(seed + 200))));
            }
        }
        long gruLearned = gru.stream().filter(a -> a >= LEARNED).count();
        long rnnLearned = rnn.stream().filter(a -> a >= LEARNED).count();
        assertEquals(2, gruLearned, "GRU accuracies " + gru);
        assertEquals(0, rnnLearned, "plain RNN accuracies " + rnn);
    }
}
