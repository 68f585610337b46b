/**
 * The layers every model of the course is built from, each a {@link jattn.nn.Module} that lists
 * its parameters:
 * <pre>
 *   Linear                    Y = X·W + b                          (n×dIn) → (n×dOut)
 *   Embedding                 Y = rows ids of E  (= one-hot · E)   ids (n) → (n×d)
 *   Dropout                   Y = X ⊙ M / (1 − p), seeded          (n×d) → (n×d)
 *   LayerNorm                 Y = γ ⊙ (X − μ)/√(σ² + ε) + β        (n×d) → (n×d), row by row
 *   PositionwiseFeedForward   Y = ReLU(X·W₁ + b₁)·W₂ + b₂          (n×d) → (n×d)
 *   Residual                  Y = X + sublayer(X)                  (n×d) → (n×d)
 * </pre>
 * {@link jattn.nn.Init} holds the seeded initialisers (Xavier-uniform, zeros): a fixed seed gives
 * the same model on every run. The activations tanh, sigmoid and ReLU are operations of
 * {@link jattn.autograd.Tensor}. Every layer is gradient-checked by finite differences; the
 * fused {@link jattn.nn.LayerNorm} is also compared with its readable composition and with PyTorch.
 */
package jattn.nn;
