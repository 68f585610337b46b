package jattn.experiments;

import jattn.transformer.*;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestReversalTask {

    @Test
    void tagsAreTheTokensMirrored() {
        ReversalTask task = new ReversalTask(5, 10);
        ReversalTask.Example e = task.example(3, 1, 4, 1, 5);
        assertArrayEquals(new int[]{5, 1, 4, 1, 3}, e.tags());
        assertArrayEquals(new int[]{3, 1, 4, 1, 5}, e.tokens());
        assertArrayEquals(new int[]{7}, new ReversalTask(1, 10).example(7).tags());
        for (ReversalTask.Example g : task.generate(50, new Random(1)))
            for (int t = 0; t < 5; t++) assertEquals(g.tokens()[4 - t], g.tags()[t]);
    }

    @Test
    void splitIsReproducibleDisjointAndCoversTheVocabulary() {
        ReversalTask task = new ReversalTask(4, 3);
        ReversalTask.Split a = task.split(60, 15, 9), b = task.split(60, 15, 9);
        assertEquals(60, a.train().size());
        assertEquals(15, a.test().size());
        Set<String> train = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            assertArrayEquals(a.train().get(i).tokens(), b.train().get(i).tokens());
            assertTrue(train.add(Arrays.toString(a.train().get(i).tokens())));
        }
        int[] counts = new int[3];
        for (ReversalTask.Example e : a.test()) {
            assertFalse(train.contains(Arrays.toString(e.tokens())));
            for (int tok : e.tokens()) counts[tok]++;
        }
        for (int c : counts) assertTrue(c > 0);
        assertNotEquals(Arrays.toString(task.split(60, 15, 10).test().get(0).tokens()), Arrays.toString(a.test().get(0).tokens()));
    }

    @Test
    void badArgumentsAreRejected() {
        ReversalTask task = new ReversalTask(3, 4);
        assertRejects(() -> task.example(1, 2), "length 2", "expected 3");
        assertRejects(() -> task.example(1, 4, 0), "token 4", "[0, 4)");
        assertRejects(() -> task.split(60, 5, 1), "4^3");
        assertRejects(() -> new ReversalTask(0, 4), "length ≥ 1");
        assertEquals(List.of(), task.generate(0, new Random(1)));
    }
}
