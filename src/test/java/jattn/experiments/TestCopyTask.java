package jattn.experiments;

import jattn.seq2seq.Attention;
import jattn.data.SentencePair;
import jattn.seq2seq.Seq2Seq;
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
    private static AccuracyByLength lessonCopy(Attention attention) {
        CopyTask.Splits copy = CopyTask.lessons();
        Seq2SeqTask task = CopyTask.of(copy);
        Seq2Seq model = task.newModel(Architecture.copy().with(attention));
        task.train(model, copy.train(), Seq2SeqTask.Settings.copy(), Verbosity.QUIET);
        return task.byLength(task.predict(model, copy.test()), copy.test(), copy.everyLength());
    }

    @Test
    void theLessonsSplitsAreTheStringsOfThreeToTwelveDigits() {
        CopyTask.Splits copy = CopyTask.lessons();
        assertEquals(10000, copy.train().size());
        assertEquals(1000, copy.test().size());
        assertEquals(CopyTask.generate(11000, 3, 12, 1).subList(10000, 11000), copy.test());
        assertArrayEquals(new int[]{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, copy.everyLength());
        assertEquals(13, CopyTask.of(copy).maxOutput());
    }

    @Test
    void withoutAttentionLongStringsAreNotCopied() {
        // the lessons' experiment with its settings: the final state holds 3 digits, not 11 or 12
        AccuracyByLength a = lessonCopy(Attention.NONE);
        assertEquals(3, a.shortest().from());
        assertTrue(a.shortest().accuracy() >= 0.9, a.format());
        assertTrue(a.longest().accuracy() <= 0.1, a.format());
    }

    @Test
    void withAttentionEveryLengthIsCopied() {
        // lesson 05's experiment with its settings (four passes, η from 1e-2 down a half cosine):
        // every length from 3 to 12 is copied, the longest too. With a constant η the longest
        // bucket lands anywhere between 0.3 and 0.95 depending on the last updates.
        AccuracyByLength a = lessonCopy(Attention.BAHDANAU);
        for (AccuracyByLength.Bucket b : a.buckets()) assertTrue(b.accuracy() >= 0.9, a.format());
    }
}
