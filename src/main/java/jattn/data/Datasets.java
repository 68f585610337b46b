package jattn.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the course's {@code datasets/} directory, so that notebooks (run with the working
 * directory {@code notebooks/}) and tests (run from the repository root) open the same files.
 *
 * <p>Search: from the start directory upwards, the first directory {@code d} such that
 * {@code d/datasets/README.md} exists gives {@code d/datasets}. The system property
 * {@code jattn.datasets}, when set, names the directory directly and skips the search.
 * Nothing is ever downloaded: every dataset is a file in the repository.
 */
public final class Datasets {

    /** System property that overrides the search: the path of a {@code datasets} directory. */
    public static final String PROPERTY = "jattn.datasets";

    private Datasets() {}

    /** The datasets directory, searched upwards from the working directory {@code user.dir}. */
    public static Path root() {
        String override = System.getProperty(PROPERTY);
        if (override != null) {
            Path dir = Path.of(override).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("README.md")))
                throw new IllegalStateException("Datasets: -D" + PROPERTY + "=" + override
                        + " is not a datasets directory (no README.md in " + dir + ")");
            return dir;
        }
        return root(Path.of(System.getProperty("user.dir")));
    }

    /** The datasets directory, searched upwards from {@code start} (not modified, may be relative). */
    public static Path root(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (Path d = from; d != null; d = d.getParent()) {
            Path candidate = d.resolve("datasets");
            if (Files.isRegularFile(candidate.resolve("README.md"))) return candidate;
        }
        throw new IllegalStateException("Datasets: no 'datasets' directory containing README.md in " + from
                + " or any of its parents. Run from inside the course repository (its root or notebooks/),"
                + " or set -D" + PROPERTY + "=/path/to/datasets");
    }

    /** A file or directory under the datasets directory, e.g. {@code path("dates", "train.csv")}. */
    public static Path path(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }

    /**
     * A short name for messages: the parent directory and the file name, e.g.
     * {@code dates/train.csv} for {@code /repo/datasets/dates/train.csv}.
     */
    public static String label(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path name = abs.getFileName();
        if (name == null) return abs.toString();
        return parent == null || parent.getFileName() == null
                ? name.toString() : parent.getFileName() + "/" + name;
    }
}
