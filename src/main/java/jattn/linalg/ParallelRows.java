package jattn.linalg;

import java.util.stream.IntStream;

/**
 * Splits the rows [0, rows) of an output between the cores when the work is large enough to
 * pay for the hand-over, else runs them at once on the calling thread:
 * <pre>
 *   work ≤ {@link #PARALLEL_WORK}:  body(0, rows)
 *   else:                          body(lo₀, hi₀), body(lo₁, hi₁), …   in parallel, contiguous blocks
 * </pre>
 * The blocks must write disjoint data. {@code work} is counted in multiply-adds or comparable
 * steps. There are {@link #BLOCKS_PER_CORE} blocks per core, more than there are cores, so that
 * when another process holds a core the other threads take over its remaining blocks instead of
 * waiting for it (the common fork-join pool steals work).
 *
 * <p>A thread inside {@link #callingThreadOnly()} never splits: it is for jobs that already run
 * side by side, one per core ({@link jattn.experiments.SideBySide}), whose products would
 * otherwise compete for the same cores through the one common pool.
 */
public final class ParallelRows {

    /**
     * Work (multiply-adds) above which the rows are split: about 30 µs of work on one core.
     * System property {@code jattn.gemm.parallelWork} overrides it; a huge value keeps
     * everything on one thread.
     */
    public static final long PARALLEL_WORK = Long.getLong("jattn.gemm.parallelWork", 1L << 18);

    /** Blocks per core when the rows are split (system property {@code jattn.gemm.blocksPerCore}). */
    static final int BLOCKS_PER_CORE = Integer.getInteger("jattn.gemm.blocksPerCore", 4);

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static final ThreadLocal<Boolean> CALLING_THREAD_ONLY = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ParallelRows() {}

    /** While open, the calling thread runs all its rows itself; closing it restores what was before. */
    public static final class Scope implements AutoCloseable {
        private final boolean before;

        private Scope(boolean before) { this.before = before; }

        @Override
        public void close() { CALLING_THREAD_ONLY.set(before); }
    }

    /** Until the returned scope is closed, this thread never splits its rows between the cores. */
    public static Scope callingThreadOnly() {
        Scope scope = new Scope(CALLING_THREAD_ONLY.get());
        CALLING_THREAD_ONLY.set(Boolean.TRUE);
        return scope;
    }

    /** Work on rows [lo, hi) of an output. */
    @FunctionalInterface
    public interface RowRange {
        void run(int lo, int hi);
    }

    /** Runs {@code body} over the rows [0, rows), split between the cores if {@code work} exceeds {@link #PARALLEL_WORK}. */
    public static void run(int rows, long work, RowRange body) {
        int parts = (int) Math.min((long) BLOCKS_PER_CORE * CORES, rows);
        if (work <= PARALLEL_WORK || CORES < 2 || parts < 2 || CALLING_THREAD_ONLY.get()) {
            body.run(0, rows);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(p -> body.run(rows * p / parts, rows * (p + 1) / parts));
    }
}
