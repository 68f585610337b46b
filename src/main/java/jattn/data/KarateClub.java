package jattn.data;

import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Zachary's karate club (1977), the small graph of lesson 09: self-attention on a graph is
 * attention whose score matrix is masked by the adjacency matrix A, so node i attends only to
 * the nodes j with A[i][j] true.
 *
 * <p>Files (in {@code datasets/karate/}): {@code nodes.csv} with columns {@code node,club}
 * (nodes numbered 0…n−1 in order; club "Mr. Hi" or "Officer", the side each member joined
 * after the split) and {@code edges.csv} with columns {@code source,target,weight} (undirected,
 * 0-based, each edge once with source &lt; target; weight = number of contexts in which the two
 * members interacted). The loader accepts any graph in this format and checks it.
 *
 * <p>Adjacency convention: {@link #adjacency()} is the graph itself, symmetric with a false
 * diagonal (no self-loops). For attention masks, where a node should also attend to itself,
 * use {@link #adjacencyWithSelfLoops()}, which sets the diagonal.
 */
public final class KarateClub {

    /** Headers of the two files. */
    public static final String[] NODE_HEADER = {"node", "club"};
    public static final String[] EDGE_HEADER = {"source", "target", "weight"};

    private final Table nodes;
    private final Table edges;
    private final boolean[][] adjacency;   // (n×n), symmetric, false diagonal

    private KarateClub(Table nodes, Table edges, boolean[][] adjacency) {
        this.nodes = nodes;
        this.edges = edges;
        this.adjacency = adjacency;
    }

    /** Loads the shipped graph from {@code datasets/karate}. */
    public static KarateClub load() {
        return load(Datasets.path("karate"));
    }

    /**
     * Loads {@code dir/nodes.csv} and {@code dir/edges.csv} (not modified).
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row: a node out of
     *         order, an edge endpoint that is not a node, a self-loop, a repeated edge, or a
     *         weight that is not a positive integer
     */
    public static KarateClub load(Path dir) {
        Path nodeFile = dir.resolve("nodes.csv"), edgeFile = dir.resolve("edges.csv");
        String nodeLabel = Datasets.label(nodeFile), edgeLabel = Datasets.label(edgeFile);

        List<String> clubs = new ArrayList<>();
        Table nodeTable = CsvTable.read(nodeFile, CsvTable.Column.integer(NODE_HEADER[0]), CsvTable.Column.string(NODE_HEADER[1]));
        for (int i = 0; i < nodeTable.rowCount(); i++) {
            int node = nodeTable.intColumn(0).getInt(i);
            if (node != clubs.size())
                throw new IllegalArgumentException(nodeLabel + " line " + CsvTable.line(i) + ": expected node "
                        + clubs.size() + " (nodes are numbered 0, 1, 2, … in order), got " + node);
            clubs.add(nodeTable.stringColumn(1).get(i));
        }
        int n = clubs.size();

        boolean[][] a = new boolean[n][n];
        Table edgeTable = CsvTable.read(edgeFile, CsvTable.Column.integer(EDGE_HEADER[0]),
                CsvTable.Column.integer(EDGE_HEADER[1]), CsvTable.Column.integer(EDGE_HEADER[2]));
        int rows = edgeTable.rowCount();
        int[] source = new int[rows], target = new int[rows], weight = new int[rows];
        for (int e = 0; e < rows; e++) {
            int u = edgeTable.intColumn(0).getInt(e), v = edgeTable.intColumn(1).getInt(e), w = edgeTable.intColumn(2).getInt(e);
            int line = CsvTable.line(e);
            if (u < 0 || u >= n || v < 0 || v >= n)
                throw new IllegalArgumentException(edgeLabel + " line " + line + ": edge " + u + "–" + v
                        + " names a node outside 0…" + (n - 1) + " (" + nodeLabel + " has " + n + " nodes)");
            if (u == v)
                throw new IllegalArgumentException(edgeLabel + " line " + line + ": self-loop " + u + "–" + v);
            if (a[u][v])
                throw new IllegalArgumentException(edgeLabel + " line " + line + ": edge " + u + "–" + v
                        + " appears twice");
            if (w <= 0)
                throw new IllegalArgumentException(edgeLabel + " line " + line + ": weight " + w
                        + " is not positive");
            a[u][v] = a[v][u] = true;
            source[e] = u; target[e] = v; weight[e] = w;
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        Table nodes = Table.create("karate nodes",
                IntColumn.create(NODE_HEADER[0], ids), StringColumn.create(NODE_HEADER[1], clubs));
        Table edges = Table.create("karate edges", IntColumn.create(EDGE_HEADER[0], source),
                IntColumn.create(EDGE_HEADER[1], target), IntColumn.create(EDGE_HEADER[2], weight));
        return new KarateClub(nodes, edges, a);
    }

    /** The nodes table: {@code node} (int), {@code club} (string). */
    public Table nodes() { return nodes; }

    /** The edges table: {@code source}, {@code target}, {@code weight} (ints), each edge once. */
    public Table edges() { return edges; }

    public int nodeCount() { return adjacency.length; }

    public int edgeCount() { return edges.rowCount(); }

    /** The club that member {@code node} joined after the split ("Mr. Hi" or "Officer"). */
    public String club(int node) { return nodes.stringColumn(NODE_HEADER[1]).get(node); }

    /** Number of neighbours of {@code node} (self not counted). */
    public int degree(int node) {
        int d = 0;
        for (boolean b : adjacency[node]) if (b) d++;
        return d;
    }

    /** A fresh (n×n) copy of the adjacency matrix: symmetric, no self-loops. */
    public boolean[][] adjacency() {
        return adjacency(false);
    }

    /** A fresh (n×n) copy of the adjacency matrix with the diagonal set: each node also attends to itself. */
    public boolean[][] adjacencyWithSelfLoops() {
        return adjacency(true);
    }

    private boolean[][] adjacency(boolean withSelfLoops) {
        boolean[][] copy = new boolean[adjacency.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = adjacency[i].clone();
            if (withSelfLoops) copy[i][i] = true;
        }
        return copy;
    }

    /** The adjacency matrix as a (n×n) 0/1 EJML matrix, e.g. to plot: no self-loops. */
    public DMatrixRMaj adjacencyMatrix() {
        return zeroOne(adjacency(false));
    }

    /** The adjacency matrix with the diagonal set, as a (n×n) 0/1 EJML matrix. */
    public DMatrixRMaj adjacencyMatrixWithSelfLoops() {
        return zeroOne(adjacency(true));
    }

    private static DMatrixRMaj zeroOne(boolean[][] a) {
        DMatrixRMaj m = new DMatrixRMaj(a.length, a.length);
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a.length; j++) m.set(i, j, a[i][j] ? 1.0 : 0.0);
        return m;
    }
}
