package jattn.seq2seq;

import jattn.attention.AdditiveScore;
import jattn.attention.BatchedAdditiveAttention;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.rnn.GruCell;
import jattn.testing.Fixtures;
import jattn.text.PaddedBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PyTorch models of seq2seq_attention.json (tools/fixtures/README.md) built with our layers,
 * and the fixture's batch as PaddedBatches. Parameter names follow the fixture.
 */
final class FixtureModels {

    static final String FILE = "seq2seq_attention.json";

    private FixtureModels() {}

    static Fixtures fixture() {
        return Fixtures.load(FILE);
    }

    /** params.attention (attention = true) or params.noAttention as a Seq2Seq with BOS = config.BOS and no EOS. */
    static Seq2Seq model(Fixtures f, boolean attention) {
        Fixtures p = f.node("params", attention ? "attention" : "noAttention");
        Encoder encoder = new Encoder(new Embedding(p.parameter("srcEmbedding"), f.integer("config", "PAD")), gru(p, "encoder"));
        Embedding target = new Embedding(p.parameter("tgtEmbedding"));
        Linear out = new Linear(p.parameter("out", "W"), p.parameter("out", "b"));
        Decoder decoder = attention
                ? new BahdanauDecoder(target, new BatchedAdditiveAttention(new AdditiveScore(
                        p.parameter("Wa", "W"), p.parameter("Ua", "W"), p.parameter("Ua", "b"), p.parameter("va", "W"))),
                        gru(p, "decoder"), out)
                : new GruDecoder(target, gru(p, "decoder"), out);
        return new Seq2Seq(encoder, decoder, f.integer("config", "BOS"), -1);
    }

    private static GruCell gru(Fixtures p, String name) {
        return new GruCell(p.parameter(name, "Wx"), p.parameter(name, "Wh"), p.parameter(name, "bx"), p.parameter(name, "bh"));
    }

    /** The fixture's parameter names, in the order of {@link Seq2Seq#parameters()}. */
    static List<String[]> parameterNames(boolean attention) {
        List<String[]> names = new ArrayList<>(List.of(new String[]{"srcEmbedding"},
                new String[]{"encoder", "Wx"}, new String[]{"encoder", "Wh"}, new String[]{"encoder", "bx"}, new String[]{"encoder", "bh"},
                new String[]{"tgtEmbedding"},
                new String[]{"decoder", "Wx"}, new String[]{"decoder", "Wh"}, new String[]{"decoder", "bx"}, new String[]{"decoder", "bh"}));
        if (attention) names.addAll(List.of(new String[]{"Wa", "W"}, new String[]{"Ua", "W"}, new String[]{"Ua", "b"}, new String[]{"va", "W"}));
        names.addAll(List.of(new String[]{"out", "W"}, new String[]{"out", "b"}));
        return names;
    }

    /** inputs.x as a source batch: rows trimmed to srcLens, padded again with PAD. */
    static PaddedBatch source(Fixtures f) {
        return trimmed(f, "x", "srcLens", "srcVocab");
    }

    /** inputs.yPadded as a target batch: rows trimmed to tgtLens, padded again with PAD. */
    static PaddedBatch paddedTarget(Fixtures f) {
        return trimmed(f, "yPadded", "tgtLens", "tgtVocab");
    }

    /** inputs.{ids} (B×T) cut to the lengths inputs.{lens}, as a batch padded to T with config.PAD. */
    private static PaddedBatch trimmed(Fixtures f, String ids, String lens, String vocab) {
        int[][] rows = f.intMatrix("inputs", ids);
        int[] valid = f.ints("inputs", lens);
        List<int[]> cut = new ArrayList<>();
        for (int b = 0; b < rows.length; b++) cut.add(Arrays.copyOf(rows[b], valid[b]));
        return PaddedBatch.of(cut, f.integer("config", "PAD"), f.integer("config", vocab), rows[0].length);
    }

    /** inputs.y as a target batch (no padding). */
    static PaddedBatch target(Fixtures f) {
        return PaddedBatch.of(Arrays.asList(f.intMatrix("inputs", "y")), f.integer("config", "PAD"), f.integer("config", "tgtVocab"));
    }
}
