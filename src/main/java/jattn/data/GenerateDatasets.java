package jattn.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the generated datasets from their fixed seeds: {@code dates/{train,valid,test}.csv},
 * {@code word2vec/corpus.txt} and {@code tour/word_frequencies.csv}. The tests check that the
 * shipped files are byte-identical to what this writes, so the files cannot drift from the code.
 *
 * <p>Run from the repository root after {@code mvn -q -o compile}:
 * <pre>java -cp target/classes jattn.data.GenerateDatasets [datasetsDir]</pre>
 * ({@code datasetsDir} defaults to the {@code datasets/} directory found by {@link Datasets#root()}).
 * Only JDK classes are needed, so the classpath is just {@code target/classes}.
 */
public final class GenerateDatasets {

    private GenerateDatasets() {}

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : Datasets.root();
        writeAll(root);
        System.out.println("wrote dates/, word2vec/corpus.txt and tour/word_frequencies.csv under " + root.toAbsolutePath());
    }

    /** Writes every generated dataset under {@code root} (created if missing; existing files are replaced). */
    public static void writeAll(Path root) {
        DateDataset.write(root.resolve("dates"), DateDataset.generate());
        List<String> corpus = Word2VecCorpus.generate();
        Word2VecCorpus.write(root.resolve("word2vec").resolve("corpus.txt"), corpus);
        CsvFile.writeText(root.resolve("tour").resolve("word_frequencies.csv"),
                WordFrequencies.toCsv(WordFrequencies.count(Word2VecCorpus.tokenize(corpus), WordFrequencies.TOP)));
    }
}
