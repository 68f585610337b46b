package jattn.experiments;

import jattn.linalg.ParallelRows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs several independent jobs (typically training runs, each with its own model) side by side,
 * one thread per job, and returns their results in the order the jobs were given:
 * <pre>
 *   SideBySide.run(List.of(job("without attention", () -&gt; train(…)), job("with attention", () -&gt; train(…))))
 *     → [result₁, result₂]      the same results as  [work₁.call(), work₂.call()]  one after the other
 * </pre>
 * The jobs must share no mutable state (two models, two optimisers; a {@link Seq2SeqTask}, the
 * pair lists and the read-only data may be shared). A deterministic job then gives exactly the
 * numbers it gives alone: nothing in this class touches its arithmetic, and the per-thread state
 * of the module ({@link jattn.autograd.NoGrad}, the GEMM's panels) is per thread.
 *
 * <p>What a job prints to {@code System.out} while it runs is held back and printed after all
 * jobs have ended, job by job in the given order, each under a line with its name, so that two
 * runs' progress lines never interleave. Only the jobs' own threads are held back; other threads
 * print as usual. If a job throws, the others still finish, everything is printed, and then an
 * {@link IllegalStateException} names the first failed job, with its exception as the cause.
 *
 * <p>Each job claims a core ({@link ParallelRows#claimCore()}): while the jobs use every core, each
 * runs its matrix products on its own thread, since products split over the one common pool would
 * make them wait for each other; once a job has ended, the others split their products over the
 * freed core again. It saves wall time only where cores are free: each job then has one of its own, and the
 * wall time approaches that of the longest job. On a busy machine the jobs share the same cores and
 * cost somewhat more CPU time together than one after the other (cache and memory traffic); measure.
 */
public final class SideBySide {

    private SideBySide() {}

    /**
     * One named job.
     *
     * @param name printed above the job's output, and named in an error
     * @param work the job; it runs on a thread of its own
     */
    public record Job<T>(String name, Callable<T> work) {
        public Job {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("SideBySide: a job needs a name");
            if (work == null) throw new IllegalArgumentException("SideBySide: the job '" + name + "' has no work");
        }
    }

    /** A named job, e.g. {@code job("with attention", () -> TrainToTarget.train(…))}. */
    public static <T> Job<T> job(String name, Callable<T> work) {
        return new Job<>(name, work);
    }

    /** Runs the jobs side by side and returns their results in the jobs' order (see the class comment). */
    public static <T> List<T> run(List<Job<T>> jobs) {
        if (jobs.isEmpty()) throw new IllegalArgumentException("SideBySide: no jobs to run");
        int n = jobs.size();
        List<ByteArrayOutputStream> held = new ArrayList<>();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        Thread[] threads = new Thread[n];
        PrintStream original = System.out;
        Map<Thread, ByteArrayOutputStream> byThread = new ConcurrentHashMap<>();
        PrintStream routed = new PrintStream(new Router(original, byThread), true, StandardCharsets.UTF_8);
        for (int k = 0; k < n; k++) {
            int job = k;
            held.add(new ByteArrayOutputStream());
            threads[k] = new Thread(() -> {
                try (ParallelRows.CoreClaim core = ParallelRows.claimCore()) {  // the jobs use the cores; a core freed is shared again
                    results[job] = jobs.get(job).work().call();
                } catch (Throwable t) {
                    failures[job] = t;
                }
            }, "side-by-side " + jobs.get(k).name());
            byThread.put(threads[k], held.get(k));
        }
        System.setOut(routed);
        try {
            for (Thread t : threads) t.start();
            for (Thread t : threads) joinUninterruptibly(t);
        } finally {
            routed.flush();
            System.setOut(original);
        }
        for (int k = 0; k < n; k++) {
            original.println("── " + jobs.get(k).name() + " ──");
            original.print(held.get(k).toString(StandardCharsets.UTF_8));
        }
        original.flush();
        for (int k = 0; k < n; k++)
            if (failures[k] != null)
                throw new IllegalStateException("SideBySide: the job '" + jobs.get(k).name() + "' failed: " + failures[k], failures[k]);
        List<T> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked") T t = (T) r;
            out.add(t);
        }
        return out;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Bytes written by a job's thread go to its buffer; those of any other thread to the original stream. */
    private static final class Router extends OutputStream {
        private final PrintStream original;
        private final Map<Thread, ByteArrayOutputStream> byThread;

        Router(PrintStream original, Map<Thread, ByteArrayOutputStream> byThread) {
            this.original = original;
            this.byThread = byThread;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream mine = byThread.get(Thread.currentThread());
            if (mine != null) synchronized (mine) { mine.write(b); }
            else original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ByteArrayOutputStream mine = byThread.get(Thread.currentThread());
            if (mine != null) synchronized (mine) { mine.write(b, off, len); }
            else original.write(b, off, len);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
