package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.data.DatePair;
import jattn.text.Batches;
import jattn.text.PaddedBatch;
import jattn.text.Tokenizer;
import jattn.text.Vocabulary;
import jattn.train.Adam;
import jattn.train.History;
import jattn.train.Trainer;
import jattn.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The date-normalisation task for a character-level {@link Seq2Seq}: "monday, january 4, 1999"
 * → "1999-01-04" ({@link jattn.data.DateDataset}), trained as the PyTorch anchor
 * ({@code shared/anchors/torch_date_attention.py}) does: Adam with η = 3e-3, batches of 64,
 * gradients clipped to norm 1, teacher forcing, mean cross-entropy over the 10 output characters.
 * <pre>
 *   source: the characters of the human date, ids of {@link #sourceVocabulary()} padded with 0
 *   target: the 10 characters yyyy-mm-dd, ids of {@link #targetVocabulary()} ({@code <bos>} and 0–9, -)
 *   exact match = #{predictions equal to the whole ISO date} / #{examples}
 * </pre>
 * Both vocabularies are built from the training pairs. Arguments are never modified.
 */
public final class DateTask {

    /** The length of every output, yyyy-mm-dd. */
    public static final int TARGET_LENGTH = 10;
    /** The anchor's hyper-parameters. */
    public static final int BATCH_SIZE = 64;
    public static final double LEARNING_RATE = 3e-3;
    public static final double MAX_GRAD_NORM = 1.0;
    /** Batch size for greedy decoding during evaluation (no gradients, so larger batches are fine). */
    public static final int EVAL_BATCH_SIZE = 250;

    /**
     * How to train.
     *
     * @param epochs       passes over the training pairs
     * @param batchSize    pairs per update
     * @param learningRate Adam's η
     * @param maxGradNorm  global gradient-norm clipping
     * @param seed         the seed of the batch shuffling
     * @param poolBatches  1: plain shuffled batches, as the anchor; k &gt; 1: batches of similar input
     *                     length from sorted pools of k batches ({@link LengthBatches}), less padding
     */
    public record Settings(int epochs, int batchSize, double learningRate, double maxGradNorm, long seed, int poolBatches) {
        /** The anchor's settings (batch 64, η 3e-3, clip 1.0, shuffled batches) for the given number of epochs, seed 0. */
        public static Settings anchor(int epochs) {
            return new Settings(epochs, BATCH_SIZE, LEARNING_RATE, MAX_GRAD_NORM, 0, 1);
        }

        /** The same settings with batches of similar length from pools of {@code poolBatches} batches. */
        public Settings withPools(int poolBatches) {
            return new Settings(epochs, batchSize, learningRate, maxGradNorm, seed, poolBatches);
        }

        /** The same settings with another learning rate. */
        public Settings withLearningRate(double lr) {
            return new Settings(epochs, batchSize, lr, maxGradNorm, seed, poolBatches);
        }
    }

    /**
     * What a training run did.
     *
     * @param history         the loss of every update and every epoch
     * @param validExactMatch the exact match on the validation pairs after every epoch (empty without them)
     */
    public record Run(History history, double[] validExactMatch) {}

    private final Vocabulary source, target;

    /** The task with vocabularies built from {@code train}: source characters, and {@code <bos>} + the ISO characters. */
    public DateTask(List<DatePair> train) {
        List<String> humans = new ArrayList<>(train.size()), isos = new ArrayList<>(train.size());
        for (DatePair p : train) { humans.add(p.human()); isos.add(p.iso()); }
        this.source = Vocabulary.ofCharacters(humans);
        this.target = Vocabulary.ofCharacters(isos, Vocabulary.BOS);
    }

    public Vocabulary sourceVocabulary() { return source; }
    public Vocabulary targetVocabulary() { return target; }

    /** A seeded model for this task: E, H, with or without attention. */
    public Seq2Seq newModel(int embeddingSize, int hiddenSize, boolean attention, long seed) {
        return new Seq2Seq(source, target, embeddingSize, hiddenSize, attention, new Random(seed));
    }

    /** The human dates as a padded batch of character ids (B×longest). */
    public PaddedBatch sources(List<DatePair> pairs) {
        List<int[]> rows = new ArrayList<>(pairs.size());
        for (DatePair p : pairs) rows.add(source.encode(Tokenizer.characters(p.human())));
        return PaddedBatch.of(rows, source);
    }

    /** The ISO dates as a batch of character ids (B×10). */
    public PaddedBatch targets(List<DatePair> pairs) {
        List<int[]> rows = new ArrayList<>(pairs.size());
        for (DatePair p : pairs) rows.add(target.encode(Tokenizer.characters(p.iso())));
        return PaddedBatch.of(rows, target);
    }

    /** The teacher-forced mean cross-entropy of a batch of pairs, (1×1). */
    public Tensor loss(Seq2Seq model, List<DatePair> batch) {
        PaddedBatch y = targets(batch);
        return model.loss(sources(batch), y);
    }

    /**
     * Trains {@code model} (modified) on {@code train} with Adam and gradient clipping through
     * {@link Trainer}; after every epoch, if {@code valid} is not null, measures its exact match.
     * With {@code print}, every epoch prints one progress line (and the exact match) to System.out
     * while training runs.
     */
    public Run train(Seq2Seq model, List<DatePair> train, List<DatePair> valid, Settings settings, boolean print) {
        Adam adam = new Adam(model.parameters(), settings.learningRate());
        List<Double> accuracies = new ArrayList<>();
        TrainingListener report = print ? TrainingListener.printing() : TrainingListener.silent();
        TrainingListener withValidation = p -> {
            report.onProgress(p);
            if (p.endOfEpoch() && valid != null) {
                double acc = exactMatch(predict(model, valid), valid);
                accuracies.add(acc);
                if (print) {
                    System.out.printf(Locale.ROOT, "  validation exact match %.3f%n", acc);
                    System.out.flush();
                }
            }
        };
        Trainer trainer = new Trainer(adam).clipGradNorm(settings.maxGradNorm()).listener(withValidation);
        Iterable<List<DatePair>> batches = settings.poolBatches() == 1
                ? new Batches<>(train, settings.batchSize(), settings.seed())
                : new LengthBatches<>(train, settings.batchSize(), settings.poolBatches(), p -> p.human().length(), settings.seed());
        History h = trainer.fit(batches, settings.epochs(), batch -> loss(model, batch));
        return new Run(h, accuracies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Greedy decodings (10 characters each) of the human dates of {@code pairs}, in batches. */
    public List<String> predict(Seq2Seq model, List<DatePair> pairs) {
        List<String> out = new ArrayList<>(pairs.size());
        for (int from = 0; from < pairs.size(); from += EVAL_BATCH_SIZE) {
            List<DatePair> chunk = pairs.subList(from, Math.min(from + EVAL_BATCH_SIZE, pairs.size()));
            Decoded d = model.greedy(sources(chunk), TARGET_LENGTH);
            for (int b = 0; b < chunk.size(); b++) out.add(String.join("", target.decode(d.tokens(b))));
        }
        return out;
    }

    /** The share of predictions equal to the whole ISO date of their pair. */
    public static double exactMatch(List<String> predictions, List<DatePair> pairs) {
        if (predictions.size() != pairs.size() || pairs.isEmpty())
            throw new IllegalArgumentException("DateTask: " + predictions.size() + " predictions for " + pairs.size() + " pairs");
        int correct = 0;
        for (int i = 0; i < pairs.size(); i++) if (predictions.get(i).equals(pairs.get(i).iso())) correct++;
        return (double) correct / pairs.size();
    }

    /** Exact match by input length at the given bucket edges ({@link AccuracyByLength}). */
    public static AccuracyByLength byLength(List<String> predictions, List<DatePair> pairs, int... edges) {
        return AccuracyByLength.of(pairs.stream().map(DatePair::human).toList(), predictions,
                pairs.stream().map(DatePair::iso).toList(), edges);
    }
}
