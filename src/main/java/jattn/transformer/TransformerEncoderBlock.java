package jattn.transformer;

import jattn.attention.Mask;
import jattn.attention.MultiHeadAttention;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.LayerNorm;
import jattn.nn.Module;
import jattn.nn.PositionwiseFeedForward;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One encoder block of the Transformer (Vaswani et al., 2017, section 3.1): self-attention and
 * a position-wise feed-forward network, each wrapped in a residual connection and a layer norm.
 * <pre>
 *   X₁ = LayerNorm(X  + Dropout(MultiHead(X, X, X)))
 *   Y  = LayerNorm(X₁ + Dropout(FFN(X₁)))
 * </pre>
 * Shapes: X (T×dModel) → Y (T×dModel); one (T×T) weight matrix per head. dModel must be
 * divisible by nHeads; FFN is dModel → dFF → dModel. Dropout is applied to each sub-layer's
 * output before it is added, as in the paper (section 5.4).
 *
 * <p><b>Post-norm, as in the paper.</b> The layer norm comes after the residual sum. The
 * Annotated Transformer, GPT-2 and most recent models use pre-norm,
 * X₁ = X + Dropout(MultiHead(LN(X))), Y = X₁ + Dropout(FFN(LN(X₁))) (plus one final LN): the
 * residual path then carries X unnormalised from block to block, which trains deep stacks
 * without a learning-rate warm-up. For the shallow stacks of this course post-norm trains well.
 *
 * <p>A valid length hides key positions ≥ validLen (padding) from every query: they get
 * attention weight exactly 0. The rows of Y at padding positions are computed too (their
 * queries see the valid keys) and are meant to be ignored by the caller, as in d2l.
 *
 * <p>Starts in training mode (dropout on); {@link #eval()} turns dropout off, after which
 * the block is deterministic. No input is modified.
 */
public final class TransformerEncoderBlock implements Module {

    /** The output Y (T×dModel) and one (T×T) weight matrix per head, for heatmaps. */
    public record Result(Tensor output, List<Tensor> weights) {}

    private final MultiHeadAttention attention;
    private final PositionwiseFeedForward feedForward;
    private final LayerNorm norm1, norm2;
    private final Dropout dropout1, dropout2;

    /**
     * Seeded: PyTorch-style multi-head attention (Xavier weights, zero biases), FFN
     * dModel → dFF → dModel, two layer norms (γ = 1, β = 0) and dropout with probability
     * {@code dropout}, whose masks are drawn from {@code rng} as well.
     */
    public TransformerEncoderBlock(int dModel, int nHeads, int dFF, double dropout, Random rng) {
        this(new MultiHeadAttention(dModel, nHeads, rng), new PositionwiseFeedForward(dModel, dFF, rng),
                new LayerNorm(dModel), new LayerNorm(dModel), new Dropout(dropout, rng), new Dropout(dropout, rng));
    }

    /** Given sub-layers, used as they are (all dModel wide). */
    public TransformerEncoderBlock(MultiHeadAttention attention, PositionwiseFeedForward feedForward,
                                   LayerNorm norm1, LayerNorm norm2, Dropout dropout1, Dropout dropout2) {
        int d = attention.dModel();
        if (feedForward.dModel() != d || norm1.size() != d || norm2.size() != d)
            throw new IllegalArgumentException("TransformerEncoderBlock: attention (dModel " + d + "), FFN W₁ "
                    + feedForward.first().weight().shape() + ", norms " + norm1.gamma().shape() + " and "
                    + norm2.gamma().shape() + " must all be dModel wide");
        this.attention = attention;
        this.feedForward = feedForward;
        this.norm1 = norm1;
        this.norm2 = norm2;
        this.dropout1 = dropout1;
        this.dropout2 = dropout2;
    }

    /** Y for a sequence X (T×dModel) with every position valid. */
    public Result forward(Tensor x) {
        return forward(x, (Mask) null);
    }

    /** Y for a sequence X (T×dModel) whose keys at positions ≥ validLen are padding. */
    public Result forward(Tensor x, int validLen) {
        return forward(x, Mask.validLen(validLen));
    }

    /** Y for a sequence X (T×dModel) with any (T×T) {@link Mask} (true = keep), or null for none. */
    public Result forward(Tensor x, Mask mask) {
        checkWidth(x);
        MultiHeadAttention.Result a = attention.forward(x, x, x, mask);   // MultiHead(X, X, X): (T×dModel)
        return new Result(sublayers(x, a.output()), a.weights());
    }

    /**
     * Y for B sequences of length T stacked as one (B·T×dModel) matrix (row b·T + t), sequence
     * b with valid length validLens[b] (null: all valid). Attention is computed per sequence;
     * the layer norms, the FFN and dropout run once on the whole stack. Returns (B·T×dModel).
     */
    public Tensor forward(Tensor stacked, int seqLen, int[] validLens) {
        checkWidth(stacked);
        int batch = checkStack(stacked, seqLen, validLens);
        List<Tensor> attended = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            Tensor x = batch == 1 ? stacked : stacked.sliceRows(b * seqLen, (b + 1) * seqLen); // (T×dModel)
            Mask mask = validLens == null ? null : Mask.validLen(validLens[b]);
            attended.add(attention.forward(x, x, x, mask).output());      // (T×dModel)
        }
        Tensor all = batch == 1 ? attended.get(0) : Tensor.concatRows(attended); // (B·T×dModel)
        return sublayers(stacked, all);
    }

    /** X₁ = LN(X + Dropout(A)), Y = LN(X₁ + Dropout(FFN(X₁))), row-wise: (n×dModel) → (n×dModel). */
    private Tensor sublayers(Tensor x, Tensor attended) {
        Tensor x1 = norm1.forward(x.add(dropout1.forward(attended)));                  // (n×d) + (n×d)
        return norm2.forward(x1.add(dropout2.forward(feedForward.forward(x1))));      // (n×d) + (n×d)
    }

    private void checkWidth(Tensor x) {
        if (x.cols() != attention.dModel())
            throw new IllegalArgumentException("TransformerEncoderBlock: input " + x.shape() + " does not fit the query projection "
                    + attention.queryProjection().weight().shape() + "; expected (T×" + attention.dModel() + ")");
    }

    /** The number of sequences B in a (B·T×dModel) stack; checks T and the valid lengths. */
    static int checkStack(Tensor stacked, int seqLen, int[] validLens) {
        if (seqLen < 1 || stacked.rows() % seqLen != 0)
            throw new IllegalArgumentException("TransformerEncoderBlock: input " + stacked.shape()
                    + " is not a stack of sequences of length " + seqLen);
        int batch = stacked.rows() / seqLen;
        if (validLens != null && validLens.length != batch)
            throw new IllegalArgumentException("TransformerEncoderBlock: " + validLens.length + " valid lengths for "
                    + batch + " sequences of length " + seqLen + " in input " + stacked.shape());
        return batch;
    }

    /** Training mode: dropout on. Returns this. */
    public TransformerEncoderBlock train() {
        dropout1.train();
        dropout2.train();
        return this;
    }

    /** Evaluation mode: dropout off, the block is deterministic. Returns this. */
    public TransformerEncoderBlock eval() {
        dropout1.eval();
        dropout2.eval();
        return this;
    }

    public boolean isTraining() { return dropout1.isTraining(); }

    public MultiHeadAttention attention() { return attention; }
    public PositionwiseFeedForward feedForward() { return feedForward; }
    /** The layer norm after the attention sub-layer. */
    public LayerNorm norm1() { return norm1; }
    /** The layer norm after the feed-forward sub-layer. */
    public LayerNorm norm2() { return norm2; }
    public int dModel() { return attention.dModel(); }
    public int nHeads() { return attention.nHeads(); }

    /** The attention's, the FFN's and the two norms' parameters, in that order. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(attention, feedForward, norm1, norm2);
    }
}
