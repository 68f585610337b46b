package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TestDatasets {

    @Test
    void findsTheRepositoryDatasetsFromTheRootAndFromBelowIt() {
        Path fromRoot = Datasets.root();                                 // tests run with cwd = repository root
        assertTrue(Files.isRegularFile(fromRoot.resolve("README.md")));
        assertEquals("datasets", fromRoot.getFileName().toString());
        Path below = fromRoot.getParent().resolve("src").resolve("main");   // like notebooks/ one level down
        assertEquals(fromRoot, Datasets.root(below));
        assertEquals(fromRoot.resolve("dates").resolve("train.csv"), Datasets.path("dates", "train.csv"));
    }

    @Test
    void walksUpFromANestedDirectoryAndNeedsTheReadme(@TempDir Path tmp) throws Exception {
        Path nested = Files.createDirectories(tmp.resolve("course").resolve("notebooks").resolve("deep"));
        Path datasets = Files.createDirectories(tmp.resolve("course").resolve("datasets"));
        IllegalStateException noReadme = assertThrows(IllegalStateException.class, () -> Datasets.root(nested));
        assertTrue(noReadme.getMessage().contains(nested.toString()), noReadme.getMessage());
        assertTrue(noReadme.getMessage().contains("README.md"), noReadme.getMessage());
        Files.writeString(datasets.resolve("README.md"), "# test\n");
        assertEquals(datasets, Datasets.root(nested));
        assertEquals(datasets, Datasets.root(tmp.resolve("course")));
    }

    @Test
    void systemPropertyOverridesTheSearch(@TempDir Path tmp) throws Exception {
        String before = System.getProperty(Datasets.PROPERTY);
        try {
            System.setProperty(Datasets.PROPERTY, tmp.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, Datasets::root);
            assertTrue(e.getMessage().contains(Datasets.PROPERTY), e.getMessage());
            Files.writeString(tmp.resolve("README.md"), "# test\n");
            assertEquals(tmp.toAbsolutePath().normalize(), Datasets.root());
        } finally {
            if (before == null) System.clearProperty(Datasets.PROPERTY);
            else System.setProperty(Datasets.PROPERTY, before);
        }
    }

    @Test
    void labelIsParentAndFileName() {
        assertEquals("dates/train.csv", Datasets.label(Path.of("/repo/datasets/dates/train.csv")));
        assertEquals("x.csv", Datasets.label(Path.of("/x.csv")));
    }
}
