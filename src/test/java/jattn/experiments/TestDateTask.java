package jattn.experiments;

import jattn.data.DatePair;
import jattn.data.SentencePair;
import jattn.seq2seq.Decoded;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestDateTask {

    static final Architecture TINY = Architecture.dates().withEmbeddingSize(4).withHiddenSize(6).withSeed(2);

    @Test
    void datesAreTenCharacterOutputsWithoutEndToken() {
        List<DatePair> dates = List.of(new DatePair("4 january 1999", "1999-01-04"), new DatePair("2023.3.13", "2023-03-13"));
        Seq2SeqTask task = DateTask.of(dates);
        assertFalse(task.hasEndToken());
        assertEquals(DateTask.TARGET_LENGTH, task.maxOutput());
        assertTrue(task.targetVocabulary().contains(Vocabulary.BOS));
        assertEquals(List.of(new SentencePair("4 january 1999", "1999-01-04"), new SentencePair("2023.3.13", "2023-03-13")),
                DateTask.pairs(dates));
        assertEquals(DateTask.TARGET_LENGTH, task.targets(DateTask.pairs(dates)).numSteps());
    }

    @Test
    void anUntrainedModelStillWritesTenTokens() {
        List<DatePair> dates = jattn.data.DateDataset.generate(3, 20, 0, 0).train();
        Seq2SeqTask task = DateTask.of(dates);
        Decoded d = task.newModel(TINY).greedy(task.sources(DateTask.pairs(dates)), task.maxOutput());
        for (int b = 0; b < d.batch(); b++) assertEquals(DateTask.TARGET_LENGTH, d.tokens(b).length);
        assertEquals(dates.size(), task.predict(task.newModel(TINY), DateTask.pairs(dates)).size());
    }
}
