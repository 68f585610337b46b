#!/usr/bin/python3
"""Start rapaio-jupyter-kernel, and start it again if it hangs at start-up.

rapaio-jupyter-kernel 3.0.1 sometimes binds its sockets and then never answers on the
shell channel (about one start in five on a 2-core machine; a thread dump shows its shell
loop polling a socket that never receives). Jupyter then waits forever for the kernel.

This launcher runs the kernel's JVM on the connection file Jupyter gave it, asks it for
kernel_info with Jupyter's own client, and if no reply comes within PROBE_SECONDS it kills
that JVM and starts a new one on the same ports (Jupyter's client reconnects by itself).
Once the kernel has answered, the launcher only waits for the JVM and passes on its exit
code. The JVM dies with the launcher (PR_SET_PDEATHSIG), so no kernel is left behind.

Usage (kernel.json): launch.py KERNEL_JAR CONNECTION_FILE [JVM options...]
"""
import ctypes
import signal
import subprocess
import sys
import time

PROBE_SECONDS = 15
ATTEMPTS = 6


def start_jvm(jar, connection_file, jvm_options):
    libc = ctypes.CDLL("libc.so.6", use_errno=True)

    def die_with_parent():
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

    return subprocess.Popen(["java", *jvm_options, "-jar", jar, connection_file], preexec_fn=die_with_parent)


def answers(connection_file, jvm):
    from jupyter_client import BlockingKernelClient
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        deadline = time.monotonic() + PROBE_SECONDS
        while time.monotonic() < deadline and jvm.poll() is None:
            client.kernel_info()
            try:
                msg = client.get_shell_msg(timeout=1)
                if msg["msg_type"] == "kernel_info_reply":
                    return True
            except Exception:  # queue.Empty: no reply yet
                pass
        return False
    finally:
        client.stop_channels()


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: launch.py KERNEL_JAR CONNECTION_FILE [JVM options...]")
    jar, connection_file, jvm_options = sys.argv[1], sys.argv[2], sys.argv[3:]
    jvm = None

    def stop(signum, frame):
        if jvm is not None and jvm.poll() is None:
            jvm.terminate()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts reach the kernel as messages
    for attempt in range(1, ATTEMPTS + 1):
        jvm = start_jvm(jar, connection_file, jvm_options)
        if answers(connection_file, jvm):
            sys.exit(jvm.wait())
        if jvm.poll() is not None:
            sys.exit(jvm.returncode)  # the JVM failed by itself: its own error is on stderr
        print(f"launch.py: the Java kernel did not answer within {PROBE_SECONDS} s "
              f"(attempt {attempt} of {ATTEMPTS}); starting it again", file=sys.stderr, flush=True)
        jvm.kill()
        jvm.wait()
    sys.exit("launch.py: the Java kernel did not start")


if __name__ == "__main__":
    main()
