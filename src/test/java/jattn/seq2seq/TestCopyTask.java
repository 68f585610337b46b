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
}
