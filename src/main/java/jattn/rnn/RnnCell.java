package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.nn.Init;

import java.util.List;
import java.util.Random;

/**
 * The plain (Elman) recurrent cell: h' = tanh(x·Wx + h·Wh + b).
 *
 * <p>Shapes: x (B×dIn), h (B×H) → h' (B×H); Wx (dIn×H), Wh (H×H), b (1×H). This is the
 * lesson's hₜ = tanh(W xₜ + U hₜ₋₁ + b) with the batch in the rows, so the weights are the
 * transposes of W and U (and of PyTorch's {@code weight_ih}, {@code weight_hh}); PyTorch's two
 * biases are one here. Seeded initialisation as PyTorch's {@code nn.RNNCell}: every entry
 * U(−1/√H, 1/√H).
 */
public final class RnnCell implements RecurrentCell {

    private final Tensor wx;
    private final Tensor wh;
    private final Tensor b;

    /** A cell with every weight and bias drawn from U(−1/√H, 1/√H), in the order Wx, Wh, b. */
    public RnnCell(int inputSize, int hiddenSize, Random rng) {
        this(Init.uniform(inputSize, hiddenSize, 1 / Math.sqrt(hiddenSize), rng),
             Init.uniform(hiddenSize, hiddenSize, 1 / Math.sqrt(hiddenSize), rng),
             Init.uniform(1, hiddenSize, 1 / Math.sqrt(hiddenSize), rng));
    }

    /** A cell with the given Wx (dIn×H), Wh (H×H), b (1×H), used as is (not copied). */
    public RnnCell(Tensor wx, Tensor wh, Tensor b) {
        int h = wh.cols();
        if (wx.cols() != h || wh.rows() != h || b.rows() != 1 || b.cols() != h)
            throw new IllegalArgumentException("RnnCell: Wx " + wx.shape() + ", Wh " + wh.shape() + " and b " + b.shape()
                    + " do not fit; expected (dIn×H), (H×H), (1×H)");
        this.wx = wx;
        this.wh = wh;
        this.b = b;
    }

    /** h' = tanh(x·Wx + h·Wh + b): (B×dIn), (B×H) → (B×H). */
    @Override
    public Tensor step(Tensor x, Tensor h) {
        checkStep(x, h);
        return x.matmul(wx)                                              // (B×dIn)·(dIn×H) → (B×H)
                .add(h.matmul(wh))                                       // (B×H)·(H×H) → (B×H)
                .add(b)                                                  // + (1×H) on every row
                .tanh();
    }

    public Tensor wx() { return wx; }
    public Tensor wh() { return wh; }
    public Tensor b() { return b; }
    @Override public int inputSize() { return wx.rows(); }
    @Override public int hiddenSize() { return wh.cols(); }

    @Override
    public List<Tensor> parameters() {
        return List.of(wx, wh, b);
    }
}
