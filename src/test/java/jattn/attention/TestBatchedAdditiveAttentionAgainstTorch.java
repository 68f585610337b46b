package jattn.attention;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static jattn.testing.TorchAssert.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link BatchedAdditiveAttention} against the Bahdanau attention of the anchor PyTorch model
 * ({@code batched_additive_attention.json}, B = 3, T = 5, H = 4, validLens [5, 3, 1]):
 * <pre>
 *   keys = Ua(hs);  e = va(tanh(keys + Wa(h)[:, None])).masked_fill(~mask, −1e9)
 *   a = softmax(e);  c = Σₜ a[:, t]·hs[:, t];   L = Σ c ⊙ C1 + Σ a ⊙ C2
 * </pre>
 * Mapping to {@code AdditiveScore(Wq, Wk, b, v)}: the query projection is Wa (on the decoder
 * state h, no bias), the key projection is Ua with its bias (on the encoder states hs), v = va:
 * Wq = Wa.W, Wk = Ua.W, b = Ua.b, v = va.W. hs is stacked (B·T×H) with row b·T + t in both.
 */
class TestBatchedAdditiveAttentionAgainstTorch {

    /** Projected keys, scores, weights, context: O(1), a few products and a tanh (observed ≤ 2.3e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Gradients through the softmax, the tanh grid and the projections (observed ≤ 1.4e-16). */
    static final double GRAD_TOL = 1e-14;
    /** torch's marker for padding in e (masked_fill), not a score. */
    static final double PADDING_MARKER = -1e9;

    static final Fixtures F = Fixtures.load("batched_additive_attention.json");

    /** The fixture's parameters as leaves, in AdditiveScore's order. */
    final Tensor wq = F.parameter("params", "Wa", "W"), wk = F.parameter("params", "Ua", "W"),
                 b = F.parameter("params", "Ua", "b"), v = F.parameter("params", "va", "W");
    final Tensor hs = F.parameter("inputs", "hs"), h = F.parameter("inputs", "h");
    final int[] validLens = F.ints("inputs", "validLens");
    final BatchedAdditiveAttention attention = new BatchedAdditiveAttention(new AdditiveScore(wq, wk, b, v));

    @Test
    void theFixtureMaskIsThePrefixOfEachValidLength() {
        boolean[][] mask = F.mask("inputs", "mask");
        for (int i = 0; i < validLens.length; i++)
            for (int t = 0; t < mask[i].length; t++) assertEquals(t < validLens[i], mask[i][t], "mask (" + i + ", " + t + ")");
    }

    @Test
    void keysScoresWeightsAndContextMatchTorch() {
        BatchedAdditiveAttention.Keys keys = attention.projectKeys(hs, validLens);
        assertMatches("keys = Ua(hs)", F.matrix("outputs", "keys"), keys.projected(), VALUE_TOL);
        assertEquals(F.integer("config", "T"), keys.steps());
        assertArrayEquals(validLens, keys.validLens());

        // scores(): before masking, so compare at valid positions only; torch holds −1e9 at padding
        DMatrixRMaj e = attention.scores(h, keys).value(), eTorch = F.matrix("outputs", "e");
        DMatrixRMaj eValid = eTorch.copy();
        for (int i = 0; i < validLens.length; i++)
            for (int t = validLens[i]; t < eTorch.numCols; t++) {
                assertEquals(PADDING_MARKER, eTorch.get(i, t), 0.0, "torch's padding marker at (" + i + ", " + t + ")");
                eValid.set(i, t, e.get(i, t));                           // our unmasked score there
            }
        assertMatches("e (valid positions)", eValid, e, VALUE_TOL);

        AttentionResult r = attention.attend(h, keys);
        assertMatches("a", F.matrix("outputs", "a"), r.weights(), VALUE_TOL);
        assertMatches("c", F.matrix("outputs", "c"), r.output(), VALUE_TOL);
        for (int i = 0; i < validLens.length; i++)
            for (int t = validLens[i]; t < r.weights().cols(); t++) assertExactlyZero("a on padding", r.weights().value(), i, t);
    }

    @Test
    void gradientsOfEveryInputAndParameterMatchTorch() {
        AttentionResult r = attention.attend(h, attention.projectKeys(hs, validLens));
        weightedSum(r.output(), F.matrix("loss", "C1")).add(weightedSum(r.weights(), F.matrix("loss", "C2"))).backward();
        assertGradMatches("hs", F.matrix("grads", "hs"), hs, GRAD_TOL);
        assertGradMatches("h", F.matrix("grads", "h"), h, GRAD_TOL);
        assertGradMatches("Ua.W (Wk)", F.matrix("grads", "Ua", "W"), wk, GRAD_TOL);
        assertGradMatches("Ua.b (b)", F.matrix("grads", "Ua", "b"), b, GRAD_TOL);
        assertGradMatches("Wa.W (Wq)", F.matrix("grads", "Wa", "W"), wq, GRAD_TOL);
        assertGradMatches("va.W (v)", F.matrix("grads", "va", "W"), v, GRAD_TOL);

        // padding rows of hs reach neither the weights nor the context: exactly zero, as in torch
        int steps = F.integer("config", "T");
        for (int i = 0; i < validLens.length; i++)
            for (int t = validLens[i]; t < steps; t++)
                for (int c = 0; c < hs.cols(); c++) assertExactlyZero("∂L/∂hs at padding", hs.grad(), i * steps + t, c);
    }
}
