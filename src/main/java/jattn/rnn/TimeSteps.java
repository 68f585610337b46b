package jattn.rnn;

import jattn.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The two layouts of a batch of B sequences of T steps of width d:
 * <ul>
 *   <li>time steps: a list of T matrices (B×d), step t holding row b of sequence b — what a
 *       recurrent cell consumes one step at a time;</li>
 *   <li>stacked: one (B·T×d) matrix whose row b·T + t is step t of sequence b — what
 *       attention and the output layer consume all at once.</li>
 * </ul>
 * Both conversions are differentiable and do not modify their arguments.
 */
public final class TimeSteps {

    private TimeSteps() {}

    /** T matrices (B×d) → one (B·T×d) matrix, row b·T + t = steps[t] row b. */
    public static Tensor stack(List<Tensor> steps) {
        if (steps.isEmpty()) throw new IllegalArgumentException("TimeSteps.stack: no time steps");
        Tensor first = steps.get(0);
        for (Tensor s : steps)
            if (s.rows() != first.rows() || s.cols() != first.cols())
                throw new IllegalArgumentException("TimeSteps.stack: steps " + first.shape() + " and " + s.shape() + " differ");
        int batch = first.rows(), t = steps.size();
        // [s₀ | s₁ | …] is (B × T·d), row b = step 0, 1, … of sequence b; read row-major as (B·T × d)
        return Tensor.concatCols(steps).reshape(batch * t, first.cols());
    }

    /** One (B·T×d) matrix with row b·T + t → T matrices (B×d); the inverse of {@link #stack}. */
    public static List<Tensor> split(Tensor stacked, int batch) {
        if (batch < 1 || stacked.rows() % batch != 0)
            throw new IllegalArgumentException("TimeSteps.split: " + stacked.shape() + " is not (B·T×d) for B = " + batch);
        int steps = stacked.rows() / batch;
        List<Tensor> out = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            int[] rows = new int[batch];
            for (int b = 0; b < batch; b++) rows[b] = b * steps + t;
            out.add(stacked.gatherRows(rows));                           // (B·T×d) → (B×d)
        }
        return out;
    }
}
