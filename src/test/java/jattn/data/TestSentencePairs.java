package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class TestSentencePairs {

    static final SentencePair SEED = new SentencePair("Citizens have the right to right wrongs.",
            "Les citoyens ont le droit de corriger les injustices.");

    @Test
    void shippedFileHoldsTheSeedPairAndUniqueSentences() throws Exception {
        List<SentencePair> pairs = SentencePairs.load();
        assertTrue(pairs.size() >= 100 && pairs.size() <= 300, pairs.size() + " pairs");
        assertEquals(SEED, pairs.get(0));
        Set<String> sources = new HashSet<>();
        for (SentencePair p : pairs) assertTrue(sources.add(p.source()), "repeated " + p.source());
        for (String line : Files.readAllLines(Datasets.path("translation", "eng-fra.tsv")))
            assertEquals(3, line.split("\t", -1).length, line);            // English, French, attribution
    }

    @Test
    void readsTwoOrMoreColumnsAndIgnoresTheRest(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("pairs.tsv");
        Files.writeString(file, "\uFEFFHello.\tBonjour.\n"
                + "Thank you.\tMerci.\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)\n"
                + "Go.\tVa !\textra\tcolumns\n");
        List<SentencePair> pairs = SentencePairs.load(file);
        assertEquals(List.of(new SentencePair("Hello.", "Bonjour."), new SentencePair("Thank you.", "Merci."),
                new SentencePair("Go.", "Va !")), pairs);
        Table t = SentencePairs.loadTable(file);
        assertEquals(List.of("source", "target"), t.columnNames());
        assertEquals("Merci.", t.stringColumn("target").get(1));
    }

    @Test
    void malformedLinesNameFileAndLine(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("translation"));
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, "Hello.\tBonjour.\nThank you. Merci.\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentencePairs.load(file));
        assertEquals("translation/pairs.tsv line 2: expected at least 2 tab-separated columns (source, target), got 1",
                e.getMessage());
        Files.writeString(file, "Hello.\tBonjour.\n\nGo.\tVa !\n");
        e = assertThrows(IllegalArgumentException.class, () -> SentencePairs.load(file));
        assertTrue(e.getMessage().startsWith("translation/pairs.tsv line 2: expected at least 2"), e.getMessage());
        Files.writeString(file, "Hello.\tBonjour.\nGo.\t \n");
        e = assertThrows(IllegalArgumentException.class, () -> SentencePairs.load(file));
        assertEquals("translation/pairs.tsv line 2: empty target sentence", e.getMessage());
    }
}
