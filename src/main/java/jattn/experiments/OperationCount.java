package jattn.experiments;

import jattn.autograd.Tensor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact counts read off a computation graph (the tensors recorded for backward), independent of
 * any formula for the layer that built it:
 * <ul>
 *   <li>{@link #multiplyAdds}: the multiply–adds of the graph's matrix products, each
 *       (m×q)·(q×r) → (m×r) counting m·q·r: {@code matmul}, {@code matmulTransB}, the fused
 *       scores {@code scaledDotSoftmax} (Q·Kᵀ: m·dK·n), {@code attentionOutput} (A·V: m·n·dV) and
 *       {@code conv1d} (im2col·W: T_out·(k·dIn)·dOut). Element-wise operations (add, tanh,
 *       softmax) are not counted: they are O(size) and never dominate.</li>
 *   <li>{@link #sequentialOperations}: the length of the longest chain of operations from a leaf
 *       to the output, the number of steps that must run one after another however many
 *       processors there are (Vaswani et al.'s "sequential operations", counted in graph nodes).</li>
 * </ul>
 * The graph exists only where gradients are recorded: build it with parameters, outside
 * {@code NoGrad}.
 */
public final class OperationCount {

    private OperationCount() {}

    /** Σ over the matrix-product nodes of the graph below {@code output} of m·q·r. */
    public static long multiplyAdds(Tensor output) {
        long total = 0;
        for (Tensor t : nodes(output)) total += multiplyAddsOf(t);
        return total;
    }

    /** The multiply–adds of the operation that made {@code t}, 0 for an element-wise operation or a leaf. */
    static long multiplyAddsOf(Tensor t) {
        List<Tensor> p = t.parents();
        if (p.isEmpty()) return 0;
        long out = (long) t.rows() * t.cols();
        return switch (t.opName()) {
            case "matmul", "matmulTransB", "scaledDotSoftmax", "attentionOutput" -> out * p.get(0).cols();
            case "conv1d" -> out * p.get(1).rows();
            default -> 0;
        };
    }

    /** The longest chain of operations (graph nodes that are not leaves) ending at {@code output}. */
    public static int sequentialOperations(Tensor output) {
        Map<Tensor, Integer> depth = new IdentityHashMap<>();
        for (Tensor t : topological(output)) {                           // parents before children
            int d = 0;
            for (Tensor p : t.parents()) d = Math.max(d, depth.get(p));
            depth.put(t, t.parents().isEmpty() ? 0 : d + 1);
        }
        return depth.get(output);
    }

    private static List<Tensor> nodes(Tensor output) {
        return topological(output);
    }

    /** Every tensor reachable from {@code output} through parents, each parent before its children (iterative). */
    private static List<Tensor> topological(Tensor output) {
        List<Tensor> order = new java.util.ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{output, 0});
        seen.put(output, true);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            int next = (Integer) top[1];
            List<Tensor> ps = t.parents();
            if (next < ps.size()) {
                top[1] = next + 1;
                Tensor p = ps.get(next);
                if (seen.put(p, true) == null) stack.push(new Object[]{p, 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
