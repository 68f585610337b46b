package jattn.grading;

import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JVM that runs a submission's code: JShell's own remote agent
 * ({@code jdk.jshell.execution.RemoteExecutionControl}), connected back to this host over a
 * loopback socket. The host compiles every snippet and reads every outcome (value, exception,
 * failed assertion) from the agent's replies; nothing the agent prints is read as a result.
 *
 * <p>The agent runs as the kernel's JVM does ({@code --add-modules jdk.incubator.vector -ea})
 * plus: the {@link Sandbox}'s prefix (user, PID namespace, prlimit), {@code -Xmx} with
 * {@code -XX:+ExitOnOutOfMemoryError}, and a Java SecurityManager whose policy gives JShell's
 * agent code all permissions and student code (snippets, the homework jar) only reading system
 * properties and managing threads (EJML starts a thread pool): no exit, halt, processes, files, sockets, native code or private reflection.
 * Its stderr goes to a file, so the grader can say why it died (for example out of memory).
 */
final class AgentLauncher implements ExecutionControlProvider {

    /** How the agent JVM is set up. */
    record Settings(Path java, List<Path> classpath, int heapMegabytes, Sandbox sandbox, Sandbox.Limits limits, Path workDir) {}

    private final Settings settings;
    private volatile Process process;
    private volatile Path stderrFile;

    AgentLauncher(Settings settings) { this.settings = settings; }

    @Override
    public String name() { return "jattn-sandboxed-agent"; }

    /** The agent process of the last {@link #generate}, or null before. */
    Process process() { return process; }

    /** What the agent wrote to stderr (the JVM's own messages, such as out-of-memory), at most 4 KB. */
    String stderr() {
        try {
            if (stderrFile == null || !Files.exists(stderrFile)) return "";
            String s = Files.readString(stderrFile, StandardCharsets.UTF_8);
            return s.length() > 4096 ? s.substring(0, 4096) : s;
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Kills the agent and everything it started (with ISOLATED, the namespace dies with its first process). */
    void kill() {
        Process p = process;
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(30_000);
            Path policy = writePolicy();
            stderrFile = Files.createTempFile(settings.workDir(), "agent-", ".stderr");
            List<String> command = new ArrayList<>(settings.sandbox().prefix(settings.limits()));
            command.add(settings.java().toString());
            command.addAll(List.of("--add-modules=jdk.incubator.vector", "-ea", "-Xss1m",
                    "-Xmx" + settings.heapMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Djava.security.manager", "-Djava.security.policy=" + policy));
            if (!settings.classpath().isEmpty())
                command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, settings.classpath().stream().map(Path::toString).toList())));
            command.addAll(List.of("jdk.jshell.execution.RemoteExecutionControl", Integer.toString(listener.getLocalPort())));
            process = new ProcessBuilder(command).directory(settings.workDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)                       // the JVM's own messages (out of memory) on either stream
                    .redirectOutput(stderrFile.toFile()).start();
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketTimeoutException e) {
                kill();
                throw new IOException("the agent JVM did not connect within 30 s: " + stderr().strip());
            }
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr());
            Map<String, InputStream> inputs = Map.of("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), socket.getOutputStream(), outputs, inputs,
                    (in, out) -> new Control(out, in, socket));
        }
    }

    /**
     * The policy: JShell's agent (module jdk.jshell) may do anything, as it must to load classes and
     * talk to the host; everyone else (student snippets and the homework jar) may read system properties.
     */
    private Path writePolicy() throws IOException {
        Path policy = settings.workDir().resolve("agent.policy");
        if (!Files.exists(policy)) {
            String text = """
                    // written by jattn.grading.AgentLauncher: student code may read properties, nothing else
                    grant codeBase "jrt:/jdk.jshell" { permission java.security.AllPermission; };
                    grant {
                      permission java.util.PropertyPermission "*", "read";
                      permission java.lang.RuntimePermission "modifyThread";   // EJML starts its ForkJoinPool
                    };
                    """;
            Path tmp = Files.createTempFile(settings.workDir(), ".policy-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            readableByAll(tmp);                                          // the agent may run as nobody
            Files.move(tmp, policy, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return policy;
    }

    /** rw-r--r-- on a file, rwxr-xr-x on a folder (where the file system has POSIX permissions). */
    static void readableByAll(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to open up
        }
    }

    /** The host side of the connection; closing it kills the agent. */
    private final class Control extends StreamingExecutionControl {
        private final Socket socket;

        Control(ObjectOutput out, ObjectInput in, Socket socket) {
            super(out, in);
            this.socket = socket;
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (RuntimeException ignored) {
                // the agent may be gone already
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            kill();
        }
    }
}
