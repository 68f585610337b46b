package jattn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the small comma-separated files of {@code datasets/} (RFC 4180 quoting: a field
 * containing a comma or a double quote is written between double quotes, with inner quotes
 * doubled; every record on one line, {@code \n} line ends, a header line, UTF-8). Reading is
 * {@link CsvTable}, with Tablesaw's reader.
 */
public final class CsvFile {

    private CsvFile() {}

    /** The lines of a UTF-8 file (not modified), with an error that names the file. */
    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
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
