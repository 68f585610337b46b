package jattn.experiments;

import jattn.seq2seq.Attention;
import jattn.data.SentencePair;
import jattn.seq2seq.Seq2Seq;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestAlignment {

    static final List<SentencePair> DIGITS = CopyTask.generate(300, 2, 5, 4);
    static final Seq2SeqTask TASK = CopyTask.of(DIGITS, 5);
    static final Architecture SMALL = Architecture.copy().withEmbeddingSize(8).withHiddenSize(12).with(Attention.BAHDANAU).withSeed(3);

    @Test
    void greedyRowsAreTheWrittenTokensAndSumToOne() {
        Seq2Seq model = TASK.newModel(SMALL);
        Alignment a = Alignment.greedy(TASK, model, "40913");
        assertEquals(List.of("4", "0", "9", "1", "3"), a.inputs());
        List<String> written = TASK.decodedTokens(model, "40913");
        assertEquals(String.join("", written), a.written(TASK));
        assertTrue(a.outputs().size() == written.size() || a.outputs().size() == written.size() + 1);
        for (int t = 0; t < a.outputs().size(); t++) {
            double sum = 0;
            int best = 0;
            for (int i = 0; i < a.inputs().size(); i++) {
                sum += a.weight(t, i);
                if (a.weight(t, i) > a.weight(t, best)) best = i;
            }
            assertEquals(1.0, sum, 1e-12);
            assertEquals(best, a.mostAttended(t));
        }
        assertEquals(List.of(a.mostAttended(0), a.mostAttended(1)), a.mostAttended(0, 2));
    }

    @Test
    void forcedRowsAreTheReferenceWithItsEndToken() {
        Seq2Seq model = TASK.newModel(SMALL);
        SentencePair pair = new SentencePair("2718", "2718");
        Alignment a = Alignment.forced(TASK, model, pair);
        assertEquals(List.of("2", "7", "1", "8", Vocabulary.EOS), a.outputs());
        assertEquals(5, a.matrix().length);
        // the same weights as the teacher-forced pass of the model itself
        var forced = model.forward(TASK.sources(List.of(pair)), TASK.targets(List.of(pair)));
        assertEquals(forced.weights().get(2).value().get(0, 1), a.weight(2, 1), 0.0);
    }

    @Test
    void aModelWithoutAttentionHasNoAlignment() {
        assertRejects(() -> Alignment.greedy(TASK, TASK.newModel(SMALL.with(Attention.NONE)), "123"), "no attention");
        assertRejects(() -> new Alignment(List.of("a"), List.of("x", "y"), new double[1][1]), "1 rows", "2 outputs");
    }
}
