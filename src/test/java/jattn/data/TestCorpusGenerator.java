package jattn.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class TestCorpusGenerator {

    static final Pattern CAPITAL = Pattern.compile(".*the capital of (\\w+) is (\\w+)|(\\w+) is the capital of (\\w+)");
    static final Pattern LANGUAGE = Pattern.compile("people in (\\w+) speak (\\w+)|.*learning (\\w+) because she will live in (\\w+)");
    static final Pattern SUM = Pattern.compile("(\\w+) plus (\\w+) is (\\w+)");

    static final List<String> SAMPLE = CorpusGenerator.generate(5, 5_000);

    @Test
    void startsWithTheSeedSentenceAndIsLowerCaseWords() {
        assertEquals("china is a great country", SAMPLE.get(0));
        assertEquals(5_000, SAMPLE.size());
        for (String s : SAMPLE) assertTrue(s.matches("[a-z]+( [a-z]+)*"), s);
        assertEquals(List.of(CorpusGenerator.SEED_SENTENCE), CorpusGenerator.generate(5, 1));
        assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.generate(5, 0));
    }

    @Test
    void sameSeedSameCorpusOtherSeedOtherCorpus() {
        assertEquals(SAMPLE, CorpusGenerator.generate(5, 5_000));
        assertNotEquals(SAMPLE, CorpusGenerator.generate(6, 5_000));
    }

    @Test
    void tiedSlotsAgreeAndSumsAreCorrect() {
        Map<String, List<String>> g = CorpusGenerator.groups();
        int capitals = 0, languages = 0, sums = 0;
        for (String s : SAMPLE) {
            Matcher m;
            if ((m = CAPITAL.matcher(s)).matches()) {
                String country = m.group(1) != null ? m.group(1) : m.group(4);
                String capital = m.group(1) != null ? m.group(2) : m.group(3);
                assertEquals(g.get("country").indexOf(country), g.get("capital").indexOf(capital), s);
                capitals++;
            }
            if ((m = LANGUAGE.matcher(s)).matches()) {
                String country = m.group(1) != null ? m.group(1) : m.group(4);
                String language = m.group(1) != null ? m.group(2) : m.group(3);
                assertEquals(g.get("country").indexOf(country), g.get("language").indexOf(language), s);
                languages++;
            }
            if ((m = SUM.matcher(s)).matches()) {
                List<String> n = g.get("number");
                assertEquals(n.indexOf(m.group(1)) + n.indexOf(m.group(2)) + 2, n.indexOf(m.group(3)) + 1, s);
                sums++;
            }
            if (s.startsWith("we flew from ")) {
                String[] w = s.split(" ");
                assertNotEquals(w[3], w[5], s);                          // two different capitals
            }
        }
        assertTrue(capitals > 50 && languages > 50 && sums > 50, capitals + " " + languages + " " + sums);
    }

    @Test
    void articleAgreesWithTheNextWord() {
        assertEquals("an excellent film and a great song", CorpusGenerator.fixArticles("a excellent film and a great song"));
        for (String s : SAMPLE) {
            String[] w = s.split(" ");
            for (int i = 0; i + 1 < w.length; i++) {
                boolean vowel = "aeiou".indexOf(w[i + 1].charAt(0)) >= 0;
                if (w[i].equals("a")) assertFalse(vowel, s);
                if (w[i].equals("an")) assertTrue(vowel, s);
            }
        }
    }

    @Test
    void everyGroupWordOccurs() {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : SAMPLE) for (String w : s.split(" ")) counts.merge(w, 1, Integer::sum);
        List<String> missing = new ArrayList<>();
        CorpusGenerator.groups().values().forEach(ws -> ws.forEach(w -> { if (counts.getOrDefault(w, 0) < 10) missing.add(w); }));
        assertEquals(List.of(), missing);
    }
}
