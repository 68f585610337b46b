package jattn.embedding;

import jattn.data.CorpusGenerator;
import jattn.data.Word2VecCorpus;
import jattn.embedding.WordVectors.Neighbour;
import jattn.train.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestSkipGramTrainer {

    static final List<List<String>> SMALL = Word2VecCorpus.tokenize(CorpusGenerator.generate(5, 300));
    static final SkipGramSettings FAST = SkipGramSettings.defaults().withDModel(10).withEpochs(3);

    static List<String> words(List<Neighbour> neighbours) {
        return neighbours.stream().map(Neighbour::word).toList();
    }

    /** What lesson 02 prints and its claims test checks, with the lesson's default settings. */
    @Test
    void lessonDefaultsGiveTheLessonsNeighbours() {
        SkipGramTrainer.Result r = SkipGramTrainer.train(Word2VecCorpus.load(), SkipGramSettings.defaults());
        WordVectors v = r.vectors();
        List<String> great = words(v.nearest("great", 3)), china = words(v.nearest("china", 5));
        assertTrue(great.contains("excellent"), "great → " + v.nearest("great", 5));
        assertTrue(china.contains("america") || china.contains("thailand"), "china → " + v.nearest("china", 5));
        assertTrue(v.cosine("great", "excellent") > v.cosine("great", "china") + 0.5,
                "great·excellent " + v.cosine("great", "excellent") + ", great·china " + v.cosine("great", "china"));
        System.out.printf("lesson 02 defaults: %d pairs in %.2f s (%.0f pairs/s)%n", r.pairs(), r.seconds(), r.pairsPerSecond());
    }

    @Test
    void sameSeedSameVectorsOtherSeedOtherVectors() {
        double[] a = SkipGramTrainer.train(SMALL, FAST).model().centre().value().data;
        double[] b = SkipGramTrainer.train(SMALL, FAST).model().centre().value().data;
        double[] c = SkipGramTrainer.train(SMALL, FAST.withSeed(2)).model().centre().value().data;
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void oneReportPerEpochAndTheLossFalls() {
        List<Progress> reports = new ArrayList<>();
        SkipGramTrainer.Result r = SkipGramTrainer.train(SMALL, FAST.withEpochs(4), reports::add);
        assertEquals(4, reports.size());
        for (int e = 0; e < 4; e++) {
            Progress p = reports.get(e);
            assertEquals(e + 1, p.epoch());
            assertEquals(4, p.epochs());
            assertTrue(p.endOfEpoch());
            assertEquals(r.epochLosses()[e], p.loss());
            if (e > 0) assertTrue(p.step() > reports.get(e - 1).step() && p.learningRate() < reports.get(e - 1).learningRate());
        }
        assertEquals(r.pairs(), reports.get(3).step());
        assertTrue(r.epochLosses()[3] < r.epochLosses()[0], java.util.Arrays.toString(r.epochLosses()));
        // the rate falls linearly to almost 0 at the end of the run
        assertTrue(reports.get(3).learningRate() < FAST.learningRate() * 0.01);
    }

    @Test
    void withoutSubsamplingEveryPairOfTheFixedWindowIsUsed() {
        SkipGramSettings s = FAST.withSubsample(0).withDynamicWindow(false).withWindow(2).withEpochs(2);
        long perEpoch = 0;
        for (List<String> sentence : SMALL) {
            int n = sentence.size();
            for (int t = 0; t < n; t++) perEpoch += Math.min(n - 1, t + 2) - Math.max(0, t - 2);
        }
        assertEquals(2 * perEpoch, SkipGramTrainer.train(SMALL, s).pairs());
    }

    @Test
    void rareWordsAreLeftOut() {
        List<List<String>> corpus = List.of(List.of("a", "b", "a", "c"), List.of("b", "a", "rare"));
        SkipGramTrainer.Result r = SkipGramTrainer.train(corpus, FAST.withMinCount(2));
        assertTrue(r.vocabulary().contains("a") && r.vocabulary().contains("b"));
        assertFalse(r.vocabulary().contains("c") || r.vocabulary().contains("rare"));
        assertEquals(r.vocabulary().size(), r.model().vocabSize());
    }

    @Test
    void aLossThatIsNotANumberStopsTraining() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGramTrainer.train(SMALL, FAST.withLearningRate(1e200)));
        assertTrue(e.getMessage().contains("epoch 1") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void emptyCorpusIsRejected() {
        assertRejects(() -> SkipGramTrainer.train(List.of(List.of("x")), FAST.withMinCount(2)), "no words");
    }
}
