/**
 * The Transformer encoder (Vaswani et al., 2017): {@link jattn.transformer.TransformerEncoderBlock}
 * (multi-head self-attention and a position-wise FFN, each with dropout, a residual connection
 * and a post-norm layer norm, as in the paper), {@link jattn.transformer.TransformerEncoder}
 * (scaled token embeddings, positional encoding, N blocks), and for the capstone lesson a
 * per-position {@link jattn.transformer.TransformerTagger} trained by
 * {@link jattn.experiments.TaggerTraining} on the {@link jattn.experiments.ReversalTask} (tasks and recipes live in {@code jattn.experiments}).
 *
 * <p>Sizes are named in {@link jattn.transformer.TransformerSettings}
 * ({@code TransformerSettings.paper().withVocabSize(20).withDModel(32).withHeads(4)...}).
 *
 * <p>Conventions: one sequence is a (T×dModel) matrix; a batch is a (B·T×dModel) stack with
 * row b·T + t, sequences padded to one length T with valid lengths (keys ≥ validLen get
 * weight exactly 0); every forward pass, of one sequence or of a batch, returns an
 * {@link jattn.attention.AttentionResult} with the per-head (T×T) weights for heatmaps (a
 * batch's stacked (B·T×T) like its rows; the encoder's per layer).
 */
package jattn.transformer;
