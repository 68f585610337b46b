package jattn.testing;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every PyTorch fixture loads and has the documented top-level keys, and each file passes one
 * self-consistency check computed here in plain Java from the file's own inputs (so a file that
 * was mis-converted, e.g. a weight not transposed, is caught before any layer is tested with it).
 */
class TestFixtures {

    static final double TIGHT = 1e-12;     // two float64 computations of the same value
    static final double ROW_SUM = 1e-14;   // a softmax row summing to 1

    static final List<String> FILES = List.of("masked_softmax.json", "scores.json", "batched_additive_attention.json",
            "multi_head_attention.json", "positional_encoding.json", "gru_cell.json", "layer_norm.json",
            "seq2seq_attention.json", "from_torch.json");
    static final List<String> TOP_LEVEL = List.of("description", "meta", "config", "inputs", "params", "outputs", "grads", "loss");

    @Test
    void everyFileLoadsWithTheDocumentedTopLevelKeys() {
        for (String file : FILES) {
            Fixtures f = Fixtures.load(file);
            assertEquals(TOP_LEVEL, List.copyOf(f.keys()), file);
            assertFalse(f.text("description").isBlank(), file);
            assertEquals("float64", f.text("meta", "dtype"), file);
        }
    }

    @Test
    void missingKeysAndWrongKindsAreNamedWithTheFile() {
        Fixtures f = Fixtures.load("gru_cell.json");
        var e = assertThrows(IllegalArgumentException.class, () -> f.matrix("params", "Wq"));
        assertTrue(e.getMessage().contains("gru_cell.json") && e.getMessage().contains("params.Wq")
                && e.getMessage().contains("Wx"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.node("grads", "cell").matrix("Wy"));
        assertTrue(e.getMessage().contains("grads.cell.Wy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.matrix("inputs", "sequence", "validLens"));
        assertTrue(e.getMessage().contains("inputs.sequence.validLens") && e.getMessage().contains("not a matrix"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fixtures.load("no_such.json"));
        assertTrue(e.getMessage().contains("no_such.json"), e.getMessage());
    }

    @Test
    void maskedSoftmaxRowsSumToOneOrZeroAndMaskedEntriesAreZero() {
        Fixtures f = Fixtures.load("masked_softmax.json");
        for (String c : f.keys("inputs")) {
            boolean[][] mask = f.mask("inputs", c, "mask");
            DMatrixRMaj p = f.matrix("outputs", c, "masked"), g = f.matrix("grads", c, "masked");
            for (int i = 0; i < p.numRows; i++) {
                double sum = 0;
                boolean any = false;
                for (int j = 0; j < p.numCols; j++) {
                    sum += p.get(i, j);
                    any |= mask[i][j];
                    if (!mask[i][j]) {
                        assertEquals(0.0, p.get(i, j), 0.0, c);
                        assertEquals(0.0, g.get(i, j), 0.0, c);
                    }
                }
                assertEquals(any ? 1.0 : 0.0, sum, ROW_SUM, c + " row " + i);
            }
        }
    }

    @Test
    void cosineScoresAreDotScoresOverNorms() {
        Fixtures f = Fixtures.load("scores.json");
        DMatrixRMaj q = f.matrix("inputs", "Q"), k = f.matrix("inputs", "K");
        DMatrixRMaj dot = f.matrix("outputs", "dot"), cos = f.matrix("outputs", "cosine"), scaled = f.matrix("outputs", "scaledDot");
        int d = f.integer("config", "d");
        for (int i = 0; i < q.numRows; i++)
            for (int j = 0; j < k.numRows; j++) {
                double qk = 0, qq = 0, kk = 0;
                for (int c = 0; c < d; c++) {
                    qk += q.get(i, c) * k.get(j, c);
                    qq += q.get(i, c) * q.get(i, c);
                    kk += k.get(j, c) * k.get(j, c);
                }
                assertEquals(qk, dot.get(i, j), TIGHT);
                assertEquals(qk / Math.sqrt(d), scaled.get(i, j), TIGHT);
                assertEquals(qk / Math.sqrt(qq * kk), cos.get(i, j), TIGHT);
            }
    }

    @Test
    void batchedAdditiveContextIsTheWeightedSumOfValidStates() {
        Fixtures f = Fixtures.load("batched_additive_attention.json");
        DMatrixRMaj hs = f.matrix("inputs", "hs"), a = f.matrix("outputs", "a"), c = f.matrix("outputs", "c");
        int[] lens = f.ints("inputs", "validLens");
        int T = f.integer("config", "T"), H = f.integer("config", "H");
        for (int b = 0; b < lens.length; b++) {
            double sum = 0;
            for (int t = 0; t < T; t++) {
                if (t >= lens[b]) assertEquals(0.0, a.get(b, t), 0.0);
                sum += a.get(b, t);
            }
            assertEquals(1.0, sum, ROW_SUM);
            for (int h = 0; h < H; h++) {
                double ch = 0;
                for (int t = 0; t < lens[b]; t++) ch += a.get(b, t) * hs.get(b * T + t, h);   // row b·T+t
                assertEquals(ch, c.get(b, h), TIGHT);
            }
        }
    }

    @Test
    void multiHeadWeightRowsSumToOneAndAreZeroWhereNotAllowed() {
        Fixtures f = Fixtures.load("multi_head_attention.json");
        for (String c : f.keys("inputs")) {
            boolean[][] allowed = f.mask("inputs", c, "allowed");
            List<DMatrixRMaj> heads = f.matrices("outputs", c, "weights");
            assertEquals(f.integer("config", "nHeads"), heads.size());
            for (DMatrixRMaj w : heads)
                for (int i = 0; i < w.numRows; i++) {
                    double sum = 0;
                    for (int j = 0; j < w.numCols; j++) {
                        if (!allowed[i][j]) assertEquals(0.0, w.get(i, j), 0.0, c);
                        sum += w.get(i, j);
                    }
                    assertEquals(1.0, sum, ROW_SUM, c);
                }
        }
        boolean[][] causal = f.mask("inputs", "selfCausal", "allowed");
        for (int i = 0; i < causal.length; i++)
            for (int j = 0; j < causal[i].length; j++) assertEquals(j <= i, causal[i][j]);
    }

    @Test
    void sinusoidalTableIsSinAndCosOfPositionOverWavelength() {
        Fixtures f = Fixtures.load("positional_encoding.json");
        for (String c : f.keys("inputs")) {
            int maxLen = f.integer("inputs", c, "maxLen"), d = f.integer("inputs", c, "d");
            DMatrixRMaj pe = f.matrix("outputs", c, "pe");
            assertEquals(maxLen, pe.numRows);
            assertEquals(d, pe.numCols);
            for (int p = 0; p < maxLen; p++)
                for (int i = 0; i < d / 2; i++) {
                    double angle = p / Math.pow(10000, 2.0 * i / d);
                    assertEquals(Math.sin(angle), pe.get(p, 2 * i), TIGHT);
                    assertEquals(Math.cos(angle), pe.get(p, 2 * i + 1), TIGHT);
                }
        }
    }

    @Test
    void gruCellFollowsItsEquationsInOurLayoutAndPackedStateIsLastValid() {
        Fixtures f = Fixtures.load("gru_cell.json");
        DMatrixRMaj x = f.matrix("inputs", "cell", "x"), h = f.matrix("inputs", "cell", "h");
        DMatrixRMaj wx = f.matrix("params", "Wx"), wh = f.matrix("params", "Wh"), bx = f.matrix("params", "bx"), bh = f.matrix("params", "bh");
        DMatrixRMaj next = f.matrix("outputs", "cell", "hNext");
        int H = f.integer("config", "H");
        for (int b = 0; b < x.numRows; b++)
            for (int j = 0; j < H; j++) {
                double[] gx = new double[3], gh = new double[3];   // gates r, z, n: column blocks of width H
                for (int g = 0; g < 3; g++) {
                    gx[g] = bx.get(0, g * H + j);
                    gh[g] = bh.get(0, g * H + j);
                    for (int i = 0; i < x.numCols; i++) gx[g] += x.get(b, i) * wx.get(i, g * H + j);
                    for (int i = 0; i < H; i++) gh[g] += h.get(b, i) * wh.get(i, g * H + j);
                }
                double r = sigmoid(gx[0] + gh[0]), z = sigmoid(gx[1] + gh[1]), n = Math.tanh(gx[2] + r * gh[2]);
                assertEquals((1 - z) * n + z * h.get(b, j), next.get(b, j), TIGHT);
            }
        DMatrixRMaj outs = f.matrix("outputs", "sequence", "outputs"), last = f.matrix("outputs", "sequence", "hLast");
        int[] lens = f.ints("inputs", "sequence", "validLens");
        int T = outs.numRows / lens.length;
        for (int b = 0; b < lens.length; b++)
            for (int j = 0; j < H; j++) assertEquals(outs.get(b * T + lens[b] - 1, j), last.get(b, j), 0.0);
    }

    @Test
    void layerNormNormalisesEachRowThenScalesAndShifts() {
        Fixtures f = Fixtures.load("layer_norm.json");
        DMatrixRMaj x = f.matrix("inputs", "x"), y = f.matrix("outputs", "y");
        DMatrixRMaj gamma = f.matrix("params", "gamma"), beta = f.matrix("params", "beta");
        double eps = f.scalar("config", "eps");
        for (int i = 0; i < x.numRows; i++) {
            double mean = 0, var = 0;
            for (int j = 0; j < x.numCols; j++) mean += x.get(i, j) / x.numCols;
            for (int j = 0; j < x.numCols; j++) var += Math.pow(x.get(i, j) - mean, 2) / x.numCols;   // biased
            for (int j = 0; j < x.numCols; j++)
                assertEquals((x.get(i, j) - mean) / Math.sqrt(var + eps) * gamma.get(0, j) + beta.get(0, j), y.get(i, j), TIGHT);
        }
    }

    @Test
    void seq2seqLossIsTheMeanCrossEntropyOfItsLogits() {
        Fixtures f = Fixtures.load("seq2seq_attention.json");
        boolean[][] mask = f.mask("inputs", "mask");
        int pad = f.integer("config", "PAD");
        for (String c : f.keys("outputs")) {
            // the padded-target case leaves its PAD positions out of the mean (ignore_index)
            int[][] y = f.intMatrix("inputs", c.endsWith("PaddedTarget") ? "yPadded" : "y");
            List<DMatrixRMaj> logits = f.matrices("outputs", c, "logits");
            double sum = 0;
            int real = 0;
            for (int b = 0; b < y.length; b++)
                for (int t = 0; t < y[b].length; t++) {
                    if (y[b][t] == pad) continue;
                    DMatrixRMaj o = logits.get(t);
                    double max = Double.NEGATIVE_INFINITY, z = 0;
                    for (int v = 0; v < o.numCols; v++) max = Math.max(max, o.get(b, v));
                    for (int v = 0; v < o.numCols; v++) z += Math.exp(o.get(b, v) - max);
                    sum += max + Math.log(z) - o.get(b, y[b][t]);
                    real++;
                }
            assertEquals(c.endsWith("PaddedTarget") ? 8 : 12, real, c);
            assertEquals(f.scalar("outputs", c, "loss"), sum / real, TIGHT, c);
            if (f.has("outputs", c, "attention"))
                for (DMatrixRMaj a : f.matrices("outputs", c, "attention"))
                    for (int b = 0; b < a.numRows; b++)
                        for (int t = 0; t < a.numCols; t++) if (!mask[b][t]) assertEquals(0.0, a.get(b, t), 0.0, c);
        }
    }

    static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }
}
