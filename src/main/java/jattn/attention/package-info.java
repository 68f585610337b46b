/**
 * Attention: e = f_sim(Q, K), α = f_norm(e), output = α·V.
 *
 * <p>Similarity: {@link jattn.attention.Score} and its implementations (dot, scaled dot,
 * general, additive, cosine, Nadaraya–Watson's Gaussian kernel). Normalisation:
 * {@link jattn.attention.Softmax} (with temperature) and {@link jattn.attention.MaskedSoftmax}
 * with a {@link jattn.attention.Mask} (true = keep; {@code validLensPerRow}, {@code validLensPerBatch},
 * {@code validLen}, {@code causal}, {@code of}, {@code none}). Pooling:
 * {@link jattn.attention.AttentionPooling}. Every attention layer, here and in
 * {@code jattn.transformer}, returns one type, {@link jattn.attention.AttentionResult}: the
 * output and the weights ({@code weights()} for one matrix, {@code head(h)} per head,
 * {@code layer(l)} per encoder layer), so that lessons can plot them. Layers:
 * {@link jattn.attention.SelfAttention}, {@link jattn.attention.MultiHeadAttention} (PyTorch's
 * math and, through {@code fromTorch}, its parameter layout; sized by
 * {@code MultiHeadAttention.Settings.paper().withHeads(h).withDModel(d)}) and
 * {@link jattn.attention.BatchedAdditiveAttention} for a Seq2Seq decoder over stacked
 * (B·T×H) encoder states.
 *
 * <p>Fast path: scaled dot-product attention (used by both layers) is the fused
 * {@link jattn.attention.ScaledDotProductAttention}, scores, scale and softmax in one operation
 * with an analytic backward, on vectorisable, cache-tiled, multi-core matrix products
 * ({@code Gemm}); {@code AttentionPooling.scaledDotProductReadable} is the same function in
 * readable steps, and the tests hold the two together (values and gradients). Likewise
 * {@code BatchedAdditiveAttention.attend} (fused score grid and context) and
 * {@code attendReadable} (Bahdanau's score one sequence at a time). Which kernel runs under the
 * fused paths: {@code jattn.linalg.Gemm.kernel()} (see {@code jattn.autograd} for the naming). Benchmarks:
 * {@code tools/bench/attention.sh}.
 *
 * <p>Conventions: queries are rows, keys are rows, scores are (queries × keys); masked weights
 * are exactly 0 and a fully masked row has zero weights and zero gradient.
 */
package jattn.attention;
