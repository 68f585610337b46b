package jattn.position;

import jattn.autograd.Tensor;
import jattn.nn.Init;
import jattn.nn.Module;

import java.util.List;
import java.util.Random;

/**
 * A learned position embedding (as in BERT and GPT): the table P (maxLen×d) is a parameter,
 * trained with the rest of the model; X + P[0:T] sends the gradient of every position's row
 * back to P. It cannot encode positions beyond maxLen, unlike the sinusoidal table's formula.
 *
 * <p>Seeded initialisation: P ~ N(0, 0.02²), BERT's choice. Shapes: P (maxLen×d).
 */
public final class LearnedPositionalEncoding implements PositionalEncoding, Module {

    /** Standard deviation of the seeded initialisation. */
    public static final double INIT_STD = 0.02;

    private final Tensor table;

    /** Seeded P (maxLen×d) ~ N(0, 0.02²). */
    public LearnedPositionalEncoding(int maxLen, int d, Random rng) {
        this(Init.normal(checkPositive(maxLen, "maxLen"), checkPositive(d, "d"), INIT_STD, rng));
    }

    /**
     * Seeded P (maxLen×d) ~ N(0, initStd²). BERT's 0.02 suits token vectors as small as the
     * table; next to token vectors scaled to unit variance (as {@code TransformerEncoder} scales
     * them by √d) a table of std 1, the sinusoidal table's scale, lets the positions be seen
     * from the first update.
     */
    public static LearnedPositionalEncoding seeded(int maxLen, int d, double initStd, Random rng) {
        if (!(initStd > 0))
            throw new IllegalArgumentException("LearnedPositionalEncoding: initStd must be > 0, got " + initStd);
        return new LearnedPositionalEncoding(Init.normal(checkPositive(maxLen, "maxLen"), checkPositive(d, "d"), initStd, rng));
    }

    /** A given table, used as it is (a parameter if it should be trained). */
    public LearnedPositionalEncoding(Tensor table) {
        this.table = table;
    }

    private static int checkPositive(int v, String name) {
        if (v < 1) throw new IllegalArgumentException("LearnedPositionalEncoding: " + name + " must be ≥ 1, got " + v);
        return v;
    }

    @Override
    public Tensor table() { return table; }

    @Override
    public List<Tensor> parameters() { return table.requiresGrad() ? List.of(table) : List.of(); }
}
