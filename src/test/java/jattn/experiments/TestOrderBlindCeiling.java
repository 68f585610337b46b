package jattn.experiments;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TestOrderBlindCeiling {

    /**
     * The best order-blind accuracy by brute force, without the derivation: over all V^T
     * sequences and all positions t, group (sequence, t) by what an equivariant model sees,
     * (x_t, sorted multiset), and in each group count the most frequent mirror token.
     */
    static double bruteForce(int length, int vocab) {
        Map<String, Map<Integer, Integer>> groups = new HashMap<>();
        int total = (int) Math.pow(vocab, length);
        int[] x = new int[length];
        for (int code = 0; code < total; code++) {
            for (int t = 0, c = code; t < length; t++, c /= vocab) x[t] = c % vocab;
            int[] sorted = x.clone();
            Arrays.sort(sorted);
            String multiset = Arrays.toString(sorted);
            for (int t = 0; t < length; t++)
                groups.computeIfAbsent(x[t] + "|" + multiset, k -> new HashMap<>()).merge(x[length - 1 - t], 1, Integer::sum);
        }
        long best = 0;
        for (Map<Integer, Integer> g : groups.values()) best += g.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        return best / (double) (total * (long) length);
    }

    @Test
    void equalsTheBruteForceOptimumForEvenAndOddLengths() {
        for (int[] tv : new int[][]{{2, 2}, {3, 2}, {4, 3}, {5, 3}, {6, 2}, {6, 4}, {7, 3}, {1, 5}}) {
            double exact = bruteForce(tv[0], tv[1]);
            assertEquals(exact, OrderBlindCeiling.of(tv[0], tv[1]), 1e-12, "T = " + tv[0] + ", V = " + tv[1]);
        }
    }

    @Test
    void theMostFrequentOtherTokenRuleReachesItOnASample() {
        // the rule the ceiling assumes, run on random sequences of the lesson's size: T = 12, V = 10
        ReversalTask task = new ReversalTask(12, 10);
        List<ReversalTask.Example> sample = task.generate(40_000, new Random(5));
        long right = 0, positions = 0;
        Random ties = new Random(6);
        for (ReversalTask.Example e : sample) {
            int[] x = e.tokens();
            for (int t = 0; t < x.length; t++) {
                int[] count = new int[10];
                for (int s = 0; s < x.length; s++) if (s != t) count[x[s]]++;
                int max = Arrays.stream(count).max().orElseThrow();
                List<Integer> best = new ArrayList<>();
                for (int b = 0; b < 10; b++) if (count[b] == max) best.add(b);
                if (best.get(ties.nextInt(best.size())) == e.tags()[t]) right++;
                positions++;
            }
        }
        double ceiling = OrderBlindCeiling.of(task);
        assertEquals(ceiling, right / (double) positions, 0.006);
        assertTrue(ceiling > 0.1 && ceiling < 0.35, "well above chance 1/V, far below 1: " + ceiling);
    }

    @Test
    void limitsAndBadInput() {
        assertEquals(1.0, OrderBlindCeiling.of(1, 7), 1e-15, "one token is its own mirror");
        assertEquals(1.0, OrderBlindCeiling.of(8, 1), 1e-12, "one id: every guess is right");
        assertTrue(OrderBlindCeiling.of(4, 1000) < 0.34 + 1e-9 && OrderBlindCeiling.of(4, 1000) > 1 / 3.0,
                "V ≫ T: the other three tokens are almost always distinct, a one-in-three guess");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderBlindCeiling.of(0, 3));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OrderBlindCeiling.of(500, 3));
    }
}
