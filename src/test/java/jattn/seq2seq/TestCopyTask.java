package jattn.seq2seq;

import jattn.data.SentencePair;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestCopyTask {

    @Test
    void pairsAreRandomDigitStringsCopied() {
        List<SentencePair> pairs = CopyTask.generate(2000, 3, 7, 11);
        int[] byLength = new int[8];
        for (SentencePair p : pairs) {
            assertEquals(p.source(), p.target());
            assertTrue(p.source().matches("[0-9]{3,7}"), p.source());
            byLength[p.source().length()]++;
        }
        for (int n = 3; n <= 7; n++) assertTrue(byLength[n] > 300, "length " + n + ": " + byLength[n]);   // ≈ 400 each
        assertEquals(pairs, CopyTask.generate(2000, 3, 7, 11));
        assertNotEquals(pairs, CopyTask.generate(2000, 3, 7, 12));
    }

    @Test
    void theTaskHasAnEndTokenAndRoomForIt() {
        Seq2SeqTask task = CopyTask.of(CopyTask.generate(200, 1, 5, 1), 5);
        assertTrue(task.hasEndToken());
        assertEquals(6, task.maxOutput());
        assertEquals(10, task.sourceVocabulary().size() - 2);             // ten digits after <pad>, <unk>
        assertRejects(() -> CopyTask.generate(5, 0, 3, 1), "minLength");
        assertRejects(() -> CopyTask.generate(5, 4, 3, 1), "maxLength");
    }

    /** Lessons 04 and 05's copy experiment: 10 000 training and 1 000 test strings of 3 … 12 digits, E 16, H 32. */
    private static AccuracyByLength lessonCopy(boolean attention, Seq2SeqTask.Settings settings, int... edges) {
        List<SentencePair> digits = CopyTask.generate(11000, 3, 12, 1);
        List<SentencePair> train = digits.subList(0, 10000), test = digits.subList(10000, 11000);
        Seq2SeqTask task = CopyTask.of(train, 12);
        Seq2Seq model = task.newModel(16, 32, attention, 0);
        task.train(model, train, null, settings, false);
        return task.byLength(task.predict(model, test), test, edges);
    }

    @Test
    void withoutAttentionLongStringsAreNotCopied() {
        // lesson 04's experiment with its settings: the final state holds 3 digits, not 10 to 12
        AccuracyByLength a = lessonCopy(false, Seq2SeqTask.Settings.anchor(3).withLearningRate(1e-2).withPools(16), 3, 4, 10, 13);
        assertEquals(3, a.shortest().from());
        assertTrue(a.shortest().accuracy() >= 0.9, a.format());
        assertTrue(a.longest().accuracy() <= 0.05, a.format());
    }

    @Test
    void withAttentionEveryLengthIsCopied() {
        // lesson 05's experiment with its settings (four passes, η from 1e-2 down a half cosine):
        // every length from 3 to 12 is copied, the longest too. With a constant η the longest
        // bucket lands anywhere between 0.3 and 0.95 depending on the last updates.
        int[] edges = new int[11];
        for (int k = 0; k < edges.length; k++) edges[k] = 3 + k;
        AccuracyByLength a = lessonCopy(true, Seq2SeqTask.Settings.anchor(4).withLearningRate(1e-2).withPools(16).withCosineDecay(), edges);
        for (AccuracyByLength.Bucket b : a.buckets()) assertTrue(b.accuracy() >= 0.9, a.format());
    }
}
