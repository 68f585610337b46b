package jattn.position;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.rnn.RecurrentCell;
import org.ejml.data.DMatrixRMaj;

/**
 * Positions produced by a recurrent network (the "RNN" panel of the FLOATER paper's figure 1,
 * Liu et al. 2020, arXiv 2003.09229): a recurrent cell fed the same input at every step
 * changes its state from step to step, so the state itself says how far along the sequence is.
 * <pre>
 *   h₀ = 0,   h_t = cell(x, h_{t−1}),   t = 1 … maxLen,   x = (1, …, 1)  (1×dIn)
 *   P[t−1] = h_t                        (code rows are 0-based)
 * </pre>
 * The table is computed once and is a constant (no gradient reaches the cell). Unlike the
 * sinusoidal table, nothing keeps the states apart: a contracting cell settles to a fixed point,
 * and far positions then get almost the same code. Shapes: table (maxLen×H), H the cell's
 * hidden size. The cell is not modified.
 */
public final class RecurrentPositionalEncoding implements PositionalEncoding {

    private final Tensor table;

    /** The states h₁ … h_maxLen of {@code cell} fed a row of ones at every step. */
    public RecurrentPositionalEncoding(RecurrentCell cell, int maxLen) {
        if (maxLen < 1)
            throw new IllegalArgumentException("RecurrentPositionalEncoding: maxLen must be ≥ 1, got " + maxLen);
        DMatrixRMaj p = new DMatrixRMaj(maxLen, cell.hiddenSize());
        try (NoGrad ignored = NoGrad.start()) {
            DMatrixRMaj ones = new DMatrixRMaj(1, cell.inputSize());
            ones.fill(1.0);
            Tensor x = Tensor.constant(ones);                          // (1×dIn), the same at every step
            Tensor h = Tensor.constant(new DMatrixRMaj(1, cell.hiddenSize()));             // h₀ (1×H)
            for (int t = 0; t < maxLen; t++) {
                h = cell.step(x, h);                                   // (1×dIn), (1×H) → (1×H)
                for (int j = 0; j < p.numCols; j++) p.set(t, j, h.get(0, j));
            }
        }
        this.table = Tensor.constant(p);
    }

    @Override
    public Tensor table() { return table; }
}
