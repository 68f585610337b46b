package jattn.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The submissions of one assignment in nbgrader's layout, {@code submitted/<student>/<assignment>/*.ipynb}.
 * A student with several notebooks there has one that counts, the latest (by modification time,
 * then by name); the others are listed as superseded. A student folder without a notebook is a
 * submission with nothing to grade.
 */
public record Submissions(List<Submission> current, List<Submission> superseded) {

    /** One student's notebook (or, with {@code file} null... never: an empty folder gives the folder itself). */
    public record Submission(String student, Path file) {}

    public static Submissions find(Path submitted, String assignment) throws IOException {
        List<Submission> current = new ArrayList<>(), superseded = new ArrayList<>();
        if (!Files.isDirectory(submitted)) throw new IOException(submitted + ": no such folder of submissions (expected submitted/<student>/" + assignment + "/)");
        List<Path> students;
        try (Stream<Path> s = Files.list(submitted)) {
            students = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path student : students) {
            Path dir = student.resolve(assignment);
            if (!Files.isDirectory(dir)) continue;
            List<Path> notebooks;
            try (Stream<Path> s = Files.list(dir)) {
                notebooks = s.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                        .sorted(Comparator.comparing(Submissions::modified).thenComparing(Path::toString)).toList();
            }
            String name = student.getFileName().toString();
            if (notebooks.isEmpty()) { current.add(new Submission(name, dir)); continue; }
            for (int i = 0; i < notebooks.size() - 1; i++) superseded.add(new Submission(name, notebooks.get(i)));
            current.add(new Submission(name, notebooks.get(notebooks.size() - 1)));
        }
        return new Submissions(List.copyOf(current), List.copyOf(superseded));
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
