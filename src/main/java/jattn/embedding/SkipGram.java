package jattn.embedding;

import jattn.autograd.Tensor;
import jattn.nn.Init;
import jattn.nn.Module;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The two tables of skip-gram with negative sampling (word2vec, Mikolov et al. 2013) and
 * its fast update for one (centre, context) pair.
 *
 * <p>V (vocab×d) holds the centre vectors v_w (word2vec's {@code syn0}, the embeddings one
 * keeps), U (vocab×d) the context vectors u_w ({@code syn1neg}). For a centre c, a context o
 * and K noise words n₁…n_K the loss and its gradient are
 * <pre>
 *   L = −log σ(u_o·v_c) − Σₖ log σ(−u_{nₖ}·v_c)
 *   g_o = σ(u_o·v_c) − 1,   g_k = σ(u_{nₖ}·v_c)
 *   ∂L/∂v_c = g_o u_o + Σₖ g_k u_{nₖ},   ∂L/∂u_o = g_o v_c,   ∂L/∂u_{nₖ} = g_k v_c
 * </pre>
 * {@link #accumulate} computes them with plain loops over the rows, without allocating;
 * {@link #loss} builds the same loss from {@link Tensor} operations ({@link SkipGramLoss}) on
 * the same tables, and the tests check that both agree in value and gradient.
 *
 * <p>Initialisation as in word2vec: V ~ U(−0.5/d, 0.5/d), U = 0. Not thread-safe (work buffers).
 */
public final class SkipGram implements Module {

    private final Tensor centre;      // V (vocab×d)
    private final Tensor context;     // U (vocab×d)
    private final double[] gradCentre;   // work: ∂L/∂v_c (d)
    private double[] coefficient = new double[8];   // work: g_o, g_1 … g_K

    /** A model over {@code vocabSize} words with d = {@code dModel}, initialised from {@code rng}. */
    public SkipGram(int vocabSize, int dModel, Random rng) {
        this(Init.uniform(vocabSize, dModel, 0.5 / dModel, rng), Init.zeros(vocabSize, dModel));
    }

    /** A model with the given tables V and U (vocab×d each), used as they are (not copied). */
    public SkipGram(Tensor centre, Tensor context) {
        if (centre.rows() != context.rows() || centre.cols() != context.cols())
            throw new IllegalArgumentException("SkipGram: centre table V " + centre.shape() + " and context table U "
                    + context.shape() + " must have the same shape");
        this.centre = centre;
        this.context = context;
        this.gradCentre = new double[centre.cols()];
    }

    /** V (vocab×d): the word embeddings. Its value is the live table. */
    public Tensor centre() { return centre; }
    /** U (vocab×d): the context vectors. Its value is the live table. */
    public Tensor context() { return context; }
    public int vocabSize() { return centre.rows(); }
    public int dModel() { return centre.cols(); }

    @Override
    public List<Tensor> parameters() {
        return List.of(centre, context);
    }

    /** The mean loss of B pairs as a Tensor expression over V and U ({@link SkipGramLoss#of}). */
    public Tensor loss(int[] centres, int[] contexts, int[][] negatives) {
        return SkipGramLoss.of(centre, context, centres, contexts, negatives);
    }

    /**
     * One step of stochastic gradient descent on the loss of one pair, in place:
     * V ← V − η ∂L/∂V, U ← U − η ∂L/∂U, with the gradient taken at the values before the step.
     *
     * @return the pair's loss before the step
     */
    public double sgdStep(int c, int o, int[] negatives, int k, double learningRate) {
        return accumulate(c, o, negatives, k, -learningRate, centre.value(), context.value());
    }

    /**
     * The loss of one pair; adds {@code scale}·∂L/∂V to {@code dV} and {@code scale}·∂L/∂U to
     * {@code dU} (both vocab×d; they may be V and U themselves, which {@link #sgdStep} uses).
     * V and U are read, and modified only if passed as dV or dU. Allocates nothing.
     *
     * @param negatives the noise ids are negatives[0…k−1]; the array is not modified
     */
    public double accumulate(int c, int o, int[] negatives, int k, double scale, DMatrixRMaj dV, DMatrixRMaj dU) {
        DMatrixRMaj V = centre.value(), U = context.value();
        if (dV.numRows != V.numRows || dV.numCols != V.numCols || dU.numRows != U.numRows || dU.numCols != U.numCols)
            throw new IllegalArgumentException("SkipGram: gradients " + Tensor.shape(dV) + " and " + Tensor.shape(dU)
                    + " must have the shape of V " + Tensor.shape(V));
        if (k > negatives.length) throw new IllegalArgumentException("SkipGram: k = " + k + " but " + negatives.length + " negatives");
        if (coefficient.length < k + 1) coefficient = new double[2 * (k + 1)];
        int vocab = V.numRows, d = V.numCols;
        checkId("centre", c, vocab);
        checkId("context", o, vocab);
        for (int j = 0; j < k; j++) checkId("negative", negatives[j], vocab);
        double[] v = V.data, u = U.data;
        int vc = c * d;

        // scores and coefficients, all read before anything is written
        double loss = 0;
        double s = dot(u, o * d, v, vc, d);                  // u_o·v_c
        coefficient[0] = Tensor.sigmoid(s) - 1;              // g_o
        loss += softplus(-s);                                // −log σ(s) = log(1 + e^(−s))
        for (int j = 0; j < k; j++) {
            s = dot(u, negatives[j] * d, v, vc, d);          // u_{n_j}·v_c
            coefficient[j + 1] = Tensor.sigmoid(s);          // g_j
            loss += softplus(s);                             // −log σ(−s) = log(1 + e^s)
        }

        // ∂L/∂v_c = g_o u_o + Σ_j g_j u_{n_j}   (from U before it changes)
        Arrays.fill(gradCentre, 0);
        for (int j = 0; j <= k; j++) {
            int row = (j == 0 ? o : negatives[j - 1]) * d;
            double g = coefficient[j];
            for (int i = 0; i < d; i++) gradCentre[i] += g * u[row + i];
        }
        // ∂L/∂u_o = g_o v_c, ∂L/∂u_{n_j} = g_j v_c   (v_c is unchanged until the last loop)
        double[] gu = dU.data;
        for (int j = 0; j <= k; j++) {
            int row = (j == 0 ? o : negatives[j - 1]) * d;
            double g = scale * coefficient[j];
            for (int i = 0; i < d; i++) gu[row + i] += g * v[vc + i];
        }
        double[] gv = dV.data;
        for (int i = 0; i < d; i++) gv[vc + i] += scale * gradCentre[i];
        return loss;
    }

    private static void checkId(String what, int id, int vocab) {
        if (id < 0 || id >= vocab)
            throw new IllegalArgumentException("SkipGram: " + what + " id " + id + " is outside the vocabulary [0, " + vocab + ")");
    }

    private static double dot(double[] a, int offA, double[] b, int offB, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) s += a[offA + i] * b[offB + i];
        return s;
    }

    /** log(1 + eˣ), without overflow for large x. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log(1 + Math.exp(-x)) : Math.log(1 + Math.exp(x));   // Math.log is an intrinsic, log1p is not
    }
}
