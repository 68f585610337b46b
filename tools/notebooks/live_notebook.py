#!/usr/bin/python3
"""Run lessons the way a student does: in Jupyter Notebook's own page, in headless Chromium.

For the given lessons: copy them into WORK/notebooks/ (the repository's notebooks are never
opened, so no output is saved into the sources; WORK/target links to the repository's target/
so that the lessons' `%jars ../target/attention-course.jar` still finds the jar), start
Jupyter Notebook as `./course jupyter` does (Debian's, on a free 127.0.0.1 port, with a
token, no browser), open each lesson at http://127.0.0.1:PORT/notebooks/...?token=... in
headless Chromium (no network but 127.0.0.1), wait for the kernel, run all cells
(Jupyter.notebook.execute_all_cells()), wait until no cell is running, then check:
  - every code cell ran (it has an execution count);
  - no cell shows an error (.output_error) or writes to stderr (.output_stderr);
  - every figure (div.jattn-figure) is a drawn Plotly plot (.js-plotly-plot with its SVG).
A screenshot of each live figure goes to SHOTS/<lesson>/<n>.png. Problems are printed as
    <lesson>: <what is wrong>
and written to WORK/report.json. The server's and kernels' logs go to WORK/jupyter.log.
The kernels, the server and Chromium are stopped at the end, whatever happened.

Usage: live_notebook.py [--work DIR] [--shots DIR] NOTEBOOK...
Exits 0 if every lesson passes, 1 if any problem was found, 2 if Jupyter or Chromium is
missing or the server could not start.
"""
import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cdp import Chromium, CdpError, kill_group  # noqa: E402
from check_figures import measure_figures, screenshot_figures  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PY = "/usr/bin/python3"  # Debian's Python: the one that sees Debian's Jupyter
SERVER_TIMEOUT = 90      # seconds for the notebook server to answer
KERNEL_TIMEOUT = 240     # seconds for the java kernel to connect (its launcher restarts a hung start after 15 s)
RUN_TIMEOUT = 600        # seconds for all cells of one lesson

KERNEL_READY_JS = r"""
(() => { const nb = window.Jupyter && Jupyter.notebook, k = nb && nb.kernel;
  return !!(k && k.is_connected() && k.info_reply && Object.keys(k.info_reply).length > 0
            && nb.get_cells().length > 0); })()
"""

KERNEL_STATE_JS = r"""
(() => { const nb = window.Jupyter && Jupyter.notebook, k = nb && nb.kernel;
  if (!k) return 'no kernel object';
  return 'websocket ' + (k.ws ? ['connecting', 'open', 'closing', 'closed'][k.ws.readyState] : 'none')
    + ', kernel_info ' + (k.info_reply && Object.keys(k.info_reply).length ? 'received' : 'not received')
    + ', status "' + (document.querySelector('#notification_kernel') || {}).textContent + '"'; })()
"""

IDLE_JS = r"""
(() => document.querySelectorAll('.code_cell.running').length === 0
        && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())()
"""

# Per code cell: its number among all cells, execution count, and what it shows as an error.
CELLS_JS = r"""
(() => Jupyter.notebook.get_cells().map((c, i) => {
  if (c.cell_type !== 'code') return null;
  const el = c.element[0];
  const errs = Array.from(el.querySelectorAll('.output_error')).map(e => e.textContent.trim().slice(0, 600));
  const stderr = Array.from(el.querySelectorAll('.output_stderr')).map(e => e.textContent.trim().slice(0, 600));
  const modelErrors = (c.output_area.outputs || []).filter(o => o.output_type === 'error')
      .map(o => o.ename + ': ' + o.evalue);
  return {cell: i + 1, count: c.input_prompt_number === undefined ? null : c.input_prompt_number,
          empty: c.get_text().trim().length === 0, source: c.get_text().slice(0, 200),
          errors: errs, stderr: stderr, modelErrors: modelErrors};
}).filter(c => c !== null))()
"""

PLOTS_JS = r"""
(() => Array.from(document.querySelectorAll('.jattn-figure')).map((gd, i) => ({
  index: i + 1, plot: gd.classList.contains('js-plotly-plot'), svg: !!gd.querySelector('svg.main-svg'),
  text: (gd.textContent || '').trim().slice(0, 200)})))()
"""


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NotebookServer:
    """Jupyter Notebook on 127.0.0.1:<free port> with a token, its logs in log_path."""

    def __init__(self, root, log_path):
        self.root = root
        self.log_path = log_path
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.proc = None
        self.config = None

    def url(self, path, **query):
        query["token"] = self.token
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?{urllib.parse.urlencode(query)}"

    def api(self, method, path):
        req = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(req, timeout=15) as r:
            body = r.read()
            return json.loads(body) if body else None

    def __enter__(self):
        # a fresh configuration and runtime directory: the user's settings and open servers stay out
        self.config = Path(tempfile.mkdtemp(prefix="jupyter-config-"))
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.config / "config"),
                   JUPYTER_RUNTIME_DIR=str(self.config / "runtime"))
        cmd = [PY, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
               "--NotebookApp.port_retries=0", f"--NotebookApp.token={self.token}",
               f"--notebook-dir={self.root}"]
        if os.geteuid() == 0:
            cmd.append("--allow-root")
        with open(self.log_path, "w") as log:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env,
                                         start_new_session=True)
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                self.close()
                raise CdpError(f"Jupyter Notebook exited with code {self.proc.returncode} at start-up; "
                               f"see {self.log_path}")
            try:
                self.api("GET", "api/status")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                self.close()
                raise CdpError(f"Jupyter Notebook did not answer on port {self.port} within {SERVER_TIMEOUT} s; "
                               f"see {self.log_path}")
            time.sleep(0.3)

    def __exit__(self, *exc):
        self.close()
        return False

    def shutdown_kernels(self):
        """Shuts down every kernel of the server (kernels run in their own sessions)."""
        try:
            for k in self.api("GET", "api/kernels") or []:
                self.api("DELETE", f"api/kernels/{k['id']}")
        except Exception as e:  # the server is gone already: its kernels were stopped with it
            print(f"  (could not list the kernels to stop them: {e})", file=sys.stderr)

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            self.shutdown_kernels()
            try:
                self.api("POST", "api/shutdown")
                self.proc.wait(timeout=20)
            except Exception:
                pass
            kill_group(self.proc)
        if self.config is not None:
            shutil.rmtree(self.config, ignore_errors=True)
            self.config = None


def prepare_copy(notebooks, work):
    """WORK/notebooks/<lesson>.ipynb copies, and WORK/target → the repository's target/."""
    nb_dir = work / "notebooks"
    if nb_dir.exists():
        shutil.rmtree(nb_dir)
    nb_dir.mkdir(parents=True)
    link = work / "target"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(ROOT / "target", target_is_directory=True)
    copies = []
    for nb in notebooks:
        dst = nb_dir / nb.name
        shutil.copyfile(nb, dst)
        copies.append(dst)
    return copies


def wait_for_kernel(page, lesson, result):
    """Waits until the page's kernel answered kernel_info. A kernel that is slow to start can
    leave the page's websocket stuck after the server's kernel_info timeout (60 s); then the
    page is reloaded once, as a student would, before giving up with the page's kernel state."""
    for attempt in (1, 2):
        try:
            page.wait_for(KERNEL_READY_JS, f"the java kernel of {lesson} to connect", timeout=KERNEL_TIMEOUT / 2)
            return
        except CdpError:
            state = page.evaluate(KERNEL_STATE_JS)
            if attempt == 2:
                raise CdpError(f"the java kernel did not connect to Jupyter's page within {KERNEL_TIMEOUT} s "
                               f"(page reloaded once); the page's kernel: {state}") from None
            note = f"the kernel was not connected after {KERNEL_TIMEOUT / 2:.0f} s ({state}); reloading the page"
            print(f"  {lesson}: {note}", flush=True)
            result.setdefault("notes", []).append(note)
            page.navigate(page.evaluate("location.href"), timeout=120)
            page.wait_for("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)",
                          f"Jupyter's page of {lesson} to load again", timeout=120)


def run_lesson(browser, server, copy, work, shots):
    lesson = copy.stem
    started = time.monotonic()
    result = {"lesson": lesson, "problems": [], "figures": [], "cells": []}
    page = browser.new_page(width=1280, height=900)
    try:
        rel = copy.relative_to(work).as_posix()
        page.navigate(server.url("notebooks/" + urllib.parse.quote(rel)), timeout=120)
        page.wait_for("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)",
                      f"Jupyter's page of {lesson} to load", timeout=120)
        wait_for_kernel(page, lesson, result)
        result["kernelSeconds"] = round(time.monotonic() - started, 2)
        page.evaluate("Jupyter.notebook.execute_all_cells(), true")
        page.wait_for(IDLE_JS, f"the cells of {lesson} to finish", timeout=RUN_TIMEOUT, poll=1.0)
        result["runSeconds"] = round(time.monotonic() - started - result["kernelSeconds"], 2)
        cells = page.evaluate(CELLS_JS)
        result["cells"] = cells
        for c in cells:
            if c["count"] is None and not c["empty"]:
                first_line = (c["source"].splitlines() or [""])[0][:100]
                result["problems"].append(f"cell {c['cell']} did not run (no execution count): {first_line}")
            for e in c["errors"] or c["modelErrors"]:
                result["problems"].append(f"cell {c['cell']} shows an error: {e.splitlines()[0][:300]}")
            for s in c["stderr"]:
                result["problems"].append(f"cell {c['cell']} wrote to stderr: {s[:300]}")
        plots = page.evaluate(PLOTS_JS)
        if plots:
            try:
                figs = measure_figures(page, lesson)
                screenshot_figures(page, [f for f in figs if f["drawn"]], shots / lesson)
                result["figures"] = figs
            except CdpError as e:
                result["problems"].append(str(e))
            plots = page.evaluate(PLOTS_JS)
        for p in plots:
            if not (p["plot"] and p["svg"]):
                result["problems"].append(f"figure {p['index']} is not a drawn Plotly plot"
                                          + (f": it shows \"{p['text']}\"" if p["text"] else ""))
        result["plots"] = plots
    except CdpError as e:
        result["problems"].append(str(e))
    finally:
        try:
            page.close()
        except CdpError:
            pass
    result["seconds"] = round(time.monotonic() - started, 2)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--work", type=Path, default=ROOT / "target/live")
    ap.add_argument("--shots", type=Path, default=ROOT / "target/figures/live")
    args = ap.parse_args()
    for nb in args.notebooks:
        if not nb.exists():
            print(f"live_notebook: no notebook at {nb}", file=sys.stderr)
            return 2
    try:
        import notebook  # noqa: F401  (Debian: jupyter-notebook)
    except ImportError as e:
        print(f"live_notebook: Jupyter Notebook is not installed for {PY} ({e}); run ./course setup", file=sys.stderr)
        return 2
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    copies = prepare_copy([nb.resolve() for nb in args.notebooks], work)
    report, failed = {}, 0
    try:
        with NotebookServer(work, work / "jupyter.log") as server, \
                Chromium(allow_localhost=True, log_path=work / "chromium.log") as browser:
            print(f"Jupyter Notebook on 127.0.0.1:{server.port} (logs: {work / 'jupyter.log'})", flush=True)
            for copy in copies:
                r = run_lesson(browser, server, copy, work, args.shots)
                report[r["lesson"]] = r
                drawn = sum(1 for p in r.get("plots", []) if p["plot"] and p["svg"])
                status = "ok" if not r["problems"] else "FAILED"
                print(f"live {r['lesson']}: {r['seconds']:.1f} s (kernel {r.get('kernelSeconds', '-')} s, "
                      f"cells {r.get('runSeconds', '-')} s), {len(r['cells'])} code cells, "
                      f"{drawn} figures drawn, {status}", flush=True)
                for p in r["problems"]:
                    print(f"  {r['lesson']}: {p}", flush=True)
                failed += bool(r["problems"])
                server.shutdown_kernels()  # one JVM at a time on a 2-core machine
    except CdpError as e:
        print(f"live_notebook: {e}", file=sys.stderr)
        (work / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
        return 2
    (work / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
