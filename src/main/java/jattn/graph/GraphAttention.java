package jattn.graph;

import jattn.attention.AttentionPooling;
import jattn.attention.AttentionResult;
import jattn.attention.Mask;
import jattn.autograd.Tensor;
import jattn.nn.Init;
import jattn.nn.Module;

import java.util.List;
import java.util.Random;

/**
 * One layer of self-attention on a graph: every node attends only to its neighbours (and
 * itself), so the (n×n) score matrix is masked by the adjacency matrix with self-loops, the
 * seed's "attention matrix restricted to edges":
 * <pre>
 *   Q = X·Wq,  K = X·Wk,  V = X·Wv
 *   Y = masked-softmax_A(Q·Kᵀ / √dK) · V            α_ij = 0 unless A[i][j] (an edge, or i = j)
 * </pre>
 * Shapes: X (n×F) node features, Wq and Wk (F×dK), Wv (F×C); weights (n×n); Y (n×C), here the
 * logits of C classes per node. This is scaled dot-product attention as in a Transformer, with
 * the graph as the mask (Veličković et al.'s GAT scores the pairs with an additive network
 * instead; the masking is the same idea). With {@code Mask.none()} the same layer attends to
 * every node, the graph unused. X is not modified.
 */
public final class GraphAttention implements Module {

    /**
     * The sizes of a seeded layer.
     *
     * @param features F, the width of a node's feature vector
     * @param keyWidth dK, the width of queries and keys
     * @param classes  C, the width of the output
     */
    public record Settings(int features, int keyWidth, int classes) {
        public Settings withKeyWidth(int dK) { return new Settings(features, dK, classes); }
    }

    private final Tensor wq, wk, wv;

    /** Seeded: Wq, Wk (F×dK) and Wv (F×C) Xavier-uniform. */
    public GraphAttention(Settings settings, Random rng) {
        this(Init.xavierUniform(settings.features(), settings.keyWidth(), rng),
                Init.xavierUniform(settings.features(), settings.keyWidth(), rng),
                Init.xavierUniform(settings.features(), settings.classes(), rng));
    }

    /** Given weights, used as they are: Wq (F×dK), Wk (F×dK), Wv (F×C). */
    public GraphAttention(Tensor wq, Tensor wk, Tensor wv) {
        if (wq.rows() != wk.rows() || wq.rows() != wv.rows() || wq.cols() != wk.cols())
            throw new IllegalArgumentException("GraphAttention: Wq " + wq.shape() + ", Wk " + wk.shape() + " and Wv "
                    + wv.shape() + " do not agree; expected (F×dK), (F×dK) and (F×C)");
        this.wq = wq;
        this.wk = wk;
        this.wv = wv;
    }

    /**
     * Y (n×C) and the weights (n×n). {@code neighbours} is the (n×n) mask, e.g.
     * {@code Mask.of(club.adjacencyWithSelfLoops())}; {@code Mask.none()} attends to every node.
     */
    public AttentionResult forward(Tensor x, Mask neighbours) {
        if (x.cols() != wq.rows())
            throw new IllegalArgumentException("GraphAttention: node features " + x.shape() + " do not fit Wq " + wq.shape()
                    + "; expected (n×" + wq.rows() + ")");
        Tensor q = x.matmul(wq);                                         // (n×F)·(F×dK) → (n×dK)
        Tensor k = x.matmul(wk);                                         // (n×F)·(F×dK) → (n×dK)
        Tensor v = x.matmul(wv);                                         // (n×F)·(F×C) → (n×C)
        return AttentionPooling.scaledDotProduct(q, k, v, neighbours);   // (n×n)·(n×C) → (n×C)
    }

    public Tensor wq() { return wq; }
    public Tensor wk() { return wk; }
    public Tensor wv() { return wv; }

    @Override
    public List<Tensor> parameters() { return List.of(wq, wk, wv); }
}
