package jattn.attention;

import jattn.autograd.Tensor;

/**
 * What an attention layer returns: its output and the weights it used, so that lessons can
 * plot the weights as a heatmap (as the Annotated Transformer's {@code attention} does).
 *
 * @param output  the pooled values α·V, (m×dv)
 * @param weights α, (m×n): row i is query i's distribution over the n keys (all zero for a
 *                fully masked row)
 */
public record AttentionResult(Tensor output, Tensor weights) {
}
