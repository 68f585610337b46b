#!/usr/bin/python3
"""Lecture decks (reveal.js) and their PDFs, made from the EXECUTED lessons.

    make_decks.py [--notebooks target/notebooks] [--out target/slides] [--pdf | --no-pdf] [LESSON.ipynb ...]

For each executed lesson NN_name.ipynb (written by tools/notebooks/run_notebooks.py) it writes
    OUT/NN_name.html   the deck: every asset by a RELATIVE path under OUT/lib/, nothing from the network
    OUT/NN_name.pdf    its PDF (reveal.js's print mode in headless Chromium, one page per slide)
    OUT/lib/...        reveal.js and its plugins, KaTeX and its fonts, plotly.js, the deck's own CSS/JS
so copying the whole OUT/ directory anywhere keeps every deck working.

Cells are chosen and split by Jupyter's standard metadata.slideshow.slide_type, with the meaning
of nbconvert's slides exporter and RISE:
    slide      starts a new (horizontal) slide        subslide  starts a new vertical slide below it
    fragment   appears on the next key press           -         continues what comes before
    skip       not in the deck                         notes     speaker notes of the current slide
A cell without the metadata counts as "-". A title slide (the lesson's title and the course) comes
first; the lesson's leading "# ..." heading goes there and not on the next slide again.

LESSON arguments are names (10_the_transformer.ipynb), paths or number prefixes (05); without
them every NN_*.ipynb under --notebooks is made. A bad notebook (missing, not executed, a
slide_type that is not one of the six) is reported with its cell number and does not stop the
other decks; the exit code is 1 if any deck failed, 2 if the assets (npm ci, plotly.js) are missing.
The configuration is slides/decks.json, the template slides/deck.html.j2, the deck's own
script and style slides/deck.js and slides/deck.css.
"""
import argparse
import base64
import gzip
import html
import json
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLIDES = ROOT / "slides"
NODE = SLIDES / "node_modules"
SLIDE_TYPES = ("slide", "subslide", "fragment", "skip", "notes", "-")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# the loader of plotly.js that Display puts in front of a notebook's first figure: the deck loads
# plotly.js itself (lib/plotly/plotly.min.js), so this 3 MB base64 script is dropped
PLOTLY_LOADER = re.compile(r"<script>\(function \(\) \{\s*if \(window\.__jattnPlotly\) return;.*?</script>", re.S)
ANCHOR = re.compile(r'<a class="anchor-link" href="[^"]*">[^<]*</a>')  # nbconvert's ¶ after a heading
DETAILS = re.compile(r"(<details>\s*<summary>.*?</summary>)(.*?)(</details>)", re.S)

try:
    import jinja2
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
except ImportError as e:  # pragma: no cover - a setup problem
    sys.exit(f"make_decks: Debian's python3-nbconvert and python3-jinja2 are needed ({e}); run ./course setup")


class DeckError(Exception):
    """A notebook that cannot become a deck; the message names the notebook and the cell."""


def text_of(value):
    return value if isinstance(value, str) else "".join(value)


# -- assets ------------------------------------------------------------------------------------

def plotly_source():
    """plotly.js as pinned by the Maven build: target/plotly (the unzipped webjar) or the jar's copy."""
    found = sorted((ROOT / "target" / "plotly").glob("**/plotly.min.js")) + \
        sorted((ROOT / "target" / "plotly").glob("**/plotly.js"))
    if found:
        return found[0].read_bytes()
    gz = ROOT / "target" / "classes" / "jattn" / "viz" / "plotly.js.gz"
    if gz.exists():
        return gzip.decompress(gz.read_bytes())
    jar = ROOT / "target" / "attention-course.jar"
    if jar.exists():
        with zipfile.ZipFile(jar) as z:
            if "jattn/viz/plotly.js.gz" in z.namelist():
                return gzip.decompress(z.read("jattn/viz/plotly.js.gz"))
    raise SystemExit("make_decks: plotly.js not found (target/plotly or target/attention-course.jar); "
                     "build the module first: mvn -B -DskipTests package")


def copy_assets(out, config):
    """Copies reveal.js, KaTeX, plotly.js and the deck's own files into out/lib (relative paths only)."""
    reveal, katex = NODE / "reveal.js" / "dist", NODE / "katex" / "dist"
    if not (reveal / "reveal.js").exists() or not (katex / "katex.min.js").exists():
        raise SystemExit("make_decks: slides/node_modules is missing or incomplete; "
                         "run: npm ci --prefix slides --no-audit --no-fund")
    lib = out / "lib"
    for sub in ("reveal.js", "katex"):
        shutil.rmtree(lib / sub, ignore_errors=True)
    (lib / "reveal.js" / "dist").mkdir(parents=True)
    for name in ("reveal.js", "reveal.css", "reset.css"):
        shutil.copy2(reveal / name, lib / "reveal.js" / "dist" / name)
    shutil.copytree(reveal / "theme", lib / "reveal.js" / "dist" / "theme")
    (lib / "reveal.js" / "dist" / "plugin").mkdir()
    for name in ("highlight.js", "notes.js"):
        shutil.copy2(reveal / "plugin" / name, lib / "reveal.js" / "dist" / "plugin" / name)
    shutil.copytree(reveal / "plugin" / "highlight", lib / "reveal.js" / "dist" / "plugin" / "highlight")
    (lib / "katex" / "contrib").mkdir(parents=True)
    for name in ("katex.min.js", "katex.min.css"):
        shutil.copy2(katex / name, lib / "katex" / name)
    shutil.copy2(katex / "contrib" / "auto-render.min.js", lib / "katex" / "contrib" / "auto-render.min.js")
    shutil.copytree(katex / "fonts", lib / "katex" / "fonts")
    (lib / "plotly").mkdir(parents=True, exist_ok=True)
    target = lib / "plotly" / "plotly.min.js"
    source = plotly_source()
    if not target.exists() or target.read_bytes() != source:
        target.write_bytes(source)
    (lib / "deck").mkdir(exist_ok=True)
    for name in ("deck.js", "deck.css"):
        shutil.copy2(SLIDES / name, lib / "deck" / name)


# -- cells to slides ---------------------------------------------------------------------------

def slide_type(cell, where):
    meta = cell.get("metadata", {}).get("slideshow", {})
    kind = meta.get("slide_type", "-") if isinstance(meta, dict) else meta
    if kind not in SLIDE_TYPES:
        raise DeckError(f"{where}: slide_type {kind!r} is not one of {', '.join(SLIDE_TYPES)}")
    return kind


def with_attachments(source, cell):
    for name, bundle in (cell.get("attachments") or {}).items():
        mime, data = next(iter(bundle.items()))
        data = text_of(data)
        if mime == "image/svg+xml" and not data.lstrip().startswith("PD"):  # raw SVG text, not base64
            data = base64.b64encode(data.encode()).decode()
        source = source.replace(f"attachment:{name}", f"data:{mime};base64,{data}")
    return source


def markdown(source):
    """Markdown to HTML (nbconvert's mistune, which keeps $...$ and $$...$$ for KaTeX); the inside of
    a <details> answer is rendered too, and the answer stays collapsed."""
    rendered = ANCHOR.sub("", markdown2html_mistune(source))
    return DETAILS.sub(lambda m: m.group(1) + markdown2html_mistune(m.group(2)) + m.group(3), rendered)


def output_html(out, where):
    kind = out.get("output_type")
    if kind == "stream":
        return None  # joined with its neighbours by cell_html
    if kind == "error":
        trace = ANSI.sub("", "\n".join(out.get("traceback", [])))
        return f'<pre class="cell-output cell-error">{html.escape(trace)}</pre>'
    data = out.get("data", {})
    if "text/html" in data:
        return '<div class="cell-output cell-html">' + PLOTLY_LOADER.sub("", text_of(data["text/html"])) + "</div>"
    for mime in ("image/svg+xml", "image/png", "image/jpeg"):
        if mime in data:
            payload = text_of(data[mime])
            if mime == "image/svg+xml":
                return f'<div class="cell-output cell-image">{payload}</div>'
            return f'<div class="cell-output cell-image"><img src="data:{mime};base64,{payload.strip()}" alt=""></div>'
    if "text/markdown" in data:
        return '<div class="cell-output">' + markdown(text_of(data["text/markdown"])) + "</div>"
    if "text/plain" in data:
        return f'<pre class="cell-output">{html.escape(ANSI.sub("", text_of(data["text/plain"])))}</pre>'
    return None


def cell_html(cell, where):
    if cell.cell_type == "markdown":
        return '<div class="cell-markdown">' + markdown(with_attachments(text_of(cell.source), cell)) + "</div>"
    if cell.cell_type == "raw":
        return f'<pre class="cell-raw">{html.escape(text_of(cell.source))}</pre>'
    parts = []
    if text_of(cell.source).strip():
        parts.append('<pre class="cell-code"><code class="language-java" data-trim>'
                     + html.escape(text_of(cell.source)) + "</code></pre>")
    stream = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            stream.append(ANSI.sub("", text_of(out.get("text", ""))))
            continue
        if stream:
            parts.append(f'<pre class="cell-output">{html.escape("".join(stream).rstrip())}</pre>')
            stream = []
        rendered = output_html(out, where)
        if rendered:
            parts.append(rendered)
    if stream and "".join(stream).strip():
        parts.append(f'<pre class="cell-output">{html.escape("".join(stream).rstrip())}</pre>')
    return '<div class="cell-codecell">' + "".join(parts) + "</div>"


def lesson_title(nb):
    """The text of the first '# ' heading of the first Markdown cell, and that cell's index."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            m = re.match(r"\s*#\s+(.+)", text_of(cell.source))
            if not m:
                return None, None
            # "Lesson 05 — Attention for Seq2Seq": the title slide says "Lesson 05" on its own line
            return re.sub(r"^Lesson\s+\d+\s*[—–:-]\s*", "", m.group(1).strip()), index
    return None, None


def check_executed(nb, name):
    code = [i for i, c in enumerate(nb.cells, start=1) if c.cell_type == "code" and text_of(c.source).strip()]
    if not code:
        return
    missing = [i for i in code if nb.cells[i - 1].get("execution_count") is None]
    if missing:
        shown = ", ".join(map(str, missing[:8])) + (" …" if len(missing) > 8 else "")
        raise DeckError(f"{name}: not executed (code cell {shown} has no execution count); "
                        f"execute it first: ./course lessons {name[:2]}")


def build_slides(nb, name):
    """The deck's structure: a list of horizontal slides, each a list of vertical slides, each a
    dict with 'parts' (a list of fragments, each a list of cell HTML) and 'notes' (cell HTML)."""
    title, title_cell = lesson_title(nb)
    slides = []

    def new_vertical():
        return {"parts": [[]], "notes": [], "cells": []}

    for index, cell in enumerate(nb.cells):
        where = f"{name}, cell {index + 1}"
        kind = slide_type(cell, where)
        if kind == "skip":
            continue
        source = text_of(cell.source)
        if index == title_cell:  # the title goes on the title slide
            cell = cell.copy()
            cell.source = re.sub(r"\A\s*#\s+.+\n?", "", source, count=1)
            if not cell.source.strip():
                continue
        if cell.cell_type == "code" and not source.strip() and not cell.get("outputs"):
            continue
        rendered = cell_html(cell, where)
        if kind == "slide" or not slides:
            slides.append([new_vertical()])
        elif kind == "subslide":
            slides[-1].append(new_vertical())
        current = slides[-1][-1]
        if kind == "notes":
            current["notes"].append(rendered)
            continue
        if kind == "fragment":  # parts[0] is shown with the slide, every later part is a fragment
            current["parts"].append([])
        current["parts"][-1].append(rendered)
        current["cells"].append(index + 1)
    # a vertical slide with only notes is no slide: its notes go to the one before
    for stack in slides:
        for i in range(len(stack) - 1, 0, -1):
            if not stack[i]["cells"]:
                stack[i - 1]["notes"] += stack.pop(i)["notes"]
    return title or name, slides


def render_deck(env, config, nb_path, out):
    import nbformat
    name = nb_path.stem
    if not nb_path.exists():
        raise DeckError(f"{nb_path.name}: no executed notebook {nb_path} (execute it first: ./course lessons {name[:2]})")
    try:
        nb = nbformat.read(str(nb_path), as_version=4)
    except Exception as e:
        raise DeckError(f"{nb_path.name}: cannot read it as a notebook ({e})") from None
    check_executed(nb, nb_path.name)
    title, slides = build_slides(nb, nb_path.name)
    number = re.match(r"(\d+)", name)
    page = env.get_template("deck.html.j2").render(
        config=config, title=title, lesson=number.group(1) if number else name, name=name, slides=slides,
        reveal_config=json.dumps({
            "width": config["width"], "height": config["height"], "margin": config["margin"],
            "transition": config["transition"], "pdfSeparateFragments": config["pdfSeparateFragments"],
            "pdfMaxPagesPerSlide": config["pdfMaxPagesPerSlide"],
            "hash": True, "center": False, "controls": True, "progress": True, "slideNumber": "c/t",
            "keyboard": True, "overview": True, "showNotes": False}),
        deck_config=json.dumps({"codeFontPx": config["codeFontPx"], "proseFontPx": config["proseFontPx"],
                                "figureMinScale": config["figureMinScale"],
                                "figureMinHeightPx": config["figureMinHeightPx"],
                                "width": config["width"], "height": config["height"]}))
    (out / f"{name}.html").write_text(page, encoding="utf-8")
    count = 1 + sum(len(stack) for stack in slides)
    return {"deck": str(out / f"{name}.html"), "slides": count,
            "horizontal": 1 + len(slides), "vertical": [1] + [len(s) for s in slides]}


# -- PDF ---------------------------------------------------------------------------------------

def print_pdfs(decks, out, config, timeout=120.0):
    """Prints every deck with reveal.js's print mode (?print-pdf) after its READY signal."""
    sys.path.insert(0, str(ROOT / "tools" / "notebooks"))
    from cdp import Chromium, CdpError
    problems = {}
    with Chromium(log_path=out / "chromium.log") as browser:
        for name, info in decks.items():
            started = time.monotonic()
            page = browser.new_page(width=config["width"], height=config["height"])
            try:
                page.navigate(Path(info["deck"]).resolve().as_uri() + "?print-pdf", timeout=timeout)
                state = page.wait_for("window.__deck && window.__deck.ready && window.__deck.state()",
                                      "the deck's READY signal (math typeset, figures drawn, Reveal ready)", timeout)
                if state.get("errors"):
                    raise CdpError("; ".join(state["errors"]))
                w_in, h_in = config["width"] / 96.0, config["height"] / 96.0
                data = page.send("Page.printToPDF", {"printBackground": True, "paperWidth": w_in,
                                                     "paperHeight": h_in, "marginTop": 0, "marginBottom": 0,
                                                     "marginLeft": 0, "marginRight": 0,
                                                     "preferCSSPageSize": True}, timeout=timeout)["data"]
                pdf = out / f"{name}.pdf"
                pdf.write_bytes(base64.b64decode(data))
                info["pdf"] = str(pdf)
                info["pdfPages"] = pdf_pages(pdf.read_bytes())
                info["pdfSeconds"] = round(time.monotonic() - started, 2)
            except CdpError as e:
                problems[name] = f"{name}: PDF not printed: {e}"
            finally:
                page.close()
    return problems


def pdf_pages(data):
    """The number of page objects in a PDF (/Type /Page, not /Pages)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


# -- main --------------------------------------------------------------------------------------

def lessons(args):
    if not args.lessons:
        return sorted(p for p in args.notebooks.glob("[0-9][0-9]_*.ipynb"))
    chosen = []
    for item in args.lessons:
        p = Path(item)
        if p.suffix == ".ipynb":
            chosen.append(args.notebooks / p.name)
            continue
        match = sorted(args.notebooks.glob(f"{item}*.ipynb"))
        chosen.extend(match or [args.notebooks / f"{item}.ipynb"])
    return chosen


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lessons", nargs="*")
    ap.add_argument("--notebooks", type=Path, default=ROOT / "target" / "notebooks")
    ap.add_argument("--out", type=Path, default=ROOT / "target" / "slides")
    pdf = ap.add_mutually_exclusive_group()
    pdf.add_argument("--pdf", dest="pdf", action="store_true", default=True, help="print the PDFs (default)")
    pdf.add_argument("--no-pdf", dest="pdf", action="store_false", help="only the HTML decks")
    args = ap.parse_args(argv)
    config = json.loads((SLIDES / "decks.json").read_text())
    started = time.monotonic()
    args.out.mkdir(parents=True, exist_ok=True)
    copy_assets(args.out, config)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SLIDES)), autoescape=False,
                             keep_trailing_newline=True)
    decks, problems = {}, {}
    for nb_path in lessons(args):
        try:
            decks[nb_path.stem] = render_deck(env, config, nb_path, args.out)
        except DeckError as e:
            problems[nb_path.stem] = str(e)
    if args.pdf and decks:
        problems.update(print_pdfs(decks, args.out, config))
    report_path = args.out / "report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    report.update(decks)
    for name in problems:
        report.pop(name, None)
    report_path.write_text(json.dumps(report, indent=1))
    for name, info in decks.items():
        pages = f", PDF {info['pdfPages']} pages" if "pdfPages" in info else ""
        print(f"{name}: {info['slides']} slides{pages} → {info['deck']}", flush=True)
    for message in problems.values():
        print("make_decks: " + message, file=sys.stderr, flush=True)
    print(f"{len(decks) - len([n for n in problems if n in decks])} decks in {args.out}, "
          f"{len(problems)} problems, {time.monotonic() - started:.1f} s", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
