package jattn.seq2seq;

import jattn.autograd.Tensor;

/**
 * What one decoder step produces for a batch of B sequences.
 *
 * @param state   s', the new decoder state (B×H)
 * @param logits  the scores of the next token (B×V), before softmax
 * @param weights α, the attention weights over the source positions (B×T), zero at padding;
 *                null for a decoder without attention
 */
public record DecoderStep(Tensor state, Tensor logits, Tensor weights) {
}
