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
 *
 * <p><b>Readable and fast paths: one convention in every package.</b> The plain name is the fast
 * path a layer runs ({@code forward}, {@code step}, {@code attend}, {@code encode},
 * {@code scaledDotProduct}): one fused operation with its backward written out, on
 * {@link jattn.linalg.Gemm}. The same name with {@code Readable} is the same function composed
 * of Tensor operations as the formula reads ({@code LayerNorm.forwardReadable},
 * {@code GruCell.stepReadable}, {@code BatchedAdditiveAttention.attendReadable},
 * {@code Encoder.encodeReadable}, {@code AttentionPooling.scaledDotProductReadable}); both are
 * in the module, lessons may call either, and the tests hold each fast path to its readable one
 * (values and gradients). Which matrix kernel runs under the fast paths: {@code Gemm.kernel()}
 * says (the Vector API kernel with {@code --add-modules=jdk.incubator.vector}, as the course's
 * Jupyter kernel and the tests start the JVM; the scalar kernel otherwise, also tested).
 */
package jattn.autograd;
