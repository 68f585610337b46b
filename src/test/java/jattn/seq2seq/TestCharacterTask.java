package jattn.seq2seq;

import jattn.data.SentencePair;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestCharacterTask {

    static final List<SentencePair> PAIRS = List.of(
            new SentencePair("abc", "xy"),
            new SentencePair("a", "yyz"),
            new SentencePair("bcab", "z"));

    @Test
    void batchesAreCharacterIdsWithOrWithoutEnd() {
        CharacterTask plain = new CharacterTask(PAIRS, false, 3), ended = new CharacterTask(PAIRS, true, 4);
        assertFalse(plain.hasEndToken());
        assertTrue(ended.hasEndToken());
        assertEquals(3 + 3, plain.targetVocabulary().size());           // <pad> <unk> <bos> x y z
        assertEquals(4 + 3, ended.targetVocabulary().size());           // and <eos>
        PaddedBatch src = plain.sources(PAIRS);
        assertArrayEquals(new int[]{3, 1, 4}, src.validLens());
        assertEquals("abc", String.join("", plain.sourceVocabulary().decode(src.sequence(0), false, true)));
        PaddedBatch y = ended.targets(PAIRS);
        assertArrayEquals(new int[]{3, 4, 2}, y.validLens());            // text + <eos>
        assertEquals(List.of("z", Vocabulary.EOS, Vocabulary.PAD, Vocabulary.PAD), ended.targetVocabulary().decode(y.sequence(2)));
        assertArrayEquals(new int[]{2, 3, 1}, plain.targets(PAIRS).validLens());
    }

    @Test
    void exactMatchByLengthAndByPosition() {
        List<String> pred = List.of("xy", "yy", "z");
        assertEquals(2.0 / 3, CharacterTask.exactMatch(pred, PAIRS), 0.0);
        AccuracyByLength a = CharacterTask.byLength(pred, PAIRS, 1, 2, 5);
        assertEquals(0.0, a.shortest().accuracy());                      // "a": "yy" ≠ "yyz"
        assertEquals(1.0, a.longest().accuracy());
        // position 0: x=x, y=y, z=z; position 1: y=y, y=y; position 2: missing in "yy"
        assertArrayEquals(new double[]{1, 1, 0}, CharacterTask.accuracyByPosition(pred, PAIRS), 0.0);
        assertRejects(() -> CharacterTask.exactMatch(List.of("x"), PAIRS), "1 predictions", "3 pairs");
        assertRejects(() -> new CharacterTask(PAIRS, true, 0), "maxOutput");
    }

    @Test
    void attentionLearnsToCopyInAFewSeconds() {
        // the module code of lessons 04 and 05 end to end: train, predict, evaluate
        List<SentencePair> train = CopyTask.generate(512, 2, 4, 5);
        CharacterTask task = CopyTask.of(train, 4);
        Seq2Seq model = task.newModel(8, 16, true, 1);
        double before = task.loss(model, train).item();
        CharacterTask.Run run = task.train(model, train, train.subList(0, 64),
                new CharacterTask.Settings(6, 32, 1e-2, 1.0, 0, 4), false);
        double after = task.loss(model, train).item();
        assertEquals(6, run.validExactMatch().length);
        assertEquals(6 * 16, run.history().stepLosses().length);
        assertTrue(after < 0.3 * before, "loss " + before + " → " + after);
        List<String> pred = task.predict(model, train);
        assertTrue(CharacterTask.exactMatch(pred, train) > 0.5, "exact match " + CharacterTask.exactMatch(pred, train));
        for (String p : pred) assertTrue(p.length() <= task.maxOutput());
    }
}
