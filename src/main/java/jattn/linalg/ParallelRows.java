package jattn.linalg;

import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Jobs that already run side by side, one thread each ({@link jattn.experiments.SideBySide}),
 * each hold a {@link #claimCore() core claim}. While as many threads hold one as there are cores,
 * such a thread runs all its rows itself: the jobs use the cores, and products split over the one
 * common pool would make them wait for each other. Once fewer claims are left (a job has ended),
 * the remaining jobs split their rows again and use the freed core. How the rows are split never
 * changes a result.
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

    private static final AtomicInteger CLAIMED = new AtomicInteger();       // threads that hold a core claim
    private static final ThreadLocal<int[]> CLAIMS = ThreadLocal.withInitial(() -> new int[1]);   // this thread's open claims

    private ParallelRows() {}

    /** A thread's claim on a core, for as long as it is open; see the class comment. */
    public static final class CoreClaim implements AutoCloseable {
        private boolean open = true;

        private CoreClaim() {}

        @Override
        public void close() {
            if (!open) return;
            open = false;
            if (--CLAIMS.get()[0] == 0) CLAIMED.decrementAndGet();
        }
    }

    /** Claims a core for the calling thread until the claim is closed (nested claims of one thread count once). */
    public static CoreClaim claimCore() {
        if (CLAIMS.get()[0]++ == 0) CLAIMED.incrementAndGet();
        return new CoreClaim();
    }

    /** Whether this thread holds a claim while every core is claimed: then it must not split. */
    private static boolean coresTaken() {
        return CLAIMS.get()[0] > 0 && CLAIMED.get() >= CORES;
    }

    /** Work on rows [lo, hi) of an output. */
    @FunctionalInterface
    public interface RowRange {
        void run(int lo, int hi);
    }

    /** Runs {@code body} over the rows [0, rows), split between the cores if {@code work} exceeds {@link #PARALLEL_WORK}. */
    public static void run(int rows, long work, RowRange body) {
        int parts = (int) Math.min((long) BLOCKS_PER_CORE * CORES, rows);
        if (work <= PARALLEL_WORK || CORES < 2 || parts < 2 || coresTaken()) {
            body.run(0, rows);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(p -> body.run(rows * p / parts, rows * (p + 1) / parts));
    }
}
