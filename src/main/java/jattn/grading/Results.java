package jattn.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reads and writes the grader's files: JSON results, and any text, always atomically (a temporary file, then a rename). */
public final class Results {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Results() {}

    /** Writes {@code text} to {@code file} so that a reader sees the old file or the new one, never half of one. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void write(Path file, SubmissionResult r) throws IOException {
        writeAtomically(file, GSON.toJson(r) + "\n");
    }

    /** A result written before, if it is there and readable. */
    static Optional<SubmissionResult> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.ofNullable(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), SubmissionResult.class));
        } catch (IOException | JsonParseException e) {
            return Optional.empty();                                         // unreadable: grade again
        }
    }
}
