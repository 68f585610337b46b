package jattn.attention;

import jattn.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * What an attention layer returns: its output and the weights it used, so that lessons can
 * plot the weights as a heatmap (as the Annotated Transformer's {@code attention} does). One
 * type for every layer: attention pooling and one-head layers have one weight matrix, multi-head
 * attention and an encoder block one per head, an encoder one per layer and head.
 *
 * <p>Each weight matrix α is (m×n): row i is query i's distribution over the n keys (all zero
 * for a fully masked row). For a batch of B sequences of length T stacked as (B·T×d), each
 * head's weights are stacked the same way, (B·T×T): rows [b·T, (b+1)·T) are sequence b's.
 * <pre>
 *   r.weights()        the one matrix (pooling, one head, one layer)
 *   r.head(h)          head h of a one-layer result;  r.heads() all of them
 *   r.averageWeights() their mean, what torch's MultiheadAttention returns by default
 *   r.layer(l)         the heads of layer l of an encoder;  r.layers() all of them
 * </pre>
 *
 * @param output the output, (m×dv) for pooling, (m×dModel) for the Transformer layers
 * @param layers the weights, {@code layers.get(layer).get(head)}; one layer and one head for pooling
 */
public record AttentionResult(Tensor output, List<List<Tensor>> layers) {

    public AttentionResult {
        if (layers.isEmpty() || layers.stream().anyMatch(List::isEmpty))
            throw new IllegalArgumentException("AttentionResult: every layer needs the weights of at least one head");
        List<List<Tensor>> copy = new ArrayList<>(layers.size());
        for (List<Tensor> heads : layers) copy.add(List.copyOf(heads));
        layers = List.copyOf(copy);
    }

    /** One weight matrix: attention pooling, one head. */
    public AttentionResult(Tensor output, Tensor weights) {
        this(output, List.of(List.of(weights)));
    }

    /** One layer of heads: multi-head attention, an encoder block. */
    public static AttentionResult ofHeads(Tensor output, List<Tensor> heads) {
        return new AttentionResult(output, List.of(heads));
    }

    /** The one weight matrix (m×n); a result with several heads or layers names them instead. */
    public Tensor weights() {
        if (layers.size() != 1 || layers.get(0).size() != 1)
            throw new IllegalStateException("AttentionResult: " + layers.size() + " layer(s) of " + headCount()
                    + " head(s) have no single weight matrix; use head(h), averageWeights() or layer(l)");
        return layers.get(0).get(0);
    }

    /** The heads' weights of a one-layer result, one (m×n) matrix per head. */
    public List<Tensor> heads() {
        if (layers.size() != 1)
            throw new IllegalStateException("AttentionResult: " + layers.size() + " layers; use layer(l) or layer(l).get(h)");
        return layers.get(0);
    }

    /** Head h's weights (m×n) of a one-layer result. */
    public Tensor head(int h) {
        List<Tensor> heads = heads();
        if (h < 0 || h >= heads.size())
            throw new IndexOutOfBoundsException("AttentionResult: head " + h + " of " + heads.size() + " heads");
        return heads.get(h);
    }

    /** Layer l's heads, one (m×n) matrix per head. */
    public List<Tensor> layer(int l) {
        if (l < 0 || l >= layers.size())
            throw new IndexOutOfBoundsException("AttentionResult: layer " + l + " of " + layers.size() + " layers");
        return layers.get(l);
    }

    public int layerCount() { return layers.size(); }

    /** The number of heads per layer (the same in every layer of an encoder). */
    public int headCount() { return layers.get(0).size(); }

    /** The mean of the heads' weights, (m×n): what torch returns with average_attn_weights=True. */
    public Tensor averageWeights() {
        List<Tensor> heads = heads();
        Tensor sum = heads.get(0);
        for (int h = 1; h < heads.size(); h++) sum = sum.add(heads.get(h));
        return heads.size() == 1 ? sum : sum.scale(1.0 / heads.size());
    }
}
