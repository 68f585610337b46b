/**
 * Experiments on the course's models, kept apart from the models themselves (as minGPT keeps
 * its library apart from its projects): tasks, training recipes and evaluations.
 *
 * <ul>
 *   <li>{@link jattn.experiments.Seq2SeqTask}: a task on text pairs, by characters or words
 *       (vocabularies, batches, training for a number of passes through jattn.train.Trainer, exact
 *       match overall, by input length ({@link jattn.experiments.AccuracyByLength}) and by output
 *       position, BLEU), with {@link jattn.experiments.LengthBatches} for less padding;
 *       {@link jattn.experiments.DateTask} (human date → ISO) and {@link jattn.experiments.CopyTask}
 *       (random digit strings, whose information grows with their length) are two instances.</li>
 *   <li>{@link jattn.experiments.TrainToTarget}: train until the VALIDATION exact match meets a
 *       {@link jattn.experiments.StopRule} ({@link jattn.experiments.ExactMatch} a target,
 *       {@link jattn.experiments.Plateau} a flat curve) or a budget; the test set is scored once,
 *       afterwards, by the caller.</li>
 *   <li>The tagger's {@link jattn.experiments.ReversalTask} (y_t = x_{T−1−t}), trained by
 *       {@link jattn.experiments.TaggerTraining} for a number of passes or by
 *       {@link jattn.experiments.TaggerToTarget} until a VALIDATION accuracy; and
 *       {@link jattn.experiments.OrderBlindCeiling}, the best accuracy a permutation-equivariant
 *       model (no positional encoding) can expect on it, exact from the task's structure.</li>
 *   <li>Named settings: {@link jattn.experiments.Architecture} (E, H, {@link jattn.seq2seq.Attention},
 *       seed), {@code Seq2SeqTask.Settings}, {@code TrainToTarget.Settings}, {@link jattn.experiments.Verbosity}.</li>
 * </ul>
 * The date benchmark's main ({@code jattn.bench.DateBenchmark}) lives in {@code src/bench}, outside the course jar.
 */
package jattn.experiments;
