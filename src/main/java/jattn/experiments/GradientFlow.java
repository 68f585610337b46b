package jattn.experiments;

import jattn.rnn.*;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How far back in time the gradient of a loss on the last state reaches: backpropagation
 * through time, measured.
 *
 * <p>{@link #measure} runs a cell over T steps x₀ … x_{T−1}, each (B×dIn), from the zero state
 * h₋₁ = 0, takes the loss L = Σ_b Σ_j h_{T−1}[b, j] (the sum of the last state), calls
 * {@code backward()} and keeps, for every sequence b and step t, the norm of row b of
 * ∂L/∂hₜ (B×H):
 * <pre>
 *   norms[b][t] = ‖∂L/∂hₜ[b]‖₂,   ∂L/∂hₜ = ∂L/∂hₜ₊₁ · ∂hₜ₊₁/∂hₜ   (one Jacobian per step back)
 * </pre>
 * The sequences of a batch never mix, so row b is the gradient of sequence b's own term of L.
 * At the last step ∂L/∂h_{T−1} is a row of ones, of norm √H. If every Jacobian shrinks
 * vectors, the norm falls geometrically with the distance T−1−t: the vanishing gradient.
 *
 * <p>{@link #geometricMean()} averages over sequences in log space (the norms span many orders
 * of magnitude, so an arithmetic mean would be decided by the largest one), and
 * {@link #ratio()} is its first value over its last, ‖∂L/∂h₀‖ / ‖∂L/∂h_{T−1}‖.
 *
 * <p>The inputs are not modified. {@link #measure} overwrites the cell's parameter gradients
 * (they hold ∂L/∂θ of this loss afterwards). Immutable.
 */
public final class GradientFlow {

    private final double[][] norms;   // (B×T): norms[b][t] = ‖∂L/∂hₜ[b]‖

    GradientFlow(double[][] norms) {
        if (norms.length == 0 || norms[0].length == 0)
            throw new IllegalArgumentException("GradientFlow: no norms (" + norms.length + " sequences)");
        for (double[] row : norms)
            if (row.length != norms[0].length)
                throw new IllegalArgumentException("GradientFlow: sequences of " + norms[0].length + " and "
                        + row.length + " steps");
        this.norms = new double[norms.length][];
        for (int b = 0; b < norms.length; b++) this.norms[b] = norms[b].clone();
    }

    /**
     * Runs {@code cell} over {@code xs} (T steps, each (B×dIn)) from the zero state, back-propagates
     * L = sum of the last state, and records ‖∂L/∂hₜ[b]‖ for every b and t.
     */
    public static GradientFlow measure(RecurrentCell cell, List<Tensor> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException("GradientFlow: no time steps");
        int batch = xs.get(0).rows(), steps = xs.size(), hidden = cell.hiddenSize();
        cell.zeroGrad();
        Tensor h0 = Tensor.zeros(batch, hidden).asParameter();             // a leaf, so the graph needs gradients
        RecurrentOutput out = new Recurrent(cell).forward(xs, full(batch, steps), h0);
        out.lastState().sum().backward();                                  // L = Σ h_{T−1}
        double[][] norms = new double[batch][steps];
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj g = out.outputs().get(t).grad();                   // ∂L/∂hₜ (B×H)
            for (int b = 0; b < batch; b++) {
                double s = 0;
                for (int j = 0; j < hidden; j++) s += g.data[b * hidden + j] * g.data[b * hidden + j];
                norms[b][t] = Math.sqrt(s);
            }
        }
        return new GradientFlow(norms);
    }

    /** All sequences of several measurements (for example one per seed) in one; each must have the same T. */
    public static GradientFlow pool(List<GradientFlow> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("GradientFlow.pool: no runs");
        List<double[]> rows = new ArrayList<>();
        for (GradientFlow r : runs) {
            if (r.steps() != runs.get(0).steps())
                throw new IllegalArgumentException("GradientFlow.pool: runs of " + runs.get(0).steps() + " and "
                        + r.steps() + " steps");
            for (double[] row : r.norms) rows.add(row);
        }
        return new GradientFlow(rows.toArray(new double[0][]));
    }

    /** T constant steps (B×dIn) with N(0, 1) entries, drawn step by step, row by row from {@code rng}. */
    public static List<Tensor> gaussianInputs(int steps, int batch, int inputSize, Random rng) {
        if (steps < 1 || batch < 1 || inputSize < 1)
            throw new IllegalArgumentException("GradientFlow.gaussianInputs: steps " + steps + ", batch " + batch
                    + ", inputSize " + inputSize + " must all be ≥ 1");
        List<Tensor> xs = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj x = new DMatrixRMaj(batch, inputSize);             // (B×dIn)
            for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextGaussian();
            xs.add(Tensor.constant(x));
        }
        return xs;
    }

    /** T, the number of steps. */
    public int steps() { return norms[0].length; }

    /** The number of sequences measured (B, or the sum of the pooled B's). */
    public int sequences() { return norms.length; }

    /** ‖∂L/∂hₜ[b]‖ of sequence b at step t. */
    public double norm(int b, int t) { return norms[b][t]; }

    /** The T norms of sequence b (a copy). */
    public double[] norms(int b) { return norms[b].clone(); }

    /** Per step t, the geometric mean over sequences: exp(mean_b log ‖∂L/∂hₜ[b]‖) (0 if a norm is 0). */
    public double[] geometricMean() {
        int steps = steps();
        double[] mean = new double[steps];
        for (int t = 0; t < steps; t++) {
            double logSum = 0;
            for (double[] row : norms) logSum += Math.log(row[t]);
            mean[t] = Math.exp(logSum / norms.length);
        }
        return mean;
    }

    /** ‖∂L/∂h₀‖ / ‖∂L/∂h_{T−1}‖ of the geometric means: how much of the gradient reaches the first step. */
    public double ratio() {
        double[] mean = geometricMean();
        return mean[0] / mean[mean.length - 1];
    }

    private static int[] full(int batch, int steps) {
        int[] lens = new int[batch];
        Arrays.fill(lens, steps);
        return lens;
    }
}
