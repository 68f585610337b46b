/**
 * Sequence to sequence: an encoder–decoder with and without Bahdanau attention (lessons 04, 05).
 *
 * <ul>
 *   <li>{@link jattn.seq2seq.Encoder}: source embedding + GRU over a padded batch →
 *       {@link jattn.seq2seq.Encoded} (states (B·T×H) row b·T + t, last VALID state (B×H)); the
 *       fast path is one fused operation ({@link jattn.rnn.PackedGru}: Emb·Wx lookup table, padded steps
 *       skipped), the readable one {@code encodeReadable}.</li>
 *   <li>{@link jattn.seq2seq.Decoder}: {@link jattn.seq2seq.GruDecoder} (the source only through
 *       s₀) and {@link jattn.seq2seq.BahdanauDecoder} (attention at every step, with the Bahdanau
 *       decoder step as one method); {@link jattn.seq2seq.Decoding} advances either one token at a
 *       time, producing {@link jattn.seq2seq.DecoderStep}s.</li>
 *   <li>{@link jattn.seq2seq.Seq2Seq}: teacher forcing ({@link jattn.seq2seq.TeacherForced}), the
 *       masked cross-entropy loss, greedy decoding ({@link jattn.seq2seq.Decoded}, with attention
 *       weights for heatmaps) and translate(...) with the vocabularies. With a Bahdanau decoder,
 *       {@code loss} and {@code greedy} run the decoder's whole pass as one fused operation
 *       ({@code FusedBahdanauDecoder}, pre-allocated buffers); {@code lossStepByStep} and
 *       {@code greedyStepByStep} are the same functions one {@link jattn.seq2seq.DecoderStep} at a
 *       time, the twins the tests hold the fused path to.</li>
 * </ul>
 * Tasks, training recipes and evaluation on these models are in {@code jattn.experiments}.
 * The model equals the PyTorch anchor (tools/fixtures, seq2seq_attention.json, packed cases) in
 * logits, attention weights, loss and every gradient.
 */
package jattn.seq2seq;
