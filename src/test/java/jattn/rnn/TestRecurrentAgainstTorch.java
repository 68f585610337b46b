package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jattn.testing.TorchAssert.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Recurrent} over a {@link GruCell} against {@code nn.GRU(3, 4, batch_first=True)} run on
 * {@code pack_padded_sequence(x, validLens, enforce_sorted=False)} from h0 ({@code gru_cell.json},
 * case "sequence": B = 3, T = 4, validLens [4, 2, 1], random values at the padding steps).
 *
 * <p>Layouts: the fixture stacks x (B·T×3) and the outputs (B·T×4) with row b·T + t, which is
 * what {@link TimeSteps#split} and {@link RecurrentOutput#stacked} use. Conventions agree:
 * {@code pad_packed_sequence} gives exact zeros at padding, as our outputs do, and torch's final
 * state is each sequence's last VALID state, as our {@code lastState} is. Loss
 * L = Σ outputs ⊙ C1 + Σ hLast ⊙ C2; gradients for x (exactly zero at padding), h0 and the cell.
 */
class TestRecurrentAgainstTorch {

    /** States in (−1, 1) after up to 4 steps (observed ≤ 1.6e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Gradients back through up to 4 steps (observed ≤ 8.9e-16). */
    static final double GRAD_TOL = 1e-14;

    static final Fixtures F = Fixtures.load("gru_cell.json");

    @Test
    void packedSequenceOutputsLastStatesAndGradientsMatchTorch() {
        GruCell cell = TestGruCellAgainstTorch.fromFixture();
        Tensor x = F.parameter("inputs", "sequence", "x"), h0 = F.parameter("inputs", "sequence", "h0");
        int[] validLens = F.ints("inputs", "sequence", "validLens");
        int batch = validLens.length, steps = F.intMatrix("inputs", "sequence", "mask")[0].length;

        List<Tensor> xs = TimeSteps.split(x, batch);                     // (B·T×3) → T × (B×3)
        assertEquals(steps, xs.size());
        RecurrentOutput out = new Recurrent(cell).forward(xs, validLens, h0);
        Tensor outputs = out.stacked();                                  // T × (B×4) → (B·T×4)
        assertMatches("outputs", F.matrix("outputs", "sequence", "outputs"), outputs, VALUE_TOL);
        assertMatches("hLast", F.matrix("outputs", "sequence", "hLast"), out.lastState(), VALUE_TOL);

        weightedSum(outputs, F.matrix("loss", "sequence", "C1"))
                .add(weightedSum(out.lastState(), F.matrix("loss", "sequence", "C2"))).backward();
        assertGradMatches("x", F.matrix("grads", "sequence", "x"), x, GRAD_TOL);
        assertGradMatches("h0", F.matrix("grads", "sequence", "h0"), h0, GRAD_TOL);
        assertGradMatches("Wx", F.matrix("grads", "sequence", "Wx"), cell.wx(), GRAD_TOL);
        assertGradMatches("Wh", F.matrix("grads", "sequence", "Wh"), cell.wh(), GRAD_TOL);
        assertGradMatches("bx", F.matrix("grads", "sequence", "bx"), cell.bx(), GRAD_TOL);
        assertGradMatches("bh", F.matrix("grads", "sequence", "bh"), cell.bh(), GRAD_TOL);

        boolean[][] mask = F.mask("inputs", "sequence", "mask");
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < steps; t++) {
                assertEquals(t < validLens[b], mask[b][t], "fixture mask (" + b + ", " + t + ")");
                if (mask[b][t]) continue;
                for (int c = 0; c < outputs.cols(); c++) assertExactlyZero("output at padding", outputs.value(), b * steps + t, c);
                for (int c = 0; c < x.cols(); c++) assertExactlyZero("∂L/∂x at padding", x.grad(), b * steps + t, c);
            }
    }
}
