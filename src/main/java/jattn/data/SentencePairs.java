package jattn.data;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence pairs in the tab-separated format of the Tatoeba project's bilingual exports
 * ({@code English<TAB>French[<TAB>attribution…]}, no header, UTF-8): the first two columns are
 * the pair, further columns (Tatoeba's attribution) are ignored.
 *
 * <p>The shipped file {@code datasets/translation/eng-fra.tsv} uses this format but is NOT
 * Tatoeba data: its 185 pairs were written for the course (CC0). A real Tatoeba export reads
 * the same way.
 */
public final class SentencePairs {

    private SentencePairs() {}

    /** Loads the shipped English–French pairs from {@code datasets/translation/eng-fra.tsv}. */
    public static List<SentencePair> load() {
        return load(Datasets.path("translation", "eng-fra.tsv"));
    }

    /**
     * Reads a tab-separated pair file (not modified). A byte-order mark at the start and one empty
     * last line are tolerated; columns after the second are ignored.
     *
     * @throws IllegalArgumentException naming the file and the line of a line with fewer than two
     *         columns or with an empty sentence
     */
    public static List<SentencePair> load(Path file) {
        String label = Datasets.label(file);
        List<String> lines = CsvFile.readLines(file);
        List<SentencePair> pairs = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isEmpty() && i == lines.size() - 1) break;
            String[] columns = line.split("\t", -1);
            if (columns.length < 2)
                throw new IllegalArgumentException(label + " line " + (i + 1)
                        + ": expected at least 2 tab-separated columns (source, target), got " + columns.length);
            String source = columns[0].strip(), target = columns[1].strip();
            if (source.isEmpty() || target.isEmpty())
                throw new IllegalArgumentException(label + " line " + (i + 1) + ": empty "
                        + (source.isEmpty() ? "source" : "target") + " sentence");
            pairs.add(new SentencePair(source, target));
        }
        return List.copyOf(pairs);
    }

    /** Reads a pair file into a Tablesaw table with string columns {@code source} and {@code target}. */
    public static Table loadTable(Path file) {
        return table(Datasets.label(file), load(file));
    }

    /** A Tablesaw table with string columns {@code source} and {@code target}; {@code pairs} is not modified. */
    public static Table table(String name, List<SentencePair> pairs) {
        return Table.create(name,
                StringColumn.create("source", pairs.stream().map(SentencePair::source).toList()),
                StringColumn.create("target", pairs.stream().map(SentencePair::target).toList()));
    }
}
