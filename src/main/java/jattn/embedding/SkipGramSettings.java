package jattn.embedding;

/**
 * The settings of a skip-gram training run ({@link SkipGramTrainer}).
 *
 * @param dModel        d, the length of each word vector
 * @param window        the largest distance between a centre and a context word
 * @param dynamicWindow draw each centre's window from 1…window (word2vec's default) instead of always using window
 * @param negatives     K, noise words per (centre, context) pair
 * @param subsample     t of {@link Subsampler}; 0 keeps every word
 * @param minCount      words seen fewer times are left out of the vocabulary and the text
 * @param epochs        passes over the corpus
 * @param learningRate  η₀; the rate falls linearly to η₀·10⁻⁴ over the whole run, as in word2vec
 * @param seed          seeds the initial vectors, the subsampling, the windows and the noise words
 */
public record SkipGramSettings(int dModel, int window, boolean dynamicWindow, int negatives, double subsample,
                               int minCount, int epochs, double learningRate, long seed) {

    public SkipGramSettings {
        if (dModel < 1) throw new IllegalArgumentException("SkipGramSettings: dModel must be ≥ 1, got " + dModel);
        if (window < 1) throw new IllegalArgumentException("SkipGramSettings: window must be ≥ 1, got " + window);
        if (negatives < 0) throw new IllegalArgumentException("SkipGramSettings: negatives must be ≥ 0, got " + negatives);
        if (!(subsample >= 0)) throw new IllegalArgumentException("SkipGramSettings: subsample must be ≥ 0, got " + subsample);
        if (minCount < 1) throw new IllegalArgumentException("SkipGramSettings: minCount must be ≥ 1, got " + minCount);
        if (epochs < 1) throw new IllegalArgumentException("SkipGramSettings: epochs must be ≥ 1, got " + epochs);
        if (!(learningRate > 0)) throw new IllegalArgumentException("SkipGramSettings: learningRate must be > 0, got " + learningRate);
    }

    /** The settings of lesson 02 for the course corpus: d = 50, window 2 (dynamic), K = 5, t = 10⁻³, 5 epochs, η₀ = 0.025. */
    public static SkipGramSettings defaults() {
        return new SkipGramSettings(50, 2, true, 5, 1e-3, 1, 5, 0.025, 1);
    }

    public SkipGramSettings withDModel(int d) {
        return new SkipGramSettings(d, window, dynamicWindow, negatives, subsample, minCount, epochs, learningRate, seed);
    }

    public SkipGramSettings withWindow(int w) {
        return new SkipGramSettings(dModel, w, dynamicWindow, negatives, subsample, minCount, epochs, learningRate, seed);
    }

    public SkipGramSettings withDynamicWindow(boolean dynamic) {
        return new SkipGramSettings(dModel, window, dynamic, negatives, subsample, minCount, epochs, learningRate, seed);
    }

    public SkipGramSettings withNegatives(int k) {
        return new SkipGramSettings(dModel, window, dynamicWindow, k, subsample, minCount, epochs, learningRate, seed);
    }

    public SkipGramSettings withSubsample(double t) {
        return new SkipGramSettings(dModel, window, dynamicWindow, negatives, t, minCount, epochs, learningRate, seed);
    }

    public SkipGramSettings withMinCount(int n) {
        return new SkipGramSettings(dModel, window, dynamicWindow, negatives, subsample, n, epochs, learningRate, seed);
    }

    public SkipGramSettings withEpochs(int n) {
        return new SkipGramSettings(dModel, window, dynamicWindow, negatives, subsample, minCount, n, learningRate, seed);
    }

    public SkipGramSettings withLearningRate(double eta) {
        return new SkipGramSettings(dModel, window, dynamicWindow, negatives, subsample, minCount, epochs, eta, seed);
    }

    public SkipGramSettings withSeed(long s) {
        return new SkipGramSettings(dModel, window, dynamicWindow, negatives, subsample, minCount, epochs, learningRate, s);
    }
}
