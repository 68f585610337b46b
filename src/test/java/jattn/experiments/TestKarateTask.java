package jattn.experiments;

import jattn.data.KarateClub;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class TestKarateTask {

    private static final KarateClub CLUB = KarateClub.load();

    @Test
    void theKnownSplitHasSeventeenMembersOnEachSideWithTheLeadersApart() {
        int[] y = KarateTask.classes(CLUB);
        assertEquals(34, y.length);
        assertEquals(17, Arrays.stream(y).sum(), "17 members joined the Officer");
        assertEquals(0, y[0], "node 0 is Mr. Hi");
        assertEquals(1, y[33], "node 33 is the Officer");
    }

    @Test
    void featuresAreTheAdjacencyRowsWithSelfLoops() {
        var x = KarateTask.features(CLUB);
        assertEquals(34, x.rows());
        assertEquals(34, x.cols());
        for (int i = 0; i < 34; i++) {
            assertEquals(1.0, x.get(i, i));
            double row = 0;
            for (int j = 0; j < 34; j++) row += x.get(i, j);
            assertEquals(CLUB.degree(i) + 1, row, 0.0);
        }
    }

    @Test
    void trainingFitsTheTwoLeadersAndIsReproducible() {
        KarateTask.Settings s = KarateTask.Settings.lesson().withEpochs(60);
        for (KarateTask.Neighbourhood nb : KarateTask.Neighbourhood.values()) {
            KarateTask.Result a = KarateTask.train(CLUB, nb, s, Verbosity.QUIET), b = KarateTask.train(CLUB, nb, s, Verbosity.QUIET);
            assertTrue(a.losses()[59] < a.losses()[0] / 10, nb + ": the loss on the leaders falls: " + a.losses()[0] + " → " + a.losses()[59]);
            assertEquals(0, a.predicted()[0]);
            assertEquals(1, a.predicted()[33]);
            assertArrayEquals(a.predicted(), b.predicted(), "same seed, same predictions");
            assertEquals(a.accuracy() * 34, Math.round(a.accuracy() * 34), 1e-9);
            assertEquals((a.accuracy() * 34 - 2) / 32, a.unlabelled(), 1e-12, "the leaders are right, the rest is the unlabelled accuracy");
        }
        KarateTask.Result masked = KarateTask.train(CLUB, KarateTask.Neighbourhood.EDGES, s, Verbosity.QUIET);
        boolean[][] a = CLUB.adjacencyWithSelfLoops();
        for (int i = 0; i < 34; i++)
            for (int j = 0; j < 34; j++) if (!a[i][j]) assertEquals(0.0, masked.weights().get(i, j), 0.0);
    }
}
