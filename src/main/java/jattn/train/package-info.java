/**
 * Training: a loss, optimisers, gradient clipping, learning-rate schedules, a training loop,
 * and BLEU for translations.
 *
 * <p>{@link jattn.train.CrossEntropy} is the loss of every classifier in the course (word2vec's
 * softmax, the Seq2Seq decoder, the Transformer's outputs), with padding ignored.
 * {@link jattn.train.Sgd} and {@link jattn.train.Adam} implement {@link jattn.train.Optimizer}
 * exactly as PyTorch does, so results can be compared with it. {@link jattn.train.Trainer}
 * runs epochs, reports progress and stops with a {@link jattn.train.TrainingDivergedException}
 * naming the step when the loss becomes NaN. The library keeps training loops out of the
 * models: a model builds a loss, the trainer does the rest.
 */
package jattn.train;
