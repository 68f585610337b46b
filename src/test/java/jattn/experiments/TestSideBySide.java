package jattn.experiments;

import jattn.data.SentencePair;
import jattn.seq2seq.Attention;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

class TestSideBySide {

    static final List<SentencePair> DIGITS = CopyTask.generate(900, 2, 5, 11);
    static final List<SentencePair> TRAIN = DIGITS.subList(0, 700), VALID = DIGITS.subList(700, 900);
    static final Seq2SeqTask TASK = CopyTask.of(TRAIN, 5);
    static final Architecture SMALL = Architecture.copy().withEmbeddingSize(8).withHiddenSize(16);

    /** Two different runs: one with attention and an exact-match target, one without and a plateau rule. */
    static Callable<TrainToTarget.Result> withAttention() {
        TrainToTarget.Settings s = TrainToTarget.Settings.dates().withLearningRate(1e-2).withWarmup(5).withBatchSize(32)
                .withEvalEvery(10).stopAt(ExactMatch.of(0.95)).withMaxUpdates(60);
        return () -> TrainToTarget.train(TASK, TASK.newModel(SMALL.with(Attention.BAHDANAU)), TRAIN, VALID, s, Verbosity.PRINT_PROGRESS);
    }

    static Callable<TrainToTarget.Result> withoutAttention() {
        TrainToTarget.Settings s = TrainToTarget.Settings.datesWithoutAttention().withLearningRate(2e-2).withBatchSize(32)
                .withPools(4).withEvalEvery(10).withMaxUpdates(50);
        return () -> TrainToTarget.train(TASK, TASK.newModel(SMALL.with(Attention.NONE)), TRAIN, VALID, s, Verbosity.PRINT_PROGRESS);
    }

    /** What {@code body} prints to System.out, with the seconds of the progress lines taken out. */
    static <T> String printed(Supplier<T> body, List<T> result) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            result.add(body.get());
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).replaceAll("\\([0-9.]+ s\\)", "(… s)");
    }

    @Test
    void givesTheResultsOfARunOneAfterTheOtherInTheJobsOrderAndPrintsEachRunUnderItsName() {
        List<List<TrainToTarget.Result>> oneAfterTheOther = new java.util.ArrayList<>();
        String printedAlone = printed(() -> {
            try {
                return List.of(withoutAttention().call(), withAttention().call());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, oneAfterTheOther);
        List<TrainToTarget.Result> alone = oneAfterTheOther.get(0);

        List<List<TrainToTarget.Result>> sideBySide = new java.util.ArrayList<>();
        String printedSideBySide = printed(() -> SideBySide.run(List.of(
                SideBySide.job("without attention", withoutAttention()),
                SideBySide.job("with attention", withAttention()))), sideBySide);

        List<TrainToTarget.Result> together = sideBySide.get(0);
        assertEquals(2, together.size());
        for (int k = 0; k < 2; k++) {
            TrainToTarget.Result a = alone.get(k), b = together.get(k);
            assertArrayEquals(a.stepLosses(), b.stepLosses(), "run " + k + ": the same updates, bit for bit");
            assertArrayEquals(a.evalSteps(), b.evalSteps());
            assertArrayEquals(a.validExactMatch(), b.validExactMatch());
            assertArrayEquals(a.validLoss(), b.validLoss());
            assertEquals(a.stoppedBy(), b.stoppedBy());
        }
        assertNotEquals(alone.get(0).steps() + "," + alone.get(0).finalValidLoss(),
                alone.get(1).steps() + "," + alone.get(1).finalValidLoss(), "two different runs, so that the order is tested");
        // the progress lines: all of the first run's, then all of the second's, each under its name, as printed alone
        assertEquals("── without attention ──\n" + printedAlone.replaceFirst("(?s)^((?:[^\n]*\n){" + alone.get(0).evalSteps().length + "})",
                        "$1── with attention ──\n"),
                printedSideBySide.replace(System.lineSeparator(), "\n").replace("\r", ""));
    }

    @Test
    void aFailedJobIsNamedAfterTheOthersFinished() {
        List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        PrintStream original = System.out;
        IllegalStateException e;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            e = assertThrows(IllegalStateException.class, () -> SideBySide.run(List.<SideBySide.Job<Integer>>of(
                    SideBySide.job("fine", () -> { done.add("fine"); return 1; }),
                    SideBySide.job("broken", () -> { throw new ArithmeticException("on purpose"); }))));
        } finally {
            System.setOut(original);
        }
        assertTrue(e.getMessage().contains("'broken'") && e.getMessage().contains("on purpose"), e.getMessage());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals(List.of("fine"), done);
        assertSame(original, System.out, "System.out is restored");
    }

    @Test
    void rejectsNoJobsAndUnnamedJobs() {
        assertThrows(IllegalArgumentException.class, () -> SideBySide.run(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SideBySide.job(" ", () -> 1));
    }
}
