package jattn.attention;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static jattn.testing.TorchAssert.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MaskedSoftmax} against PyTorch ({@code masked_softmax.json}):
 * {@code softmax(logits.masked_fill(~mask, -inf) / τ)} for τ = 1, 0.5, 2 on three cases, the
 * weights and ∂L/∂logits of L = Σ out ⊙ C. Every mask is given the three ways the class takes
 * it (a {@link Mask}, an explicit boolean pattern, valid lengths where the case has them).
 *
 * <p>Fully masked rows: torch's own result there is NaN; the fixture stores our documented
 * convention instead (all-zero weights, zero gradient), so the comparison below covers it and
 * {@link #maskedEntriesAndFullyMaskedRowsAreExactlyZero} asserts it exactly.
 */
class TestMaskedSoftmaxAgainstTorch {

    /** Weights in [0, 1]: a few ulps (observed ≤ 2.3e-16; Math.exp may differ from torch's exp by an ulp). */
    static final double WEIGHT_TOL = 1e-14;
    /** ∂L/∂logits, O(1) values (observed ≤ 8.8e-16). */
    static final double GRAD_TOL = 1e-14;

    static final Fixtures F = Fixtures.load("masked_softmax.json");

    /** Output key → temperature, as in config.taus = [0.5, 2]. */
    static double tau(String key) {
        return key.endsWith("Tau0.5") ? 0.5 : key.endsWith("Tau2") ? 2.0 : 1.0;
    }

    /** Runs {@code softmax} on the case's logits (a leaf), compares weights and ∂L/∂logits with outputs/grads.[key]. */
    static DMatrixRMaj[] check(String c, String key, String how, Function<Tensor, Tensor> softmax) {
        Tensor logits = F.parameter("inputs", c, "logits");
        Tensor y = softmax.apply(logits);
        weightedSum(y, F.matrix("loss", c, "C")).backward();
        String what = c + "." + key + " (" + how + ")";
        assertMatches(what, F.matrix("outputs", c, key), y, WEIGHT_TOL);
        assertGradMatches("logits " + what, F.matrix("grads", c, key), logits, GRAD_TOL);
        return new DMatrixRMaj[]{y.value(), logits.grad()};
    }

    @Test
    void theTemperaturesAreTheFixtures() {
        assertEquals(2, F.doubles("config", "taus").length);
        assertEquals(0.5, F.doubles("config", "taus")[0]);
        assertEquals(2.0, F.doubles("config", "taus")[1]);
    }

    @Test
    void maskedWeightsAndGradientsMatchTorchForEveryMaskForm() {
        for (String c : F.keys("inputs"))
            for (String key : F.keys("outputs", c)) {
                if (!key.startsWith("masked")) continue;
                double t = tau(key);
                boolean[][] keep = F.mask("inputs", c, "mask");
                check(c, key, "Mask.of", x -> MaskedSoftmax.apply(x, Mask.of(keep), t));
                if (t == 1.0) check(c, key, "boolean[][]", x -> MaskedSoftmax.apply(x, keep));
                if (F.has("inputs", c, "validLens")) {
                    int[] lens = F.ints("inputs", c, "validLens");
                    check(c, key, "Mask.validLensPerRow", x -> MaskedSoftmax.apply(x, Mask.validLensPerRow(lens), t));
                    if (t == 1.0) check(c, key, "int[]", x -> MaskedSoftmax.apply(x, lens));
                }
            }
    }

    @Test
    void aNullMaskIsTorchsPlainSoftmax() {
        for (String c : F.keys("inputs"))
            for (String key : F.keys("outputs", c)) {
                if (!key.startsWith("plain")) continue;
                double t = tau(key);
                check(c, key, "null mask", x -> MaskedSoftmax.apply(x, (Mask) null, t));
            }
    }

    @Test
    void maskedEntriesAndFullyMaskedRowsAreExactlyZero() {
        for (String c : F.keys("inputs")) {
            boolean[][] keep = F.mask("inputs", c, "mask");
            for (String key : F.keys("outputs", c)) {
                if (!key.startsWith("masked")) continue;
                double t = tau(key);
                DMatrixRMaj[] yg = check(c, key, "Mask.of", x -> MaskedSoftmax.apply(x, Mask.of(keep), t));
                for (int i = 0; i < keep.length; i++)
                    for (int j = 0; j < keep[i].length; j++)
                        if (!keep[i][j]) {                  // includes every entry of a fully masked row
                            assertExactlyZero(c + "." + key + " weight", yg[0], i, j);
                            assertExactlyZero(c + "." + key + " gradient", yg[1], i, j);
                        }
            }
        }
    }

    @Test
    void extremeLogitsGiveTheExactAnalyticWeights() {
        // rows of ±1e4 logits: ties of +1e4 split evenly, a masked +1e4 does not win, and a
        // difference of 1 gives σ(1) — exactly what torch computed, with no overflow
        DMatrixRMaj y = check("extreme", "masked", "int[]",
                x -> MaskedSoftmax.apply(x, F.ints("inputs", "extreme", "validLens")))[0];
        double[][] expected = {{0.5, 0, 0, 0.5}, {0.5, 0.5, 0, 0}, {1 / (1 + Math.exp(-1)), 1 / (1 + Math.E), 0, 0}, {1, 0, 0, 0}};
        assertMatches("extreme.masked (analytic)", new DMatrixRMaj(expected), y, WEIGHT_TOL);
        assertEquals(1.0, y.get(3, 0), 0.0, "the only valid entry of row 3 beside a masked +1e4");
    }
}
