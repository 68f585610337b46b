package jattn.linalg;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Has the JIT compile the vector kernels before a lesson's training needs them. In a fresh JVM
 * the Vector API code first runs interpreted and then in C1, where every vector is an object:
 * the first 50 products at a model's shapes, (64×96)·(96×192), took 1.1–1.9 s together, against
 * 0.6–0.8 ms each once C2 had compiled them. So the first use of {@link Gemm} starts one daemon
 * thread that runs {@value #ROUNDS} rounds of small products of every operand form, both outputs,
 * and the row kernels, on data of its own:
 * <pre>
 *   for each round: C (=|+=) op(A)·op(B), (48×40)·(40×72), every Gemm.Operands × Gemm.Output;
 *                   RowMath.max, expSum and dot over a row of 72; tanhDot (keeping t and not)
 *                   and tanhBackward over a row of 64, the additive score's
 * </pre>
 * C2 then compiles the kernels while the lesson goes on, on the other core. It changes no result:
 * the thread shares no data with anyone, and compiled code computes the same sums in the same
 * order as interpreted code (the vector exp of {@link VectorMath} included). Only with the vector kernel (the scalar loops warm up quickly);
 * {@code -Djattn.gemm.warmup=false} switches it off.
 */
final class KernelWarmup {

    static final int ROUNDS = 400;
    static final int M = 48, K = 40, N = 72;                      // below ParallelRows' split: the thread stays alone
    private static final boolean ENABLED = Gemm.VECTOR && !"false".equals(System.getProperty("jattn.gemm.warmup"));

    private KernelWarmup() {}

    /** Starts the warm-up thread (called once, by Gemm's class initialiser). */
    static void startInBackground() {
        if (!ENABLED) return;
        Thread t = new Thread(() -> run(ROUNDS), "jattn kernel warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The warm-up itself, in the calling thread: products done per operand form (for the tests). */
    static Map<Gemm.Operands, Integer> run(int rounds) {
        Random rng = new Random(1);
        double[] a = new double[M * K], b = new double[K * N], c = new double[M * N], row = new double[N], out = new double[N];
        double[] t = new double[N], dx = new double[N], dy = new double[N], dv = new double[N];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = rng.nextGaussian();
        for (int i = 0; i < row.length; i++) row[i] = rng.nextGaussian();
        Map<Gemm.Operands, Integer> done = new EnumMap<>(Gemm.Operands.class);
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (Gemm.Operands ops : Gemm.Operands.values()) {
                for (Gemm.Output output : Gemm.Output.values())            // A stored (M×K) or (K×M), B (K×N) or (N×K)
                    Gemm.gemm(ops, M, N, K, 1.0, a, 0, b, 0, c, 0, output); // (M×K)·(K×N) → (M×N)
                done.merge(ops, 1, Integer::sum);
            }
            sink += RowMath.max(row, 0, N) + RowMath.expSum(row, out, 0, N, 1.0, 0.0) + RowMath.dot(row, out, 0, N);
            sink += RowMath.tanhDot(row, 0, out, 0, row, t, 0, 64) + RowMath.tanhDot(row, 0, out, 0, row, null, 0, 64);
            RowMath.tanhBackward(0.5, row, t, 0, dx, 0, dy, 0, dv, 64);
            java.util.Arrays.fill(dx, 0.0);                                 // keep the accumulators bounded
            java.util.Arrays.fill(dy, 0.0);
            java.util.Arrays.fill(dv, 0.0);
        }
        if (Double.isNaN(sink)) throw new AssertionError("warm-up: NaN");      // keeps the row kernels' results alive
        return done;
    }
}
