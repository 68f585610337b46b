package jattn.embedding;

import jattn.text.Vocabulary;
import jattn.train.Progress;
import jattn.train.TrainingListener;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Trains skip-gram with negative sampling on a corpus the way the original word2vec does:
 * <pre>
 *   for each epoch, for each sentence:
 *     η = η₀ · max(10⁻⁴, 1 − words done / (epochs · words in corpus))     linear decay
 *     drop frequent words at random                                     ({@link Subsampler})
 *     for each (centre c, context o) in the window                      ({@link SkipGramPairs})
 *       draw K noise words from P(w) ∝ count(w)^¾, skipping o itself    ({@link NegativeSampler})
 *       one SGD step on L(c, o) = −log σ(u_o·v_c) − Σₖ log σ(−u_{nₖ}·v_c)   ({@link SkipGram#sgdStep})
 * </pre>
 * One update per pair, on one thread, with no allocation in the loop. The vocabulary keeps
 * the words seen at least {@code minCount} times; rarer words are removed from the text.
 *
 * <p>Deterministic: the same corpus and settings (seed included) give the same vectors.
 * After every epoch the listener gets a {@link Progress} whose {@code step} counts pairs (one
 * SGD step each), {@code loss} is the epoch's mean loss per pair and {@code stepsPerSecond}
 * is pairs per second. The corpus is not modified.
 */
public final class SkipGramTrainer {

    /**
     * A finished run: the vocabulary, the model (V and U), the embeddings V by word, the mean
     * loss per pair of each epoch, the number of pairs trained on and the seconds it took.
     */
    public record Result(Vocabulary vocabulary, SkipGram model, WordVectors vectors, double[] epochLosses,
                         long pairs, double seconds) {
        /** Training speed. */
        public double pairsPerSecond() {
            return seconds > 0 ? pairs / seconds : 0;
        }
    }

    private final SkipGram model;
    private final NegativeSampler noise;
    private final SplittableRandom rng;
    private final int[] negatives;
    private double learningRate;
    private double lossSum;
    private long pairs;

    private SkipGramTrainer(SkipGram model, NegativeSampler noise, SplittableRandom rng, int k) {
        this.model = model;
        this.noise = noise;
        this.rng = rng;
        this.negatives = new int[k];
    }

    /** Trains with {@code settings}, reporting nothing. */
    public static Result train(List<List<String>> sentences, SkipGramSettings settings) {
        return train(sentences, settings, TrainingListener.silent());
    }

    /**
     * Trains on {@code sentences} (lists of words) with {@code settings}, reporting each epoch to {@code listener}.
     *
     * @throws IllegalArgumentException if no word of the corpus is kept in the vocabulary
     * @throws IllegalStateException    if the loss of an epoch is not a number (a far too large learning rate)
     */
    public static Result train(List<List<String>> sentences, SkipGramSettings settings, TrainingListener listener) {
        Vocabulary vocab = Vocabulary.ofSentences(sentences, settings.minCount());
        int[][] text = encode(sentences, vocab);
        long totalWords = 0;
        int longest = 0;
        for (int[] s : text) {
            totalWords += s.length;
            longest = Math.max(longest, s.length);
        }
        if (totalWords == 0) throw new IllegalArgumentException("SkipGramTrainer: the corpus has no words");

        SkipGram model = new SkipGram(vocab.size(), settings.dModel(), new Random(settings.seed()));
        SplittableRandom rng = new SplittableRandom(settings.seed());
        SkipGramTrainer loop = new SkipGramTrainer(model, NegativeSampler.of(vocab), rng, settings.negatives());
        Subsampler subsampler = Subsampler.of(vocab, settings.subsample());
        SplittableRandom windows = settings.dynamicWindow() ? rng : null;
        int[] kept = new int[longest];
        SkipGramPairs.PairConsumer update = loop::step;                     // one object for the whole run

        int epochs = settings.epochs();
        double[] epochLosses = new double[epochs];
        double wordsInRun = (double) epochs * totalWords + 1;
        long wordsDone = 0;
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double lossBefore = loop.lossSum;
            long pairsBefore = loop.pairs;
            for (int[] sentence : text) {
                loop.learningRate = settings.learningRate() * Math.max(1e-4, 1 - wordsDone / wordsInRun);
                int n = subsampler.filter(sentence, kept, rng);
                SkipGramPairs.forEach(kept, n, settings.window(), windows, update);
                wordsDone += sentence.length;
            }
            long epochPairs = loop.pairs - pairsBefore;
            epochLosses[epoch - 1] = epochPairs == 0 ? 0 : (loop.lossSum - lossBefore) / epochPairs;
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!Double.isFinite(epochLosses[epoch - 1]))
                throw new IllegalStateException("SkipGramTrainer: the loss of epoch " + epoch + " is " + epochLosses[epoch - 1]
                        + "; try a smaller learning rate than " + settings.learningRate());
            listener.onProgress(new Progress(epoch, epochs, text.length, loop.pairs, epochLosses[epoch - 1],
                    loop.learningRate, seconds, seconds > 0 ? loop.pairs / seconds : 0, true));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(vocab, model, new WordVectors(vocab, model.centre()), epochLosses, loop.pairs, seconds);
    }

    /** One pair: draw K noise words (a draw equal to the context is skipped, as in word2vec), then one SGD step. */
    private void step(int centre, int context) {
        int k = 0;
        for (int j = 0; j < negatives.length; j++) {
            int n = noise.sample(rng);
            if (n != context) negatives[k++] = n;
        }
        lossSum += model.sgdStep(centre, context, negatives, k, learningRate);
        pairs++;
    }

    /** The ids of each sentence, words outside the vocabulary removed. */
    private static int[][] encode(List<List<String>> sentences, Vocabulary vocab) {
        int[][] text = new int[sentences.size()][];
        for (int i = 0; i < text.length; i++)
            text[i] = Arrays.stream(vocab.encode(sentences.get(i))).filter(id -> id != Vocabulary.UNK_INDEX).toArray();
        return text;
    }
}
