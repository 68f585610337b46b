package jattn.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system fence around a submission's agent JVM (the process that runs student code).
 * <pre>
 *   mode       used when                          the agent runs
 *   ISOLATED   the grader runs as root             as user nobody (setpriv), in its own PID namespace
 *                                                  (unshare --pid --fork --kill-child: killing it kills
 *                                                  every process it started), under prlimit limits
 *   LIMITED    not root, or no setpriv/unshare     as the grader's own user, under prlimit limits only
 * </pre>
 * In both modes the JVM itself runs with a Java SecurityManager ({@link AgentLauncher}) that
 * denies student code System.exit, Runtime.halt, processes, files, native libraries and
 * reflection into private members; LIMITED mode lacks only the outer fence: a way around the
 * SecurityManager would run with the grader's rights (its files, its other processes).
 */
public enum Sandbox {
    ISOLATED, LIMITED;

    /** The best mode this machine allows. */
    public static Sandbox best() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root && onPath("setpriv") && onPath("unshare") && onPath("prlimit") && unshareWorks() ? ISOLATED : LIMITED;
    }

    /** The command that goes before {@code java ...}: user, namespace and resource limits. */
    List<String> prefix(Limits limits) {
        List<String> p = new ArrayList<>();
        if (this == ISOLATED) {
            p.addAll(List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc"));
            p.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--no-new-privs"));
        }
        if (onPath("prlimit")) {
            p.add("prlimit");
            p.add("--nproc=" + limits.processes());       // counts every process of the user: with ISOLATED that is nobody's
            p.add("--fsize=" + limits.fileBytes());
            p.add("--core=0");
            p.add("--cpu=" + limits.cpuSeconds());
            p.add("--");
        }
        return p;
    }

    /** Resource limits for one agent: processes (threads count), largest file it may write, CPU seconds. */
    public record Limits(int processes, long fileBytes, int cpuSeconds) {
        public static Limits defaults() { return new Limits(4096, 1 << 20, 600); }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        return false;
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--kill-child", "--mount-proc", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
