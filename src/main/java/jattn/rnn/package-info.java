/**
 * Recurrent networks: a state hₜ carried from step to step, hₜ = cell(xₜ, hₜ₋₁).
 * <pre>
 *   RnnCell     hₜ = tanh(xₜ·Wx + hₜ₋₁·Wh + b)                         (B×dIn), (B×H) → (B×H)
 *   GruCell     r, z = σ(…),  n = tanh(xₜ·Wxₙ + bxₙ + r ⊙ (hₜ₋₁·Whₙ + bhₙ)),
 *               hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁                           PyTorch's formulation
 *   Recurrent   a cell over a padded batch (T steps of (B×dIn), validLens): every step's output
 *               and the last VALID state of each sequence (B×H)
 * </pre>
 * Backpropagation through time is the autograd graph the steps build. {@link jattn.rnn.TimeSteps}
 * converts between a list of T (B×d) steps and one stacked (B·T×d) matrix;
 * {@link jattn.experiments.GradientFlow} measures ‖∂L/∂hₜ‖ against the steps back (vanishing gradients,
 * lesson 03) and {@link jattn.experiments.FirstSymbolTask} is the memory task that shows it in training.
 * The GRU's fast paths, {@link jattn.rnn.GruCell#step} (one step) and {@link jattn.rnn.PackedGru}
 * (the whole recurrence of a padded batch, the Seq2Seq encoder's), share the gate code of
 * {@link jattn.rnn.GruGates}; the readable path is {@code GruCell.stepReadable} (and
 * {@link jattn.rnn.Recurrent} over it), and all are tested against each other and against
 * PyTorch's {@code nn.GRUCell} and packed {@code nn.GRU}. Naming and which kernel runs: see
 * {@code jattn.autograd}.
 */
package jattn.rnn;
