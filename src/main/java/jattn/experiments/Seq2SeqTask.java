package jattn.experiments;

import jattn.autograd.Tensor;
import jattn.data.SentencePair;
import jattn.seq2seq.Decoded;
import jattn.seq2seq.Seq2Seq;
import jattn.seq2seq.Seq2SeqModel;
import jattn.text.Batches;
import jattn.transformer.Transformer;
import jattn.transformer.TransformerSettings;
import jattn.text.PaddedBatch;
import jattn.text.Tokenizer;
import jattn.text.Vocabulary;
import jattn.train.Adam;
import jattn.train.Bleu;
import jattn.train.History;
import jattn.train.LearningRateSchedule;
import jattn.train.Trainer;
import jattn.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A sequence-to-sequence task on pairs of texts (source → target), split into characters or
 * words: vocabularies, batches, training with Adam and evaluation by exact match and BLEU.
 * <pre>
 *   source: the tokens of the source text, ids of {@link #sourceVocabulary()} padded with 0
 *   target: the tokens of the target text (+ {@code <eos>} if the task has an end token)
 *   training: teacher forcing, mean cross-entropy over the non-padding target tokens,
 *             Adam, gradients clipped to a global norm
 *   exact match = #{greedy outputs equal to the whole target} / #{examples}
 * </pre>
 * Texts are compared as token sequences: a prediction is its tokens joined by
 * {@link Tokens#separator()} ("" for characters, " " for words), and so is the reference
 * {@link #reference}; for characters the reference is the target text itself. (A model can also
 * write a reserved token such as {@code <unk>}; it appears in the text as written and never matches.)
 *
 * <p>Without an end token every output is decoded for exactly {@code maxOutput} steps (dates: 10
 * characters); with one, decoding stops at {@code <eos>} or after {@code maxOutput} steps. Both
 * vocabularies are built from the training pairs ({@code <pad>} 0, {@code <unk>} 1, then
 * {@code <bos>} and maybe {@code <eos>} in the target). Arguments are never modified.
 */
public final class Seq2SeqTask {

    /** How texts are split into tokens, and joined back. */
    public enum Tokens {
        /** One token per character ({@link Tokenizer#characters}), joined without separator. */
        CHARACTERS(""),
        /** Lower-cased words and punctuation marks ({@link Tokenizer#words}), joined by spaces. */
        WORDS(" ");

        private final String separator;

        Tokens(String separator) { this.separator = separator; }

        /** The tokens of a text. */
        public List<String> split(String text) {
            return this == CHARACTERS ? Tokenizer.characters(text) : Tokenizer.words(text);
        }

        /** The text of tokens. */
        public String join(List<String> tokens) { return String.join(separator, tokens); }

        public String separator() { return separator; }
    }

    /** How outputs end: all of one fixed length (dates), or with an end token {@code <eos>} (copies, sentences). */
    public enum Ending {
        /** Every output has exactly {@code maxOutput} tokens; no end token. */
        FIXED_LENGTH,
        /** Targets end with {@code <eos>}; decoding stops there or after {@code maxOutput} steps. */
        END_TOKEN
    }

    /** How the learning rate moves over a run of {@link #train}. */
    public enum Decay {
        /** η stays constant, as in the PyTorch anchor. */
        CONSTANT,
        /** η falls from its peak to 0 along a half cosine over the run, ηₛ = η·(1 + cos(π·s/S))/2 for update s of S. */
        HALF_COSINE
    }

    /** Batch size for greedy decoding during evaluation (no gradients, so larger batches are fine). */
    public static final int EVAL_BATCH_SIZE = 250;

    /**
     * How to train for a fixed number of passes (epochs). Presets with withers:
     * {@code Settings.anchor().withEpochs(4).withLearningRate(1e-2)}.
     *
     * @param epochs       passes over the training pairs
     * @param batchSize    pairs per update
     * @param learningRate Adam's (peak) η
     * @param maxGradNorm  global gradient-norm clipping
     * @param seed         the seed of the batch shuffling
     * @param poolBatches  1: plain shuffled batches, as the PyTorch anchor; k &gt; 1: batches of similar
     *                     source length from sorted pools of k batches ({@link LengthBatches}), less padding
     * @param decay        {@link Decay#CONSTANT} as the anchor, or {@link Decay#HALF_COSINE}, so that the
     *                     last updates settle instead of jumping around the minimum
     */
    public record Settings(int epochs, int batchSize, double learningRate, double maxGradNorm, long seed, int poolBatches,
                           Decay decay) {

        public Settings {
            if (epochs < 1 || batchSize < 1 || poolBatches < 1 || !(learningRate > 0) || !(maxGradNorm > 0) || decay == null)
                throw new IllegalArgumentException("Seq2SeqTask.Settings: need epochs, batchSize, poolBatches ≥ 1, η > 0, "
                        + "clip > 0 and a decay, got " + epochs + ", " + batchSize + ", " + poolBatches + ", " + learningRate
                        + ", " + maxGradNorm + ", " + decay);
        }

        /** The PyTorch anchor's settings for one pass: batch 64, Adam η 3e-3 constant, clip 1.0, shuffled batches, seed 0. */
        public static Settings anchor() {
            return new Settings(1, 64, 3e-3, 1.0, 0, 1, Decay.CONSTANT);
        }

        /**
         * The copy experiment of lessons 04 and 05, the same for the model with and without attention:
         * four passes, η from 1e-2 down a half cosine, batches of similar length (pools of 16).
         */
        public static Settings copy() {
            return anchor().withEpochs(4).withLearningRate(1e-2).withPools(16).with(Decay.HALF_COSINE);
        }

        public Settings withEpochs(int e) {
            return new Settings(e, batchSize, learningRate, maxGradNorm, seed, poolBatches, decay);
        }

        public Settings withBatchSize(int b) {
            return new Settings(epochs, b, learningRate, maxGradNorm, seed, poolBatches, decay);
        }

        /** The same settings with batches of similar length from pools of {@code poolBatches} batches. */
        public Settings withPools(int poolBatches) {
            return new Settings(epochs, batchSize, learningRate, maxGradNorm, seed, poolBatches, decay);
        }

        /** The same settings with another (peak) learning rate. */
        public Settings withLearningRate(double lr) {
            return new Settings(epochs, batchSize, lr, maxGradNorm, seed, poolBatches, decay);
        }

        public Settings with(Decay d) {
            return new Settings(epochs, batchSize, learningRate, maxGradNorm, seed, poolBatches, d);
        }

        public Settings withSeed(long s) {
            return new Settings(epochs, batchSize, learningRate, maxGradNorm, s, poolBatches, decay);
        }

        /** η at every update of a run over {@code pairs} training pairs (⌈pairs / batchSize⌉ updates per epoch). */
        public LearningRateSchedule schedule(int pairs) {
            int updates = epochs * ((pairs + batchSize - 1) / batchSize);
            return decay == Decay.HALF_COSINE ? LearningRateSchedule.warmupCosine(learningRate, 0, updates, 0)
                                              : LearningRateSchedule.constant(learningRate);
        }
    }

    /**
     * What a training run did.
     *
     * @param history         the loss of every update and every epoch
     * @param validExactMatch the exact match on the validation pairs after every epoch (empty without them)
     */
    public record Run(History history, double[] validExactMatch) {}

    private final Tokens tokens;
    private final Vocabulary source, target;
    private final int eos;          // −1: no end token
    private final int maxOutput;

    /**
     * The task with vocabularies built from {@code train} (every token that occurs in it).
     *
     * @param tokens    characters or words
     * @param ending    fixed-length outputs, or targets that end with {@code <eos>}
     * @param maxOutput the number of greedy steps (fixed length) or the most (with an end token)
     */
    public Seq2SeqTask(List<SentencePair> train, Tokens tokens, Ending ending, int maxOutput) {
        if (train.isEmpty()) throw new IllegalArgumentException("Seq2SeqTask: no training pairs");
        if (maxOutput < 1) throw new IllegalArgumentException("Seq2SeqTask: maxOutput must be ≥ 1, got " + maxOutput);
        if (tokens == null || ending == null) throw new IllegalArgumentException("Seq2SeqTask: tokens and ending must be given");
        boolean endToken = ending == Ending.END_TOKEN;
        this.tokens = tokens;
        List<List<String>> sources = train.stream().map(p -> tokens.split(p.source())).toList();
        List<List<String>> targets = train.stream().map(p -> tokens.split(p.target())).toList();
        this.source = Vocabulary.ofSentences(sources, 1);
        this.target = endToken ? Vocabulary.ofSentences(targets, 1, Vocabulary.BOS, Vocabulary.EOS)
                               : Vocabulary.ofSentences(targets, 1, Vocabulary.BOS);
        this.eos = endToken ? target.indexOf(Vocabulary.EOS) : -1;
        this.maxOutput = maxOutput;
    }

    public Tokens tokens() { return tokens; }
    public Vocabulary sourceVocabulary() { return source; }
    public Vocabulary targetVocabulary() { return target; }
    /** Whether targets end with {@code <eos>}. */
    public boolean hasEndToken() { return eos >= 0; }
    /** The number (or, with an end token, the most) of greedy decoding steps. */
    public int maxOutput() { return maxOutput; }

    /** A seeded model for this task's vocabularies with the given shape, attention and seed. */
    public Seq2Seq newModel(Architecture a) {
        return new Seq2Seq(source, target, a.embeddingSize(), a.hiddenSize(), a.attention(), new Random(a.seed()));
    }

    /**
     * A seeded encoder–decoder {@link Transformer} for this task's vocabularies, of the given sizes
     * (their vocabSize is replaced by the vocabularies'; maxLen must cover the longest source and target).
     * A model without dropout starts in evaluation mode: there is nothing to drop, and its
     * updates then skip drawing masks of ones.
     */
    public Transformer newTransformer(TransformerSettings settings, long seed) {
        Transformer model = new Transformer(source, target, settings, new Random(seed));
        return settings.dropout() == 0 ? model.eval() : model;
    }

    /** The source texts as a padded batch of token ids (B×longest); unknown tokens become {@code <unk>}. */
    public PaddedBatch sources(List<SentencePair> pairs) {
        List<int[]> rows = new ArrayList<>(pairs.size());
        for (SentencePair p : pairs) rows.add(source.encode(tokens.split(p.source())));
        return PaddedBatch.of(rows, source);
    }

    /** The target texts as a padded batch of token ids, each followed by {@code <eos>} if the task has one. */
    public PaddedBatch targets(List<SentencePair> pairs) {
        List<int[]> rows = new ArrayList<>(pairs.size());
        for (SentencePair p : pairs) {
            List<String> t = new ArrayList<>(tokens.split(p.target()));
            if (eos >= 0) t.add(Vocabulary.EOS);
            rows.add(target.encode(t));
        }
        return PaddedBatch.of(rows, target);
    }

    /** The target of a pair as predictions are written: its tokens joined by the separator. */
    public String reference(SentencePair pair) {
        return tokens.join(tokens.split(pair.target()));
    }

    /** The teacher-forced mean cross-entropy of a batch of pairs, (1×1). */
    public Tensor loss(Seq2SeqModel model, List<SentencePair> batch) {
        return model.loss(sources(batch), targets(batch));
    }

    /** Trains {@code model} (modified) on {@code train} for {@code settings.epochs()} passes, without validation. */
    public Run train(Seq2SeqModel model, List<SentencePair> train, Settings settings, Verbosity verbosity) {
        return train(model, train, List.of(), settings, verbosity);
    }

    /**
     * Trains {@code model} (modified) on {@code train} with Adam and gradient clipping through
     * {@link Trainer}; after every epoch, if {@code valid} is not empty, measures its exact match.
     * With {@link Verbosity#PRINT_PROGRESS} every epoch prints one progress line (and the exact
     * match) to System.out while training runs.
     */
    public Run train(Seq2SeqModel model, List<SentencePair> train, List<SentencePair> valid, Settings settings, Verbosity verbosity) {
        Adam adam = new Adam(model.parameters(), settings.learningRate());
        List<Double> accuracies = new ArrayList<>();
        boolean print = verbosity.prints();
        TrainingListener report = print ? TrainingListener.printing() : TrainingListener.silent();
        TrainingListener withValidation = p -> {
            report.onProgress(p);
            if (p.endOfEpoch() && !valid.isEmpty()) {
                double acc = exactMatch(predict(model, valid), valid);
                accuracies.add(acc);
                if (print) {
                    System.out.printf(Locale.ROOT, "  validation exact match %.3f%n", acc);
                    System.out.flush();
                }
            }
        };
        Trainer trainer = new Trainer(adam).clipGradNorm(settings.maxGradNorm()).listener(withValidation)
                .schedule(settings.schedule(train.size()));
        History h = trainer.fit(batches(train, settings.batchSize(), settings.poolBatches(), settings.seed()),
                settings.epochs(), batch -> loss(model, batch));
        return new Run(h, accuracies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Batches of {@code batchSize} pairs: shuffled (one pool), or of similar source length from sorted pools of {@code pools} batches. */
    static Iterable<List<SentencePair>> batches(List<SentencePair> train, int batchSize, int pools, long seed) {
        return pools == 1 ? new Batches<>(train, batchSize, seed)
                          : new LengthBatches<>(train, batchSize, pools, p -> p.source().length(), seed);
    }

    /**
     * The tokens greedy decoding writes for one source text, without the end token: e.g. the
     * characters of "1972-03-04". The domain-level arg max loop, so lessons need not write it.
     */
    public List<String> decodedTokens(Seq2SeqModel model, String sourceText) {
        Decoded d = model.greedy(sources(List.of(new SentencePair(sourceText, ""))), maxOutput);
        return target.decode(d.tokens(0));
    }

    /** Greedy decodings of the sources of {@code pairs}, in batches, as texts (tokens joined, without the end token). */
    public List<String> predict(Seq2SeqModel model, List<SentencePair> pairs) {
        if (pairs.isEmpty()) throw new IllegalArgumentException("Seq2SeqTask: no pairs to predict");
        List<String> out = new ArrayList<>(pairs.size());
        for (int from = 0; from < pairs.size(); from += EVAL_BATCH_SIZE) {
            List<SentencePair> chunk = pairs.subList(from, Math.min(from + EVAL_BATCH_SIZE, pairs.size()));
            Decoded d = model.greedy(sources(chunk), maxOutput);
            for (int b = 0; b < chunk.size(); b++) out.add(tokens.join(target.decode(d.tokens(b))));
        }
        return out;
    }

    /** The share of predictions equal to the whole {@link #reference} of their pair. */
    public double exactMatch(List<String> predictions, List<SentencePair> pairs) {
        check(predictions, pairs);
        int correct = 0;
        for (int i = 0; i < pairs.size(); i++) if (predictions.get(i).equals(reference(pairs.get(i)))) correct++;
        return (double) correct / pairs.size();
    }

    /** Exact match by source length in tokens, at the given bucket edges ({@link AccuracyByLength}). */
    public AccuracyByLength byLength(List<String> predictions, List<SentencePair> pairs, int... edges) {
        check(predictions, pairs);
        int[] lengths = new int[pairs.size()];
        boolean[] correct = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            lengths[i] = tokens.split(pairs.get(i).source()).size();
            correct[i] = predictions.get(i).equals(reference(pairs.get(i)));
        }
        return AccuracyByLength.of(lengths, correct, edges);
    }

    /** Corpus BLEU-4 of the predictions against the references, over this task's tokens ({@link Bleu#corpus}). */
    public double bleu(List<String> predictions, List<SentencePair> pairs) {
        check(predictions, pairs);
        List<List<String>> pred = new ArrayList<>(), ref = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            pred.add(splitPrediction(predictions.get(i)));
            ref.add(tokens.split(pairs.get(i).target()));
        }
        return Bleu.corpus(pred, ref);
    }

    private List<String> splitPrediction(String prediction) {
        if (prediction.isEmpty()) return List.of();
        return tokens == Tokens.CHARACTERS ? Tokenizer.characters(prediction) : List.of(prediction.split(" "));
    }

    private static void check(List<String> predictions, List<SentencePair> pairs) {
        if (predictions.size() != pairs.size() || pairs.isEmpty())
            throw new IllegalArgumentException("Seq2SeqTask: " + predictions.size() + " predictions for " + pairs.size() + " pairs");
    }

    /**
     * The share of predictions whose token at position k equals the reference's, for k = 0 … n−1
     * (n = the longest reference; a prediction too short to have position k counts as wrong there):
     * which output positions the model gets right.
     */
    public double[] accuracyByPosition(List<String> predictions, List<SentencePair> pairs) {
        check(predictions, pairs);
        List<List<String>> refs = pairs.stream().map(p -> tokens.split(p.target())).toList();
        int n = refs.stream().mapToInt(List::size).max().orElse(0);
        int[] right = new int[n], total = new int[n];
        for (int i = 0; i < pairs.size(); i++) {
            List<String> y = refs.get(i), p = splitPrediction(predictions.get(i));
            for (int k = 0; k < y.size(); k++) {
                total[k]++;
                if (k < p.size() && p.get(k).equals(y.get(k))) right[k]++;
            }
        }
        double[] acc = new double[n];
        for (int k = 0; k < n; k++) acc[k] = (double) right[k] / total[k];
        return acc;
    }
}
