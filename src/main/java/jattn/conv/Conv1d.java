package jattn.conv;

import jattn.autograd.Tensor;
import jattn.nn.Init;
import jattn.nn.Module;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.List;
import java.util.Random;

/**
 * A one-dimensional convolution over a sequence, stride 1, zero padding p at both ends:
 * <pre>  Y[t] = Σ_{j&lt;k} X_pad[t + j] · W_j + b,   t = 0 … T_out − 1,   T_out = T + 2p − k + 1  </pre>
 * where X_pad is X with p zero rows above and below. Each output position sees a window of k
 * neighbouring positions (its receptive field); with k = 1 it is a {@code Linear} layer per position.
 * Like PyTorch's {@code nn.Conv1d} this is a cross-correlation (W is not flipped).
 *
 * <p>Shapes: X (T×dIn) → Y (T_out×dOut); W (k·dIn×dOut) whose row block j (rows j·dIn …
 * j·dIn + dIn − 1) is W_j (dIn×dOut), i.e. W[j·dIn + c][o] = PyTorch's weight[o][c][j]; b (1×dOut).
 *
 * <p>Computed as im2col: the windows become the rows of C (T_out×k·dIn), row t = [X_pad[t] | … |
 * X_pad[t+k−1]], and Y = C·W + b is one matrix product. Backward: ∂W += Cᵀ·G, ∂b += Σ_rows G,
 * and ∂C = G·Wᵀ is scattered back onto the rows of X it was copied from (col2im; overlapping
 * windows add up, padding rows are dropped). W is Xavier-uniform with fanIn = k·dIn, b starts at
 * zero. X is not modified.
 */
public final class Conv1d implements Module {

    private final Tensor weight;
    private final Tensor bias;
    private final int kernelSize;
    private final int padding;

    /** A seeded layer: W (k·dIn×dOut) Xavier-uniform, b zero. */
    public Conv1d(int dIn, int dOut, int kernelSize, int padding, Random rng) {
        this(Init.xavierUniform(kernelSize * dIn, dOut, rng), Init.zeros(1, dOut), kernelSize, padding);
    }

    /** A layer with the given W (k·dIn×dOut) and b (1×dOut), used as is (not copied). */
    public Conv1d(Tensor weight, Tensor bias, int kernelSize, int padding) {
        if (kernelSize < 1 || padding < 0)
            throw new IllegalArgumentException("Conv1d: kernel size " + kernelSize + " must be ≥ 1 and padding " + padding + " ≥ 0");
        if (weight.rows() % kernelSize != 0 || bias.rows() != 1 || bias.cols() != weight.cols())
            throw new IllegalArgumentException("Conv1d: weight " + weight.shape() + " and bias " + bias.shape()
                    + " do not fit kernel size " + kernelSize + "; expected (k·dIn×dOut) and (1×dOut)");
        this.weight = weight;
        this.bias = bias;
        this.kernelSize = kernelSize;
        this.padding = padding;
    }

    /** Y = im2col(X)·W + b: (T×dIn) → (T_out×dOut), T_out = T + 2p − k + 1. */
    public Tensor forward(Tensor x) {
        if (x.cols() != inputSize())
            throw new IllegalArgumentException("Conv1d: input " + x.shape() + " does not fit weight " + weight.shape()
                    + " with kernel size " + kernelSize + "; expected (T×" + inputSize() + ")");
        DMatrixRMaj cols = im2col(x.value(), kernelSize, padding);       // (T_out×k·dIn)
        int tOut = cols.numRows, dIn = inputSize(), dOut = outputSize();
        DMatrixRMaj y = new DMatrixRMaj(tOut, dOut);
        CommonOps_DDRM.mult(cols, weight.value(), y);                    // (T_out×k·dIn)·(k·dIn×dOut) → (T_out×dOut)
        double[] bv = bias.value().data;
        for (int t = 0; t < tOut; t++)
            for (int o = 0; o < dOut; o++) y.data[t * dOut + o] += bv[o];
        return Tensor.op("conv1d", y, g -> {
            if (weight.requiresGrad()) CommonOps_DDRM.multAddTransA(cols, g, weight.gradBuffer()); // (k·dIn×T_out)·(T_out×dOut)
            if (bias.requiresGrad()) {
                double[] gb = bias.gradBuffer().data;
                for (int t = 0; t < tOut; t++)
                    for (int o = 0; o < dOut; o++) gb[o] += g.data[t * dOut + o];
            }
            if (x.requiresGrad()) {
                DMatrixRMaj gCols = new DMatrixRMaj(tOut, kernelSize * dIn);
                CommonOps_DDRM.multTransB(g, weight.value(), gCols);     // (T_out×dOut)·(dOut×k·dIn) → (T_out×k·dIn)
                col2imAdd(gCols, kernelSize, padding, x.gradBuffer());
            }
        }, x, weight, bias);
    }

    /**
     * The windows of X as rows: (T×dIn) → (T_out×k·dIn), row t = [X_pad[t] | X_pad[t+1] | … | X_pad[t+k−1]],
     * zero where a window reaches into the padding. X is not modified.
     */
    public static DMatrixRMaj im2col(DMatrixRMaj x, int kernelSize, int padding) {
        int t = x.numRows, dIn = x.numCols, tOut = t + 2 * padding - kernelSize + 1;
        if (tOut < 1)
            throw new IllegalArgumentException("Conv1d: input " + Tensor.shape(x) + " is shorter than kernel size "
                    + kernelSize + " with padding " + padding + " (T + 2p − k + 1 = " + tOut + ")");
        int width = kernelSize * dIn;
        DMatrixRMaj cols = new DMatrixRMaj(tOut, width);
        for (int i = 0; i < tOut; i++)
            for (int j = 0; j < kernelSize; j++) {
                int src = i + j - padding;                               // row of X under X_pad[i + j]
                if (src >= 0 && src < t) System.arraycopy(x.data, src * dIn, cols.data, i * width + j * dIn, dIn);
            }
        return cols;
    }

    /** The adjoint of {@link #im2col}: adds each window row of gCols back onto the rows of gX it came from. */
    private static void col2imAdd(DMatrixRMaj gCols, int kernelSize, int padding, DMatrixRMaj gX) {
        int t = gX.numRows, dIn = gX.numCols, width = gCols.numCols;
        for (int i = 0; i < gCols.numRows; i++)
            for (int j = 0; j < kernelSize; j++) {
                int dst = i + j - padding;
                if (dst < 0 || dst >= t) continue;                       // a padding row: no input to update
                for (int c = 0; c < dIn; c++) gX.data[dst * dIn + c] += gCols.data[i * width + j * dIn + c];
            }
    }

    /** T_out = T + 2p − k + 1 for an input of T positions. */
    public int outputLength(int inputLength) {
        return inputLength + 2 * padding - kernelSize + 1;
    }

    /** W (k·dIn×dOut), row block j = W_j. */
    public Tensor weight() { return weight; }
    /** b (1×dOut). */
    public Tensor bias() { return bias; }
    public int kernelSize() { return kernelSize; }
    public int padding() { return padding; }
    public int inputSize() { return weight.rows() / kernelSize; }
    public int outputSize() { return weight.cols(); }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }
}
