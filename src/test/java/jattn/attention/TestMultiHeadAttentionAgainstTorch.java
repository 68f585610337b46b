package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Linear;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jattn.testing.TorchAssert.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MultiHeadAttention} against {@code torch.nn.MultiheadAttention(8, 2, bias=True)} with
 * random biases ({@code multi_head_attention.json}), five cases: cross (query 4×8, key = value
 * 6×8), crossPadded (key validLens [4]), self (x 5×8), selfPadded (validLens [3]), selfCausal.
 * For each: the output, both heads' weights (torch's {@code average_attn_weights=False}) and the
 * gradients of L = Σ out ⊙ C for query, key, value (three leaves), x (self cases: one leaf used
 * three times) and all eight parameters. Both constructors are checked: the one taking our
 * {@link Linear}s (W = torch weightᵀ) and {@link MultiHeadAttention#fromTorch} taking torch's
 * {@code in_proj_weight}, {@code in_proj_bias}, {@code out_proj}.
 *
 * <p>Masks: torch's {@code key_padding_mask} / {@code attn_mask} (true = ignore) become our
 * {@code Mask.validLen(n)} and {@code Mask.causal()} (true = keep); the fixture's {@code allowed}
 * (1 = may attend) must equal the pattern our mask builds.
 */
class TestMultiHeadAttentionAgainstTorch {

    /** Outputs and weights, O(1), through three projections and a softmax (observed ≤ 2.3e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Gradients of inputs and parameters, sums over 4–6 rows (observed ≤ 1.2e-15). */
    static final double GRAD_TOL = 1e-13;

    static final Fixtures F = Fixtures.load("multi_head_attention.json");
    static final List<String> PARAMS = List.of("Wq", "bq", "Wk", "bk", "Wv", "bv", "Wo", "bo");

    /** Our mask for each case (null = nothing masked), from torch's arguments as the fixture describes them. */
    static Mask mask(String c) {
        return switch (c) {
            case "cross", "self" -> null;
            case "crossPadded", "selfPadded" -> Mask.validLensPerBatch(F.ints("inputs", c, "validLens"));
            case "selfCausal" -> Mask.causal();
            default -> throw new IllegalArgumentException("unknown case " + c);
        };
    }

    /** Attention layer and its eight parameters by fixture name. */
    record Layer(MultiHeadAttention mha, Map<String, Tensor> params) {}

    /** From the fixture's parameters in our layout, through Linear(W, b). */
    static Layer fromLinears() {
        Linear q = linear("Wq", "bq"), k = linear("Wk", "bk"), v = linear("Wv", "bv"), o = linear("Wo", "bo");
        return layer(new MultiHeadAttention(new MultiHeadAttention.Projections(q, k, v, o), F.integer("config", "nHeads")));
    }

    /** From torch's layout, rebuilt from ours: in_proj_weight = [Wqᵀ; Wkᵀ; Wvᵀ] (3d×d), out_proj.weight = Woᵀ. */
    static Layer fromTorchLayout() {
        int d = F.integer("config", "dModel");
        double[][] inW = new double[3 * d][], outW = new double[d][];
        double[] inB = new double[3 * d];
        String[][] blocks = {{"Wq", "bq"}, {"Wk", "bk"}, {"Wv", "bv"}};
        for (int p = 0; p < 3; p++) {
            DMatrixRMaj wt = CommonOps_DDRM.transpose(F.matrix("params", blocks[p][0]), null);   // (d×d)ᵀ
            DMatrixRMaj bias = F.matrix("params", blocks[p][1]);
            for (int o = 0; o < d; o++) {
                inW[p * d + o] = rowOf(wt, o);
                inB[p * d + o] = bias.get(0, o);
            }
        }
        DMatrixRMaj woT = CommonOps_DDRM.transpose(F.matrix("params", "Wo"), null);
        for (int o = 0; o < d; o++) outW[o] = rowOf(woT, o);
        double[] outB = F.matrix("params", "bo").data.clone();
        return layer(MultiHeadAttention.fromTorch(TestMultiHeadAttention.torchMha(inW, inB, outW, outB), F.integer("config", "nHeads")));
    }

    private static Layer layer(MultiHeadAttention mha) {
        return new Layer(mha, Map.of(
                "Wq", mha.queryProjection().weight(), "bq", mha.queryProjection().bias(),
                "Wk", mha.keyProjection().weight(), "bk", mha.keyProjection().bias(),
                "Wv", mha.valueProjection().weight(), "bv", mha.valueProjection().bias(),
                "Wo", mha.outputProjection().weight(), "bo", mha.outputProjection().bias()));
    }

    private static Linear linear(String w, String b) {
        return new Linear(F.parameter("params", w), F.parameter("params", b));
    }

    private static double[] rowOf(DMatrixRMaj m, int r) {
        double[] row = new double[m.numCols];
        System.arraycopy(m.data, r * m.numCols, row, 0, m.numCols);
        return row;
    }

    /** Compares the output, the per-head weights (exactly 0 where not allowed) and their mean. */
    static void assertForwardMatches(String c, AttentionResult r) {
        assertMatches(c + ".out", F.matrix("outputs", c, "out"), r.output(), VALUE_TOL);
        List<DMatrixRMaj> heads = F.matrices("outputs", c, "weights");
        assertEquals(heads.size(), r.headCount(), c + ": one weight matrix per head");
        boolean[][] allowed = F.mask("inputs", c, "allowed");
        DMatrixRMaj mean = new DMatrixRMaj(heads.get(0).numRows, heads.get(0).numCols);
        for (int h = 0; h < heads.size(); h++) {
            DMatrixRMaj ours = r.head(h).value();
            assertMatches(c + ".weights[head " + h + "]", heads.get(h), ours, VALUE_TOL);
            for (int i = 0; i < allowed.length; i++)
                for (int j = 0; j < allowed[i].length; j++)
                    if (!allowed[i][j]) assertExactlyZero(c + " head " + h + " masked weight", ours, i, j);
            CommonOps_DDRM.addEquals(mean, 1.0 / heads.size(), heads.get(h));
        }
        assertMatches(c + ".averageWeights (torch's default)", mean, r.averageWeights(), VALUE_TOL);
    }

    static void assertParamGradsMatch(String c, Layer layer) {
        for (String p : PARAMS)
            assertGradMatches(p + " (" + c + ")", F.matrix("grads", c, p), layer.params().get(p), GRAD_TOL);
    }

    @Test
    void theFixtureCasesAreTheDocumentedOnes() {
        assertEquals(List.of("cross", "crossPadded", "self", "selfPadded", "selfCausal"), List.copyOf(F.keys("inputs")));
        assertEquals(F.integer("config", "dModel") / F.integer("config", "nHeads"), F.integer("config", "dK"));
    }

    @Test
    void ourMasksBuildTheFixturesAllowedPatterns() {
        for (String c : F.keys("inputs")) {
            int[][] allowed = F.intMatrix("inputs", c, "allowed");
            int m = allowed.length, n = allowed[0].length;
            Mask mask = mask(c);
            boolean[][] keep = mask == null ? null : mask.keep(c, m, n);
            for (int i = 0; i < m; i++) {
                int[] ours = new int[n];
                for (int j = 0; j < n; j++) ours[j] = keep == null || keep[i][j] ? 1 : 0;
                assertArrayEquals(allowed[i], ours, c + " row " + i);
            }
        }
    }

    @Test
    void queryKeyValueAsThreeLeavesMatchTorch() {
        for (String c : F.keys("inputs"))
            for (Layer layer : List.of(fromLinears(), fromTorchLayout())) {
                Tensor q = F.parameter("inputs", c, "query"), k = F.parameter("inputs", c, "key"), v = F.parameter("inputs", c, "value");
                AttentionResult r = layer.mha().forward(q, k, v, mask(c));
                assertForwardMatches(c, r);
                weightedSum(r.output(), F.matrix("loss", c, "C")).backward();
                assertGradMatches("query (" + c + ")", F.matrix("grads", c, "query"), q, GRAD_TOL);
                assertGradMatches("key (" + c + ")", F.matrix("grads", c, "key"), k, GRAD_TOL);
                assertGradMatches("value (" + c + ")", F.matrix("grads", c, "value"), v, GRAD_TOL);
                assertParamGradsMatch(c, layer);
            }
    }

    @Test
    void selfAttentionOnOneLeafMatchesTorchsSummedGradient() {
        for (String c : List.of("self", "selfPadded", "selfCausal")) {
            Layer layer = fromLinears();
            Tensor x = F.parameter("inputs", c, "query");
            assertMatches(c + ": key = query", F.matrix("inputs", c, "key"), x, 0.0);
            assertMatches(c + ": value = query", F.matrix("inputs", c, "value"), x, 0.0);
            AttentionResult r = layer.mha().forward(x, mask(c));
            assertForwardMatches(c, r);
            weightedSum(r.output(), F.matrix("loss", c, "C")).backward();
            assertGradMatches("x (" + c + ")", F.matrix("grads", c, "x"), x, GRAD_TOL);
            assertParamGradsMatch(c, layer);
        }
    }
}
