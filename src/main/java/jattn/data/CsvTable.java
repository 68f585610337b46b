package jattn.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a comma-separated file of {@code datasets/} into a Tablesaw {@link Table} with
 * Tablesaw's own reader ({@link CsvReadOptions}: a header line, explicit column types, RFC 4180
 * quoting), and turns its errors into ones that name the file and the line, e.g.
 * {@code "dates/train.csv line 17: expected 2 columns, got 3"}.
 * <pre>
 *   Table t = CsvTable.read(file, CsvTable.Column.string("word"), CsvTable.Column.integer("count"));
 *   CsvTable.line(i)    // the file line of row i: i + 2 (line 1 is the header)
 * </pre>
 * The files' convention, which makes row i line i + 2: every record is one line (no line break
 * inside a field) and there are no empty lines but one at the end; an empty line elsewhere is an
 * error. Only an empty field is a missing value (not "NA" or "-"); a missing integer is an
 * error, a missing string is read as "" and left to the caller. Tablesaw trims unquoted
 * fields; the datasets have no leading or trailing spaces. Files are UTF-8, {@code \n} or
 * {@code \r\n} line ends. The file is not modified.
 */
public final class CsvTable {

    /** A column the file must have, in order: its header name and its Tablesaw type. */
    public record Column(String name, ColumnType type) {
        public static Column string(String name) { return new Column(name, ColumnType.STRING); }
        public static Column integer(String name) { return new Column(name, ColumnType.INTEGER); }
    }

    private static final Pattern ROW = Pattern.compile("Row number (\\d+) contains (\\d+) columns\\. (\\d+) expected");
    private static final String NEVER_PRESENT = "\u0000";   // so that only an empty field counts as missing

    private CsvTable() {}

    /** The line of the file that holds row {@code row} (0-based) of a table this class read. */
    public static int line(int row) { return row + 2; }

    /**
     * Reads {@code file}: its header must be exactly the columns' names, and every record must
     * have one field per column, of the column's type.
     *
     * @throws IllegalArgumentException naming the file and the line of the first malformed record
     */
    public static Table read(Path file, Column... columns) {
        String label = Datasets.label(file);
        String header = String.join(",", Arrays.stream(columns).map(Column::name).toList());
        List<String> lines = CsvFile.readLines(file);
        if (lines.isEmpty()) throw new IllegalArgumentException(label + ": empty file, expected header " + header);
        String first = lines.get(0).replace("\r", "");
        if (!first.equals(header))                                      // the header names no quoted field
            throw new IllegalArgumentException(label + " line 1: expected header " + header + ", got " + first);
        for (int i = 1; i < lines.size() - 1; i++)                      // one empty last line is fine
            if (lines.get(i).isEmpty())
                throw new IllegalArgumentException(label + " line " + (i + 1) + ": empty line (expected " + columns.length
                        + " columns)");
        CsvReadOptions options = CsvReadOptions.builder(file.toFile())
                .header(true).separator(',').quoteChar('"')
                .columnTypes(Arrays.stream(columns).map(Column::type).toArray(ColumnType[]::new))
                .missingValueIndicator(NEVER_PRESENT)
                .build();
        Table table;
        try {
            table = Table.read().usingOptions(options);
        } catch (AddCellToColumnException e) {
            throw new IllegalArgumentException(label + " line " + (e.getRowNumber() + 1) + ": " + cellProblem(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + rowProblem(e.getMessage()), e);
        }
        table.setName(label);
        for (Column c : columns)
            if (c.type() == ColumnType.INTEGER)
                for (int i = 0; i < table.rowCount(); i++)
                    if (table.intColumn(c.name()).isMissing(i))
                        throw new IllegalArgumentException(label + " line " + line(i) + ": no value for " + c.name());
        return table;
    }

    /** Tablesaw's "Row number r contains k columns. n expected." as " line r + 1: expected n columns, got k". */
    private static String rowProblem(String message) {
        Matcher m = message == null ? null : ROW.matcher(message);
        if (m == null || !m.find()) return ": " + message;
        return " line " + (Long.parseLong(m.group(1)) + 1) + ": expected " + m.group(3) + " columns, got " + m.group(2);
    }

    private static String cellProblem(AddCellToColumnException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IndexOutOfBoundsException) return rowProblem(cause.getMessage()).replaceFirst("^ line \\d+: ", "");
        String value = cause instanceof NumberFormatException nf && nf.getMessage() != null
                ? nf.getMessage().replaceFirst(".*For input string: \"(.*)\"$", "$1") : null;
        return e.getColumnName() + (value == null ? ": " + cause : " '" + value + "' is not an integer");
    }
}
