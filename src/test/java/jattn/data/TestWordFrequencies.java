package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestWordFrequencies {

    @Test
    void countsByFrequencyThenAlphabetically() {
        List<List<String>> s = List.of(List.of("b", "a", "c", "a"), List.of("c", "d", "a", "b"));
        assertEquals(List.of(new WordFrequencies.WordCount("a", 3), new WordFrequencies.WordCount("b", 2),
                new WordFrequencies.WordCount("c", 2)), WordFrequencies.count(s, 3));
        assertEquals(4, WordFrequencies.count(s, 10).size());
    }

    @Test
    void shippedTableIsTheCountOfTheShippedCorpus() throws Exception {
        String expected = WordFrequencies.toCsv(WordFrequencies.count(Word2VecCorpus.load(), WordFrequencies.TOP));
        assertEquals(expected, Files.readString(Datasets.path("tour", "word_frequencies.csv")));
        Table t = WordFrequencies.load();
        assertEquals(WordFrequencies.TOP, t.rowCount());
        assertEquals(List.of("word", "count"), t.columnNames());
        IntColumn counts = t.intColumn("count");
        for (int i = 1; i < counts.size(); i++) assertTrue(counts.get(i - 1) >= counts.get(i));
        long the = Word2VecCorpus.words(Word2VecCorpus.load()).stream().filter("the"::equals).count();
        assertEquals("the", t.stringColumn("word").get(0));
        assertEquals(the, (long) counts.getInt(0));
    }

    @Test
    void malformedRowsNameFileAndLine(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tour"));
        Path file = dir.resolve("w.csv");
        Files.writeString(file, "word,count\nthe,10\ncat,many\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordFrequencies.load(file));
        assertEquals("tour/w.csv line 3: count 'many' is not an integer", e.getMessage());
        Files.writeString(file, "word,count\nthe,-1\n");
        e = assertThrows(IllegalArgumentException.class, () -> WordFrequencies.load(file));
        assertEquals("tour/w.csv line 2: count '-1' is not a positive integer", e.getMessage());
        Files.writeString(file, "word,count\n,3\n");
        e = assertThrows(IllegalArgumentException.class, () -> WordFrequencies.load(file));
        assertEquals("tour/w.csv line 2: empty word", e.getMessage());
    }
}
