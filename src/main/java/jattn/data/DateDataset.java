package jattn.data;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The date-normalisation task, the classic attention demo: a human-readable date → ISO
 * {@code yyyy-mm-dd}. The output's year comes from the end of most inputs, so the alignment
 * between output and input positions is not monotonic.
 *
 * <p>The same task as the PyTorch anchor {@code shared/anchors/torch_date_attention.py}: a day
 * drawn uniformly from the {@value #DAYS} days starting at 1950-01-01, written in one of
 * {@link #PATTERNS} (drawn uniformly), in English ({@link Locale#ENGLISH}), lower-cased.
 * Random draws come from {@code java.util.Random(seed)}, whose sequence the Java specification
 * fixes, so the same seed gives the same data on every JVM.
 *
 * <p>The shipped files {@code datasets/dates/{train,valid,test}.csv} (columns {@code human,iso})
 * are {@code generate(SEED, 20000, 1000, 1000)}, written by {@link GenerateDatasets}.
 */
public final class DateDataset {

    /** The seed of the shipped files. */
    public static final long SEED = 0L;
    /** The first possible date. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1950, 1, 1);
    /** Number of possible dates, as in the anchor: 365·100 (1950-01-01 to 2049-12-06). */
    public static final int DAYS = 365 * 100;
    /** The input formats, as {@link DateTimeFormatter} patterns (the anchor's six formats). */
    public static final List<String> PATTERNS = List.of(
            "d MMMM yyyy",          // 4 january 1999
            "MMMM d, yyyy",         // january 4, 1999
            "dd/MM/yyyy",           // 04/01/1999
            "MMM d yyyy",           // jan 4 1999
            "yyyy.M.d",             // 1999.1.4
            "EEEE, MMMM d, yyyy");  // monday, january 4, 1999
    /** The CSV header of the files. */
    public static final String[] HEADER = {"human", "iso"};

    private static final List<DateTimeFormatter> FORMATTERS =
            PATTERNS.stream().map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).toList();

    /** The three disjoint splits: no human string occurs twice in or across them. */
    public record Splits(List<DatePair> train, List<DatePair> valid, List<DatePair> test) {}

    private DateDataset() {}

    /** {@code date} written in format {@code format} (an index into {@link #PATTERNS}), lower-cased. */
    public static String humanize(LocalDate date, int format) {
        return FORMATTERS.get(format).format(date).toLowerCase(Locale.ROOT);
    }

    /** One random pair: a uniform day, then a uniform format. Advances {@code rng} by two draws. */
    public static DatePair sample(Random rng) {
        LocalDate date = FIRST_DAY.plusDays(rng.nextInt(DAYS));
        int format = rng.nextInt(FORMATTERS.size());
        return new DatePair(humanize(date, format), date.toString());
    }

    /**
     * Draws {@code nTrain}, then {@code nValid}, then {@code nTest} pairs from one
     * {@code Random(seed)}, skipping any pair whose human string was already drawn, so the
     * splits are disjoint and free of duplicates.
     */
    public static Splits generate(long seed, int nTrain, int nValid, int nTest) {
        if (nTrain < 0 || nValid < 0 || nTest < 0 || (long) nTrain + nValid + nTest > DAYS)
            throw new IllegalArgumentException("DateDataset: split sizes " + nTrain + ", " + nValid + ", " + nTest
                    + " must be ≥ 0 with a sum ≤ " + DAYS);
        Random rng = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<DatePair> train = draw(nTrain, rng, seen);
        List<DatePair> valid = draw(nValid, rng, seen);
        List<DatePair> test = draw(nTest, rng, seen);
        return new Splits(train, valid, test);
    }

    /** The shipped splits: {@code generate(SEED, 20000, 1000, 1000)}. */
    public static Splits generate() {
        return generate(SEED, 20_000, 1_000, 1_000);
    }

    private static List<DatePair> draw(int n, Random rng, Set<String> seen) {
        List<DatePair> out = new ArrayList<>(n);
        while (out.size() < n) {
            DatePair p = sample(rng);
            if (seen.add(p.human())) out.add(p);
        }
        return List.copyOf(out);
    }

    /** The shipped splits, read from {@code datasets/dates/{train,valid,test}.csv}. */
    public static Splits load() {
        Path dir = Datasets.path("dates");
        return new Splits(load(dir.resolve("train.csv")), load(dir.resolve("valid.csv")), load(dir.resolve("test.csv")));
    }

    /**
     * Reads a {@code human,iso} CSV file (not modified).
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row: wrong header,
     *         wrong number of columns, an empty human string, or an iso field that is not a
     *         valid {@code yyyy-mm-dd} date
     */
    public static List<DatePair> load(Path file) {
        String label = Datasets.label(file);
        List<DatePair> pairs = new ArrayList<>();
        Table table = CsvTable.read(file, CsvTable.Column.string(HEADER[0]), CsvTable.Column.string(HEADER[1]));
        StringColumn humans = table.stringColumn(HEADER[0]), isos = table.stringColumn(HEADER[1]);
        for (int i = 0; i < table.rowCount(); i++) {
            String human = humans.get(i), iso = isos.get(i);
            int line = CsvTable.line(i);
            if (human.isBlank())
                throw new IllegalArgumentException(label + " line " + line + ": empty human date");
            if (!iso.matches("\\d{4}-\\d{2}-\\d{2}"))
                throw new IllegalArgumentException(label + " line " + line
                        + ": iso '" + iso + "' is not of the form yyyy-mm-dd");
            try {
                LocalDate.parse(iso);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(label + " line " + line + ": iso '" + iso
                        + "' is not a valid date", e);
            }
            pairs.add(new DatePair(human, iso));
        }
        return List.copyOf(pairs);
    }

    /** Reads a {@code human,iso} CSV file into a Tablesaw table with two string columns. */
    public static Table loadTable(Path file) {
        return table(Datasets.label(file), load(file));
    }

    /** A Tablesaw table with string columns {@code human} and {@code iso}; {@code pairs} is not modified. */
    public static Table table(String name, List<DatePair> pairs) {
        return Table.create(name,
                StringColumn.create(HEADER[0], pairs.stream().map(DatePair::human).toList()),
                StringColumn.create(HEADER[1], pairs.stream().map(DatePair::iso).toList()));
    }

    /** The file text of {@code pairs}: header {@code human,iso}, one quoted-as-needed row per pair. */
    public static String toCsv(List<DatePair> pairs) {
        return CsvFile.format(List.of(HEADER), pairs.stream().map(p -> List.of(p.human(), p.iso())).toList());
    }

    /** Writes {@code train.csv}, {@code valid.csv} and {@code test.csv} into {@code dir}. */
    public static void write(Path dir, Splits splits) {
        CsvFile.writeText(dir.resolve("train.csv"), toCsv(splits.train()));
        CsvFile.writeText(dir.resolve("valid.csv"), toCsv(splits.valid()));
        CsvFile.writeText(dir.resolve("test.csv"), toCsv(splits.test()));
    }
}
