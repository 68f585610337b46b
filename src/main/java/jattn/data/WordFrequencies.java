package jattn.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent words of a corpus, the small table of lesson 00 (the tools tour):
 * {@code datasets/tour/word_frequencies.csv}, columns {@code word,count}, the {@value #TOP}
 * most frequent words of the word2vec corpus, by count descending, ties by word ascending.
 */
public final class WordFrequencies {

    /** Number of rows of the shipped table. */
    public static final int TOP = 30;
    /** The CSV header. */
    public static final String[] HEADER = {"word", "count"};

    /** A word and how often it occurs. */
    public record WordCount(String word, int count) {}

    private WordFrequencies() {}

    /** The {@code top} most frequent words of {@code sentences} (not modified), most frequent first. */
    public static List<WordCount> count(List<List<String>> sentences, int top) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> s : sentences) for (String w : s) counts.merge(w, 1, Integer::sum);
        List<WordCount> all = new ArrayList<>();
        counts.forEach((w, c) -> all.add(new WordCount(w, c)));
        all.sort(Comparator.comparingInt(WordCount::count).reversed().thenComparing(WordCount::word));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    /** The file text: header {@code word,count}, one row per word. */
    public static String toCsv(List<WordCount> counts) {
        return CsvFile.format(List.of(HEADER),
                counts.stream().map(c -> List.of(c.word(), Integer.toString(c.count()))).toList());
    }

    /** The shipped table, read from {@code datasets/tour/word_frequencies.csv}. */
    public static Table load() {
        return load(Datasets.path("tour", "word_frequencies.csv"));
    }

    /**
     * Reads a {@code word,count} file (not modified) into a table with a string column
     * {@code word} and an int column {@code count}.
     *
     * @throws IllegalArgumentException naming the file and line of a row whose word is empty
     *         or whose count is not a positive integer
     */
    public static Table load(Path file) {
        String label = Datasets.label(file);
        List<String> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        Table table = CsvTable.read(file, CsvTable.Column.string(HEADER[0]), CsvTable.Column.integer(HEADER[1]));
        for (int i = 0; i < table.rowCount(); i++) {
            String word = table.stringColumn(HEADER[0]).get(i);
            int count = table.intColumn(HEADER[1]).getInt(i);
            if (word.isBlank())
                throw new IllegalArgumentException(label + " line " + CsvTable.line(i) + ": empty word");
            if (count <= 0)
                throw new IllegalArgumentException(label + " line " + CsvTable.line(i) + ": count '" + count
                        + "' is not a positive integer");
            words.add(word);
            counts.add(count);
        }
        return Table.create(label,
                StringColumn.create(HEADER[0], words),
                IntColumn.create(HEADER[1], counts.stream().mapToInt(Integer::intValue).toArray()));
    }
}
