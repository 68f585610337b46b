#!/usr/bin/python3
"""Start the Java kernel N times as Jupyter does and time each start.

Each start: Jupyter's KernelManager launches the kernel spec (kernel/launch.py and its JVM),
and a client waits for the kernel's kernel_info reply (wait_for_ready, as nbclient does); the
start's time runs from the launch to that reply. Then the kernel is killed and the next one
starts. The launcher's "launch.py: ... starting it again" lines in the kernel's stderr say which starts
hung and were recovered, and why (the start-up race's NullPointerException, or no answer).

Prints one line per start, a summary (hung and recovered, restarts, median and slowest start),
and last a line "RESULT {json}" for KernelStartIT. Exits 1 if a start failed, took longer
than --bound seconds, or (with --no-restarts) needed a restart; 2 if Jupyter is missing.

Usage: start_kernels.py --spec DIR [--starts N] [--bound SECONDS] [--no-restarts]
                        [--unpatched] [--logs DIR]
  --spec DIR    a kernel spec directory (./course kernel DIR writes one from the build)
  --unpatched   run the spec without rapaio-kernel-patch.jar on the class path (to show the race)
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
except ImportError as e:
    print(f"start_kernels: Jupyter is not installed for {sys.executable} ({e}); run ./course setup", file=sys.stderr)
    sys.exit(2)

PATCH_JAR = "rapaio-kernel-patch.jar"
RACE = "NullPointerException at Channels.getHandler"  # the launcher's words for the race's trace


def spec_dir_for(spec, unpatched, scratch):
    """The spec's directory, or a copy of its kernel.json (whose paths stay absolute) without the patch."""
    if not unpatched:
        return spec
    copy = Path(scratch) / "specs" / spec.name
    copy.mkdir(parents=True)
    kernel = json.loads((spec / "kernel.json").read_text())
    argv = kernel["argv"]
    classpath = [p for p in argv[2].split(":") if not p.endswith(PATCH_JAR)]
    if len(classpath) == len(argv[2].split(":")):
        sys.exit(f"start_kernels: {spec}/kernel.json has no {PATCH_JAR} in its class path argument {argv[2]!r}")
    argv[2] = ":".join(classpath)
    (copy / "kernel.json").write_text(json.dumps(kernel, indent=1))
    return copy


def start_once(specs, name, log_path, timeout):
    """Seconds from launch to the kernel_info reply (None if none came), and the kernel's stderr."""
    km = KernelManager(kernel_name=name, kernel_spec_manager=specs)
    with open(log_path, "w") as stderr:
        started = time.monotonic()
        km.start_kernel(stderr=stderr)
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            seconds = time.monotonic() - started
        except RuntimeError:
            seconds = None
        finally:
            client.stop_channels()
            km.shutdown_kernel(now=True)
    return seconds, log_path.read_text(errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", required=True, type=Path)
    ap.add_argument("--starts", type=int, default=30)
    ap.add_argument("--bound", type=float, default=10.0, help="the slowest start allowed, in seconds")
    ap.add_argument("--timeout", type=float, default=120.0, help="give a start up after this many seconds")
    ap.add_argument("--no-restarts", action="store_true", help="fail if any start needed a restart")
    ap.add_argument("--unpatched", action="store_true")
    ap.add_argument("--logs", type=Path, default=None, help="keep each start's kernel stderr here")
    args = ap.parse_args()
    spec = args.spec.resolve()
    if not (spec / "kernel.json").is_file():
        print(f"start_kernels: no kernel spec in {spec} (write one with ./course kernel {args.spec})", file=sys.stderr)
        sys.exit(2)

    with tempfile.TemporaryDirectory() as scratch:
        spec_dir = spec_dir_for(spec, args.unpatched, scratch)
        specs = KernelSpecManager(kernel_dirs=[str(spec_dir.parent)])
        name = spec_dir.name
        argv = specs.get_kernel_spec(name).argv
        print(f"kernel spec {spec_dir}: class path {argv[2]}", flush=True)
        logs = args.logs or Path(scratch) / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        starts = []
        for i in range(1, args.starts + 1):
            seconds, stderr = start_once(specs, name, logs / f"start-{i:02d}.log", args.timeout)
            restarts = [line for line in stderr.splitlines()
                        if line.startswith("launch.py:") and "starting it again" in line]
            start = {"start": i, "seconds": None if seconds is None else round(seconds, 2),
                     "restarts": len(restarts), "race_restarts": sum(RACE in r for r in restarts),
                     "npe_traces": stderr.count('"this.handlers" is null')}
            starts.append(start)
            shown = "no answer" if seconds is None else f"{seconds:5.2f} s"
            print(f"start {i:2d}: {shown}" + (f", {len(restarts)} restart(s): " + " | ".join(
                r.removeprefix("launch.py: ").removeprefix("restart: ") for r in restarts) if restarts else ""), flush=True)

    answered = [s["seconds"] for s in starts if s["seconds"] is not None]
    result = {
        "starts": len(starts),
        "answered": len(answered),
        "hung_and_recovered": sum(1 for s in starts if s["restarts"] and s["seconds"] is not None),
        "restarts": sum(s["restarts"] for s in starts),
        "race_restarts": sum(s["race_restarts"] for s in starts),
        "npe_traces": sum(s["npe_traces"] for s in starts),
        "median_seconds": round(statistics.median(answered), 2) if answered else None,
        "slowest_seconds": max(answered) if answered else None,
        "over_bound": sum(1 for s in starts if s["seconds"] is None or s["seconds"] > args.bound),
        "bound_seconds": args.bound,
        "patched": PATCH_JAR in argv[2],  # the patch jar is on the launcher's class path
    }
    print(f"{result['starts']} starts ({'patched' if result['patched'] else 'UNPATCHED'}): "
          f"{result['answered']} answered, {result['hung_and_recovered']} hung and were recovered "
          f"({result['restarts']} restarts, {result['race_restarts']} of them after the race's "
          f"NullPointerException), median {result['median_seconds']} s, slowest {result['slowest_seconds']} s, "
          f"{result['over_bound']} over {args.bound:g} s", flush=True)
    print("RESULT " + json.dumps(result), flush=True)
    failed = result["over_bound"] > 0 or (args.no_restarts and result["restarts"] > 0)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
