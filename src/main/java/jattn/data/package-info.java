/**
 * The course's datasets and their loaders. Every file lives in the repository's
 * {@code datasets/} directory (found by {@link jattn.data.Datasets}); nothing is downloaded.
 *
 * <ul>
 *   <li>{@link jattn.data.DateDataset}: human-readable dates → ISO (lessons 04, 05), generated
 *       from a seed;</li>
 *   <li>{@link jattn.data.Word2VecCorpus} and {@link jattn.data.CorpusGenerator}: template
 *       sentences whose word groups share contexts (lesson 02);</li>
 *   <li>{@link jattn.data.SentencePairs}: English–French pairs in Tatoeba's TSV format (lesson 04);</li>
 *   <li>{@link jattn.data.KarateClub}: Zachary's karate club graph (lesson 09);</li>
 *   <li>{@link jattn.data.WordFrequencies}: a 30-row table for the tools tour (lesson 00).</li>
 * </ul>
 *
 * <p>Loaders report a malformed row with the file and line, e.g.
 * {@code "dates/train.csv line 17: expected 2 columns, got 3"}. The generated files are rewritten
 * by {@link jattn.data.GenerateDatasets}, and tests check they are byte-identical to the code's output.
 */
package jattn.data;
