package jattn.experiments;

import jattn.seq2seq.Attention;
import jattn.data.SentencePair;
import jattn.seq2seq.Decoded;
import jattn.seq2seq.Seq2Seq;
import jattn.seq2seq.TeacherForced;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * The attention weights of one source text, for a heatmap: one row per output token, one column
 * per source token, entry (t, i) = αₜᵢ, the weight output step t put on the encoder state hᵢ.
 * <pre>
 *   greedy:  outputs = the tokens the model writes (and {@code <eos>}, if the task has an end token)
 *   forced:  outputs = the REFERENCE tokens (+ {@code <eos>}), fed by teacher forcing: the weights the
 *            model puts on the source while it writes the reference, whatever it would write itself
 *   mostAttended(t) = arg maxᵢ αₜᵢ   (the first of equal weights)
 * </pre>
 * Indices are 0-based (output t = 0 is the first token written). Lists and arrays are copies.
 *
 * @param inputs  the source tokens (columns)
 * @param outputs the output tokens (rows)
 * @param weights (outputs × inputs), each row summing to 1
 */
public record Alignment(List<String> inputs, List<String> outputs, double[][] weights) {

    public Alignment {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (weights.length != outputs.size())
            throw new IllegalArgumentException("Alignment: " + weights.length + " rows of weights for " + outputs.size() + " outputs");
        double[][] copy = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            if (weights[t].length != inputs.size())
                throw new IllegalArgumentException("Alignment: row " + t + " has " + weights[t].length + " weights for "
                        + inputs.size() + " inputs");
            copy[t] = weights[t].clone();
        }
        weights = copy;
    }

    /** What greedy decoding of {@code sourceText} writes, and where each step looks. Needs a model with attention. */
    public static Alignment greedy(Seq2SeqTask task, Seq2Seq model, String sourceText) {
        requireAttention(model);
        List<String> inputs = task.tokens().split(sourceText);
        Decoded d = model.greedy(task.sources(List.of(new SentencePair(sourceText, ""))), task.maxOutput());
        List<String> outputs = new ArrayList<>(task.targetVocabulary().decode(d.tokens(0)));
        boolean withEnd = task.hasEndToken() && outputs.size() < d.steps();
        if (withEnd) outputs.add(Vocabulary.EOS);
        return new Alignment(inputs, outputs, d.alignment(0, withEnd));
    }

    /** Where the model looks while it is made to write the reference target of {@code pair} (teacher forcing). */
    public static Alignment forced(Seq2SeqTask task, Seq2Seq model, SentencePair pair) {
        requireAttention(model);
        List<String> inputs = task.tokens().split(pair.source());
        PaddedBatch targets = task.targets(List.of(pair));
        TeacherForced forced = model.forward(task.sources(List.of(pair)), targets);
        List<String> outputs = new ArrayList<>(task.tokens().split(pair.target()));
        if (task.hasEndToken()) outputs.add(Vocabulary.EOS);
        double[][] w = new double[outputs.size()][inputs.size()];
        for (int t = 0; t < outputs.size(); t++) {
            DMatrixRMaj step = forced.weights().get(t).value();             // (1×T)
            for (int i = 0; i < inputs.size(); i++) w[t][i] = step.get(0, i);
        }
        return new Alignment(inputs, outputs, w);
    }

    private static void requireAttention(Seq2Seq model) {
        if (!model.attends())
            throw new IllegalArgumentException("Alignment: the model has no attention (Attention.NONE), so it has no weights");
    }

    /** arg maxᵢ αₜᵢ: the source position output t attends to most. */
    public int mostAttended(int t) {
        double[] row = weights[t];
        int best = 0;
        for (int i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
        return best;
    }

    /** The positions output steps from … to−1 attend to most. */
    public List<Integer> mostAttended(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int t = from; t < to; t++) out.add(mostAttended(t));
        return out;
    }

    /** αₜᵢ. */
    public double weight(int t, int i) { return weights[t][i]; }

    /** The weights as a new array (rows = outputs), e.g. for {@code Heatmap.of}. */
    public double[][] matrix() {
        double[][] copy = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) copy[t] = weights[t].clone();
        return copy;
    }

    /** The output tokens joined as the task writes them. */
    public String written(Seq2SeqTask task) {
        List<String> out = new ArrayList<>(outputs);
        out.remove(Vocabulary.EOS);
        return task.tokens().join(out);
    }
}
