package jattn.seq2seq;

import jattn.data.DatePair;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestDateTask {

    static final List<DatePair> PAIRS = List.of(
            new DatePair("4 january 1999", "1999-01-04"),
            new DatePair("1999.1.4", "1999-01-04"),
            new DatePair("monday, march 13, 2023", "2023-03-13"));

    @Test
    void batchesAreCharacterIds() {
        DateTask task = new DateTask(PAIRS);
        Vocabulary tgt = task.targetVocabulary();
        assertTrue(tgt.contains(Vocabulary.BOS));
        assertEquals(3 + 7, tgt.size());                               // <pad> <unk> <bos> and 0 1 2 3 4 9 -
        PaddedBatch src = task.sources(PAIRS), y = task.targets(PAIRS);
        assertEquals(22, src.numSteps());                               // the longest human date
        assertArrayEquals(new int[]{14, 8, 22}, src.validLens());
        assertEquals(DateTask.TARGET_LENGTH, y.numSteps());
        assertEquals("1999-01-04", String.join("", tgt.decode(y.sequence(1))));
        assertEquals("4 january 1999", String.join("", task.sourceVocabulary().decode(src.sequence(0), false, true)));
    }

    @Test
    void exactMatchComparesWholeDates() {
        assertEquals(2.0 / 3, DateTask.exactMatch(List.of("1999-01-04", "1999-01-05", "2023-03-13"), PAIRS), 0.0);
        AccuracyByLength a = DateTask.byLength(List.of("1999-01-04", "1999-01-05", "2023-03-13"), PAIRS, 8, 15, 30);
        assertEquals(0.5, a.shortest().accuracy());
        assertEquals(1.0, a.longest().accuracy());
        assertThrows(IllegalArgumentException.class, () -> DateTask.exactMatch(List.of("x"), PAIRS));
    }

    @Test
    void attentionLearnsToCopyDatesInAFewSteps() {
        // a small model on a small set: the loss falls and the model reproduces its training dates
        List<DatePair> train = jattn.data.DateDataset.generate(5, 256, 0, 0).train();
        DateTask task = new DateTask(train);
        Seq2Seq model = task.newModel(8, 16, true, 1);
        double before = task.loss(model, train).item();
        DateTask.Run run = task.train(model, train, train.subList(0, 64),
                new DateTask.Settings(8, 32, 1e-2, 1.0, 0, 1), false);
        double after = task.loss(model, train).item();
        assertEquals(8, run.validExactMatch().length);
        assertEquals(8 * 8, run.history().stepLosses().length);
        assertTrue(after < 0.5 * before, "loss " + before + " → " + after);
        List<String> pred = task.predict(model, train);
        assertEquals(train.size(), pred.size());
        for (String p : pred) assertEquals(DateTask.TARGET_LENGTH, p.length());
    }
}
