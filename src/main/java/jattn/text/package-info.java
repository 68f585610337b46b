/**
 * From text to numbers: tokens, a vocabulary, one-hot vectors, padded batches.
 *
 * <p>{@link jattn.text.Tokenizer} splits a sentence into tokens, {@link jattn.text.Vocabulary}
 * gives each token an index ({@code <pad>} = 0, {@code <unk>} = 1), {@link jattn.text.OneHot}
 * turns indices into rows eᵢ, {@link jattn.text.Cosine} measures how similar two rows are,
 * {@link jattn.text.PaddedBatch} pads sequences of different lengths to one (B×T) id matrix
 * with validLens, and {@link jattn.text.Batches} cuts a data set into shuffled mini-batches.
 */
package jattn.text;
