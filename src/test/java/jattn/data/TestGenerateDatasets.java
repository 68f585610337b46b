package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class TestGenerateDatasets {

    static final List<String> GENERATED = List.of("dates/test.csv", "dates/train.csv", "dates/valid.csv",
            "tour/word_frequencies.csv", "word2vec/corpus.txt");

    @Test
    void mainWritesExactlyTheShippedFiles(@TempDir Path tmp) throws IOException {
        GenerateDatasets.main(new String[]{tmp.toString()});
        List<String> written;
        try (Stream<Path> files = Files.walk(tmp)) {
            written = files.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertEquals(GENERATED, written);
        for (String name : GENERATED)
            assertEquals(-1L, Files.mismatch(tmp.resolve(name), Datasets.root().resolve(name)),
                    name + " differs from the generator: regenerate with GenerateDatasets (see datasets/README.md)");
    }

    @Test
    void everyDatasetFolderHasAReadmeListedInTheIndex() throws IOException {
        String index = Files.readString(Datasets.root().resolve("README.md"));
        try (Stream<Path> dirs = Files.list(Datasets.root())) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(Files.isRegularFile(d.resolve("README.md")), d + " has no README.md");
                assertTrue(index.contains("(" + d.getFileName() + "/README.md)"), d.getFileName() + " missing from datasets/README.md");
            }
        }
    }
}
