package jattn.bench;

import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Operands;
import jattn.linalg.Gemm.Output;

import java.util.Locale;
import java.util.Random;

/**
 * The matrix product's GFLOP/s at the shapes the benchmarks multiply, on one thread, as a
 * fraction of this machine's one-thread peak ({@link MachinePeak}); the same list of shapes as
 * {@code tools/bench/torch_attention.py --gemm} (torch.mm on OpenBLAS), so the two print side by side.
 * <pre>
 *   C (m×n) = op(A)·op(B), op(A) (m×k), op(B) (k×n);  FLOP = 2·m·n·k
 *   per shape: ≥ 30 warm-up calls and ≥ 0.3 s, then 7 blocks of about 0.1 s; the time is the median of the blocks' means
 * </pre>
 * Run on one thread (ParallelRows off), as the script does:
 * <pre>
 *   java --add-modules=jdk.incubator.vector -Djattn.gemm.parallelWork=9223372036854775807 \
 *        -cp target/bench/benchmarks.jar jattn.bench.GemmThroughput
 *   → java gemm threads=1 attn Q·Kᵀ n=128 (128×64)·(64×128) NT 9.10 GFLOP/s 230.4 us 0.57 of peak
 * </pre>
 */
public final class GemmThroughput {

    /** A product C (m×n) = op(A)·op(B): {@code transA} reads A stored (k×m), {@code transB} B stored (n×k). */
    record Shape(String name, int m, int k, int n, boolean transA, boolean transB) {
        String op() { return (transA ? "T" : "N") + (transB ? "T" : "N"); }
        Operands operands() { return transA ? (transB ? Operands.AT_BT : Operands.AT_B) : (transB ? Operands.A_BT : Operands.A_B); }
    }

    /** The shapes of torch_attention.py's GEMM_SHAPES, in the same order. */
    static final Shape[] SHAPES = {
            new Shape("attn X·W       n=128", 128, 64, 64, false, false),
            new Shape("attn Q·Kᵀ      n=128", 128, 64, 128, false, true),
            new Shape("attn A·V       n=128", 128, 128, 64, false, false),
            new Shape("attn Xᵀ·dQ     n=128", 64, 128, 64, true, false),
            new Shape("attn Q·Kᵀ      n=512", 512, 64, 512, false, true),
            new Shape("attn A·V       n=512", 512, 512, 64, false, false),
            new Shape("dates enc x·Wx (B·T)", 64 * 24, 32, 192, false, false),
            new Shape("dates GRU s·Wh", 64, 64, 192, false, false),
            new Shape("dates dec [e;c]·Wx", 64, 96, 192, false, false),
            new Shape("dates dec dWx", 96, 64, 192, true, false),
    };

    private GemmThroughput() {}

    public static void main(String[] args) throws Exception {
        KernelCheck.requireVectorKernel();
        double peak = MachinePeak.gflops(1);
        System.out.printf(Locale.ROOT, "java gemm kernel: %s; one-thread FMA peak %.1f GFLOP/s (best of %d)%n",
                Gemm.kernel(), peak, MachinePeak.REPEATS);
        Random rng = new Random(0);
        for (Shape s : SHAPES) {                                           // warm-up of every path first: C2 compiles per call site
            double[] a = random(s.m * s.k, rng), b = random(s.k * s.n, rng), c = new double[s.m * s.n];
            for (int i = 0; i < 50; i++) Gemm.gemm(s.operands(), s.m, s.n, s.k, 1.0, a, 0, b, 0, c, 0, Output.OVERWRITE);
        }
        for (Shape s : SHAPES) {
            double[] a = random(s.m * s.k, rng), b = random(s.k * s.n, rng), c = new double[s.m * s.n];
            Runnable call = () -> Gemm.gemm(s.operands(), s.m, s.n, s.k, 1.0, a, 0, b, 0, c, 0, Output.OVERWRITE);
            double sec = blockMedian(call, 0.1);
            double gflops = 2.0 * s.m * s.n * s.k / sec / 1e9;
            System.out.printf(Locale.ROOT, "java gemm threads=1 %-22s (%d×%d)·(%d×%d) %s %.2f GFLOP/s %.1f us %.2f of peak%n",
                    s.name, s.m, s.k, s.k, s.n, s.op(), gflops, sec * 1e6, gflops / peak);
        }
    }

    static double[] random(int size, Random rng) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) x[i] = rng.nextGaussian();
        return x;
    }

    /** Seconds per call: the median over 7 blocks of about {@code seconds} each, after at least 30 warm-up calls and 0.3 s. */
    static double blockMedian(Runnable call, double seconds) {
        long t = System.nanoTime();
        for (int i = 0; i < 30 || System.nanoTime() - t < 300_000_000L; i++) call.run();   // C2 compiles the kernel
        t = System.nanoTime();
        call.run();
        int reps = (int) Math.max(5, seconds / Math.max((System.nanoTime() - t) / 1e9, 1e-7));
        double[] times = new double[7];
        for (int blk = 0; blk < times.length; blk++) {
            t = System.nanoTime();
            for (int r = 0; r < reps; r++) call.run();
            times[blk] = (System.nanoTime() - t) / 1e9 / reps;
        }
        return MachinePeak.median(times);
    }
}
