package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestCsvFile {

    @Test
    void quotesOnlyWhatNeedsQuotingAndReadsItBack(@TempDir Path tmp) throws Exception {
        List<String> tricky = List.of("plain", "monday, january 4, 1999", "say \"hi\"", "", "a,\"b\"");
        String line = CsvFile.formatLine(tricky);
        assertEquals("plain,\"monday, january 4, 1999\",\"say \"\"hi\"\"\",,\"a,\"\"b\"\"\"", line);
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, CsvFile.format(List.of("a", "b", "c", "d", "e"), List.of(tricky, tricky)));
        List<CsvFile.Row> rows = CsvFile.read(file, "a", "b", "c", "d", "e");
        assertEquals(2, rows.size());
        assertEquals(tricky, rows.get(0).fields());
        assertEquals(2, rows.get(0).line());
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void acceptsCrLfAndOneTrailingEmptyLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, "x,y\r\n1,2\r\n\r\n");
        List<CsvFile.Row> rows = CsvFile.read(file, "x", "y");
        assertEquals(1, rows.size());
        assertEquals(List.of("1", "2"), rows.get(0).fields());
    }

    @Test
    void reportsFileAndLineOfMalformedRecords(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dates"));
        assertMessage(dir, "x,y\n1,2\n1,2,3\n", "dates/t.csv line 3: expected 2 columns, got 3");
        assertMessage(dir, "x,y\n1,2\n\n1,2\n", "dates/t.csv line 3: expected 2 columns, got 1");
        assertMessage(dir, "x,z\n1,2\n", "dates/t.csv line 1: expected header x,y, got x,z");
        assertMessage(dir, "x,y\n\"open,2\n", "dates/t.csv line 2: unterminated quoted field");
        assertMessage(dir, "x,y\n\"a\"b,2\n", "dates/t.csv line 2: unexpected character after closing quote");
        assertMessage(dir, "x,y\na\"b,2\n", "dates/t.csv line 2: quote inside an unquoted field");
        assertMessage(dir, "", "dates/t.csv: empty file");
    }

    @Test
    void refusesLineBreaksInsideFields() {
        assertThrows(IllegalArgumentException.class, () -> CsvFile.quote("two\nlines"));
    }

    private static void assertMessage(Path dir, String text, String expectedStart) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvFile.read(file, "x", "y"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
