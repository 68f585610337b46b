package jattn.data;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TestKarateClub {

    /** Zachary's degree sequence, nodes 0…33 (published with the data; sums to 2·78). */
    static final int[] DEGREES = {16, 9, 10, 6, 3, 4, 4, 4, 5, 2, 3, 1, 2, 5, 2, 2, 2, 2, 2, 3, 2, 2, 2, 5, 3, 3,
            2, 4, 3, 4, 4, 6, 12, 17};

    static final KarateClub G = KarateClub.load();

    @Test
    void has34Nodes78EdgesAndZacharysDegrees() {
        assertEquals(34, G.nodeCount());
        assertEquals(78, G.edgeCount());
        assertEquals(34, G.nodes().rowCount());
        assertEquals(78, G.edges().rowCount());
        assertEquals(16, G.degree(0));
        assertEquals(17, G.degree(33));
        for (int i = 0; i < 34; i++) assertEquals(DEGREES[i], G.degree(i), "node " + i);
    }

    @Test
    void adjacencyIsSymmetricWithoutSelfLoopsUnlessAsked() {
        boolean[][] a = G.adjacency();
        boolean[][] loops = G.adjacencyWithSelfLoops();
        int ones = 0;
        for (int i = 0; i < 34; i++) {
            assertFalse(a[i][i]);
            assertTrue(loops[i][i]);
            for (int j = 0; j < 34; j++) {
                assertEquals(a[i][j], a[j][i]);
                if (i != j) assertEquals(a[i][j], loops[i][j]);
                if (a[i][j]) ones++;
            }
        }
        assertEquals(2 * 78, ones);
        a[0][1] = !a[0][1];                                              // a copy: the graph is unchanged
        assertNotEquals(a[0][1], G.adjacency()[0][1]);
        DMatrixRMaj m = G.adjacencyMatrix(), withLoops = G.adjacencyMatrixWithSelfLoops();
        assertEquals(2 * 78, CommonOps_DDRM.elementSum(m));
        assertEquals(2 * 78 + 34, CommonOps_DDRM.elementSum(withLoops));
    }

    @Test
    void clubsSplit17And17WithTheTwoLeadersApart() {
        assertEquals("Mr. Hi", G.club(0));
        assertEquals("Officer", G.club(33));
        assertEquals(17, G.nodes().stringColumn("club").countOccurrences("Mr. Hi"));
        assertEquals(17, G.nodes().stringColumn("club").countOccurrences("Officer"));
        for (int e = 0; e < G.edgeCount(); e++) {
            assertTrue(G.edges().intColumn("source").getInt(e) < G.edges().intColumn("target").getInt(e));
            assertTrue(G.edges().intColumn("weight").getInt(e) > 0);
        }
    }

    @Test
    void malformedFilesNameFileAndLine(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("karate"));
        Files.writeString(dir.resolve("nodes.csv"), "node,club\n0,A\n1,A\n2,B\n");
        assertEdgeError(dir, "source,target,weight\n0,1,1\n1,3,2\n", "karate/edges.csv line 3: edge 1–3 names a node outside 0…2");
        assertEdgeError(dir, "source,target,weight\n0,1,1\n1,0,2\n", "karate/edges.csv line 3: edge 1–0 appears twice");
        assertEdgeError(dir, "source,target,weight\n2,2,1\n", "karate/edges.csv line 2: self-loop 2–2");
        assertEdgeError(dir, "source,target,weight\n0,x,1\n", "karate/edges.csv line 2: target 'x' is not an integer");
        assertEdgeError(dir, "source,target,weight\n0,1,0\n", "karate/edges.csv line 2: weight 0 is not positive");
        assertEdgeError(dir, "source,target\n0,1\n", "karate/edges.csv line 1: expected header source,target,weight");
        Files.writeString(dir.resolve("edges.csv"), "source,target,weight\n0,1,1\n");
        Files.writeString(dir.resolve("nodes.csv"), "node,club\n0,A\n2,B\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KarateClub.load(dir));
        assertTrue(e.getMessage().startsWith("karate/nodes.csv line 3: expected node 1"), e.getMessage());
        Files.writeString(dir.resolve("nodes.csv"), "node,club\n0,A\n1,B\n");
        KarateClub tiny = KarateClub.load(dir);
        assertEquals(1, tiny.degree(0));
        assertTrue(tiny.adjacency()[1][0]);
    }

    private static void assertEdgeError(Path dir, String edges, String expectedStart) throws Exception {
        Files.writeString(dir.resolve("edges.csv"), edges);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KarateClub.load(dir));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
