package jattn.experiments;

import jattn.attention.SelfAttentionTagger;
import jattn.autograd.Tensor;
import jattn.nn.Init;
import jattn.text.Vocabulary;
import jattn.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class TestSentimentTagging {

    static List<String> words(String s) { return Arrays.asList(s.split(" ")); }

    @Test
    void theToneComesFromAnyWordOfTheSentenceAndIgnoresOrder() {
        assertEquals(SentimentTagging.Tag.POSITIVE, SentimentTagging.toneOf(words("china is a great country")));
        assertEquals(SentimentTagging.Tag.POSITIVE, SentimentTagging.toneOf(words("country great a is china")));
        assertEquals(SentimentTagging.Tag.MILD, SentimentTagging.toneOf(words("the soup tasted nice")));
        assertEquals(SentimentTagging.Tag.NEGATIVE, SentimentTagging.toneOf(words("the film was awful and i hated it")));
        assertEquals(SentimentTagging.Tag.NEUTRAL, SentimentTagging.toneOf(words("it is sunny today")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SentimentTagging.toneOf(words("a great and bad film")));
        assertTrue(e.getMessage().contains("a great and bad film"), e.getMessage());
    }

    @Test
    void everyWordOfASentenceGetsItsTone() {
        Vocabulary v = Vocabulary.of(words("china is a great country"));
        SentimentTagging.Example ex = SentimentTagging.example(words("china is a great country"), v);
        assertArrayEquals(new int[]{1, 1, 1, 1, 1}, ex.tags());
        assertArrayEquals(v.encode(words("china is a great country")), ex.ids());
        assertEquals(SentimentTagging.Tag.POSITIVE, ex.tag());
        assertThrows(IllegalArgumentException.class, () -> SentimentTagging.example(words("china is bad"), v));
    }

    @Test
    void theSplitsAreDisjointDistinctSentences() {
        List<List<String>> corpus = new ArrayList<>();
        String[] tones = {"great", "good", "bad", "big"};
        for (int i = 0; i < 40; i++) corpus.add(words("item" + (i % 20) + " is " + tones[i % 4]));   // every sentence twice
        List<String> vocab = new ArrayList<>();
        corpus.forEach(vocab::addAll);
        SentimentTagging.Splits s = SentimentTagging.split(corpus, Vocabulary.of(vocab), 3);
        assertEquals(14, s.train().size());
        assertEquals(3, s.valid().size());
        assertEquals(3, s.test().size());
        Set<List<String>> seen = new HashSet<>();
        for (List<SentimentTagging.Example> part : List.of(s.train(), s.valid(), s.test()))
            for (SentimentTagging.Example e : part) assertTrue(seen.add(e.words()), "in two splits or twice: " + e.words());
        assertEquals(s.train().stream().map(SentimentTagging.Example::words).toList(),
                SentimentTagging.split(corpus, Vocabulary.of(vocab), 3).train().stream().map(SentimentTagging.Example::words).toList(), "seeded");
        int[] counts = SentimentTagging.tagCounts(s.train());
        assertEquals(14, Arrays.stream(counts).sum());
    }

    @Test
    void trainingLearnsAToneThatOnlyOneWordCarries() {
        // "wordA wordB x": tag POSITIVE if x = great, NEUTRAL if x = big; wordA alone cannot tell
        List<String> vocab = words("w0 w1 w2 w3 great big");
        Vocabulary v = Vocabulary.of(vocab);
        List<SentimentTagging.Example> examples = new ArrayList<>();
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                for (String x : List.of("great", "big"))
                    examples.add(SentimentTagging.example(words("w" + a + " w" + b + " " + x), v));
        Tensor table = Init.normal(v.size(), 8, 1.0, new Random(4));
        SelfAttentionTagger whole = new SelfAttentionTagger(table, SelfAttentionTagger.Settings.of(4).withHeads(2), new Random(1));
        SelfAttentionTagger alone = new SelfAttentionTagger(table,
                SelfAttentionTagger.Settings.of(4).withHeads(2).with(SelfAttentionTagger.Context.ONLY_ITSELF), new Random(1));
        SentimentTagging.Settings settings = new SentimentTagging.Settings(60, 8, 0.02, 1);
        SentimentTagging.train(whole, examples, settings, TrainingListener.silent());
        SentimentTagging.train(alone, examples, settings, TrainingListener.silent());
        assertEquals(1.0, SentimentTagging.accuracy(whole, examples), "attention over the sentence finds the tone word");
        double aloneAccuracy = SentimentTagging.accuracy(alone, examples);
        assertTrue(aloneAccuracy <= 0.7, "a word alone can only guess: " + aloneAccuracy);
        double[] byPosition = SentimentTagging.accuracyByPosition(alone, examples, 4);
        assertEquals(1.0, byPosition[2], "the tone word itself is always right");
        assertTrue(Double.isNaN(byPosition[3]), "no sentence has a fourth word");
    }
}
