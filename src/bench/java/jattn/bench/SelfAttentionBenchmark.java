package jattn.bench;

import jattn.attention.AttentionPooling;
import jattn.attention.SelfAttention;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One forward and backward pass of scaled dot-product self-attention, the computation of the
 * project's PyTorch reference {@code tools/bench/torch_attention.py} (and of the external anchor
 * {@code ../shared/anchors/torch_attention_micro.py}):
 * <pre>
 *   X (n×d), Wq, Wk, Wv (d×d) ~ N(0, 1), float64, d = 64
 *   Q = X·Wq, K = X·Wk, V = X·Wv,  A = softmax(Q·Kᵀ/√d),  L = Σ A·V,  backward to Wq, Wk, Wv
 * </pre>
 * {@link #forwardBackward} runs the module's code path, {@link SelfAttention} (fused scaled
 * dot-product attention); {@link #composedForwardBackward} the readable composition of Tensor
 * operations that it is tested against, to show what the fusion buys. Sample-time mode, so the
 * report has the median of single calls. Run with {@code tools/bench/attention.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")   // the Vector API kernel of jattn.linalg.Gemm
public class SelfAttentionBenchmark {

    /** The width d of the anchor. */
    static final int D = 64;

    @Param({"16", "32", "64", "128", "256", "512"})
    public int n;

    private Tensor x, wq, wk, wv;
    private SelfAttention attention;

    @Setup
    public void setUp() {
        KernelCheck.requireVectorKernel();
        Random rng = new Random(0);
        x = Tensor.constant(gaussian(n, D, rng));                        // the input needs no gradient, as in the anchor
        wq = Tensor.parameter(gaussian(D, D, rng));
        wk = Tensor.parameter(gaussian(D, D, rng));
        wv = Tensor.parameter(gaussian(D, D, rng));
        attention = new SelfAttention(wq, wk, wv);
    }

    static DMatrixRMaj gaussian(int rows, int cols, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return m;
    }

    /** L = Σ SelfAttention(X), then ∂L/∂Wq, ∂L/∂Wk, ∂L/∂Wv. */
    @Benchmark
    public DMatrixRMaj forwardBackward() {
        attention.zeroGrad();
        attention.forward(x).output().sum().backward();
        return wq.grad();
    }

    /** The same step through the composed operations (matmul, score, masked softmax, matmul). */
    @Benchmark
    public DMatrixRMaj composedForwardBackward() {
        attention.zeroGrad();
        Tensor q = x.matmul(wq), k = x.matmul(wk), v = x.matmul(wv);    // (n×d)·(d×d) → (n×d)
        AttentionPooling.scaledDotProductReadable(q, k, v, null).output().sum().backward();
        return wq.grad();
    }
}
