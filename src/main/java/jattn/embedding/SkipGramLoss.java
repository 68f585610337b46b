package jattn.embedding;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;

/**
 * The skip-gram negative-sampling loss written with {@link Tensor} operations, so that it
 * reads like the formula and {@code backward()} gives its gradient. For a pair (centre c,
 * context o) and K noise words n₁…n_K:
 * <pre>
 *   L(c, o) = −log σ(u_o·v_c) − Σₖ log σ(−u_{nₖ}·v_c)
 * </pre>
 * v_c is row c of the centre table V (vocab×d), u_o row o of the context table U (vocab×d).
 * The first term pulls the vectors of words that occur together towards each other, the
 * second pushes the centre away from random words. The batch loss is the mean over B pairs.
 *
 * <p>This is the readable version for the lesson and the tests (a few pairs at a time);
 * {@link SkipGram#accumulate} computes the same loss and gradient with plain loops for
 * training. No argument is modified (the gradients of V and U are accumulated by backward()).
 */
public final class SkipGramLoss {

    private SkipGramLoss() {}

    /**
     * The mean loss of B pairs, a (1×1) tensor.
     *
     * @param V         centre vectors (vocab×d)
     * @param U         context vectors (vocab×d)
     * @param centres   c₁…c_B
     * @param contexts  o₁…o_B
     * @param negatives B rows of K noise ids each (K may be 0)
     */
    public static Tensor of(Tensor V, Tensor U, int[] centres, int[] contexts, int[][] negatives) {
        int B = centres.length;
        if (V.rows() != U.rows() || V.cols() != U.cols())
            throw new IllegalArgumentException("SkipGramLoss: centre table V " + V.shape() + " and context table U "
                    + U.shape() + " must have the same shape");
        if (B == 0 || contexts.length != B || negatives.length != B)
            throw new IllegalArgumentException("SkipGramLoss: " + B + " centres, " + contexts.length + " contexts and "
                    + negatives.length + " rows of negatives; need the same number B ≥ 1");
        int K = negatives[0].length;
        int[] noise = new int[B * K];                      // row b·K + k = n_{b,k}
        int[] centreOfNoise = new int[B * K];              // row b·K + k = c_b
        for (int b = 0; b < B; b++) {
            if (negatives[b].length != K)
                throw new IllegalArgumentException("SkipGramLoss: pair 0 has " + K + " negatives, pair " + b + " has " + negatives[b].length);
            for (int k = 0; k < K; k++) {
                noise[b * K + k] = negatives[b][k];
                centreOfNoise[b * K + k] = centres[b];
            }
        }
        Embedding centreTable = new Embedding(V), contextTable = new Embedding(U);

        Tensor v = centreTable.forward(centres);                 // (B×d): v_c
        Tensor uo = contextTable.forward(contexts);              // (B×d): u_o
        Tensor positive = uo.mul(v).rowSums();                   // (B×1): u_o·v_c
        Tensor loss = positive.sigmoid().log().sum().neg();      // −Σ_b log σ(u_o·v_c)
        if (K > 0) {
            Tensor vn = centreTable.forward(centreOfNoise);      // (B·K×d): v_c repeated K times
            Tensor un = contextTable.forward(noise);             // (B·K×d): u_{n_k}
            Tensor negative = un.mul(vn).rowSums();              // (B·K×1): u_{n_k}·v_c
            loss = loss.sub(negative.neg().sigmoid().log().sum());   // − Σ_b Σ_k log σ(−u_{n_k}·v_c)
        }
        return loss.scale(1.0 / B);                              // mean over the B pairs
    }
}
