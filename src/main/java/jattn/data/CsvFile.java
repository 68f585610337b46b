package jattn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes the small comma-separated files of {@code datasets/} (RFC 4180 quoting:
 * a field containing a comma or a double quote is written between double quotes, with inner
 * quotes doubled). Every record fits on one line, so fields never contain line breaks.
 * Errors name the file and the line, e.g. {@code "dates/train.csv line 17: expected 2 columns, got 3"}.
 *
 * <p>Files are UTF-8 with {@code \n} line ends (CRLF is accepted when reading) and a header
 * line; one empty last line is tolerated.
 */
public final class CsvFile {

    /** One data record: its 1-based line number in the file and its fields. */
    public record Row(int line, List<String> fields) {
        public String get(int column) { return fields.get(column); }
    }

    private CsvFile() {}

    /**
     * Reads {@code file} (not modified), checks that its header is exactly {@code header} and that
     * every record has {@code header.length} fields, and returns the records after the header.
     *
     * @throws IllegalArgumentException naming the file and the line of the first malformed record
     */
    public static List<Row> read(Path file, String... header) {
        String label = Datasets.label(file);
        List<String> lines = readLines(file);
        if (lines.isEmpty())
            throw new IllegalArgumentException(label + ": empty file, expected header " + String.join(",", header));
        List<String> found = parseLine(lines.get(0), label, 1);
        if (!found.equals(Arrays.asList(header)))
            throw new IllegalArgumentException(label + " line 1: expected header " + String.join(",", header)
                    + ", got " + String.join(",", found));
        List<Row> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (lines.get(i).isEmpty() && i == lines.size() - 1) break;   // tolerate one trailing newline
            List<String> fields = parseLine(lines.get(i), label, lineNumber);
            if (fields.size() != header.length)
                throw new IllegalArgumentException(label + " line " + lineNumber + ": expected " + header.length
                        + " columns, got " + fields.size());
            rows.add(new Row(lineNumber, List.copyOf(fields)));
        }
        return rows;
    }

    /** The lines of a UTF-8 file (not modified), with an error that names the file. */
    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** Splits one CSV line into fields, undoing RFC 4180 quoting. */
    static List<String> parseLine(String line, String label, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0, n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {                        // quoted field
                i++;
                while (true) {
                    if (i >= n)
                        throw new IllegalArgumentException(label + " line " + lineNumber + ": unterminated quoted field");
                    char c = line.charAt(i++);
                    if (c != '"') field.append(c);
                    else if (i < n && line.charAt(i) == '"') { field.append('"'); i++; }
                    else break;
                }
                if (i < n && line.charAt(i) != ',')
                    throw new IllegalArgumentException(label + " line " + lineNumber
                            + ": unexpected character after closing quote at column " + (i + 1));
            } else {                                                     // plain field
                while (i < n && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"')
                        throw new IllegalArgumentException(label + " line " + lineNumber
                                + ": quote inside an unquoted field at column " + (i + 1));
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) return fields;
            i++;                                                         // skip the comma
        }
    }

    /** One CSV line (without line end), quoting the fields that need it. */
    public static String formatLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < fields.size(); j++) {
            if (j > 0) sb.append(',');
            sb.append(quote(fields.get(j)));
        }
        return sb.toString();
    }

    /**
     * A field as written in a CSV file: quoted only if it contains a comma or a quote.
     *
     * @throws IllegalArgumentException if the field contains a line break (records are one line each)
     */
    public static String quote(String field) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0)
            throw new IllegalArgumentException("CsvFile: a field may not contain a line break: " + field.strip());
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** The whole file's text: the header line, then one line per record, each ended by {@code \n}. */
    public static String format(List<String> header, List<List<String>> records) {
        StringBuilder sb = new StringBuilder(formatLine(header)).append('\n');
        for (List<String> r : records) sb.append(formatLine(r)).append('\n');
        return sb.toString();
    }

    /** Writes {@code text} as UTF-8 to {@code file}, creating its parent directories. */
    static void writeText(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }
}
