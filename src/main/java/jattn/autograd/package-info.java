/**
 * Reverse-mode automatic differentiation over EJML matrices.
 *
 * <p>Why: lessons must read like the math (Y = tanh(X·W + b) is
 * {@code x.matmul(w).add(b).tanh()}), and every layer of the course needs a correct gradient
 * without hand-deriving one per model. A {@link jattn.autograd.Tensor} wraps a
 * {@link org.ejml.data.DMatrixRMaj}; each operation computes its value with
 * {@code CommonOps_DDRM} and records its backward rule right beside it. {@code loss.backward()}
 * visits the recorded graph in reverse topological order.
 *
 * <p>How fast paths fit in: an operation may be as large as a whole layer (a fused GRU step
 * or an attention score) as long as its backward rule is written next to it and checked by
 * {@link jattn.autograd.GradCheck}; the readable composition and the fused one are tested
 * against each other.
 *
 * <p>For lessons: {@link jattn.autograd.Tensors} prints a tensor ({@code Tensors.format(t)}: the
 * shape and fixed-width rows), takes the argmax of each row, and compares two tensors
 * ({@code allClose(a, b, tolerance)}, {@code maxDifference(a, b)}).
 */
package jattn.autograd;
