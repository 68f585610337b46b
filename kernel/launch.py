#!/usr/bin/python3
"""Start rapaio-jupyter-kernel's JVM for Jupyter, and start it again if it hangs at start-up.

rapaio-jupyter-kernel 3.0.1 has two start-up races (kernel/README.md): its shell loop could
run before the message handlers were set (a NullPointerException at Channels.getHandler kills
the shell thread), and a loop thread could end before it began (a silent hang). The course
puts rapaio-kernel-patch.jar, which fixes both, before the kernel jar on the class path, so a
start should never hang. This launcher stays as the safety net for a kernel without the patch
(or a race not yet known):

- it passes the JVM's stderr on to its own, line by line, and if a line shows the
  NullPointerException of the first race it starts the JVM again at once;
- it waits until the JVM has bound its five channels (their "Binding" log lines; at most
  FIRST_PROBE_SECONDS) before it asks for kernel_info, so that its own probe does not
  provoke that race; it then asks every second with Jupyter's own client, and if no answer
  comes within PROBE_SECONDS of the binding (the second, silent race: a dead shell loop)
  it starts the JVM again. A new JVM binds the same ports, and
  Jupyter's client reconnects by itself.

The JVM maps the class-data archive kernel.jsa next to this file when there is one: the
classes a kernel start and its first cells load (JShell, javac, the kernel), dumped once by
tools/kernel/archive_classes.py when ./course installs the kernel. It saves about 0.7 s of
every start. With JATTN_KERNEL_ARCHIVE_DUMP=PATH set, the JVM writes such an archive to PATH
when it exits instead. An archive that does not fit the JVM or the jars is ignored by the JVM.

Each start and restart is logged on stderr as "launch.py: ..." lines, which
tools/kernel/start_kernels.py counts. Once the kernel has answered, the launcher only waits
for the JVM and passes on its exit code. The JVM dies with the launcher (PR_SET_PDEATHSIG),
so no kernel is left behind.

Usage (kernel.json): launch.py CLASSPATH CONNECTION_FILE [JVM options...]
"""
import ctypes
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

MAIN_CLASS = "org.rapaio.jupyter.kernel.MainApp"  # the Main-Class of the kernel jar's manifest
# The JVM binds its channels only after its slow part (JShell's set-up, several seconds on a
# loaded machine); after that a kernel_info reply takes well under a second.
PROBE_SECONDS = 10          # no kernel_info reply this long after the channels were bound: start again
FIRST_PROBE_SECONDS = 10    # the latest first probe, if the "Binding" lines never come ...
UNBOUND_PROBE_SECONDS = 30  # ... and then how long to wait for a reply
ATTEMPTS = 6
CHANNELS = 5              # shell, control, stdin, iopub, heartbeat: one "Binding" line each
# the first race's trace (kernel/README.md): the shell (or control) loop died; it never answers again
RACE_SIGNATURES = ('because "this.handlers" is null', "at org.rapaio.jupyter.kernel.channels.Channels.getHandler")


ARCHIVE = Path(__file__).resolve().with_name("kernel.jsa")
DUMP_ARCHIVE_ENV = "JATTN_KERNEL_ARCHIVE_DUMP"


def class_archive_options():
    """The JVM option that dumps a class-data archive (DUMP_ARCHIVE_ENV) or maps ARCHIVE, if any."""
    dump = os.environ.get(DUMP_ARCHIVE_ENV)
    if dump:
        return [f"-XX:ArchiveClassesAtExit={dump}"]
    return [f"-XX:SharedArchiveFile={ARCHIVE}"] if ARCHIVE.is_file() else []


def log(message):
    print(f"launch.py: {message}", file=sys.stderr, flush=True)


class Jvm:
    """One JVM start, with a thread that passes its stderr on and watches it."""

    def __init__(self, classpath, connection_file, jvm_options):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)

        def die_with_parent():
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

        self.started = time.monotonic()
        self.bound = threading.Event()  # all channels bound
        self.bound_at = None
        self.raced = threading.Event()  # the NullPointerException of the race was printed
        self.process = subprocess.Popen(["java", *jvm_options, "-cp", classpath, MAIN_CLASS, connection_file],
                                        stderr=subprocess.PIPE, preexec_fn=die_with_parent)
        self.reader = threading.Thread(target=self._pass_stderr_on, daemon=True)
        self.reader.start()

    def _pass_stderr_on(self):
        binds = 0
        for raw in self.process.stderr:
            sys.stderr.buffer.write(raw)
            sys.stderr.buffer.flush()
            line = raw.decode("utf-8", "replace")
            if "]: Binding " in line:
                binds += 1
                if binds == CHANNELS:
                    self.bound_at = time.monotonic()
                    self.bound.set()
            if any(s in line for s in RACE_SIGNATURES):
                self.raced.set()

    def seconds(self):
        return time.monotonic() - self.started

    def loop_threads(self):
        """The kernel's channel loop threads that are alive (from jstack), or why it is unknown."""
        try:
            jstack = subprocess.run(["jstack", str(self.process.pid)], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"loop threads unknown (jstack: {type(e).__name__})"
        dump = jstack.stdout
        if '"main"' not in dump:  # no thread dump: jstack could not attach
            why = (jstack.stderr.strip().splitlines() or [f"exit {jstack.returncode}"])[0]
            return f"loop threads unknown (jstack: {why[:120]})"
        names = re.findall(r'^"((?:Shell|Heartbeat)-\d+)"', dump, re.MULTILINE)
        # upstream names the control loop "Shell-N" too: three loops are alive when all is well
        return f"{len(names)} of 3 loop threads alive: {', '.join(names) or 'none'}"

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.reader.join(5)


def probe(connection_file, jvm):
    """'answered', 'raced' (the race's NullPointerException), 'silent' (no answer) or 'exited'."""
    from jupyter_client import BlockingKernelClient  # while the JVM starts
    deadline = jvm.started + FIRST_PROBE_SECONDS
    while not jvm.bound.is_set() and time.monotonic() < deadline:
        if jvm.raced.is_set():
            return "raced"
        if jvm.process.poll() is not None:
            return "exited"
        jvm.bound.wait(0.05)
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        first_probe = time.monotonic()
        while time.monotonic() < (jvm.bound_at + PROBE_SECONDS if jvm.bound.is_set()
                                  else first_probe + UNBOUND_PROBE_SECONDS):
            if jvm.raced.is_set():
                return "raced"
            if jvm.process.poll() is not None:
                return "exited"
            client.kernel_info()
            try:
                msg = client.get_shell_msg(timeout=1)
                if msg["msg_type"] == "kernel_info_reply":
                    return "answered"
            except Exception:  # queue.Empty: no reply yet
                pass
        return "silent"
    finally:
        client.stop_channels()


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: launch.py CLASSPATH CONNECTION_FILE [JVM options...]")
    classpath, connection_file, jvm_options = sys.argv[1], sys.argv[2], class_archive_options() + sys.argv[3:]
    jvm = None

    def stop(signum, frame):
        if jvm is not None and jvm.process.poll() is None:
            jvm.process.terminate()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts reach the kernel as messages
    launched = time.monotonic()
    for attempt in range(1, ATTEMPTS + 1):
        jvm = Jvm(classpath, connection_file, jvm_options)
        outcome = probe(connection_file, jvm)
        if outcome == "answered":
            log(f"the kernel answered kernel_info {jvm.seconds():.2f} s after its JVM started "
                f"(attempt {attempt}, {time.monotonic() - launched:.2f} s after launch)")
            code = jvm.process.wait()
            jvm.reader.join(5)
            sys.exit(code)
        if outcome == "exited":
            jvm.reader.join(5)
            sys.exit(jvm.process.returncode)  # the JVM failed by itself: its own error is on stderr
        if outcome == "raced":
            log(f"restart: a channel loop of the kernel died of the start-up race (NullPointerException "
                f"at Channels.getHandler) {jvm.seconds():.2f} s after its JVM started "
                f"(attempt {attempt} of {ATTEMPTS}); starting it again at once")
        else:
            threads = jvm.loop_threads() if jvm.process.poll() is None else "the JVM has exited"
            log(f"restart: the kernel did not answer kernel_info "
                + (f"within {PROBE_SECONDS} s of binding its channels" if jvm.bound.is_set()
                   else f"within {jvm.seconds():.0f} s of its JVM's start (its channels were never bound)")
                + f" ({threads}; attempt {attempt} of {ATTEMPTS}); starting it again")
        jvm.stop()
    log("the Java kernel did not start")
    sys.exit(1)


if __name__ == "__main__":
    main()
