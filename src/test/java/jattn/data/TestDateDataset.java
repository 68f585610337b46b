package jattn.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class TestDateDataset {

    /** The anchor's month names (torch_date_attention.py), lower-cased. */
    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    /** 1950-01-01 was a Sunday. */
    static final List<String> WEEK_FROM_1950_01_01 = List.of("sunday", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday");

    static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2}) ([a-z]+) (\\d{4})");
    static final Pattern MONTH_DAY_COMMA_YEAR = Pattern.compile("([a-z]+) (\\d{1,2}), (\\d{4})");
    static final Pattern SLASHES = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");
    static final Pattern ABBREVIATED = Pattern.compile("([a-z]{3}) (\\d{1,2}) (\\d{4})");
    static final Pattern DOTS = Pattern.compile("(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})");
    static final Pattern WEEKDAY = Pattern.compile("([a-z]+day), ([a-z]+) (\\d{1,2}), (\\d{4})");

    /** Reads a human date without java.time's formatters: format index and date. */
    static Object[] parseIndependently(String s) {
        Matcher m;
        if ((m = DAY_MONTH_YEAR.matcher(s)).matches())
            return new Object[]{0, date(m.group(3), MONTHS.indexOf(m.group(2)) + 1, m.group(1))};
        if ((m = MONTH_DAY_COMMA_YEAR.matcher(s)).matches())
            return new Object[]{1, date(m.group(3), MONTHS.indexOf(m.group(1)) + 1, m.group(2))};
        if ((m = SLASHES.matcher(s)).matches())
            return new Object[]{2, date(m.group(3), Integer.parseInt(m.group(2)), m.group(1))};
        if ((m = ABBREVIATED.matcher(s)).matches())
            return new Object[]{3, date(m.group(3), abbreviatedMonth(m.group(1)), m.group(2))};
        if ((m = DOTS.matcher(s)).matches())
            return new Object[]{4, date(m.group(1), Integer.parseInt(m.group(2)), m.group(3))};
        if ((m = WEEKDAY.matcher(s)).matches()) {
            LocalDate d = date(m.group(4), MONTHS.indexOf(m.group(2)) + 1, m.group(3));
            long daysSince1950 = d.toEpochDay() - LocalDate.of(1950, 1, 1).toEpochDay();
            assertEquals(WEEK_FROM_1950_01_01.get((int) (daysSince1950 % 7)), m.group(1), s);
            return new Object[]{5, d};
        }
        throw new AssertionError("no known format: " + s);
    }

    static int abbreviatedMonth(String abbr) {
        for (int i = 0; i < 12; i++) if (MONTHS.get(i).substring(0, 3).equals(abbr)) return i + 1;
        throw new AssertionError("unknown month abbreviation " + abbr);
    }

    static LocalDate date(String year, int month, String day) {
        assertTrue(month >= 1, "unknown month");
        return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    }

    @Test
    void formatsAreTheAnchorsSix() {
        LocalDate d = LocalDate.of(1999, 1, 4);
        assertEquals(List.of("4 january 1999", "january 4, 1999", "04/01/1999", "jan 4 1999", "1999.1.4",
                "monday, january 4, 1999"), List.of(DateDataset.humanize(d, 0), DateDataset.humanize(d, 1),
                DateDataset.humanize(d, 2), DateDataset.humanize(d, 3), DateDataset.humanize(d, 4),
                DateDataset.humanize(d, 5)));
    }

    @Test
    void monthAndDayNamesAreEnglishWhateverTheDefaultLocale() {
        for (int m = 1; m <= 12; m++) {
            LocalDate d = LocalDate.of(2001, m, 15);
            assertEquals("15 " + MONTHS.get(m - 1) + " 2001", DateDataset.humanize(d, 0));
            assertEquals(MONTHS.get(m - 1).substring(0, 3) + " 15 2001", DateDataset.humanize(d, 3));
        }
        for (int k = 0; k < 7; k++)
            assertTrue(DateDataset.humanize(LocalDate.of(1950, 1, 1 + k), 5).startsWith(WEEK_FROM_1950_01_01.get(k) + ", "));
    }

    @Test
    void everyGeneratedPairIsCorrectDisjointAndInRange() {
        DateDataset.Splits s = DateDataset.generate();
        assertEquals(20_000, s.train().size());
        assertEquals(1_000, s.valid().size());
        assertEquals(1_000, s.test().size());
        Set<String> seen = new HashSet<>();
        int[] perFormat = new int[6];
        LocalDate last = DateDataset.FIRST_DAY.plusDays(DateDataset.DAYS - 1);
        for (List<DatePair> split : List.of(s.train(), s.valid(), s.test()))
            for (DatePair p : split) {
                assertTrue(seen.add(p.human()), "repeated " + p.human());
                Object[] parsed = parseIndependently(p.human());
                perFormat[(int) parsed[0]]++;
                assertEquals(parsed[1], p.date(), p.human());
                assertEquals(p.date().toString(), p.iso());
                assertFalse(p.date().isBefore(DateDataset.FIRST_DAY) || p.date().isAfter(last), p.iso());
            }
        double expected = seen.size() / 6.0;                             // formats are drawn uniformly
        for (int count : perFormat) assertEquals(expected, count, 0.05 * expected);
    }

    @Test
    void sameSeedSameSplitsOtherSeedOtherSplits() {
        assertEquals(DateDataset.generate(7, 50, 5, 5), DateDataset.generate(7, 50, 5, 5));
        assertNotEquals(DateDataset.generate(7, 50, 5, 5).train(), DateDataset.generate(8, 50, 5, 5).train());
        assertEquals(DateDataset.sample(new Random(3)), DateDataset.sample(new Random(3)));
        assertThrows(IllegalArgumentException.class, () -> DateDataset.generate(0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DateDataset.generate(0, DateDataset.DAYS, 1, 0));
        DateDataset.Splits empty = DateDataset.generate(0, 0, 0, 1);
        assertEquals(1, empty.test().size());
        assertTrue(empty.train().isEmpty());
    }

    @Test
    void shippedFilesAreByteIdenticalToTheGenerator() throws Exception {
        DateDataset.Splits s = DateDataset.generate();
        Path dir = Datasets.path("dates");
        assertArrayEquals(DateDataset.toCsv(s.train()).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("train.csv")));
        assertArrayEquals(DateDataset.toCsv(s.valid()).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("valid.csv")));
        assertArrayEquals(DateDataset.toCsv(s.test()).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("test.csv")));
    }

    @Test
    void loadReadsTheShippedSplitsIncludingQuotedCommas() {
        DateDataset.Splits loaded = DateDataset.load();
        assertEquals(DateDataset.generate(), loaded);
        assertTrue(loaded.train().stream().anyMatch(p -> p.human().contains(",")));
        Table t = DateDataset.loadTable(Datasets.path("dates", "test.csv"));
        assertEquals(1_000, t.rowCount());
        assertEquals(List.of("human", "iso"), t.columnNames());
        assertEquals(loaded.test().get(0).human(), t.stringColumn("human").get(0));
    }

    @Test
    void roundTripThroughWrite(@TempDir Path tmp) {
        DateDataset.Splits s = DateDataset.generate(11, 30, 3, 3);
        DateDataset.write(tmp, s);
        assertEquals(s.train(), DateDataset.load(tmp.resolve("train.csv")));
        assertEquals(s.test(), DateDataset.load(tmp.resolve("test.csv")));
    }

    @Test
    void malformedRowsNameFileAndLine(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dates"));
        assertMessage(dir, "human,iso\n4 january 1999,1999-01-04\na,b,c\n", "dates/train.csv line 3: expected 2 columns, got 3");
        assertMessage(dir, "human,iso\n4 january 1999,1999-01-04\nx,1999-13-01\n", "dates/train.csv line 3: iso '1999-13-01' is not a valid date");
        assertMessage(dir, "human,iso\nx,4/1/1999\n", "dates/train.csv line 2: iso '4/1/1999' is not of the form yyyy-mm-dd");
        assertMessage(dir, "human,iso\n ,1999-01-04\n", "dates/train.csv line 2: empty human date");
        assertMessage(dir, "iso,human\n", "dates/train.csv line 1: expected header human,iso");
    }

    private static void assertMessage(Path dir, String text, String expectedStart) throws Exception {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DateDataset.load(file));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
