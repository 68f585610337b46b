package jattn.rnn;

import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Operands;
import jattn.linalg.Gemm.Output;
import jattn.nn.Embedding;

import java.util.Arrays;

/**
 * The embedding part of a GRU's input projection for every token at once, and its backward: the
 * table the fast paths ({@link PackedGru}, the fused decoders of {@code jattn.seq2seq}) look rows
 * up in instead of multiplying a (B×E) batch of embeddings by Wx at every step. With Emb (V×E),
 * the GRU's Wx (I×3H), whose first E rows act on the embedding (I = E, or E + H when a context
 * vector follows), and bx (1×3H):
 * <pre>
 *   P = Emb·Wx[0:E] + bx          (V×E)·(E×3H) + (1×3H) → (V×3H)      P[pad] = bx: the padding row is no input
 *   backward, from ∂P (V×3H):     ∂bx += Σ_v ∂P[v],   then ∂P[pad] = 0,
 *                                 ∂Wx[0:E] += Embᵀ·∂P   (E×V)·(V×3H),   ∂Emb += ∂P·Wx[0:E]ᵀ   (V×3H)·(3H×E)
 * </pre>
 * ∂P is what the rows looked up received: ∂P[v] = Σ of the gradients of every row that read P[v].
 */
public final class TokenProjection {

    private TokenProjection() {}

    /** Writes P (V×3H) into p[0, V·3H). */
    public static void forward(Embedding embedding, GruCell cell, double[] p) {
        int vocab = embedding.vocabSize(), dE = embedding.dModel(), h3 = 3 * cell.hiddenSize(), pad = embedding.paddingIdx();
        double[] bx = cell.bx().value().data;
        Gemm.gemm(Operands.A_B, vocab, h3, dE, 1, embedding.weight().value().data, 0, cell.wx().value().data, 0,
                p, 0, Output.OVERWRITE);                                 // (V×E)·(E×3H) → (V×3H)
        for (int v = 0; v < vocab; v++)
            for (int j = 0; j < h3; j++) p[v * h3 + j] = (v == pad ? 0 : p[v * h3 + j]) + bx[j];
    }

    /** Adds the gradients of bx, Wx[0:E] and Emb (those that require one) from ∂P (V×3H) in dP, whose padding row it zeroes. */
    public static void backward(Embedding embedding, GruCell cell, double[] dP) {
        int vocab = embedding.vocabSize(), dE = embedding.dModel(), h3 = 3 * cell.hiddenSize(), pad = embedding.paddingIdx();
        if (cell.bx().requiresGrad()) {
            double[] dbx = cell.bx().gradBuffer().data;
            for (int v = 0; v < vocab; v++) for (int j = 0; j < h3; j++) dbx[j] += dP[v * h3 + j];
        }
        if (pad >= 0) Arrays.fill(dP, pad * h3, (pad + 1) * h3, 0.0);    // Emb[pad] is no input
        if (cell.wx().requiresGrad())                                    // (E×V)·(V×3H) → rows 0…E−1 of ∂Wx
            Gemm.gemm(Operands.AT_B, dE, h3, vocab, 1, embedding.weight().value().data, 0, dP, 0,
                    cell.wx().gradBuffer().data, 0, Output.ADD);
        if (embedding.weight().requiresGrad())                           // (V×3H)·(3H×E)
            Gemm.gemm(Operands.A_BT, vocab, dE, h3, 1, dP, 0, cell.wx().value().data, 0,
                    embedding.weight().gradBuffer().data, 0, Output.ADD);
    }
}
