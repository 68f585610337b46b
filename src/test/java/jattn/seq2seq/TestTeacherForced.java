package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.text.PaddedBatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestTeacherForced {

    @Test
    void stackedLogitsAreInTheOrderOfTimeMajorIds() {
        // logits of step t, row b hold the number 10·t + b; the stacked row t·B + b must too
        int batch = 2, steps = 3;
        List<Tensor> logits = new java.util.ArrayList<>();
        for (int t = 0; t < steps; t++) logits.add(Tensor.of(new double[][]{{10 * t}, {10 * t + 1}}));
        TeacherForced f = new TeacherForced(new Encoded(Tensor.zeros(2, 1), Tensor.zeros(2, 1), new int[]{1, 1}),
                logits, logits, List.of());
        PaddedBatch ids = PaddedBatch.of(List.of(new int[]{0, 10, 20}, new int[]{1, 11, 21}), 0, 100);
        int[] timeMajor = ids.idsTimeMajor();
        Tensor stacked = f.stackedLogits();
        assertEquals(steps, f.steps());
        for (int i = 0; i < batch * steps; i++) assertEquals(timeMajor[i], stacked.get(i, 0));
    }
}
