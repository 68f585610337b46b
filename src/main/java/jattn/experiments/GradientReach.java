package jattn.experiments;

import jattn.attention.MultiHeadAttention;
import jattn.attention.SelfAttention;
import jattn.autograd.Tensor;
import jattn.rnn.Recurrent;
import jattn.rnn.RecurrentCell;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * How far one sequence layer reaches: which outputs depend on which inputs, measured by the
 * gradient. For a layer Y = f(X), X (n×d) one input vector per row, Y (n×dOut):
 * <pre>
 *   reach(i, j) = ‖∂(Σ_k Y[i, k]) / ∂X[j]‖₂        output position i, input position j
 * </pre>
 * the norm of row j of the gradient of output i's sum. reach(i, j) = 0 exactly means that
 * output i does not depend on input j at all; one backward pass per output row.
 *
 * <p>The same measurement for any layer, so that comparisons are fair: self-attention
 * ({@link #selfAttention}, {@link #multiHead}) relates every output to every input in one
 * layer, so reach(1, n) &gt; 0; a left-to-right recurrent network ({@link #recurrent}) has
 * reach(i, j) = 0 for j &gt; i (the future is not read yet), and reach(n, 1) travels through
 * n − 1 sequential steps hₜ = f(xₜ, hₜ₋₁), one Jacobian per step, from the zero initial state.
 * Positions are 1…n in prose; {@link #norm} takes 0-based indices.
 *
 * <p>X is not modified (its value is copied into a leaf); the layer's parameter gradients are
 * overwritten. Immutable.
 */
public final class GradientReach {

    private final double[][] reach;   // (n×n): reach[i][j] = ‖∂ΣY[i]/∂X[j]‖

    private GradientReach(double[][] reach) {
        this.reach = reach;
    }

    /** reach(i, j) for every output row i and input row j of {@code layer} on X (n×d). */
    public static GradientReach measure(UnaryOperator<Tensor> layer, Tensor x) {
        int n = x.rows(), d = x.cols();
        if (n < 1) throw new IllegalArgumentException("GradientReach: input " + x.shape() + " has no positions");
        double[][] reach = new double[n][n];
        for (int i = 0; i < n; i++) {
            Tensor leaf = Tensor.parameter(x.value().copy());              // X as a leaf (n×d)
            Tensor y = layer.apply(leaf);                                  // Y = f(X) (n×dOut)
            if (y.rows() != n)
                throw new IllegalArgumentException("GradientReach: the layer maps " + x.shape() + " to " + y.shape()
                        + "; expected one output row per input row");
            y.sliceRows(i, i + 1).sum().backward();                        // L = Σ_k Y[i, k]
            DMatrixRMaj g = leaf.grad();                                   // ∂L/∂X (n×d)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += g == null ? 0 : g.data[j * d + k] * g.data[j * d + k];
                reach[i][j] = Math.sqrt(s);
            }
        }
        return new GradientReach(reach);
    }

    /** Y = softmax(QKᵀ/√dK)·V of a one-head layer, as a layer of X (n×d). */
    public static UnaryOperator<Tensor> selfAttention(SelfAttention layer) {
        return x -> layer.forward(x).output();
    }

    /** Y = MultiHead(X, X, X) of a multi-head layer, nothing masked. */
    public static UnaryOperator<Tensor> multiHead(MultiHeadAttention layer) {
        return x -> layer.forward(x).output();
    }

    /** Y = (h₁ … hₙ) of a recurrent cell run left to right over the rows of X from h₀ = 0: (n×H). */
    public static UnaryOperator<Tensor> recurrent(RecurrentCell cell) {
        Recurrent rnn = new Recurrent(cell);
        return x -> {
            List<Tensor> steps = new ArrayList<>(x.rows());
            for (int t = 0; t < x.rows(); t++) steps.add(x.sliceRows(t, t + 1));      // xₜ (1×d)
            return Tensor.concatRows(rnn.forward(steps).outputs());                    // n × (1×H) → (n×H)
        };
    }

    /** X (n×d) with N(0, 1) entries drawn row by row from {@code rng}. */
    public static Tensor gaussianInput(int n, int d, Random rng) {
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextGaussian();
        return Tensor.constant(x);
    }

    /** n, the number of positions. */
    public int positions() { return reach.length; }

    /** reach(i, j) = ‖∂ΣY[i]/∂X[j]‖, 0-based: output index i, input index j. */
    public double norm(int output, int input) { return reach[output][input]; }

    /** ‖∂ΣY[1]/∂X[n]‖: how much the first output depends on the last input. */
    public double firstOutputOnLastInput() { return reach[0][reach.length - 1]; }

    /** ‖∂ΣY[n]/∂X[1]‖: how much the last output depends on the first input. */
    public double lastOutputOnFirstInput() { return reach[reach.length - 1][0]; }

    /** The (n×n) matrix, row i = output i, column j = input j (a copy). */
    public double[][] matrix() {
        double[][] copy = new double[reach.length][];
        for (int i = 0; i < reach.length; i++) copy[i] = reach[i].clone();
        return copy;
    }
}
