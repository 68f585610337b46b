package jattn.nn;

import jattn.attention.AdditiveScore;
import jattn.attention.AttentionResult;
import jattn.attention.Mask;
import jattn.attention.MultiHeadAttention;
import jattn.autograd.Tensor;
import jattn.rnn.GruCell;
import jattn.testing.Fixtures;
import jattn.transformer.TransformerEncoderBlock;
import jattn.transformer.TransformerSettings;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static jattn.testing.TensorAssert.assertRejects;
import static jattn.testing.TorchAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every layer with weights loads a PyTorch module's {@code state_dict()} exactly as torch lays
 * it out ({@code fromTorch(TorchWeights)}) and reproduces torch's output: fixture
 * {@code from_torch.json} (tools/fixtures/make_fixtures.py, case_from_torch).
 */
class TestFromTorchAgainstTorch {

    static final Fixtures F = Fixtures.load("from_torch.json");
    static final double TOL = 1e-12;

    /** The case's state dict, names as torch gives them. */
    static TorchWeights stateDict(String c) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (String name : F.keys("inputs", c, "state_dict")) m.put(name, F.matrix("inputs", c, "state_dict", name));
        return TorchWeights.of(m);
    }

    static Tensor input(String c, String key) { return F.tensor("inputs", c, key); }

    static DMatrixRMaj expected(String c, String key) { return F.matrix("inputs", c, key); }

    @Test
    void linear() {
        Linear layer = Linear.fromTorch(stateDict("linear"));
        assertEquals("(4×3)", layer.weight().shape());                   // torch's (3×4) weight, transposed
        assertMatches("Linear", expected("linear", "y"), layer.forward(input("linear", "x")), TOL);
    }

    @Test
    void layerNorm() {
        LayerNorm layer = LayerNorm.fromTorch(stateDict("layerNorm"));
        assertMatches("LayerNorm", expected("layerNorm", "y"), layer.forward(input("layerNorm", "x")), TOL);
    }

    @Test
    void positionwiseFeedForward() {
        PositionwiseFeedForward ffn = PositionwiseFeedForward.fromTorch(stateDict("feedForward"));
        assertEquals(6, ffn.dFF());
        assertMatches("FFN", expected("feedForward", "y"), ffn.forward(input("feedForward", "x")), TOL);
    }

    @Test
    void additiveScore() {
        AdditiveScore score = AdditiveScore.fromTorch(stateDict("additive"));
        assertMatches("AdditiveScore", expected("additive", "scores"),
                score.scores(input("additive", "queries"), input("additive", "keys")), TOL);
    }

    @Test
    void gruCell() {
        GruCell cell = GruCell.fromTorch(stateDict("gruCell"));
        Tensor x = input("gruCell", "x"), h = input("gruCell", "h");
        assertMatches("GruCell.step", expected("gruCell", "next"), cell.step(x, h), TOL);
        assertMatches("GruCell.stepReadable", expected("gruCell", "next"), cell.stepReadable(x, h), TOL);
    }

    @Test
    void multiHeadAttention() {
        MultiHeadAttention mha = MultiHeadAttention.fromTorch(stateDict("multiHeadAttention"), F.integer("inputs", "multiHeadAttention", "nHeads"));
        Tensor kv = input("multiHeadAttention", "keyValue");
        AttentionResult r = mha.forward(input("multiHeadAttention", "query"), kv, kv);
        assertMatches("MHA output", expected("multiHeadAttention", "output"), r.output(), TOL);
        for (int h = 0; h < 2; h++)
            assertMatches("MHA head " + h, F.matrices("inputs", "multiHeadAttention", "weights").get(h), r.head(h), TOL);
    }

    @Test
    void transformerEncoderBlock() {
        TransformerSettings settings = TransformerSettings.paper().withDModel(8).withHeads(2).withFeedForward(16).withDropout(0.1);
        TransformerEncoderBlock block = TransformerEncoderBlock.fromTorch(stateDict("encoderBlock"), settings, new Random(1)).eval();
        Tensor x = input("encoderBlock", "x");
        assertMatches("encoder block", expected("encoderBlock", "y"), block.forward(x).output(), TOL);
        int valid = F.integer("inputs", "encoderBlock", "validLen");
        assertMatches("encoder block, padded", expected("encoderBlock", "yPadded"), block.forward(x, Mask.validLen(valid)).output(), TOL);
        assertRejects(() -> TransformerEncoderBlock.fromTorch(stateDict("encoderBlock"), settings.withFeedForward(32), new Random(1)),
                "dFF 16", "dFF 32");
    }

    @Test
    void aMissingNameOrAWrongShapeIsNamed() {
        TorchWeights w = stateDict("linear");
        assertRejects(() -> GruCell.fromTorch(w), "weight_hh", "bias", "weight");
        assertRejects(() -> w.matrix("weight", 4, 3), "weight", "(3×4)", "(4×3)");
        assertRejects(() -> MultiHeadAttention.fromTorch(stateDict("multiHeadAttention").under("out_proj"), 2), "in_proj_weight");
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        m.put("weight", new DMatrixRMaj(3, 4));
        m.put("bias", new DMatrixRMaj(1, 5));
        assertRejects(() -> Linear.fromTorch(TorchWeights.of(m)), "bias", "(1×5)", "3 entries");
    }

    @Test
    void theValuesAreCopied() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        m.put("weight", new DMatrixRMaj(new double[][]{{1, 2}}));
        Linear layer = Linear.fromTorch(TorchWeights.of(m));
        m.get("weight").set(0, 0, 99);
        assertEquals(1.0, layer.weight().get(0, 0));
        assertNull(layer.bias());
    }
}
