package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TestWord2VecCorpus {

    static final int WINDOW = 2;
    static final long MAX_BYTES = 2_000_000;

    @Test
    void shippedFileIsByteIdenticalToTheGenerator() throws Exception {
        Path file = Datasets.path("word2vec", "corpus.txt");
        byte[] shipped = Files.readAllBytes(file);
        assertArrayEquals(Word2VecCorpus.toText(Word2VecCorpus.generate()).getBytes(StandardCharsets.UTF_8), shipped);
        assertTrue(shipped.length < MAX_BYTES, shipped.length + " bytes");
    }

    @Test
    void loadGivesSentencesOfWords() {
        List<List<String>> corpus = Word2VecCorpus.load();
        assertEquals(Word2VecCorpus.SENTENCES, corpus.size());
        assertEquals(List.of("china", "is", "a", "great", "country"), corpus.get(0));
        assertEquals(Word2VecCorpus.tokenize(Word2VecCorpus.generate()), corpus);
        assertEquals(corpus.stream().mapToInt(List::size).sum(), Word2VecCorpus.words(corpus).size());
    }

    /**
     * The property lesson 02 relies on, checked without training: words whose context counts
     * (±2 words) point the same way by cosine. great's nearest include excellent; china's include
     * america and thailand; in closed groups every word's nearest neighbour is in its own group.
     */
    @Test
    void groupsShareContexts() {
        Map<String, double[]> contexts = contextCounts(Word2VecCorpus.load());
        assertTrue(nearest("great", 2, contexts).contains("excellent"), nearest("great", 5, contexts).toString());
        assertTrue(nearest("excellent", 2, contexts).contains("great"), nearest("excellent", 5, contexts).toString());
        List<String> nearChina = nearest("china", 5, contexts);
        assertTrue(nearChina.containsAll(List.of("america", "thailand")), nearChina.toString());
        for (String group : List.of("country", "capital", "animal", "colour", "day", "food", "weather", "work", "season")) {
            List<String> members = CorpusGenerator.groups().get(group);
            for (String w : members)
                assertTrue(members.contains(nearest(w, 1, contexts).get(0)),
                        w + " → " + nearest(w, 3, contexts) + " (group " + group + ")");
        }
    }

    @Test
    void blankLineIsReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("word2vec"));
        Path file = dir.resolve("corpus.txt");
        Files.writeString(file, "china is a great country\n\n  \nthe film was excellent\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Word2VecCorpus.load(file));
        assertEquals("word2vec/corpus.txt line 2: empty sentence", e.getMessage());
        Files.writeString(file, "china  is a\tgreat country\nthe film\n");   // any white space separates words
        assertEquals(List.of(List.of("china", "is", "a", "great", "country"), List.of("the", "film")), Word2VecCorpus.load(file));
    }

    @Test
    void writeThenLoad(@TempDir Path tmp) {
        List<String> sentences = CorpusGenerator.generate(9, 20);
        Path file = tmp.resolve("c.txt");
        Word2VecCorpus.write(file, sentences);
        assertEquals(Word2VecCorpus.tokenize(sentences), Word2VecCorpus.load(file));
    }

    static Map<String, double[]> contextCounts(List<List<String>> corpus) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (List<String> s : corpus) for (String w : s) index.putIfAbsent(w, index.size());
        Map<String, double[]> counts = new LinkedHashMap<>();
        for (String w : index.keySet()) counts.put(w, new double[index.size()]);
        for (List<String> s : corpus)
            for (int i = 0; i < s.size(); i++)
                for (int j = Math.max(0, i - WINDOW); j <= Math.min(s.size() - 1, i + WINDOW); j++)
                    if (j != i) counts.get(s.get(i))[index.get(s.get(j))]++;
        return counts;
    }

    static List<String> nearest(String word, int k, Map<String, double[]> vectors) {
        double[] q = vectors.get(word);
        List<String> others = new ArrayList<>(vectors.keySet());
        others.remove(word);
        others.sort(Comparator.comparingDouble((String w) -> -cosine(q, vectors.get(w))));
        return others.subList(0, k);
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.sqrt(na * nb);
    }
}
