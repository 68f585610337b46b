package jattn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The word2vec corpus of lesson 02: one sentence per line, lower-case words separated by
 * spaces, read as a list of sentences, each a list of words.
 *
 * <p>The shipped file {@code datasets/word2vec/corpus.txt} is
 * {@code CorpusGenerator.generate(SEED, SENTENCES)} joined by {@code \n} (with a final
 * {@code \n}), written by {@link GenerateDatasets}. Its first line is
 * {@value CorpusGenerator#SEED_SENTENCE}.
 */
public final class Word2VecCorpus {

    /** The seed of the shipped corpus. */
    public static final long SEED = 2;
    /** The number of sentences of the shipped corpus. */
    public static final int SENTENCES = 10_000;

    private Word2VecCorpus() {}

    /** The shipped corpus, generated in memory: {@code CorpusGenerator.generate(SEED, SENTENCES)}. */
    public static List<String> generate() {
        return CorpusGenerator.generate(SEED, SENTENCES);
    }

    /** The shipped corpus, read from {@code datasets/word2vec/corpus.txt}. */
    public static List<List<String>> load() {
        return load(Datasets.path("word2vec", "corpus.txt"));
    }

    /**
     * Reads a corpus file (not modified): every line is one sentence of words separated by white
     * space. One empty last line is tolerated.
     *
     * @throws IllegalArgumentException naming the file and the line of a blank sentence
     */
    public static List<List<String>> load(Path file) {
        String label = Datasets.label(file);
        List<String> lines = CsvFile.readLines(file);
        List<List<String>> sentences = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                if (i == lines.size() - 1) break;
                throw new IllegalArgumentException(label + " line " + (i + 1) + ": empty sentence");
            }
            sentences.add(List.of(line.split("\\s+")));
        }
        return List.copyOf(sentences);
    }

    /** The file text of {@code sentences}: one per line, each ended by {@code \n}. */
    public static String toText(List<String> sentences) {
        StringBuilder sb = new StringBuilder();
        for (String s : sentences) sb.append(s).append('\n');
        return sb.toString();
    }

    /** Writes {@code sentences} to {@code file}, one per line. */
    public static void write(Path file, List<String> sentences) {
        CsvFile.writeText(file, toText(sentences));
    }

    /** Splits sentences given as strings into words, like {@link #load} does for a file's lines. */
    public static List<List<String>> tokenize(List<String> sentences) {
        return sentences.stream().map(s -> List.of(s.strip().split("\\s+"))).toList();
    }

    /** All words of all sentences, in order (for counting). */
    public static List<String> words(List<List<String>> sentences) {
        List<String> out = new ArrayList<>();
        for (List<String> s : sentences) out.addAll(s);
        return out;
    }
}
