package jattn.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the notebook and browser tests need from the machine (Debian's Python with Jupyter,
 * the {@code java} kernel, Chromium), found or failed with a message that says how to get it.
 * Never a silent skip.
 */
final class CourseTools {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    static final Path EXECUTED = ROOT.resolve("target/notebooks");
    static final Path RUNNER = ROOT.resolve("tools/notebooks/run_notebooks.py");
    static final Path COURSE_JAR = ROOT.resolve("target/attention-course.jar");
    static final String PYTHON = "/usr/bin/python3";

    private CourseTools() {}

    record Result(int exitCode, String output) {}

    /** Runs a command with a time limit, returning its exit code and merged output. */
    static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                reader.join(5000);
                return new Result(-1, out + "\n(killed after " + timeoutSeconds + " s)");
            }
            reader.join();
            return new Result(p.exitValue(), out.toString());
        } catch (IOException e) {
            return new Result(-2, "cannot start " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-3, "interrupted");
        }
    }

    /** Fails unless Debian's Python has Jupyter's libraries and the java kernel is installed. */
    static void requireJupyterAndKernel() {
        if (!Files.isExecutable(Path.of(PYTHON)))
            fail(PYTHON + " is missing: the notebook tests run Jupyter from Debian's packages. Run ./course setup");
        Result libs = run(List.of(PYTHON, "-c", "import nbclient, nbconvert, nbformat, jupyter_client"), 60);
        if (libs.exitCode() != 0)
            fail("Jupyter (nbclient, nbconvert) is not installed for " + PYTHON + ". Run ./course setup\n" + libs.output());
        Result spec = run(List.of(PYTHON, "-c",
                "from jupyter_client.kernelspec import KernelSpecManager as K; print(K().get_kernel_spec('java').argv)"), 60);
        if (spec.exitCode() != 0)
            fail("The Jupyter kernel 'java' is not installed. Run ./course setup\n" + spec.output());
        if (!Files.exists(COURSE_JAR))
            fail(COURSE_JAR + " is missing: the notebooks load it. Run mvn package (./course test does)");
    }

    /** The path of Chromium, or a failure saying how to install it. */
    static String requireChromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) return c;
        }
        fail("Chromium is not installed (Debian package 'chromium'); the browser test needs it. Run ./course setup");
        return null;
    }

    /** Every notebook under notebooks/, sorted. */
    static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.walk(NOTEBOOKS)) {
            List<Path> all = new ArrayList<>(s.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints")).sorted().toList());
            return all;
        }
    }

    /**
     * Executes one notebook through Jupyter (tools/notebooks/run_notebooks.py), printing the
     * runner's report (wall time, problems). Returns the runner's result.
     */
    static Result execute(Path notebook) {
        Result r = run(List.of(PYTHON, RUNNER.toString(), "--out", EXECUTED.toString(), notebook.toString()), 3600);
        System.out.print(r.output());
        return r;
    }
}
