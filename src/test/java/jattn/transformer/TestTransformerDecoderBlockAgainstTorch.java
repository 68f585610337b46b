package jattn.transformer;

import jattn.autograd.Tensor;
import jattn.nn.TorchWeights;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static jattn.testing.TensorAssert.assertRejects;
import static jattn.testing.TorchAssert.*;

/**
 * The decoder block against {@code torch.nn.TransformerDecoderLayer(batch_first=True, dropout=0)}:
 * fixture transformer_decoder.json (tools/fixtures/fixtures_decoder.py): output and every gradient.
 */
class TestTransformerDecoderBlockAgainstTorch {

    static final Fixtures F = Fixtures.load("transformer_decoder.json");
    static final double TOL = 1e-12;

    static TorchWeights stateDict() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (String name : F.keys("inputs", "state_dict")) m.put(name, F.matrix("inputs", "state_dict", name));
        return TorchWeights.of(m);
    }

    static TransformerSettings settings() {
        return TransformerSettings.paper().withDModel(F.integer("config", "dModel")).withHeads(F.integer("config", "nHeads"))
                .withFeedForward(F.integer("config", "dFF")).withDropout(0);
    }

    @Test
    void outputAndGradientsMatchTorch() {
        TransformerDecoderBlock block = TransformerDecoderBlock.fromTorch(stateDict(), settings(), new Random(1)).eval();
        Tensor y = F.parameter("inputs", "target"), mem = F.parameter("inputs", "memory");
        int[] lens = F.ints("inputs", "memoryValidLens");
        Tensor z = block.forwardStacked(y, mem, lens).output();
        assertMatches("decoder block", F.matrix("outputs", "y"), z, TOL);
        weightedSum(z, jattn.testing.TensorAssert.weights(z.rows(), z.cols())).backward();
        assertGradMatches("∂target", F.matrix("grads", "target"), y, 1e-10);
        assertGradMatches("∂memory", F.matrix("grads", "memory"), mem, 1e-10);
        // torch's weights are (out×in), ours (in×out): compare the transposed gradients
        assertGradMatches("∂linear1.weightᵀ", transpose(F.matrix("grads", "linear1.weight")), block.feedForward().first().weight(), 1e-10);
        assertGradMatches("∂linear2.bias", F.matrix("grads", "linear2.bias"), block.feedForward().second().bias(), 1e-10);
        assertGradMatches("∂multihead_attn.out_proj.weightᵀ", transpose(F.matrix("grads", "multihead_attn.out_proj.weight")),
                block.crossAttention().outputProjection().weight(), 1e-10);
        assertGradMatches("∂self_attn.out_proj.bias", F.matrix("grads", "self_attn.out_proj.bias"),
                block.selfAttention().outputProjection().bias(), 1e-10);
        assertGradMatches("∂norm3.weight", F.matrix("grads", "norm3.weight"), block.norms().get(2).gamma(), 1e-10);
        assertGradMatches("∂norm1.bias", F.matrix("grads", "norm1.bias"), block.norms().get(0).beta(), 1e-10);
        DMatrixRMaj inProj = F.matrix("grads", "multihead_attn.in_proj_weight");             // (3d×d): rows d…2d are Wkᵀ
        int d = block.dModel();
        DMatrixRMaj wq = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) wq.set(j, i, inProj.get(i, j));
        assertGradMatches("∂cross Wq", wq, block.crossAttention().queryProjection().weight(), 1e-10);
    }

    @Test
    void theReadablePathMatchesTorchToo() {
        TransformerDecoderBlock block = TransformerDecoderBlock.fromTorch(stateDict(), settings(), new Random(1)).eval();
        Tensor y = F.tensor("inputs", "target"), mem = F.tensor("inputs", "memory");
        int[] lens = F.ints("inputs", "memoryValidLens");
        int m = y.rows() / 2, n = mem.rows() / 2;
        DMatrixRMaj expected = F.matrix("outputs", "y");
        for (int b = 0; b < 2; b++) {
            Tensor z = block.forward(y.sliceRows(b * m, (b + 1) * m), mem.sliceRows(b * n, (b + 1) * n), lens[b]).output();
            assertMatches("decoder block, sequence " + b, Tensor.constant(expected).sliceRows(b * m, (b + 1) * m).value(), z, TOL);
        }
    }

    @Test
    void mismatchedSettingsAreNamed() {
        assertRejects(() -> TransformerDecoderBlock.fromTorch(stateDict(), settings().withFeedForward(32), new Random(1)), "dFF 16", "dFF 32");
    }

    static DMatrixRMaj transpose(DMatrixRMaj m) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        org.ejml.dense.row.CommonOps_DDRM.transpose(m, t);
        return t;
    }
}
