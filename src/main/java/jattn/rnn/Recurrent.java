package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.nn.Module;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link RecurrentCell} over a padded batch of sequences (backpropagation through time
 * comes from the graph that the steps build).
 *
 * <p>Input: T time steps x₀ … x_{T−1}, each (B×dIn), and validLens (B) with
 * 1 ≤ validLens[b] ≤ T; sequence b is real at t &lt; validLens[b] and padding after. With
 * mₜ the (B×1) column mₜ[b] = [t &lt; validLens[b]]:
 * <pre>
 *   h̃ₜ = cell(xₜ, hₜ₋₁),   outₜ = mₜ ⊙ h̃ₜ,   hₜ = outₜ + (1 − mₜ) ⊙ hₜ₋₁
 * </pre>
 * so a finished sequence carries its state unchanged, its outputs are zero, and padding
 * values never reach a valid output, the final state or any gradient (as long as they are
 * finite: 0·NaN is NaN). The final state is therefore the state after step validLens[b] − 1.
 * h₋₁ is zero unless given (B×H). The arguments are not modified.
 */
public final class Recurrent implements Module {

    private final RecurrentCell cell;

    public Recurrent(RecurrentCell cell) {
        this.cell = cell;
    }

    /** Runs full-length sequences (validLens[b] = T for all b) from the zero state. */
    public RecurrentOutput forward(List<Tensor> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException("Recurrent: no time steps");
        int[] full = new int[xs.get(0).rows()];
        Arrays.fill(full, xs.size());
        return forward(xs, full, null);
    }

    /** Runs a padded batch from the zero state. */
    public RecurrentOutput forward(List<Tensor> xs, int[] validLens) {
        return forward(xs, validLens, null);
    }

    /**
     * Runs a padded batch.
     *
     * @param xs        T ≥ 1 steps, each (B×dIn)
     * @param validLens B lengths, 1 ≤ validLens[b] ≤ T
     * @param h0        the initial state (B×H), or null for zeros
     */
    public RecurrentOutput forward(List<Tensor> xs, int[] validLens, Tensor h0) {
        if (xs.isEmpty()) throw new IllegalArgumentException("Recurrent: no time steps");
        int batch = xs.get(0).rows(), steps = xs.size();
        for (int t = 0; t < steps; t++)
            if (xs.get(t).rows() != batch || xs.get(t).cols() != cell.inputSize())
                throw new IllegalArgumentException("Recurrent: step " + t + " is " + xs.get(t).shape() + " but step 0 is "
                        + xs.get(0).shape() + "; every step must be (B×" + cell.inputSize() + ")");
        if (validLens.length != batch)
            throw new IllegalArgumentException("Recurrent: " + validLens.length + " valid lengths for a batch of "
                    + batch + " (steps are " + xs.get(0).shape() + ")");
        for (int b = 0; b < batch; b++)
            if (validLens[b] < 1 || validLens[b] > steps)
                throw new IllegalArgumentException("Recurrent: validLens[" + b + "] = " + validLens[b]
                        + " is outside [1, " + steps + "]");
        Tensor h = h0 != null ? h0 : cell.zeroState(batch);
        if (h.rows() != batch || h.cols() != cell.hiddenSize())
            throw new IllegalArgumentException("Recurrent: initial state " + h.shape() + " does not fit steps "
                    + xs.get(0).shape() + "; expected (" + batch + "×" + cell.hiddenSize() + ")");

        List<Tensor> outputs = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj m = new DMatrixRMaj(batch, 1), keep = new DMatrixRMaj(batch, 1);   // mₜ and 1 − mₜ
            int valid = 0;
            for (int b = 0; b < batch; b++) {
                boolean real = t < validLens[b];
                m.data[b] = real ? 1 : 0;
                keep.data[b] = real ? 0 : 1;
                if (real) valid++;
            }
            Tensor hNew = cell.step(xs.get(t), h);                       // (B×dIn), (B×H) → (B×H)
            if (valid == batch) {                                        // no padding at this step
                outputs.add(hNew);
                h = hNew;
            } else {
                Tensor out = hNew.mul(Tensor.constant(m));              // mₜ ⊙ h̃ₜ: (B×H) ⊙ (B×1)
                outputs.add(out);
                h = out.add(h.mul(Tensor.constant(keep)));              // + (1 − mₜ) ⊙ hₜ₋₁
            }
        }
        return new RecurrentOutput(outputs, h);
    }

    public RecurrentCell cell() { return cell; }

    @Override
    public List<Tensor> parameters() {
        return cell.parameters();
    }
}
