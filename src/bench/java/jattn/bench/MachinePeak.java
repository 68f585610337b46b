package jattn.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * This machine's real float64 peak, measured, not taken from a data sheet (vCPUs may be
 * hyper-threads of one core, and a shared machine gives what it gives): every thread runs
 * <pre>
 *   12 independent accumulators cᵢ (DoubleVector, L doubles each: 4 with AVX2)
 *   repeat N times:  cᵢ ← cᵢ ⊙ x + y     for i = 1 … 12          (12 FMAs, no loads)
 *   FLOP = 2 · L · 12 · N per thread
 * </pre>
 * 12 chains cover the FMA latency (4–5 cycles) on two FMA ports. Each measurement runs
 * {@code threads} threads started together behind a barrier; the GFLOP/s is the total FLOP over
 * the wall time of the slowest thread. Printed: the median and the best of {@code REPEATS}
 * measurements, for 1 and 2 threads.
 * <pre>
 *   java --add-modules=jdk.incubator.vector -cp target/bench/benchmarks.jar jattn.bench.MachinePeak
 *   → java peak threads=1 GFLOP/s median=… best=…
 * </pre>
 * {@link #gflops(int)} is used by {@link GemmThroughput} for the fraction of peak.
 */
public final class MachinePeak {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final long ITERATIONS = 20_000_000;
    static final int REPEATS = 7;

    private MachinePeak() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "java peak: FMA loop, %d doubles per vector, 12 chains, %d repeats; cores seen by the JVM %d%n",
                S.length(), REPEATS, Runtime.getRuntime().availableProcessors());
        for (int threads : new int[] {1, 2}) {
            double[] g = measure(threads);
            System.out.printf(Locale.ROOT, "java peak threads=%d GFLOP/s median=%.1f best=%.1f%n", threads, median(g), max(g));
        }
    }

    /** The best of {@link #REPEATS} measurements of the FMA loop on {@code threads} threads, GFLOP/s. */
    static double gflops(int threads) throws Exception {
        return max(measure(threads));
    }

    static double[] measure(int threads) throws Exception {
        // warm-up: many short calls, so that C2 compiles chains() as a method. One long call would
        // get only an on-stack-replacement compilation, entered from the interpreter at every
        // call, whose vectors JFR showed boxed on the heap until the jump.
        double sink = 0;
        for (int i = 0; i < 3000; i++) sink += chains(2_000, 1.0);
        if (Double.isNaN(sink)) throw new AssertionError("NaN");
        run(threads, ITERATIONS / 10);
        double[] g = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) g[r] = run(threads, ITERATIONS);
        return g;
    }

    private static double run(int threads, long iterations) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1), end = new CyclicBarrier(threads + 1);
        double[] sink = new double[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try {
                    start.await();
                    sink[id] = chains(iterations, 1.0 + 1e-9 * id);
                    end.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ts[t].start();
        }
        start.await();
        long t0 = System.nanoTime();
        end.await();
        long ns = System.nanoTime() - t0;
        for (Thread t : ts) t.join();
        if (Double.isNaN(Arrays.stream(sink).sum())) throw new AssertionError("NaN");   // keeps the sums alive
        return 2.0 * S.length() * 12 * iterations * threads / ns;
    }

    /** 12 FMA chains, c ← c·x + y, with x just below 1 so that nothing overflows; returns the sum of the lanes. */
    private static double chains(long iterations, double seed) {
        DoubleVector x = DoubleVector.broadcast(S, 0.999999999), y = DoubleVector.broadcast(S, 1e-9);
        DoubleVector c0 = DoubleVector.broadcast(S, seed), c1 = c0.add(1), c2 = c0.add(2), c3 = c0.add(3),
                c4 = c0.add(4), c5 = c0.add(5), c6 = c0.add(6), c7 = c0.add(7), c8 = c0.add(8), c9 = c0.add(9),
                c10 = c0.add(10), c11 = c0.add(11);
        for (long i = 0; i < iterations; i++) {
            c0 = c0.fma(x, y); c1 = c1.fma(x, y); c2 = c2.fma(x, y); c3 = c3.fma(x, y);
            c4 = c4.fma(x, y); c5 = c5.fma(x, y); c6 = c6.fma(x, y); c7 = c7.fma(x, y);
            c8 = c8.fma(x, y); c9 = c9.fma(x, y); c10 = c10.fma(x, y); c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(
                jdk.incubator.vector.VectorOperators.ADD);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double max(double[] xs) {
        return Arrays.stream(xs).max().orElseThrow();
    }
}
