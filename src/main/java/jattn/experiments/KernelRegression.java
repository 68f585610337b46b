package jattn.experiments;

import jattn.attention.AttentionResult;
import jattn.attention.Mask;
import jattn.attention.NadarayaWatson;
import jattn.autograd.Tensor;
import jattn.train.Sgd;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Random;

/**
 * The 1-D regression of Nadaraya–Watson attention pooling (d2l.ai, section "Attention
 * Pooling"): noisy samples of f(x) = 2 sin x + x^0.8 on [0, 5], and predictions
 * f̂(x) = Σᵢ αᵢ(x) yᵢ with α = softmax over the training inputs of a Gaussian kernel
 * ({@link NadarayaWatson}). The queries are x, the keys the training inputs xᵢ, the values
 * the training outputs yᵢ.
 *
 * <pre>{@code
 * KernelRegression.Data data = KernelRegression.generate(KernelRegression.Settings.lesson());
 * AttentionResult fit = data.predict(NadarayaWatson.fixed(), data.queries());   // (m×1) and α (m×n)
 * }</pre>
 *
 * <p>Shapes: training inputs and outputs (n×1), sorted by x; queries (m×1) on an even grid.
 */
public final class KernelRegression {

    private KernelRegression() {}

    /** The function sampled: f(x) = 2 sin x + x^0.8. */
    public static double truth(double x) {
        return 2 * Math.sin(x) + Math.pow(x, 0.8);
    }

    /**
     * How the data are made and the bandwidth is trained.
     *
     * @param trainSize   n training points, x uniform on [0, xMax)
     * @param noise       standard deviation of the Gaussian noise on y
     * @param xMax        the right end of the interval
     * @param queryStep   spacing of the query grid 0, step, 2·step, … ≤ xMax
     * @param seed        seed of the sample
     * @param learningRate SGD step on the bandwidth w
     * @param steps       full-batch SGD steps on the leave-one-out loss
     */
    public record Settings(int trainSize, double noise, double xMax, double queryStep, long seed, double learningRate, int steps) {
        public Settings {
            if (trainSize < 2) throw new IllegalArgumentException("KernelRegression: trainSize = " + trainSize + ", need ≥ 2");
            if (!(noise >= 0) || !(xMax > 0) || !(queryStep > 0) || !(learningRate > 0) || steps < 0)
                throw new IllegalArgumentException("KernelRegression: bad settings " + this);
        }

        /** The lesson's: 30 points, noise 0.5 on [0, 5], queries every 0.25, seed 6; 200 SGD steps of 0.5 on w. */
        public static Settings lesson() {
            return new Settings(30, 0.5, 5, 0.25, 6, 0.5, 200);
        }

        public Settings withTrainSize(int n) { return new Settings(n, noise, xMax, queryStep, seed, learningRate, steps); }
        public Settings withNoise(double s) { return new Settings(trainSize, s, xMax, queryStep, seed, learningRate, steps); }
        public Settings withQueryStep(double s) { return new Settings(trainSize, noise, xMax, s, seed, learningRate, steps); }
        public Settings withSeed(long s) { return new Settings(trainSize, noise, xMax, queryStep, s, learningRate, steps); }
        public Settings withLearningRate(double r) { return new Settings(trainSize, noise, xMax, queryStep, seed, r, steps); }
        public Settings withSteps(int s) { return new Settings(trainSize, noise, xMax, queryStep, seed, learningRate, s); }
    }

    /**
     * A sample: training inputs x (n×1, sorted), outputs y (n×1), the query grid (m×1) and f on it (m×1).
     */
    public record Data(Tensor x, Tensor y, Tensor queries, Tensor truthAtQueries, Settings settings) {

        /** f̂ at the given queries (k×1): output (k×1) = α·y, weights α (k×n). */
        public AttentionResult predict(NadarayaWatson model, Tensor at) {
            return model.forward(at, x, y);
        }

        /**
         * f̂ at each training input from the other training points: weights with the diagonal
         * masked ({@link #leaveOneOut}), output (n×1).
         */
        public AttentionResult predictLeavingOneOut(NadarayaWatson model) {
            return model.forward(x, x, y, leaveOneOut(x.rows()));
        }

        /** Mean squared difference between f̂ and f on the query grid. */
        public double errorAgainstTruth(NadarayaWatson model) {
            return meanSquare(predict(model, queries).output().sub(truthAtQueries));
        }

        /** The query grid as labels with two decimals ("0.00", "0.25", …), for heatmap axes. */
        public java.util.List<String> queryLabels() { return labels(queries); }

        /** The training inputs as labels with two decimals, for heatmap axes. */
        public java.util.List<String> trainLabels() { return labels(x); }
    }

    /** f at each entry of a column (k×1) → (k×1). */
    public static Tensor truthAt(Tensor at) {
        double[] v = new double[at.rows()];
        for (int i = 0; i < v.length; i++) v[i] = truth(at.get(i, 0));
        return column(v);
    }

    /** The grid 0, step, 2·step, … ≤ xMax as a column (k×1). */
    public static Tensor grid(double xMax, double step) {
        if (!(step > 0) || !(xMax >= 0)) throw new IllegalArgumentException("KernelRegression.grid: xMax " + xMax + ", step " + step);
        int m = (int) Math.floor(xMax / step + 1e-9) + 1;
        double[] g = new double[m];
        for (int k = 0; k < m; k++) g[k] = k * step;
        return column(g);
    }

    /** Draws the sample of {@code settings}. */
    public static Data generate(Settings settings) {
        Random rng = new Random(settings.seed());
        int n = settings.trainSize();
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = rng.nextDouble() * settings.xMax();
        Arrays.sort(xs);
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) ys[i] = truth(xs[i]) + settings.noise() * rng.nextGaussian();
        Tensor queries = grid(settings.xMax(), settings.queryStep());
        return new Data(column(xs), column(ys), queries, truthAt(queries), settings);
    }

    /** Row i keeps every key but i: each training point is predicted from the others. (n×n) */
    public static Mask leaveOneOut(int n) {
        boolean[][] keep = new boolean[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) keep[i][j] = i != j;
        return Mask.of(keep);
    }

    /** The losses of a bandwidth training run, one per step, and the final bandwidth. */
    public record Training(double[] losses, double bandwidth) {}

    /**
     * Trains the bandwidth w of {@code model} (a {@link NadarayaWatson#learnable} one) by full-batch
     * SGD on the leave-one-out loss L(w) = mean_i (f̂₋ᵢ(xᵢ) − yᵢ)², where f̂₋ᵢ leaves point i out
     * (without that, w → ∞ would fit every point by itself exactly). Progress every 50 steps
     * with {@code Verbosity.PRINT_PROGRESS}. Modifies the model's w.
     */
    public static Training trainBandwidth(NadarayaWatson model, Data data, Verbosity verbosity) {
        if (model.parameters().isEmpty())
            throw new IllegalArgumentException("KernelRegression.trainBandwidth: the model's bandwidth is fixed; use NadarayaWatson.learnable(w0)");
        Sgd sgd = new Sgd(model.parameters(), data.settings().learningRate());
        int steps = data.settings().steps();
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            sgd.zeroGrad();
            Tensor residual = data.predictLeavingOneOut(model).output().sub(data.y());   // (n×1)
            Tensor loss = residual.square().mean();
            loss.backward();
            sgd.step();
            losses[s] = loss.item();
            if (verbosity.prints() && ((s + 1) % 50 == 0 || s + 1 == steps)) {
                System.out.printf("  step %3d/%d: leave-one-out loss %.4f, w = %.3f%n", s + 1, steps, losses[s], model.bandwidth().item());
                System.out.flush();
            }
        }
        return new Training(losses, model.bandwidth().item());
    }

    private static double meanSquare(Tensor t) {
        return t.square().mean().item();
    }

    private static Tensor column(double[] v) {
        return Tensor.constant(new DMatrixRMaj(v.length, 1, true, v));
    }

    private static java.util.List<String> labels(Tensor column) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < column.rows(); i++) out.add(String.format(java.util.Locale.ROOT, "%.2f", column.get(i, 0)));
        return out;
    }
}
