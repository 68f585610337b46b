package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.function.BinaryOperator;

import static jattn.testing.TorchAssert.*;

/**
 * {@link GruCell} against {@code torch.nn.GRUCell(3, 4)} ({@code gru_cell.json}, case "cell",
 * batch 2): h' = cell(x, h) and the gradients of L = Σ h' ⊙ C for x, h, Wx, Wh, bx, bh, for
 * both the fused {@link GruCell#step} and {@link GruCell#stepReadable}. The fixture stores our
 * layout (Wx = weight_ihᵀ, gate blocks [r | z | n]); {@link GruCell#fromTorch} is checked by
 * transposing back to torch's.
 */
class TestGruCellAgainstTorch {

    /** h' in (−1, 1) through sigmoid and tanh (observed ≤ 2.3e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Gradients through the gates (observed ≤ 2.3e-16). */
    static final double GRAD_TOL = 1e-14;

    static final Fixtures F = Fixtures.load("gru_cell.json");

    void check(String how, GruCell cell, BinaryOperator<Tensor> step) {
        Tensor x = F.parameter("inputs", "cell", "x"), h = F.parameter("inputs", "cell", "h");
        Tensor hNext = step.apply(x, h);                                 // (2×3), (2×4) → (2×4)
        assertMatches("hNext (" + how + ")", F.matrix("outputs", "cell", "hNext"), hNext, VALUE_TOL);
        weightedSum(hNext, F.matrix("loss", "cell", "C")).backward();
        assertGradMatches("x (" + how + ")", F.matrix("grads", "cell", "x"), x, GRAD_TOL);
        assertGradMatches("h (" + how + ")", F.matrix("grads", "cell", "h"), h, GRAD_TOL);
        assertGradMatches("Wx (" + how + ")", F.matrix("grads", "cell", "Wx"), cell.wx(), GRAD_TOL);
        assertGradMatches("Wh (" + how + ")", F.matrix("grads", "cell", "Wh"), cell.wh(), GRAD_TOL);
        assertGradMatches("bx (" + how + ")", F.matrix("grads", "cell", "bx"), cell.bx(), GRAD_TOL);
        assertGradMatches("bh (" + how + ")", F.matrix("grads", "cell", "bh"), cell.bh(), GRAD_TOL);
    }

    /** A cell whose four parameters are fresh leaves holding the fixture's values. */
    static GruCell fromFixture() {
        return new GruCell(F.parameter("params", "Wx"), F.parameter("params", "Wh"),
                F.parameter("params", "bx"), F.parameter("params", "bh"));
    }

    @Test
    void fusedStepMatchesTorch() {
        GruCell cell = fromFixture();
        check("step", cell, cell::step);
    }

    @Test
    void composedStepMatchesTorch() {
        GruCell cell = fromFixture();
        check("stepReadable", cell, cell::stepReadable);
    }

    @Test
    void fromTorchTakesTorchsLayout() {
        GruCell cell = GruCell.fromTorch(TestGruCell.torchGru(F.tensor("params", "Wx").transpose(),
                F.tensor("params", "Wh").transpose(), F.tensor("params", "bx"), F.tensor("params", "bh")));
        check("fromTorch", cell, cell::step);
    }
}
