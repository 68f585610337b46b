package jattn.experiments;

import jattn.attention.SelfAttentionTagger;
import jattn.autograd.Tensor;
import jattn.data.CorpusGenerator;
import jattn.text.Batches;
import jattn.text.Vocabulary;
import jattn.train.Adam;
import jattn.train.CrossEntropy;
import jattn.train.History;
import jattn.train.Trainer;
import jattn.train.TrainingListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A sequence-labelling task whose tags depend on the whole sentence but not on word order:
 * every word of a sentence of the word2vec corpus is tagged with the sentence's tone,
 * <pre>
 *   tag(word t of s) = POSITIVE if s holds a word of the group "positive" (great, excellent, wonderful),
 *                      MILD     if it holds a "mild" word (good, nice, pleasant),
 *                      NEGATIVE if it holds a "negative" word (bad, terrible, awful),
 *                      NEUTRAL  otherwise
 * </pre>
 * (the groups of {@link CorpusGenerator#groups()}; no sentence of the corpus mixes two). So
 * in "china is a great country" all five words are POSITIVE: the tag of "china" is not in
 * "china" but in "great". A per-word classifier gets the tone words right and must guess the
 * others; a word must look at the other words of its sentence, anywhere in it. Shuffling the
 * words of a sentence changes no tag, so a layer without positions can learn it.
 *
 * <p>{@link #split} uses the corpus's distinct sentences only (the corpus repeats many), so no
 * validation or test sentence was seen in training. Training: Adam on shuffled mini-batches of
 * sentences, the mean cross-entropy over all their words, gradients clipped to norm 1.
 */
public final class SentimentTagging {

    /** The tone of a sentence, given to each of its words; the ordinal is the tag id. */
    public enum Tag { NEUTRAL, POSITIVE, MILD, NEGATIVE }

    /** One sentence: its words, their ids in the vocabulary and their tags (all the same). */
    public record Example(List<String> words, int[] ids, int[] tags) {
        public Example {
            words = List.copyOf(words);
            ids = ids.clone();
            tags = tags.clone();
        }

        public Tag tag() { return Tag.values()[tags[0]]; }
    }

    /** Training, validation and test sentences, disjoint. */
    public record Splits(List<Example> train, List<Example> valid, List<Example> test) {}

    /** Epochs, batch size (sentences), Adam's learning rate and the shuffling seed. */
    public record Settings(int epochs, int batchSize, double learningRate, long seed) {
        /** The lesson's run: 3 epochs of batches of 16 sentences, η = 0.01. */
        public static Settings lesson() { return new Settings(3, 16, 0.01, 7); }

        public Settings withEpochs(int n) { return new Settings(n, batchSize, learningRate, seed); }

        public Settings withLearningRate(double eta) { return new Settings(epochs, batchSize, eta, seed); }
    }

    private static final Map<String, Tag> TONE_GROUPS = Map.of("positive", Tag.POSITIVE, "mild", Tag.MILD,
            "negative", Tag.NEGATIVE);

    private SentimentTagging() {}

    /** The tone of a sentence (see the class comment); a sentence with words of two tones is an error. */
    public static Tag toneOf(List<String> sentence) {
        Tag tone = Tag.NEUTRAL;
        for (String word : sentence)
            for (Map.Entry<String, Tag> g : TONE_GROUPS.entrySet())
                if (CorpusGenerator.groups().get(g.getKey()).contains(word)) {
                    if (tone != Tag.NEUTRAL && tone != g.getValue())
                        throw new IllegalArgumentException("SentimentTagging: '" + String.join(" ", sentence)
                                + "' has words of two tones, " + tone + " and " + g.getValue());
                    tone = g.getValue();
                }
        return tone;
    }

    /** The example of one sentence; every word must be in the vocabulary. */
    public static Example example(List<String> sentence, Vocabulary vocabulary) {
        int[] ids = new int[sentence.size()];
        for (int t = 0; t < ids.length; t++) {
            if (!vocabulary.contains(sentence.get(t)))
                throw new IllegalArgumentException("SentimentTagging: '" + sentence.get(t) + "' at position " + t
                        + " of '" + String.join(" ", sentence) + "' is not in the vocabulary");
            ids[t] = vocabulary.indexOf(sentence.get(t));
        }
        int[] tags = new int[ids.length];
        java.util.Arrays.fill(tags, toneOf(sentence).ordinal());
        return new Example(sentence, ids, tags);
    }

    /**
     * The distinct sentences of {@code corpus} (first occurrence order), shuffled by {@code seed}
     * and cut into training (70 %), validation (15 %) and test (15 %) sentences.
     */
    public static Splits split(List<List<String>> corpus, Vocabulary vocabulary, long seed) {
        List<List<String>> distinct = new ArrayList<>(new LinkedHashSet<>(corpus));
        if (distinct.size() < 3) throw new IllegalArgumentException("SentimentTagging: " + distinct.size()
                + " distinct sentences, need at least 3 to split");
        Collections.shuffle(distinct, new Random(seed));
        List<Example> all = new ArrayList<>(distinct.size());
        for (List<String> s : distinct) all.add(example(s, vocabulary));
        int train = (int) Math.round(0.70 * all.size()), valid = (int) Math.round(0.15 * all.size());
        return new Splits(List.copyOf(all.subList(0, train)), List.copyOf(all.subList(train, train + valid)),
                List.copyOf(all.subList(train + valid, all.size())));
    }

    /** Trains {@code model} on {@code examples}; progress (one line per epoch) goes to {@code listener}. */
    public static History train(SelfAttentionTagger model, List<Example> examples, Settings settings,
                                TrainingListener listener) {
        Trainer trainer = new Trainer(new Adam(model.parameters(), settings.learningRate()))
                .clipGradNorm(1.0).listener(listener);
        return trainer.fit(new Batches<>(examples, settings.batchSize(), settings.seed()), settings.epochs(),
                batch -> loss(model, batch));
    }

    /** L = mean cross-entropy over every word of a batch of sentences. */
    public static Tensor loss(SelfAttentionTagger model, List<Example> batch) {
        List<int[]> ids = new ArrayList<>(batch.size());
        int words = 0;
        for (Example e : batch) { ids.add(e.ids()); words += e.ids().length; }
        int[] tags = new int[words];
        int at = 0;
        for (Example e : batch) {
            System.arraycopy(e.tags(), 0, tags, at, e.tags().length);
            at += e.tags().length;
        }
        return CrossEntropy.loss(model.logits(ids), tags);               // (ΣT×nTags) vs (ΣT)
    }

    /** The fraction of words tagged correctly. */
    public static double accuracy(SelfAttentionTagger model, List<Example> examples) {
        int right = 0, words = 0;
        for (Example e : examples) {
            int[] predicted = model.predict(e.ids());
            for (int t = 0; t < predicted.length; t++) if (predicted[t] == e.tags()[t]) right++;
            words += predicted.length;
        }
        return right / (double) words;
    }

    /** The fraction of words tagged correctly among those at 0-based position t of their sentence, per t (NaN where none). */
    public static double[] accuracyByPosition(SelfAttentionTagger model, List<Example> examples, int maxLength) {
        int[] right = new int[maxLength], count = new int[maxLength];
        for (Example e : examples) {
            int[] predicted = model.predict(e.ids());
            for (int t = 0; t < Math.min(predicted.length, maxLength); t++) {
                count[t]++;
                if (predicted[t] == e.tags()[t]) right[t]++;
            }
        }
        double[] acc = new double[maxLength];
        for (int t = 0; t < maxLength; t++) acc[t] = count[t] == 0 ? Double.NaN : right[t] / (double) count[t];
        return acc;
    }

    /** How many examples have each tag, in {@link Tag} order. */
    public static int[] tagCounts(List<Example> examples) {
        int[] counts = new int[Tag.values().length];
        for (Example e : examples) counts[e.tags()[0]]++;
        return counts;
    }

    /** The words that carry a tone (the three groups), e.g. to tell tone words from the others. */
    public static Set<String> toneWords() {
        Set<String> words = new LinkedHashSet<>();
        for (String g : List.of("positive", "mild", "negative")) words.addAll(CorpusGenerator.groups().get(g));
        return words;
    }
}
