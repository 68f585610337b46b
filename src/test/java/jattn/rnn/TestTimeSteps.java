package jattn.rnn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTimeSteps {

    @Test
    void stackPutsStepTOfSequenceBAtRowBTimesTPlusT() {
        Random rng = new Random(1);
        int batch = 3, steps = 4, d = 2;
        List<Tensor> xs = List.of(random(batch, d, rng), random(batch, d, rng), random(batch, d, rng), random(batch, d, rng));
        Tensor stacked = TimeSteps.stack(xs);
        assertEquals(batch * steps, stacked.rows());
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < steps; t++)
                for (int j = 0; j < d; j++) assertEquals(xs.get(t).get(b, j), stacked.get(b * steps + t, j));
        List<Tensor> back = TimeSteps.split(stacked, batch);
        assertEquals(steps, back.size());
        for (int t = 0; t < steps; t++) assertClose(xs.get(t).value(), back.get(t).value(), 0.0);
    }

    @Test
    void bothDirectionsHaveCheckedGradients() {
        Random rng = new Random(2);
        assertGrad(p -> TimeSteps.stack(List.of(p[0], p[1], p[2])), random(2, 3, rng), random(2, 3, rng), random(2, 3, rng));
        assertGrad(p -> Tensor.concatRows(TimeSteps.split(p[0], 2)), random(6, 3, rng));
        // degenerate: one sequence, one step, one column
        assertGrad(p -> TimeSteps.stack(List.of(p[0])), random(1, 1, rng));
        assertGrad(p -> TimeSteps.split(p[0], 1).get(2), random(3, 1, rng));
    }

    @Test
    void badLayoutsAreRejected() {
        assertRejects(() -> TimeSteps.stack(List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 4))), "(2×3)", "(2×4)");
        assertRejects(() -> TimeSteps.stack(List.of()), "no time steps");
        assertRejects(() -> TimeSteps.split(Tensor.zeros(7, 2), 2), "(7×2)", "B = 2");
    }
}
