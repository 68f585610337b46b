#!/usr/bin/python3
"""Make the Java kernel's class-data archive: DIR/kernel.jsa for the kernel spec in DIR.

A kernel start spends much of its time loading classes: JShell, javac (which compiles every
cell) and the kernel's own. The JVM can write the classes it loaded to an archive when it
exits (CDS, -XX:ArchiveClassesAtExit) and map them from that archive at the next start
(-XX:SharedArchiveFile), which kernel/launch.py does when DIR/kernel.jsa exists.

This script starts the kernel of DIR once, with launch.py told to dump the archive
(JATTN_KERNEL_ARCHIVE_DUMP), runs a notebook in it (lesson 00 by default: imports, EJML,
Tablesaw, a figure), shuts the kernel down and waits while the JVM writes the archive. It then
checks that a JVM with the kernel's class path maps the archive (-Xshare:on fails otherwise)
and only then moves it into place, so a start never meets a half-written archive. A failure
leaves no archive: the kernel then starts as before, only slower. Rerun after the JDK or the
kernel's jars change (./course setup and ./course kernel do; the JVM ignores an archive that
no longer fits them).

Usage: archive_classes.py SPEC_DIR [NOTEBOOK]
Exits 0 with the archive in place, 1 if it could not be made, 2 if Jupyter is missing.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

try:
    import nbformat
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
except ImportError as e:
    print(f"archive_classes: Jupyter is not installed for {sys.executable} ({e}); run ./course setup", file=sys.stderr)
    sys.exit(2)

ARCHIVE = "kernel.jsa"                       # the name kernel/launch.py looks for
DUMP_ENV = "JATTN_KERNEL_ARCHIVE_DUMP"       # tells kernel/launch.py where to dump
DEFAULT_NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "00_tour_of_the_tools.ipynb"
DUMP_WAIT_SECONDS = 120                      # writing the archive takes a few seconds; more on a loaded machine


def fail(message):
    print("archive_classes: " + message, file=sys.stderr)
    sys.exit(1)


def kernel_classpath_and_options(spec_dir):
    """The class path and JVM options kernel.json gives launch.py (its argv after launch.py)."""
    argv = json.loads((spec_dir / "kernel.json").read_text())["argv"]
    launch = next((i for i, a in enumerate(argv) if a.endswith("launch.py")), None)
    if launch is None or len(argv) < launch + 3:
        fail(f"{spec_dir}/kernel.json does not start launch.py CLASSPATH CONNECTION_FILE [JVM options]")
    return argv[launch + 1], argv[launch + 3:]


def dump(spec_dir, notebook, target):
    """Runs the notebook in the spec's kernel with the dump option; the archive is written to target."""
    nb = nbformat.read(notebook, as_version=4)
    ksm = KernelSpecManager(kernel_dirs=[str(spec_dir.parent)])   # the spec's directory name is its kernel name
    km = KernelManager(kernel_name=spec_dir.name, kernel_spec_manager=ksm)
    km.shutdown_wait_time = DUMP_WAIT_SECONDS                     # a graceful shutdown: the JVM dumps as it exits
    os.environ[DUMP_ENV] = str(target)
    try:
        client = NotebookClient(nb, km=km, timeout=600, startup_timeout=180,
                                resources={"metadata": {"path": str(notebook.parent)}})
        with open(os.environ.get("ARCHIVE_CLASSES_LOG", os.devnull), "w") as quiet:
            client.execute(stderr=quiet, stdout=quiet)           # the JVM writes its CDS warnings to stdout
    finally:
        del os.environ[DUMP_ENV]
        if km.has_kernel:
            km.shutdown_kernel(now=False)                         # a given km is not shut down by nbclient


def maps(archive, classpath, options):
    """Whether a JVM with the kernel's class path and options maps the archive (-Xshare:on)."""
    jvm = [a for a in options if a.startswith("-XX:+Use") or a.startswith("--add-modules")]
    r = subprocess.run(["java", f"-XX:SharedArchiveFile={archive}", "-Xshare:on", *jvm, "-cp", classpath, "-version"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("archive_classes: the JVM does not map the archive: "
              + (r.stderr.strip().splitlines() or ["?"])[0], file=sys.stderr)
    return r.returncode == 0


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("Usage: ")[1].split("\n")[0])
    spec_dir = Path(sys.argv[1]).resolve()
    notebook = Path(sys.argv[2]).resolve() if len(sys.argv) == 3 else DEFAULT_NOTEBOOK
    if not (spec_dir / "kernel.json").is_file():
        fail(f"no kernel spec in {spec_dir} (no kernel.json)")
    if not notebook.is_file():
        fail(f"no notebook at {notebook}")
    classpath, options = kernel_classpath_and_options(spec_dir)
    final, partial = spec_dir / ARCHIVE, spec_dir / (ARCHIVE + ".partial")
    final.unlink(missing_ok=True)                                 # the dump run must not map an old one
    partial.unlink(missing_ok=True)
    started = time.monotonic()
    try:
        dump(spec_dir, notebook, partial)
    except Exception as e:
        partial.unlink(missing_ok=True)
        fail(f"running {notebook.name} in the kernel failed: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    if not partial.is_file():
        fail("the kernel's JVM exited without writing the archive")
    if not maps(partial, classpath, options):
        partial.unlink(missing_ok=True)
        sys.exit(1)
    partial.replace(final)
    print(f"archive_classes: {final} ({final.stat().st_size / 1e6:.0f} MB, made in {time.monotonic() - started:.1f} s "
          f"by running {notebook.name})")


if __name__ == "__main__":
    main()
