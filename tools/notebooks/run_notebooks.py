#!/usr/bin/python3
"""Execute the course notebooks through Jupyter with the `java` kernel.

For each notebook: run every cell with nbclient (the library behind `jupyter nbconvert
--execute`), write the executed copy as .ipynb and .html under the output directory, print
the wall time, and record any problem with its notebook, cell number and Java exception.
A notebook that fails does not stop the others. Problems are:
  - an error output (a Java exception or a compile error),
  - anything written to stderr (warnings such as SLF4J's do not belong in a lesson),
  - a cell value shown as HTML only (its newlines would collapse), or as Object's
    default toString (java.io.PrintStream@1b2c3d: a printf at the end of a cell),
  - a cell that runs past the timeout.

Usage: run_notebooks.py [--out DIR] [--timeout SECONDS] NOTEBOOK_OR_DIR...
Writes DIR/report.json; exits 1 if any notebook had a problem, 2 if Jupyter or the kernel
is missing.
"""
import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

KERNEL = "java"
STARTUP_TIMEOUT = 180  # seconds for the JVM kernel to start, generous for a loaded 2-core machine
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Object.toString's default, e.g. java.io.PrintStream@6d06d69c: a value no student should see
DEFAULT_TO_STRING = re.compile(r"^[A-Za-z_$][\w$.]*@[0-9a-f]+$")


def fail_setup(message):
    print("run_notebooks: " + message, file=sys.stderr)
    sys.exit(2)


try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbconvert import HTMLExporter
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
except ImportError as e:
    fail_setup(f"Jupyter is not installed for {sys.executable} ({e}); run ./course setup")


def plain(text):
    return ANSI.sub("", text if isinstance(text, str) else "".join(text))


def without_build_paths(nb, notebook_dir):
    """Outputs that name the notebook's directory on the machine that ran it (the kernel's
    "Add /home/.../notebooks/../target/attention-course.jar to classpath" for %jars) name it
    relative to the notebook instead, as the cell does: the executed copies go on the course site."""
    prefix = str(notebook_dir.resolve()) + "/"
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and prefix in out.get("text", ""):
                out["text"] = out["text"].replace(prefix, "")


def problems_in(nb):
    """Every error output and stderr stream of an executed notebook, with its cell number."""
    found = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                trace = [plain(t).strip() for t in out.get("traceback", [])]
                trace = [t for t in trace if t]
                found.append({
                    "cell": index,
                    "execution_count": cell.get("execution_count"),
                    "kind": "exception",
                    "exception": trace[0] if trace else f"{out.ename}: {out.evalue}",
                    "detail": "\n".join(trace[1:6]),
                    "source": cell.source[:300],
                })
            elif (out.output_type == "execute_result"
                  and DEFAULT_TO_STRING.match(plain(out.get("data", {}).get("text/plain", "")).strip())):
                found.append({
                    "cell": index,
                    "execution_count": cell.get("execution_count"),
                    "kind": "object-value",
                    "exception": "the cell ends with an expression whose value is shown as "
                                 + plain(out["data"]["text/plain"]).strip()
                                 + " (end it with a statement, e.g. println rather than printf)",
                    "detail": "",
                    "source": cell.source[:300],
                })
            elif (out.output_type == "execute_result" and "text/html" in out.get("data", {})
                  and "text/plain" not in out.get("data", {})):
                found.append({
                    "cell": index,
                    "execution_count": cell.get("execution_count"),
                    "kind": "html-value",
                    "exception": "the cell's value was shown as HTML, which collapses its newlines "
                                 "(is the kernel's init.jsh installed? run ./course setup)",
                    "detail": "",
                    "source": cell.source[:300],
                })
            elif out.output_type == "stream" and out.name == "stderr":
                if found and found[-1]["cell"] == index and found[-1]["kind"] == "stderr":
                    found[-1]["exception"] += " | " + plain(out.text).strip()[:300]
                    continue
                found.append({
                    "cell": index,
                    "execution_count": cell.get("execution_count"),
                    "kind": "stderr",
                    "exception": "wrote to stderr: " + plain(out.text).strip()[:500],
                    "detail": "",
                    "source": cell.source[:300],
                })
    return found


def describe(name, p):
    return (f"{name}, cell {p['cell']} (In [{p['execution_count']}]): {p['exception']}"
            + (f"\n    {p['detail']}" if p["detail"] else "")
            + "\n    cell source: " + p["source"].replace("\n", "\n                 "))


def run_one(path, out_dir, timeout):
    name = path.name
    started = time.monotonic()
    result = {"notebook": str(path), "name": name, "ok": False, "seconds": None, "problems": []}
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # not valid JSON or not a notebook
        result["problems"].append({"cell": 0, "execution_count": None, "kind": "unreadable",
                                   "exception": f"cannot read the notebook: {e}", "detail": "", "source": ""})
        return result
    spec = nb.metadata.get("kernelspec", {}).get("name")
    if spec != KERNEL:
        result["problems"].append({"cell": 0, "execution_count": None, "kind": "kernelspec",
                                   "exception": f"kernelspec name is {spec!r}, expected {KERNEL!r}",
                                   "detail": "", "source": ""})
        return result
    out_dir.mkdir(parents=True, exist_ok=True)
    log = out_dir / f"{path.stem}.kernel.log"  # the kernel logs to stderr; keep it out of the test output
    for attempt in (1, 2):
        client = NotebookClient(nb, timeout=timeout, startup_timeout=STARTUP_TIMEOUT, kernel_name=KERNEL,
                                allow_errors=False, resources={"metadata": {"path": str(path.parent)}})
        try:
            with open(log, "w") as kernel_stderr:
                client.execute(stderr=kernel_stderr)
            break
        except CellTimeoutError as e:
            result["problems"].append({"cell": 0, "execution_count": None, "kind": "timeout",
                                       "exception": f"a cell ran longer than {timeout} s: {str(e).splitlines()[0]}",
                                       "detail": "", "source": ""})
            break
        except DeadKernelError as e:
            result["problems"].append({"cell": 0, "execution_count": None, "kind": "dead-kernel",
                                       "exception": f"the kernel died: {e}", "detail": "", "source": ""})
            break
        except CellExecutionError:
            break  # recorded below from the error output
        except Exception as e:  # the kernel did not start (e.g. a machine under heavy load)
            started_cells = any(c.get("execution_count") for c in nb.cells if c.cell_type == "code")
            if attempt == 1 and not started_cells:
                print(f"  {name}: the kernel did not start ({type(e).__name__}: {e}); trying once more", flush=True)
                continue
            result["problems"].append({"cell": 0, "execution_count": None, "kind": "kernel",
                                       "exception": f"the kernel failed: {type(e).__name__}: {e} (see {log})",
                                       "detail": "", "source": ""})
            break
    result["seconds"] = round(time.monotonic() - started, 2)
    result["problems"] += problems_in(nb)
    without_build_paths(nb, path.parent)
    result["ok"] = not result["problems"]

    stem = path.stem
    nbformat.write(nb, out_dir / f"{stem}.ipynb")
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / f"{stem}.html").write_text(html, encoding="utf-8")
    return result


def collect(targets):
    found = []
    for t in targets:
        p = Path(t)
        if p.is_dir():
            found += sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts)
        elif p.suffix == ".ipynb" and p.exists():
            found.append(p)
        else:
            fail_setup(f"no notebook at {t}")
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="+")
    ap.add_argument("--out", default="target/notebooks")
    ap.add_argument("--timeout", type=int, default=int(os.environ.get("NOTEBOOK_CELL_TIMEOUT", "600")))
    args = ap.parse_args()
    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        fail_setup(f"the Jupyter kernel {KERNEL!r} is not installed; run ./course setup")
    out_dir = Path(args.out)
    results = []
    for path in collect(args.targets):
        r = run_one(path, out_dir, args.timeout)
        results.append(r)
        secs = "-" if r["seconds"] is None else f"{r['seconds']:.1f} s"
        print(f"notebook {r['name']}: {secs}, {'ok' if r['ok'] else 'FAILED'}", flush=True)
        for p in r["problems"]:
            print("  " + describe(r["name"], p), flush=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "report.json"
    old = json.loads(report.read_text()) if report.exists() else {}
    old.update({r["name"]: r for r in results})
    report.write_text(json.dumps(old, indent=1))
    total = sum(r["seconds"] or 0 for r in results)
    failed = [r["name"] for r in results if not r["ok"]]
    print(f"{len(results)} notebooks in {total:.1f} s; executed copies in {out_dir}/"
          + (f"; FAILED: {', '.join(failed)}" if failed else ""), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
