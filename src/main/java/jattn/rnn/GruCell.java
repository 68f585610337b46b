package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Operands;
import jattn.linalg.Gemm.Output;
import jattn.nn.Init;
import jattn.nn.TorchWeights;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * The gated recurrent unit (Cho et al., 2014) exactly as PyTorch's {@code nn.GRUCell}:
 * <pre>
 *   r  = σ(x·Wxr + bxr + h·Whr + bhr)            reset gate
 *   z  = σ(x·Wxz + bxz + h·Whz + bhz)            update gate
 *   n  = tanh(x·Wxn + bxn + r ⊙ (h·Whn + bhn))   candidate (the reset gate acts after Whn and bhn)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Shapes: x (B×dIn), h (B×H) → h' (B×H). Wx (dIn×3H) and Wh (H×3H) hold the three gates as
 * column blocks in the order [r | z | n] (the transposes of PyTorch's {@code weight_ih} and
 * {@code weight_hh}); bx, bh (1×3H) likewise ({@code bias_ih}, {@code bias_hh}).
 * {@link #fromTorch} takes PyTorch's layout. The seeded constructor draws every entry from
 * U(−1/√H, 1/√H), PyTorch's initialisation.
 *
 * <p>{@link #step} is one fused operation: the products x·Wx and h·Wh, then the gates element by
 * element ({@link GruGates}, shared with {@link PackedGru}), with the backward written out (Gₙ = ∂L/∂(pre-activation of n), etc.):
 * <pre>
 *   ∂n = G ⊙ (1 − z),  ∂z = G ⊙ (h − n),  ∂h ⊇ G ⊙ z
 *   Aₙ = ∂n ⊙ (1 − n²),  A_z = ∂z ⊙ z(1 − z),  A_r = (Aₙ ⊙ (h·Whn + bhn)) ⊙ r(1 − r)
 *   Gx = [A_r | A_z | Aₙ],  Gh = [A_r | A_z | Aₙ ⊙ r]                  (B×3H)
 *   ∂x += Gx·Wxᵀ,  ∂Wx += xᵀ·Gx,  ∂bx += Σ_rows Gx,  ∂h += Gh·Whᵀ,  ∂Wh += hᵀ·Gh,  ∂bh += Σ_rows Gh
 * </pre>
 * {@link #stepReadable} is the same function written with Tensor operations, to read and to
 * test against. x and h are never modified. A cell reuses work buffers between calls, so one
 * cell must not be used from two threads at once.
 */
public final class GruCell implements RecurrentCell {

    private final Tensor wx, wh, bx, bh;
    private final int hidden;
    private final DMatrixRMaj ghWork = new DMatrixRMaj(1, 1);   // h·Wh + bh of the current forward step
    private final DMatrixRMaj gxGrad = new DMatrixRMaj(1, 1);   // Gx of the current backward step
    private final DMatrixRMaj ghGrad = new DMatrixRMaj(1, 1);   // Gh of the current backward step

    /** A cell with every entry of Wx, Wh, bx, bh (drawn in that order) from U(−1/√H, 1/√H). */
    public GruCell(int inputSize, int hiddenSize, Random rng) {
        this(Init.uniform(inputSize, 3 * hiddenSize, 1 / Math.sqrt(hiddenSize), rng),
             Init.uniform(hiddenSize, 3 * hiddenSize, 1 / Math.sqrt(hiddenSize), rng),
             Init.uniform(1, 3 * hiddenSize, 1 / Math.sqrt(hiddenSize), rng),
             Init.uniform(1, 3 * hiddenSize, 1 / Math.sqrt(hiddenSize), rng));
    }

    /** A cell with the given Wx (dIn×3H), Wh (H×3H), bx (1×3H), bh (1×3H), gate blocks [r | z | n]; used as is. */
    public GruCell(Tensor wx, Tensor wh, Tensor bx, Tensor bh) {
        int h3 = wh.cols();
        if (h3 % 3 != 0 || wh.rows() * 3 != h3 || wx.cols() != h3
                || bx.rows() != 1 || bx.cols() != h3 || bh.rows() != 1 || bh.cols() != h3)
            throw new IllegalArgumentException("GruCell: Wx " + wx.shape() + ", Wh " + wh.shape() + ", bx " + bx.shape()
                    + ", bh " + bh.shape() + " do not fit; expected (dIn×3H), (H×3H), (1×3H), (1×3H)");
        this.wx = wx;
        this.wh = wh;
        this.bx = bx;
        this.bh = bh;
        this.hidden = wh.rows();
    }

    /**
     * A cell from PyTorch's {@code nn.GRUCell} state dict (copied): weight_ih (3H×dIn),
     * weight_hh (3H×H), bias_ih (3H), bias_hh (3H), gate blocks in the order r, z, n;
     * Wx = weight_ihᵀ, Wh = weight_hhᵀ.
     */
    public static GruCell fromTorch(TorchWeights torch) {
        int h3 = torch.rows("weight_hh"), dIn = torch.cols("weight_ih");
        return new GruCell(torch.transposedRows("weight_ih", 0, h3, dIn),        // (3H×dIn)ᵀ → (dIn×3H)
                torch.transposedRows("weight_hh", 0, h3, h3 / 3),                 // (3H×H)ᵀ → (H×3H)
                Tensor.parameter(torch.vector("bias_ih", h3)), Tensor.parameter(torch.vector("bias_hh", h3)));
    }

    /** h' = (1 − z) ⊙ n + z ⊙ h, fused: (B×dIn), (B×H) → (B×H). */
    @Override
    public Tensor step(Tensor x, Tensor h) {
        checkStep(x, h);
        int batch = x.rows(), nH = hidden, h3 = 3 * hidden;
        DMatrixRMaj gates = new DMatrixRMaj(batch, h3);                  // x·Wx, then [r | z | n], kept for the backward
        Gemm.gemm(Operands.A_B, batch, h3, wx.rows(), 1, x.value().data, 0, wx.value().data, 0, gates.data, 0, Output.OVERWRITE); // (B×dIn)·(dIn×3H) → (B×3H)
        ghWork.reshape(batch, h3);
        Gemm.gemm(Operands.A_B, batch, h3, nH, 1, h.value().data, 0, wh.value().data, 0, ghWork.data, 0, Output.OVERWRITE);    // (B×H)·(H×3H) → (B×3H)
        DMatrixRMaj hn = new DMatrixRMaj(batch, nH);                     // h·Whn + bhn, kept for the backward
        DMatrixRMaj out = new DMatrixRMaj(batch, nH);
        double[] g = gates.data, bxv = bx.value().data;
        for (int b = 0; b < batch; b++) {                                 // x·Wx + bx, then the gates in place
            for (int j = 0; j < h3; j++) g[b * h3 + j] += bxv[j];
            GruGates.forwardRow(nH, g, b * h3, ghWork.data, b * h3, bh.value().data, h.value().data, b * nH,
                    g, b * h3, hn.data, b * nH, out.data, b * nH);
        }
        return Tensor.op("gruCell", out, gOut -> backward(gOut, x, h, gates, hn), x, h, wx, wh, bx, bh);
    }

    private void backward(DMatrixRMaj gOut, Tensor x, Tensor h, DMatrixRMaj gates, DMatrixRMaj hn) {
        int batch = gOut.numRows, nH = hidden, h3 = 3 * hidden;
        gxGrad.reshape(batch, h3);
        ghGrad.reshape(batch, h3);
        double[] hv = h.value().data, ax = gxGrad.data, ah = ghGrad.data;
        double[] dh = h.requiresGrad() ? h.gradBuffer().data : null;
        java.util.Arrays.fill(ax, 0, batch * h3, 0.0);
        for (int b = 0; b < batch; b++)
            GruGates.backwardRow(nH, gOut.data, b * nH, gates.data, b * h3, hn.data, b * nH, hv, b * nH,
                    ax, b * h3, ah, b * h3, dh, b * nH);
        int dIn = wx.rows();
        if (x.requiresGrad()) {                                                              // (B×3H)·(3H×dIn)
            Gemm.gemm(Operands.A_BT, batch, dIn, h3, 1, ax, 0, wx.value().data, 0, x.gradBuffer().data, 0, Output.ADD);
        }
        if (wx.requiresGrad())                                                               // (dIn×B)·(B×3H)
            Gemm.gemm(Operands.AT_B, dIn, h3, batch, 1, x.value().data, 0, ax, 0, wx.gradBuffer().data, 0, Output.ADD);
        if (h.requiresGrad()) {                                                              // (B×3H)·(3H×H)
            Gemm.gemm(Operands.A_BT, batch, nH, h3, 1, ah, 0, wh.value().data, 0, h.gradBuffer().data, 0, Output.ADD);
        }
        if (wh.requiresGrad())                                                               // (H×B)·(B×3H)
            Gemm.gemm(Operands.AT_B, nH, h3, batch, 1, hv, 0, ah, 0, wh.gradBuffer().data, 0, Output.ADD);
        if (bx.requiresGrad()) addColumnSums(gxGrad, bx.gradBuffer());
        if (bh.requiresGrad()) addColumnSums(ghGrad, bh.gradBuffer());
    }

    private static void addColumnSums(DMatrixRMaj a, DMatrixRMaj row) {
        int m = a.numCols;
        for (int i = 0; i < a.numRows; i++)
            for (int j = 0; j < m; j++) row.data[j] += a.data[i * m + j];
    }

    /** The same step from Tensor operations, as the formulas read; slower than {@link #step}. */
    public Tensor stepReadable(Tensor x, Tensor h) {
        checkStep(x, h);
        int nH = hidden;
        Tensor gx = x.matmul(wx).add(bx);                                // (B×dIn)·(dIn×3H) + (1×3H) → (B×3H)
        Tensor gh = h.matmul(wh).add(bh);                                // (B×H)·(H×3H) + (1×3H) → (B×3H)
        Tensor r = gx.sliceCols(0, nH).add(gh.sliceCols(0, nH)).sigmoid();               // (B×H)
        Tensor z = gx.sliceCols(nH, 2 * nH).add(gh.sliceCols(nH, 2 * nH)).sigmoid();     // (B×H)
        Tensor n = gx.sliceCols(2 * nH, 3 * nH).add(r.mul(gh.sliceCols(2 * nH, 3 * nH))).tanh(); // (B×H)
        return z.neg().addScalar(1).mul(n).add(z.mul(h));               // (1 − z) ⊙ n + z ⊙ h
    }

    /** Wx (dIn×3H), blocks [r | z | n]. */
    public Tensor wx() { return wx; }
    /** Wh (H×3H), blocks [r | z | n]. */
    public Tensor wh() { return wh; }
    /** bx (1×3H), blocks [r | z | n]. */
    public Tensor bx() { return bx; }
    /** bh (1×3H), blocks [r | z | n]. */
    public Tensor bh() { return bh; }
    @Override public int inputSize() { return wx.rows(); }
    @Override public int hiddenSize() { return hidden; }

    @Override
    public List<Tensor> parameters() {
        return List.of(wx, wh, bx, bh);
    }
}
