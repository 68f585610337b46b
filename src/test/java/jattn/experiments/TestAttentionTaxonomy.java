package jattn.experiments;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class TestAttentionTaxonomy {

    @Test
    void oneRowPerAttentionInLessonOrderWithEveryColumn() {
        List<AttentionTaxonomy.Entry> entries = AttentionTaxonomy.entries();
        Table t = AttentionTaxonomy.table();
        assertEquals(entries.size(), t.rowCount());
        assertEquals(List.of("lesson", "attention", "query Q", "key K", "value V", "f_sim", "f_norm", "in the module"), t.columnNames());
        for (int i = 1; i < entries.size(); i++)
            assertTrue(entries.get(i - 1).lesson().compareTo(entries.get(i).lesson()) <= 0, "in lesson order at row " + i);
        for (AttentionTaxonomy.Entry e : entries) {
            assertFalse(e.classes().isEmpty(), e.name() + " names its module classes");
            for (String cell : List.of(e.query(), e.key(), e.value(), e.fSim(), e.fNorm()))
                assertFalse(cell.isBlank(), e.name());
        }
        Set<String> lessons = entries.stream().map(AttentionTaxonomy.Entry::lesson).collect(Collectors.toSet());
        assertEquals(Set.of("05", "06", "07", "09", "10"), lessons, "every lesson with an attention of its own");
    }

    @Test
    void bahdanauAndSelfAttentionArePlacedAsTheSeedSays() {
        AttentionTaxonomy.Entry bahdanau = find("Bahdanau (encoder–decoder)"), self = find("self-attention");
        assertTrue(bahdanau.query().contains("decoder state") && bahdanau.value().contains("K = V"));
        assertTrue(bahdanau.fSim().startsWith("additive") && bahdanau.fNorm().startsWith("softmax"));
        assertTrue(self.value().contains("Q, K, V all from X") && self.fSim().startsWith("scaled dot"));
        assertEquals("SelfAttention, ScaledDotScore", self.classNames());
    }

    private static AttentionTaxonomy.Entry find(String name) {
        return AttentionTaxonomy.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
