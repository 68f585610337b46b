package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Writing with {@link CsvFile}, reading with Tablesaw through {@link CsvTable}: errors name the file and the line. */
class TestCsvTable {

    static final CsvTable.Column X = CsvTable.Column.integer("x"), Y = CsvTable.Column.integer("y");

    @Test
    void quotesOnlyWhatNeedsQuotingAndReadsItBack(@TempDir Path tmp) throws Exception {
        List<String> tricky = List.of("plain", "monday, january 4, 1999", "say \"hi\"", "", "a,\"b\"");
        String line = CsvFile.formatLine(tricky);
        assertEquals("plain,\"monday, january 4, 1999\",\"say \"\"hi\"\"\",,\"a,\"\"b\"\"\"", line);
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, CsvFile.format(List.of("a", "b", "c", "d", "e"), List.of(tricky, tricky)));
        Table t = CsvTable.read(file, CsvTable.Column.string("a"), CsvTable.Column.string("b"), CsvTable.Column.string("c"),
                CsvTable.Column.string("d"), CsvTable.Column.string("e"));
        assertEquals(2, t.rowCount());
        for (int j = 0; j < 5; j++) assertEquals(tricky.get(j), t.stringColumn(j).get(0), "column " + j);
        assertEquals(2, CsvTable.line(0));
        assertEquals(3, CsvTable.line(1));
    }

    @Test
    void acceptsCrLfAndOneTrailingEmptyLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, "x,y\r\n1,2\r\n\r\n");
        Table t = CsvTable.read(file, X, Y);
        assertEquals(1, t.rowCount());
        assertEquals(2, t.intColumn("y").getInt(0));
    }

    @Test
    void reportsFileAndLineOfMalformedRecords(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dates"));
        assertMessage(dir, "x,y\n1,2\n1,2,3\n", "dates/t.csv line 3: expected 2 columns, got 3");
        assertMessage(dir, "x,y\n1,2\n3,4\n5\n", "dates/t.csv line 4: expected 2 columns, got 1");
        assertMessage(dir, "x,y\n1,2\n\n1,2\n", "dates/t.csv line 3: empty line");
        assertMessage(dir, "x,z\n1,2\n", "dates/t.csv line 1: expected header x,y, got x,z");
        assertMessage(dir, "x,y\n\"open,2\n", "dates/t.csv line 2: expected 2 columns, got 1");   // the quote runs to the end
        assertMessage(dir, "x,y\n1,2\nseven,2\n", "dates/t.csv line 3: x 'seven' is not an integer");
        assertMessage(dir, "x,y\n1,2\n3,\n", "dates/t.csv line 3: no value for y");
        assertMessage(dir, "", "dates/t.csv: empty file");
    }

    @Test
    void refusesLineBreaksInsideFields() {
        assertThrows(IllegalArgumentException.class, () -> CsvFile.quote("two\nlines"));
    }

    private static void assertMessage(Path dir, String text, String expectedStart) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvTable.read(file, X, Y));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
