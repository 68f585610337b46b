/**
 * Self-attention on a graph, for lesson 09: {@link jattn.graph.GraphAttention} is scaled
 * dot-product self-attention over the nodes whose score matrix is masked by the adjacency matrix
 * with self-loops, so that a node attends only to its neighbours and itself.
 */
package jattn.graph;
