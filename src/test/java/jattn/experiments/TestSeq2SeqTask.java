package jattn.experiments;

import jattn.seq2seq.Attention;
import jattn.data.SentencePair;
import jattn.seq2seq.Seq2Seq;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestSeq2SeqTask {

    static final List<SentencePair> PAIRS = List.of(
            new SentencePair("abc", "xy"),
            new SentencePair("a", "yyz"),
            new SentencePair("bcab", "z"));

    @Test
    void batchesAreCharacterIdsWithOrWithoutEnd() {
        Seq2SeqTask plain = new Seq2SeqTask(PAIRS, Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.FIXED_LENGTH, 3);
        Seq2SeqTask ended = new Seq2SeqTask(PAIRS, Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.END_TOKEN, 4);
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
        Seq2SeqTask task = new Seq2SeqTask(PAIRS, Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.FIXED_LENGTH, 3);
        List<String> pred = List.of("xy", "yy", "z");
        assertEquals(2.0 / 3, task.exactMatch(pred, PAIRS), 0.0);
        AccuracyByLength a = task.byLength(pred, PAIRS, 1, 2, 5);
        assertEquals(0.0, a.shortest().accuracy());                      // "a": "yy" ≠ "yyz"
        assertEquals(1.0, a.longest().accuracy());
        // position 0: x=x, y=y, z=z; position 1: y=y, y=y; position 2: missing in "yy"
        assertArrayEquals(new double[]{1, 1, 0}, task.accuracyByPosition(pred, PAIRS), 0.0);
        assertRejects(() -> task.exactMatch(List.of("x"), PAIRS), "1 predictions", "3 pairs");
        assertRejects(() -> new Seq2SeqTask(PAIRS, Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.END_TOKEN, 0), "maxOutput");
        List<SentencePair> longer = List.of(new SentencePair("ab", "xyzxy"), new SentencePair("b", "zzyyx"));
        Seq2SeqTask chars = new Seq2SeqTask(longer, Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.FIXED_LENGTH, 5);
        assertEquals(1.0, chars.bleu(List.of("xyzxy", "zzyyx"), longer), 1e-12);
        assertEquals(0.0, chars.bleu(List.of("xy", "zz"), longer), 0.0);       // no 4-gram at all: BLEU-4 is 0
        double partial = chars.bleu(List.of("xyzxx", "zzyyx"), longer);
        assertTrue(partial > 0 && partial < 1, "BLEU " + partial);
    }

    @Test
    void wordsAreLowerCasedTokensJoinedBySpaces() {
        List<SentencePair> pairs = List.of(new SentencePair("Turn right.", "Tournez à droite."),
                new SentencePair("You are right.", "Tu as raison."));
        Seq2SeqTask task = new Seq2SeqTask(pairs, Seq2SeqTask.Tokens.WORDS, Seq2SeqTask.Ending.END_TOKEN, 8);
        assertEquals("tournez à droite .", task.reference(pairs.get(0)));
        assertTrue(task.sourceVocabulary().contains("right"));
        assertEquals(2 + 5, task.sourceVocabulary().size());            // <pad> <unk> turn right . you are
        assertArrayEquals(new int[]{3, 4}, task.sources(pairs).validLens());
        assertArrayEquals(new int[]{5, 5}, task.targets(pairs).validLens());   // 4 tokens + <eos>
        List<String> pred = List.of("tournez à droite .", "tu as tort .");
        assertEquals(0.5, task.exactMatch(pred, pairs));
        AccuracyByLength a = task.byLength(pred, pairs, 3, 4, 5);      // lengths in words: 3 and 4
        assertEquals(1.0, a.shortest().accuracy());
        assertEquals(0.0, a.longest().accuracy());
        assertArrayEquals(new double[]{1, 1, 0.5, 1}, task.accuracyByPosition(pred, pairs), 0.0);
    }

    @Test
    void attentionLearnsToCopyInAFewSeconds() {
        // the module code of lessons 04 and 05 end to end: train, predict, evaluate
        List<SentencePair> train = CopyTask.generate(512, 2, 4, 5);
        Seq2SeqTask task = CopyTask.of(train, 4);
        Seq2Seq model = task.newModel(Architecture.copy().withEmbeddingSize(8).withHiddenSize(16).with(Attention.BAHDANAU).withSeed(1));
        double before = task.loss(model, train).item();
        Seq2SeqTask.Run run = task.train(model, train, train.subList(0, 64),
                Seq2SeqTask.Settings.anchor().withEpochs(6).withBatchSize(32).withLearningRate(1e-2).withPools(4), Verbosity.QUIET);
        double after = task.loss(model, train).item();
        assertEquals(6, run.validExactMatch().length);
        assertEquals(6 * 16, run.history().stepLosses().length);
        assertTrue(after < 0.3 * before, "loss " + before + " → " + after);
        List<String> pred = task.predict(model, train);
        assertTrue(task.exactMatch(pred, train) > 0.5, "exact match " + task.exactMatch(pred, train));
        for (String p : pred) assertTrue(p.length() <= task.maxOutput());
        assertEquals(pred.get(0), String.join("", task.decodedTokens(model, train.get(0).source())));
    }

    @Test
    void theLearningRateIsConstantOrFallsAlongAHalfCosine() {
        Seq2SeqTask.Settings constant = Seq2SeqTask.Settings.anchor().withEpochs(2).withLearningRate(1e-2),
                decay = constant.with(Seq2SeqTask.Decay.HALF_COSINE);
        assertEquals(Seq2SeqTask.Decay.CONSTANT, constant.decay());
        assertEquals(Seq2SeqTask.Decay.HALF_COSINE, Seq2SeqTask.Settings.copy().decay());
        assertEquals(4, Seq2SeqTask.Settings.copy().epochs());
        assertRejects(() -> constant.withEpochs(0), "epochs");
        // 640 pairs in batches of 64: 10 updates per epoch, S = 20
        for (int s : new int[]{0, 7, 19}) assertEquals(1e-2, constant.schedule(640).at(s), 0.0);
        assertEquals(1e-2, decay.schedule(640).at(0), 1e-15);
        assertEquals(0.5e-2, decay.schedule(640).at(10), 1e-15);
        assertEquals(1e-2 * (1 + Math.cos(Math.PI * 15 / 20)) / 2, decay.schedule(640).at(15), 1e-15);
        assertEquals(0.0, decay.schedule(640).at(20), 1e-15);
        assertEquals(0.5e-2, decay.schedule(641).at(11), 1e-15);      // 641 pairs: 11 updates per epoch, S = 22
    }
}
