package jattn.notebooks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
public final class CourseTools {

    public static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    static final Path EXECUTED = ROOT.resolve("target/notebooks");
    static final Path RUNNER = ROOT.resolve("tools/notebooks/run_notebooks.py");
    /** The figure checker (headless Chromium over the DevTools Protocol) and its screenshots. */
    static final Path CHECK_FIGURES = ROOT.resolve("tools/notebooks/check_figures.py");
    static final Path FIGURES = ROOT.resolve("target/figures");
    /** The live-notebook runner (Jupyter Notebook's own page in headless Chromium) and its working copy. */
    static final Path LIVE_NOTEBOOK = ROOT.resolve("tools/notebooks/live_notebook.py");
    static final Path LIVE = ROOT.resolve("target/live");
    static final Path COURSE_JAR = ROOT.resolve("target/attention-course.jar");
    public static final String PYTHON = "/usr/bin/python3";
    /** The exit code {@link #run} gives a command it killed at its time limit. */
    public static final int KILLED = -1;

    private CourseTools() {}

    public record Result(int exitCode, String output) {}

    /** Whether a command's output is also printed line by line while it runs (for long tools). */
    public enum Echo { QUIET, LINE_BY_LINE }

    /** Runs a command with a time limit, returning its exit code and merged output. */
    public static Result run(List<String> command, long timeoutSeconds) {
        return run(command, timeoutSeconds, Echo.QUIET);
    }

    /** Runs a command with a time limit, returning its exit code and merged output, echoed as asked. */
    public static Result run(List<String> command, long timeoutSeconds, Echo echo) {
        try {
            Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            StringBuffer out = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        out.append(line).append('\n');
                        if (echo == Echo.LINE_BY_LINE) System.out.println(line);
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                reader.join(5000);
                return new Result(KILLED, out + "\n(killed after " + timeoutSeconds + " s)");
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

    /** Fails unless Chromium and Debian's python3-websocket (the DevTools Protocol client of tools/notebooks/cdp.py) are there. */
    static void requireChromiumAndCdp() {
        requireChromium();
        if (!Files.isExecutable(Path.of(PYTHON)))
            fail(PYTHON + " is missing: the browser tests drive Chromium from Debian's Python. Run ./course setup");
        Result ws = run(List.of(PYTHON, "-c", "import websocket"), 60);
        if (ws.exitCode() != 0)
            fail("python3-websocket is not installed for " + PYTHON + " (the browser tests talk to Chromium with it). Run ./course setup\n" + ws.output());
    }

    /** Fails unless Debian's Jupyter Notebook server (the one ./course jupyter starts) is installed. */
    static void requireNotebookServer() {
        Result nb = run(List.of(PYTHON, "-c", "import notebook; print(notebook.__version__)"), 60);
        if (nb.exitCode() != 0)
            fail("Jupyter Notebook is not installed for " + PYTHON + " (Debian package jupyter-notebook). Run ./course setup\n" + nb.output());
    }

    /** The file name of a notebook or export without its extension: 00_tour_of_the_tools. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
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
