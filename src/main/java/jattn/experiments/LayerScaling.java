package jattn.experiments;

import jattn.attention.SelfAttention;
import jattn.attention.WindowMask;
import jattn.attention.WindowedAttention;
import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.conv.Conv1d;
import jattn.nn.Init;
import jattn.rnn.Recurrent;
import jattn.rnn.RnnCell;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How the cost of a layer grows with the sequence length n, measured, beside Table 1 of Vaswani
 * et al. (2017): for each {@link Layer}, the forward time (the median of repeats, after a warm-up
 * run), the exact multiply–adds and sequential operations counted on its graph by
 * {@link OperationCount}, and the slopes of log time and log multiply–adds against log n fitted by
 * least squares. On a log-log plot a cost c·nᵖ is a line of slope p: 2 for self-attention
 * (O(n²·d) once n ≫ d), 1 for a convolution (O(k·n·d²)), a recurrent layer (O(n·d²)) and windowed
 * self-attention (O(r·n·d), r the window width).
 *
 * <p>The multiply–adds are counted on the graph; for windowed self-attention, whose band is
 * one fused operation, the band's 2·d products per kept entry are added from
 * {@link WindowMask#keptEntries}, counted row by row ({@link #expectedMultiplyAdds} has the closed
 * form, valid for n &gt; 2r).
 *
 * <p>Every layer maps (n×d) to (n×d): self-attention with dK = dV = d, a "same" {@link Conv1d}
 * of kernel k, a plain {@link RnnCell} over the n positions (batch of one), and
 * {@link WindowedAttention} with a symmetric window (projections as self-attention's).
 */
public final class LayerScaling {

    private LayerScaling() {}

    /** The layers compared. */
    public enum Layer {
        SELF_ATTENTION("self-attention"),
        CONVOLUTION("Conv1d"),
        RECURRENT("recurrent (RNN)"),
        WINDOWED_SELF_ATTENTION("windowed self-attention");

        private final String label;

        Layer(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * @param d         the model width
     * @param kernel    k of the convolution (odd, "same" padding)
     * @param radius    the windowed attention's radius: keys i − radius … i + radius
     * @param lengths   the sequence lengths n, increasing
     * @param repeats   timed samples per layer and length (the median is kept)
     * @param seed      for the weights and the input
     */
    public record Settings(int d, int kernel, int radius, int[] lengths, int repeats, long seed) {
        /** The lesson's: d = 16, k = 3, radius 8, n = 128 … 2048 (doubling), 5 samples. */
        public static Settings lesson() { return new Settings(16, 3, 8, new int[]{128, 256, 512, 1024, 2048}, 5, 9); }
        public Settings withLengths(int... n) { return new Settings(d, kernel, radius, n.clone(), repeats, seed); }
        public Settings withRepeats(int r) { return new Settings(d, kernel, radius, lengths, r, seed); }
        public Settings withD(int dd) { return new Settings(dd, kernel, radius, lengths, repeats, seed); }
        public WindowMask window() { return WindowMask.radius(radius); }
    }

    /**
     * One layer's measurements, one entry per length.
     *
     * @param seconds       the median forward time
     * @param multiplyAdds  exact multiply–adds of the graph
     * @param sequential    the longest chain of operations
     * @param timeSlope     least-squares slope of ln seconds against ln n
     * @param countSlope    least-squares slope of ln multiply–adds against ln n
     */
    public record Measured(Layer layer, int[] lengths, double[] seconds, long[] multiplyAdds, int[] sequential,
                           double timeSlope, double countSlope) {
        public double[] lengthsAsDoubles() { return Arrays.stream(lengths).asDoubleStream().toArray(); }
        public double[] multiplyAddsAsDoubles() { return Arrays.stream(multiplyAdds).asDoubleStream().toArray(); }
    }

    /** The formula's multiply–adds of a layer for length n, to compare with the counted ones. */
    public static long expectedMultiplyAdds(Layer layer, int n, Settings s) {
        long d = s.d();
        return switch (layer) {
            case SELF_ATTENTION -> 3 * n * d * d + 2L * n * n * d;                      // X·Wq, X·Wk, X·Wv; Q·Kᵀ; A·V
            case CONVOLUTION -> n * s.kernel() * d * d;                                // im2col (n×k·d)·(k·d×d)
            case RECURRENT -> 2 * n * d * d;                                           // x_t·W and h_{t−1}·U, n steps
            case WINDOWED_SELF_ATTENTION -> {                                          // projections; the band only:
                long r = s.radius(), kept = n * (2 * r + 1) - r * (r + 1);             // n rows of 2r + 1, minus the two end triangles
                yield 3 * n * d * d + 2 * d * kept;
            }
        };
    }

    /** Measures every layer of {@link Layer} at every length; prints a line per layer and length when asked. */
    public static List<Measured> measure(Settings s, Verbosity verbosity) {
        List<Measured> all = new ArrayList<>();
        for (Layer layer : Layer.values()) all.add(measure(layer, s, verbosity));
        return all;
    }

    /**
     * One layer's times, counts and slopes. The timed runs go round the lengths in turn (repeat 1
     * at every n, then repeat 2, …), so that a burst of load on a shared machine spreads over all
     * lengths instead of spoiling one; each sample lasts at least {@link #MIN_SAMPLE_SECONDS}; before them the layer runs for {@link #WARM_UP_SECONDS}
     * at the middle length, so that the JIT has compiled it.
     */
    public static Measured measure(Layer layer, Settings s, Verbosity verbosity) {
        int m = s.lengths().length;
        long[] counts = new long[m];
        int[] sequential = new int[m];
        Random rng = new Random(s.seed());
        Forward f = build(layer, s, rng);
        List<Tensor> inputs = new ArrayList<>();
        List<List<Tensor>> steps = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int n = s.lengths()[i];
            Tensor x = Init.normal(n, s.d(), 1.0, rng);                  // a constant input (n×d)
            inputs.add(x);
            steps.add(rows(x));
            Tensor y = f.apply(x, steps.get(i));                         // with the graph: counts
            counts[i] = OperationCount.multiplyAdds(y);
            if (layer == Layer.WINDOWED_SELF_ATTENTION)                  // the band's products, inside one fused operation
                counts[i] += 2L * s.d() * s.window().keptEntries(n);
            sequential[i] = OperationCount.sequentialOperations(y);
        }
        double[][] runs = new double[m][s.repeats()];
        try (NoGrad ignored = NoGrad.start()) {
            int mid = m / 2;
            long warmUntil = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
            do f.apply(inputs.get(mid), steps.get(mid)); while (System.nanoTime() < warmUntil);
            for (int r = 0; r < s.repeats(); r++)
                for (int i = 0; i < m; i++) {
                    long t0 = System.nanoTime(), elapsed;
                    int calls = 0;
                    do {
                        f.apply(inputs.get(i), steps.get(i));
                        calls++;
                        elapsed = System.nanoTime() - t0;
                    } while (elapsed < MIN_SAMPLE_SECONDS * 1e9);
                    runs[i][r] = elapsed * 1e-9 / calls;
                }
        }
        double[] seconds = new double[m];
        for (int i = 0; i < m; i++) {
            seconds[i] = median(runs[i]);
            if (verbosity.prints())
                System.out.printf("  %-24s n = %5d: %8.3f ms (median of %d), %,d multiply-adds, %d sequential operations%n",
                        layer.label(), s.lengths()[i], seconds[i] * 1e3, s.repeats(), counts[i], sequential[i]);
        }
        double[] logN = new double[m], logT = new double[m], logC = new double[m];
        for (int i = 0; i < m; i++) {
            logN[i] = Math.log(s.lengths()[i]);
            logT[i] = Math.log(seconds[i]);
            logC[i] = Math.log(counts[i]);
        }
        return new Measured(layer, s.lengths().clone(), seconds, counts, sequential, slope(logN, logT), slope(logN, logC));
    }

    /**
     * The shortest timed sample: a sample repeats the forward pass until this much time has
     * passed and keeps the time per call, so that a sub-millisecond layer is not timed by one
     * scheduler tick of a busy machine.
     */
    public static final double MIN_SAMPLE_SECONDS = 0.02;

    /** How long each layer runs before it is timed. */
    public static final double WARM_UP_SECONDS = 0.3;

    @FunctionalInterface
    private interface Forward {
        Tensor apply(Tensor x, List<Tensor> steps);
    }

    private static Forward build(Layer layer, Settings s, Random rng) {
        int d = s.d();
        return switch (layer) {
            case SELF_ATTENTION -> {
                SelfAttention sa = new SelfAttention(d, d, d, rng);
                yield (x, steps) -> sa.forward(x).output();
            }
            case CONVOLUTION -> {
                if (s.kernel() % 2 == 0) throw new IllegalArgumentException("LayerScaling: kernel " + s.kernel() + " must be odd (same padding)");
                Conv1d conv = new Conv1d(d, d, s.kernel(), (s.kernel() - 1) / 2, rng);
                yield (x, steps) -> conv.forward(x);
            }
            case RECURRENT -> {
                Recurrent rnn = new Recurrent(new RnnCell(d, d, rng));
                yield (x, steps) -> rnn.forward(steps).lastState();
            }
            case WINDOWED_SELF_ATTENTION -> {
                SelfAttention sa = new SelfAttention(d, d, d, rng);     // its projections
                WindowMask window = s.window();
                yield (x, steps) -> WindowedAttention.apply(x.matmul(sa.wq()), x.matmul(sa.wk()), x.matmul(sa.wv()), window);
            }
        };
    }

    /** The rows of x as n (1×d) constants, the recurrent layer's time steps. */
    private static List<Tensor> rows(Tensor x) {
        List<Tensor> steps = new ArrayList<>(x.rows());
        for (int t = 0; t < x.rows(); t++) {
            org.ejml.data.DMatrixRMaj r = new org.ejml.data.DMatrixRMaj(1, x.cols());
            System.arraycopy(x.value().data, t * x.cols(), r.data, 0, x.cols());
            steps.add(Tensor.constant(r));
        }
        return steps;
    }

    /** The median of the values (the mean of the two middle ones for an even count); the array is not modified. */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int k = v.length / 2;
        return v.length % 2 == 1 ? v[k] : (v[k - 1] + v[k]) / 2;
    }

    /** The least-squares slope of y against x: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2)
            throw new IllegalArgumentException("LayerScaling.slope: " + x.length + " x values and " + y.length + " y values; need the same number, at least 2");
        double mx = Arrays.stream(x).average().orElseThrow(), my = Arrays.stream(y).average().orElseThrow(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /** Table 1 of Vaswani et al. (2017): n the length, d the width, k the kernel, r the restricted window. */
    public static Table table1() {
        return Table.create("Vaswani et al. 2017, Table 1",
                StringColumn.create("layer type", "self-attention", "recurrent", "convolutional", "self-attention (restricted)"),
                StringColumn.create("complexity per layer", "O(n²·d)", "O(n·d²)", "O(k·n·d²)", "O(r·n·d)"),
                StringColumn.create("sequential operations", "O(1)", "O(n)", "O(1)", "O(1)"),
                StringColumn.create("maximum path length", "O(1)", "O(n)", "O(log_k(n))", "O(n/r)"));
    }
}
