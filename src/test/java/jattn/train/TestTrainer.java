package jattn.train;

import jattn.autograd.Tensor;
import jattn.text.Batches;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class TestTrainer {

    static final double EXACT = 1e-12;
    static final List<Integer> NINE = IntStream.range(0, 9).boxed().toList();

    @Test
    void fitsLeastSquaresOnShuffledMiniBatches() {
        LeastSquares ls = new LeastSquares(31);
        Batches<Integer> rows = new Batches<>(IntStream.range(0, 20).boxed().toList(), 6, 5);   // 6, 6, 6, 2 rows
        List<Progress> reports = new ArrayList<>();
        Trainer trainer = new Trainer(new Adam(List.of(ls.w), 0.05)).clipGradNorm(10).listener(reports::add);
        History h = trainer.fit(rows, 300, batch -> {
            int[] idx = batch.stream().mapToInt(Integer::intValue).toArray();
            return ls.x.gatherRows(idx).matmul(ls.w).sub(ls.y.gatherRows(idx)).square().mean();
        });
        assertArrayEquals(ls.wTrue, ls.w.value().data, LeastSquares.TOL);
        assertEquals(300 * 4, h.stepLosses().length);
        assertEquals(300, h.epochLosses().length);
        assertEquals(300, reports.size());
        assertTrue(h.finalLoss() < 1e-8 && h.epochLosses()[0] > 1, h.finalLoss() + " " + h.epochLosses()[0]);
        Progress last = reports.get(299);
        assertTrue(last.endOfEpoch());
        assertEquals(300, last.epoch());
        assertEquals(1200, last.step());
        assertEquals(4, last.batch());
        assertEquals(1200, trainer.steps());
    }

    @Test
    void aNaNLossStopsWithTheStepAndEpochInTheMessage() {
        Tensor w = Tensor.parameter(new DMatrixRMaj(new double[][]{{1}}));
        int[] calls = {0};
        Trainer trainer = new Trainer(new Sgd(List.of(w), 0.1)).listener(TrainingListener.silent());
        double[] before = new double[1];
        // 3 batches per epoch; the 7th loss is NaN: step 7 = epoch 3, batch 1
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(List.of(1, 2, 3), 5, b -> {
            calls[0]++;
            before[0] = w.get(0, 0);
            return calls[0] == 7 ? w.mul(Tensor.row(Double.NaN)).sum() : w.square().sum();
        }));
        assertTrue(e.getMessage().contains("step 7") && e.getMessage().contains("epoch 3") && e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(7, e.step());
        assertEquals(3, e.epoch());
        assertEquals(1, e.batch());
        assertEquals(before[0], w.get(0, 0), 0.0);          // no update from the NaN step
        assertEquals(6, trainer.steps());
        assertInstanceOf(IllegalStateException.class, e);
    }

    @Test
    void anInfiniteLossStopsTooBeforeAnyUpdate() {
        Tensor w = Tensor.parameter(new DMatrixRMaj(new double[][]{{2}}));
        Trainer trainer = new Trainer(new Sgd(List.of(w), 0.1)).listener(TrainingListener.silent());
        // L = −log(w − 2) at w = 2 on the first step: +∞
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(List.of(1, 2), 3, b -> w.sub(Tensor.row(2)).log().neg().sum()));
        assertTrue(e.getMessage().contains("step 1") && e.getMessage().contains("Infinity"), e.getMessage());
        assertEquals(1, e.step());
        assertEquals(2.0, w.get(0, 0), 0.0);
        assertEquals(0, trainer.steps());
    }

    @Test
    void anInfiniteGradientNormStopsWhenClipping() {
        Tensor w = Tensor.parameter(new DMatrixRMaj(new double[][]{{0}}));
        Trainer trainer = new Trainer(new Sgd(List.of(w), 0.1)).clipGradNorm(1).listener(TrainingListener.silent());
        // L = √w at w = 0: L = 0, but ∂L/∂w = 1/(2√0) = ∞
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(List.of(1), 1, b -> w.sqrt().sum()));
        assertTrue(e.getMessage().contains("gradient norm") && e.getMessage().contains("step 1"), e.getMessage());
        assertEquals(0.0, w.get(0, 0));
    }

    @Test
    void customStepsAreScheduledReportedAndChecked() {
        Tensor w = Tensor.parameter(new DMatrixRMaj(1, 1));
        Sgd sgd = new Sgd(List.of(w), 1.0);
        List<Progress> reports = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        Trainer trainer = new Trainer(sgd).schedule(LearningRateSchedule.stepDecay(1.0, 4, 0.5)).reportEvery(2).listener(reports::add);
        // the step function returns 1, 2, …, 9 as its "loss" over 3 epochs of 3 batches
        int[] k = {0};
        History h = trainer.run(Batches.inOrder(List.of('a', 'b', 'c'), 1), 3, b -> {
            rates.add(sgd.learningRate());
            return ++k[0];
        });
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25), rates);
        assertArrayEquals(new double[]{2, 5, 8}, h.epochLosses(), EXACT);
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, h.stepLosses(), EXACT);
        // every-2 reports at steps 2, 4, 6, 8 (means of the two losses since the previous one), epoch reports after 3, 6, 9
        List<String> seen = reports.stream().map(p -> (p.endOfEpoch() ? "E" : "S") + p.step() + ":" + p.loss()).toList();
        assertEquals(List.of("S2:1.5", "E3:2.0", "S4:3.5", "S6:5.5", "E6:5.0", "S8:7.5", "E9:8.0"), seen);
        // a second run continues the step count
        k[0] = 0;
        trainer.reportEvery(0).run(List.of('x'), 1, b -> 1.0);
        assertEquals(10, trainer.steps());
        assertEquals(0.25, sgd.learningRate(), EXACT);   // schedule.at(9) = 0.5^⌊9/4⌋
        // a NaN returned by a custom step stops the run too
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.run(List.of('x', 'y'), 2, b -> b == 'y' ? Double.POSITIVE_INFINITY : 0));
        assertTrue(e.getMessage().contains("step 12") && e.getMessage().contains("epoch 1") && e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void thePrintingListenerWritesOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new Trainer(new Sgd(List.of(Tensor.parameter(new DMatrixRMaj(1, 1))), 0.1)).listener(TrainingListener.printing(out))
                .run(NINE, 2, b -> 0.5);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("epoch 2/2  step 18  loss 0.5000  lr 1.00e-01"), lines[1]);
        assertTrue(lines[1].endsWith("steps/s"), lines[1]);
    }

    @Test
    void badArgumentsAreRejected() {
        Trainer t = new Trainer(new Sgd(List.of(Tensor.parameter(new DMatrixRMaj(1, 1))), 0.1)).listener(TrainingListener.silent());
        assertThrows(IllegalArgumentException.class, () -> t.run(List.of(), 1, b -> 0));
        assertThrows(IllegalArgumentException.class, () -> t.run(NINE, -1, b -> 0));
        assertThrows(IllegalArgumentException.class, () -> t.clipGradNorm(0));
        assertThrows(IllegalArgumentException.class, () -> t.reportEvery(-1));
        assertEquals(0, t.run(NINE, 0, b -> 0).stepLosses().length);
    }
}
