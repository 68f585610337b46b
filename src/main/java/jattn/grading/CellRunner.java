package jattn.grading;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a notebook's code cells one by one in a sandboxed agent JVM ({@link AgentLauncher}), with
 * the JShell semantics of the course's kernel: a cell is cut into snippets by JShell's own
 * {@link SourceCodeAnalysis}, as rapaio-jupyter-kernel does, and each snippet is evaluated in turn.
 * The outcome of a cell ({@link CellOutcome}) is decided here, on the host, from the snippet
 * events: a rejected snippet is a compile error, an event with an exception is a failure.
 *
 * <p>A cell that runs past its time limit has its agent killed. The next cell starts a fresh
 * agent and first replays, silently, every cell that ran cleanly before, so one endless loop costs
 * only the cell it is in. The kernel's line magic {@code %jars} is skipped (the grader puts the
 * homework jar on the class path itself); any other magic is refused.
 */
public final class CellRunner implements AutoCloseable {

    /** Time a fresh agent may take to start and compile its first snippet. */
    static final double STARTUP_SECONDS = 60;

    /** Output kept per cell; more is cut with a note. */
    static final int MAX_OUTPUT = 16 * 1024;

    private final AgentLauncher.Settings agent;
    private final double cellSeconds;
    private final ExecutorService evaluator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jshell-eval");
        t.setDaemon(true);
        return t;
    });
    private final List<String> cleanSources = new ArrayList<>();
    private final CappedBuffer output = new CappedBuffer(MAX_OUTPUT);
    private JShell shell;
    private AgentLauncher launcher;

    CellRunner(AgentLauncher.Settings agent, double cellSeconds) {
        this.agent = agent;
        this.cellSeconds = cellSeconds;
    }

    /** Who wrote a cell: the instructor's source (setup, locked and test cells) or the student. */
    public enum Owner { SOURCE, STUDENT }

    /**
     * Names declared by the source's cells (methods, classes, variables, imports), with the
     * snippet that declared them: a student cell that declares one of these names again would
     * change what the tests call, so its declaration is dropped and the source's restored.
     */
    private final java.util.Map<String, String> sourceNames = new java.util.LinkedHashMap<>();
    private final List<String> redefinitions = new ArrayList<>();

    /** What student cells tried to redefine (each: "cell N redefines NAME ..."), in order. */
    public List<String> redefinitions() { return List.copyOf(redefinitions); }

    /** Runs {@code source} as cell {@code number}, written by {@code owner}. */
    public CellOutcome run(int number, String source, Owner owner) {
        this.owner = owner;
        this.cellNumber = number;
        return runCell(number, source);
    }

    private Owner owner = Owner.SOURCE;
    private int cellNumber;

    /** Runs {@code source} as cell {@code number} of the source. */
    public CellOutcome run(int number, String source) {
        return run(number, source, Owner.SOURCE);
    }

    private CellOutcome runCell(int number, String source) {
        long t0 = System.nanoTime();
        String code = stripMagics(source);
        if (code == null)
            return new CellOutcome(number, CellOutcome.Status.REFUSED, "cell " + number + ": " + refusedMagic(source)
                    + ": only %jars lines, alone in their cell, are run by the grader", "", 0);
        if (code.isBlank()) return new CellOutcome(number, CellOutcome.Status.OK, "", "", 0);
        try {
            ensureShell(t0);
        } catch (RuntimeException e) {
            return new CellOutcome(number, CellOutcome.Status.AGENT_DIED, "cell " + number + ": the agent JVM could not start ("
                    + e.getMessage() + ")", "", seconds(t0));
        }
        output.reset();
        CellOutcome outcome = evaluate(number, code, t0, cellSeconds);
        if (outcome.ok()) cleanSources.add(code);
        return outcome;
    }

    private CellOutcome evaluate(int number, String code, long t0, double limitSeconds) {
        JShell js = shell;
        Owner who = number == 0 ? Owner.SOURCE : owner;                 // replays and warm-up: as first run
        Future<String> f = evaluator.submit(() -> evalAll(js, code, who));
        String problem;
        try {
            problem = f.get((long) (limitSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            dropShell();
            return new CellOutcome(number, CellOutcome.Status.TIMEOUT, String.format(Locale.ROOT,
                    "cell %d: still running after %.0f s, stopped", number, limitSeconds), output.text(), seconds(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropShell();
            return new CellOutcome(number, CellOutcome.Status.AGENT_DIED, "cell " + number + ": grading interrupted", output.text(), seconds(t0));
        } catch (java.util.concurrent.ExecutionException e) {
            String why = deathReason();
            dropShell();
            return new CellOutcome(number, CellOutcome.Status.AGENT_DIED, "cell " + number + ": the agent JVM ended (" + why + ")",
                    output.text(), seconds(t0));
        }
        if (!alive()) {
            String why = deathReason();
            dropShell();
            return new CellOutcome(number, CellOutcome.Status.AGENT_DIED, "cell " + number + ": the agent JVM ended (" + why + ")",
                    output.text(), seconds(t0));
        }
        if (problem == null) return new CellOutcome(number, CellOutcome.Status.OK, "", output.text(), seconds(t0));
        CellOutcome.Status status = problem.startsWith(COMPILE) ? CellOutcome.Status.COMPILE_ERROR : CellOutcome.Status.EXCEPTION;
        return new CellOutcome(number, status, "cell " + number + ": " + problem.substring(problem.indexOf(':') + 2), output.text(), seconds(t0));
    }

    private static final String COMPILE = "compile: ";

    /** Evaluates the snippets of {@code code} in order; null if all ran, else the first problem ("compile: ..." or "exception: ..."). */
    private String evalAll(JShell js, String code, Owner who) {
        SourceCodeAnalysis sca = js.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            String snippet;
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> { snippet = info.source(); remaining = info.remaining(); }
                case EMPTY -> { return null; }
                default -> { snippet = remaining; remaining = ""; }          // incomplete: let the compiler say why
            }
            for (SnippetEvent e : js.eval(snippet)) {
                if (e.causeSnippet() != null) continue;                          // an update of another snippet
                if (e.status() == Snippet.Status.REJECTED)
                    return COMPILE + "does not compile: " + diagnostics(js, e.snippet());
                guardNames(js, e, who);
                JShellException ex = e.exception();
                if (ex != null) return "exception: " + describe(ex);
            }
        }
        return null;
    }

    /**
     * The names of the variables that {@code code} declares at its top level, as JShell would cut
     * it into snippets (a declaration with several variables counts each). Starts the shell if needed.
     */
    public List<String> declaredVariables(String code) {
        ensureShell(System.nanoTime());
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        List<String> names = new ArrayList<>();
        String remaining = stripMagics(code) == null ? "" : stripMagics(code);
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            if (info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE
                    && info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI) break;
            for (Snippet sn : sca.sourceToSnippets(info.source()))
                if (sn instanceof jdk.jshell.VarSnippet v) names.add(v.name());
            remaining = info.remaining();
        }
        return names;
    }

    /** Records the source's declarations; undoes a student's redeclaration of one of them. */
    private void guardNames(JShell js, SnippetEvent e, Owner who) {
        Snippet sn = e.snippet();
        String name = sn instanceof jdk.jshell.DeclarationSnippet d ? d.name()
                : sn instanceof jdk.jshell.ImportSnippet i && !i.isStatic() ? i.name() : null;
        if (name == null || !e.status().isDefined()) return;
        if (who == Owner.SOURCE) { sourceNames.put(name, sn.source()); return; }
        String original = sourceNames.get(name);
        if (original == null || original.strip().equals(sn.source().strip())) return;
        js.drop(sn);
        js.eval(original);
        redefinitions.add("cell " + cellNumber + " redefines " + name + ", which the assignment's own cells define; "
                + "the redefinition was undone");
    }

    private static String diagnostics(JShell js, Snippet s) {
        List<String> msgs = js.diagnostics(s).filter(Diag::isError).map(d -> d.getMessage(Locale.ROOT)).toList();
        String first = s.source().strip().lines().findFirst().orElse("");
        return (msgs.isEmpty() ? "rejected" : String.join("; ", msgs)) + " (in: " + (first.length() > 80 ? first.substring(0, 80) + "…" : first) + ")";
    }

    private static String describe(JShellException ex) {
        if (ex instanceof EvalException ee) {
            String name = ee.getExceptionClassName();
            String msg = ee.getMessage();
            StringBuilder sb = new StringBuilder(name + (msg == null || msg.isBlank() ? "" : ": " + msg));
            int depth = 0;
            for (Throwable c = ee.getCause(); c != null && depth < 3; c = c.getCause(), depth++)
                sb.append(" (caused by ").append(c instanceof EvalException ce ? ce.getExceptionClassName() : c.getClass().getName())
                        .append(c.getMessage() == null ? "" : ": " + c.getMessage()).append(')');
            return sb.toString();
        }
        if (ex instanceof UnresolvedReferenceException ure)
            return "uses something not defined: " + ure.getSnippet().source().strip().lines().findFirst().orElse("");
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    private void ensureShell(long t0) {
        if (shell != null) return;
        launcher = new AgentLauncher(agent);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        shell = JShell.builder().executionEngine(launcher, java.util.Map.of()).out(out).err(out)
                .in(java.io.InputStream.nullInputStream()).build();
        for (var p : agent.classpath()) shell.addToClasspath(p.toString());
        // JShell's first snippet warms up its compiler (seconds on a busy machine): not a cell's time
        CellOutcome warm = evaluate(0, "0", t0, STARTUP_SECONDS);
        if (!warm.ok()) throw new IllegalStateException(warm.problem());
        // a fresh agent after a timeout: replay what ran cleanly, quietly, within one cell's time
        List<String> replay = List.copyOf(cleanSources);
        for (String src : replay) {
            CellOutcome o = evaluate(0, src, t0, cellSeconds);
            if (!o.ok()) throw new IllegalStateException("replaying earlier cells failed: " + o.problem());
        }
        output.reset();
    }

    private boolean alive() {
        return launcher != null && launcher.process() != null && launcher.process().isAlive();
    }

    private String deathReason() {
        String err = launcher == null ? "" : launcher.stderr();
        if (err.contains("OutOfMemoryError")) return "out of memory: the heap limit is " + agent.heapMegabytes() + " MB";
        Process dead = launcher == null ? null : launcher.process();
        if (dead != null && !dead.isAlive() && dead.exitValue() == 3)      // -XX:+ExitOnOutOfMemoryError exits with 3; System.exit is refused
            return "out of memory: the heap limit is " + agent.heapMegabytes() + " MB";
        Process p = launcher == null ? null : launcher.process();
        if (p != null) {
            try {
                p.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!p.isAlive()) return "exit code " + p.exitValue() + (err.isBlank() ? "" : ", " + lastLine(err));
        }
        return err.isBlank() ? "no message" : lastLine(err);
    }

    private static String lastLine(String s) {
        List<String> lines = s.strip().lines().filter(l -> !l.startsWith("WARNING")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private void dropShell() {
        AgentLauncher l = launcher;
        JShell js = shell;
        shell = null;
        launcher = null;
        if (l != null) l.kill();
        if (js != null) {
            try {
                js.close();
            } catch (RuntimeException ignored) {
                // already dead
            }
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /**
     * The cell without its %jars lines (empty for a cell of them), or null if it has another magic
     * or mixes a magic with Java code, which the kernel refuses too ("Mixed magic and Java code
     * snippets are not allowed").
     */
    static String stripMagics(String source) {
        List<String> lines = source.lines().toList();
        boolean magic = lines.stream().map(String::strip).anyMatch(l -> l.startsWith("%"));
        if (!magic) return source;
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("%jars ") && !t.startsWith("//")) return null;
        }
        return "";
    }

    private static String refusedMagic(String source) {
        boolean code = source.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("%") && !l.startsWith("//"));
        String first = source.lines().map(String::strip).filter(l -> l.startsWith("%")).findFirst().orElse("%");
        return code ? first + " beside Java code (the kernel too refuses mixed magic and Java code: put the magic in a cell of its own)" : first;
    }

    @Override
    public void close() {
        dropShell();
        evaluator.shutdownNow();
    }

    /** What the cells print, at most {@code cap} bytes per cell, then a note. */
    private static final class CappedBuffer extends OutputStream {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean cut;

        CappedBuffer(int cap) { this.cap = cap; }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < cap) bytes.write(b); else cut = true;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, cap - bytes.size());
            bytes.write(b, off, Math.min(room, len));
            if (len > room) cut = true;
        }

        synchronized void reset() { bytes.reset(); cut = false; }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8) + (cut ? "\n[output cut at " + cap / 1024 + " KB]" : "");
        }
    }
}
