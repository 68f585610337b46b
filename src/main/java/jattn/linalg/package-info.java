/**
 * The fast matrix kernels under the module's hot paths, on row-major {@code double[]} data
 * (the arrays inside EJML's {@code DMatrixRMaj}):
 * <pre>
 *   Gemm       C (=|+=) α·op(A)·op(B), op = identity or transpose       (m×k)·(k×n) → (m×n)
 *   RowMath    max, Σ exp(s·x − shift) and dot products over one row    (the softmax rows)
 * </pre>
 * {@link jattn.autograd.Tensor#matmul}, the fused attention, the GRU cell and the packed Seq2Seq
 * encoder multiply through {@link jattn.linalg.Gemm}. With {@code --add-modules
 * jdk.incubator.vector} (the course's kernel, the tests and the benchmarks run with it) the
 * kernels use the JDK's Vector API, register tiles of 6 × 2 vectors; without it, plain loops that
 * HotSpot vectorises. {@link jattn.linalg.ParallelRows} splits large products between the cores.
 * The readable code paths use EJML's {@code CommonOps_DDRM}, and the tests hold both kernels to
 * EJML's products for every transpose and edge shape. Benchmarks: {@code tools/bench/attention.sh}.
 */
package jattn.linalg;
