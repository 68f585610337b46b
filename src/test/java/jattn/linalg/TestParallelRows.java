package jattn.linalg;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestParallelRows {

    static final long HUGE = Long.MAX_VALUE / 2;

    /** The [lo, hi) blocks that ParallelRows.run hands to the body, sorted. */
    static List<int[]> blocks(int rows, long work) {
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        ParallelRows.run(rows, work, (lo, hi) -> seen.add(new int[]{lo, hi}));
        List<int[]> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        return sorted;
    }

    @Test
    void theBlocksCoverEveryRowOnce() {
        List<int[]> b = blocks(1000, HUGE);
        assertEquals(0, b.get(0)[0]);
        assertEquals(1000, b.get(b.size() - 1)[1]);
        for (int k = 1; k < b.size(); k++) assertEquals(b.get(k - 1)[1], b.get(k)[0], "blocks must be contiguous and disjoint");
        if (Runtime.getRuntime().availableProcessors() >= 2 && ParallelRows.PARALLEL_WORK < HUGE)
            assertTrue(b.size() > 1, "large work on a machine with several cores is split, got " + b.size() + " block(s)");
    }

    @Test
    void smallWorkStaysInOneBlock() {
        List<int[]> b = blocks(1000, 1);
        assertEquals(1, b.size());
        assertEquals(0, b.get(0)[0]);
        assertEquals(1000, b.get(0)[1]);
    }

    @Test
    void whileEveryCoreIsClaimedAClaimantDoesNotSplitAndSplitsAgainOnceACoreIsFree() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean splits = cores >= 2 && ParallelRows.PARALLEL_WORK < HUGE;
        CountDownLatch claimed = new CountDownLatch(cores - 1), release = new CountDownLatch(1);
        List<Thread> others = new ArrayList<>();
        for (int k = 0; k < cores - 1; k++) {                  // the other jobs: one claim each, held until released
            Thread t = new Thread(() -> {
                try (ParallelRows.CoreClaim core = ParallelRows.claimCore()) {
                    claimed.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            others.add(t);
        }
        claimed.await();
        Thread caller = Thread.currentThread();
        List<Thread> ran = Collections.synchronizedList(new ArrayList<>());
        try (ParallelRows.CoreClaim mine = ParallelRows.claimCore()) {
            ParallelRows.run(1000, HUGE, (lo, hi) -> {
                ran.add(Thread.currentThread());
                assertEquals(0, lo);
                assertEquals(1000, hi);
            });
            try (ParallelRows.CoreClaim nested = ParallelRows.claimCore()) {
                assertEquals(1, blocks(1000, HUGE).size(), "every core is claimed: one block");
            }
            assertEquals(1, blocks(1000, HUGE).size(), "closing a nested claim keeps the outer one");
            assertEquals(List.of(caller), ran, "the body ran once, on the calling thread");
            release.countDown();
            for (Thread t : others) t.join();
            if (splits) assertTrue(blocks(1000, HUGE).size() > 1, "the other jobs have ended: a claimant splits again");
        }
        if (splits) assertTrue(blocks(1000, HUGE).size() > 1, "without a claim, large work is split");
    }
}
