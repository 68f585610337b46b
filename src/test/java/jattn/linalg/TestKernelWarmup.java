package jattn.linalg;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TestKernelWarmup {

    @Test
    void runsEveryOperandFormEveryRound() {
        Map<Gemm.Operands, Integer> done = KernelWarmup.run(3);
        assertEquals(Gemm.Operands.values().length, done.size());
        for (Gemm.Operands ops : Gemm.Operands.values()) assertEquals(3, done.get(ops), ops.toString());
    }

    @Test
    void aWarmUpRunningAtTheSameTimeChangesNoResult() throws Exception {
        Random rng = new Random(7);
        int m = 37, n = 53, k = 29;
        double[] a = new double[m * k], b = new double[k * n];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = rng.nextGaussian();
        double[] before = new double[m * n], during = new double[m * n];
        Gemm.gemm(Gemm.Operands.A_B, m, n, k, 1.0, a, 0, b, 0, before, 0, Gemm.Output.OVERWRITE);   // (m×k)·(k×n)
        Thread warm = new Thread(() -> KernelWarmup.run(50));
        warm.start();
        for (int r = 0; r < 50; r++) {
            Gemm.gemm(Gemm.Operands.A_B, m, n, k, 1.0, a, 0, b, 0, during, 0, Gemm.Output.OVERWRITE);
            assertArrayEquals(before, during, 0.0, "round " + r);
        }
        warm.join();
    }
}
