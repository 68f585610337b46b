/**
 * Word embeddings: word2vec's skip-gram with negative sampling (Mikolov et al. 2013,
 * arXiv 1301.3781 and arXiv 1310.4546), and the tools to look at the vectors it learns.
 *
 * <p>{@link jattn.embedding.SkipGramPairs} turns a sentence into (centre, context) pairs,
 * {@link jattn.embedding.NegativeSampler} draws noise words from count^¾,
 * {@link jattn.embedding.Subsampler} drops frequent words, {@link jattn.embedding.SkipGramLoss}
 * writes the loss −log σ(u_o·v_c) − Σₖ log σ(−u_{nₖ}·v_c) with Tensor operations,
 * {@link jattn.embedding.SkipGram} holds the tables V and U and computes the same loss and
 * gradient with fast loops, and {@link jattn.embedding.SkipGramTrainer} trains on a corpus with
 * {@link jattn.embedding.SkipGramSettings}. {@link jattn.embedding.WordVectors} finds nearest
 * neighbours and analogies by cosine, {@link jattn.embedding.Pca} projects vectors to 2-D and
 * {@link jattn.embedding.WordMap} draws them, one labelled trace per group of words.
 */
package jattn.embedding;
