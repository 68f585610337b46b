#!/usr/bin/python3
"""Builds the offline course site, target/site/, from what target/ holds.

    make_site.py [--notebooks target/notebooks] [--slides target/slides] [--out target/site]
                 [--allow-missing-decks]

Run with Debian's /usr/bin/python3 (it sees nbconvert) from anywhere; paths are relative to
the repository. The site is one folder that works from any web server, learning platform or
the file system with the network off: every link and every asset is a relative path inside it.

    index.html                  the syllabus (tools/site/site.json: title, what each lesson shows;
                                the lesson titles are the notebooks' first headings) with links
    lessons/NN_name.html        the executed lesson (target/notebooks/NN_name.html, written by
                                tools/notebooks/run_notebooks.py) with the site's KaTeX instead of
                                nbconvert's file:///usr/share/javascript MathJax (site_html.py)
    notebooks/NN_name.ipynb     the lesson's source notebook, to download
    slides/NN_name.html, .pdf   the deck and its PDF, and slides/lib/: target/slides/ of
                                tools/slides/make_decks.py, copied (a deck's links to the outside
                                become their text and address)
    homework/HWn_....ipynb      the STUDENT notebooks, made by the release tool
                                (jattn.grading.Homework release; released again when the source or
                                the jar's content changed), and homework/HWn_....html, a handout of each
    target/homework.jar         what the released notebooks load (%jars ../target/homework.jar)
    instructor/grading.html     homework/README.md, the grading tool's documentation
    lib/                        KaTeX 0.16.22 (slides/node_modules, npm ci --prefix slides),
                                render-math.js, site.css

Nothing of a homework source's solutions or hidden tests may reach the site: after the release,
every file under homework/ is searched for the markers and for every solution and hidden-test
line of the sources (but lines that the sources' visible parts or the lessons also have); one
found stops the build. Finally every src/href of every page and every
url() of every style sheet is checked to resolve to a file inside the site.

Exits 0 when the site is complete; 1 with every problem listed (each names the lesson or file),
e.g. a lesson without its executed HTML, deck or PDF. --allow-missing-decks (for development
only; ./course never uses it) builds the site without the missing decks and says which.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_html import SiteError, css_references, delink_external, offline_page, references  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tools/site/site.json"
KATEX = ROOT / "slides/node_modules/katex/dist"
JAR = ROOT / "target/attention-course.jar"
HOMEWORK_JAR = ROOT / "target/homework.jar"
RELEASE_DIR = ROOT / "target/homework/release"

RENDER_MATH_JS = r"""// Typesets the page's math with KaTeX's auto-render, with the delimiters of Jupyter's MathJax.
// Code (pre, code) and figures are left alone. When done, <html data-math="done">.
document.addEventListener("DOMContentLoaded", function () {
  if (window.renderMathInElement) {
    renderMathInElement(document.body, {
      delimiters: [
        {left: "$$", right: "$$", display: true},
        {left: "\\[", right: "\\]", display: true},
        {left: "\\begin{equation}", right: "\\end{equation}", display: true},
        {left: "\\begin{equation*}", right: "\\end{equation*}", display: true},
        {left: "\\begin{align}", right: "\\end{align}", display: true},
        {left: "\\begin{align*}", right: "\\end{align*}", display: true},
        {left: "\\(", right: "\\)", display: false},
        {left: "$", right: "$", display: false}
      ],
      ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
      ignoredClasses: ["jattn-figure", "site-nav"],
      throwOnError: false
    });
  }
  document.documentElement.setAttribute("data-math", window.renderMathInElement ? "done" : "missing");
});
"""

SITE_CSS = """/* The course site's own pages, and the bar on top of each lesson and handout. */
.site-page { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
  color: #1f2328; max-width: 1100px; margin: 0 auto; padding: 1.5em 2em 4em; }
.site-page h1 { font-size: 2em; margin-bottom: 0.2em; }
.site-page h2 { margin-top: 1.8em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; }
.site-page table { border-collapse: collapse; width: 100%; }
.site-page th, .site-page td { border: 1px solid #d0d7de; padding: 0.45em 0.6em; vertical-align: top; text-align: left; }
.site-page th { background: #f6f8fa; }
.site-page td.num { font-weight: 600; white-space: nowrap; }
.site-page td.links { white-space: nowrap; }
.site-page td.links a { display: block; }
.site-page code { background: #f6f8fa; padding: 0.1em 0.3em; border-radius: 4px; font-size: 90%; }
.site-page pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; border-radius: 6px; }
.site-page pre code { background: none; padding: 0; }
.site-page .lede { font-size: 1.1em; color: #424a53; }
.site-page .missing { color: #9a6700; }
.site-page a.anchor-link { visibility: hidden; text-decoration: none; margin-left: 0.25em; color: #8c959f; }
.site-page :is(h1, h2, h3, h4):hover a.anchor-link { visibility: visible; }
.site-nav { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 15px;
  background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; margin: 0 0 8px 0; }
.site-nav a { margin-right: 1.2em; color: #0969da; text-decoration: none; }
.site-nav a:hover { text-decoration: underline; }
.offline-url { font-family: ui-monospace, monospace; font-size: 90%; color: #424a53; }
"""


class Problems(list):
    def add(self, text):
        self.append(text)
        print("make_site: " + text, file=sys.stderr)


def rel(path):
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def first_heading(nb_path):
    """The notebook's first Markdown heading, without the #s."""
    nb = json.loads(Path(nb_path).read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            src = "".join(cell.get("source", []))
            for line in src.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    raise SiteError(f"{rel(nb_path)}: no Markdown heading to take the title from")


def inline_md(text):
    """Escaped text with `code` spans (the descriptions of site.json)."""
    parts = text.split("`")
    return "".join(f"<code>{html.escape(p)}</code>" if i % 2 else html.escape(p) for i, p in enumerate(parts))


def nav(prefix, items):
    links = "".join(f'<a href="{prefix}{href}"{extra}>{html.escape(label)}</a>' for label, href, extra in items)
    return f'<nav class="site-nav">{links}</nav>\n'


def page(title, body, prefix):
    """A page of the site's own (index, instructor's page), prefix = the way back to the root."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{prefix}lib/katex/katex.min.css">
<link rel="stylesheet" href="{prefix}lib/site.css">
<script defer src="{prefix}lib/katex/katex.min.js"></script>
<script defer src="{prefix}lib/katex/contrib/auto-render.min.js"></script>
<script defer src="{prefix}lib/render-math.js"></script>
</head>
<body>
<main class="site-page">
{body}
</main>
</body>
</html>
"""


# -- the pieces -------------------------------------------------------------------------------

def copy_katex(out, problems):
    needed = ["katex.min.css", "katex.min.js", "contrib/auto-render.min.js", "fonts"]
    missing = [n for n in needed if not (KATEX / n).exists()]
    if missing:
        problems.add(f"KaTeX is not installed ({rel(KATEX)} lacks {', '.join(missing)}): run "
                     "`npm ci --prefix slides` (./course setup does)")
        return
    lib = out / "lib/katex"
    (lib / "contrib").mkdir(parents=True)
    for n in needed[:3]:
        shutil.copy2(KATEX / n, lib / n)
    shutil.copytree(KATEX / "fonts", lib / "fonts")
    (out / "lib/render-math.js").write_text(RENDER_MATH_JS, encoding="utf-8")
    (out / "lib/site.css").write_text(SITE_CSS, encoding="utf-8")


def lesson_pages(lessons, notebooks_dir, out, problems):
    """lessons/NN.html (the executed HTML made offline) and notebooks/NN.ipynb (the source)."""
    (out / "lessons").mkdir()
    (out / "notebooks").mkdir()
    for lesson in lessons:
        stem = lesson["stem"]
        shutil.copy2(lesson["source"], out / "notebooks" / (stem + ".ipynb"))
        executed = notebooks_dir / (stem + ".html")
        if not executed.exists():
            problems.add(f"lesson {stem}: its executed HTML {rel(executed)} is missing "
                         f"(./course lessons {stem[:2]} executes it)")
            continue
        if executed.stat().st_mtime < lesson["source"].stat().st_mtime:
            print(f"make_site: warning: {rel(executed)} is older than {rel(lesson['source'])} "
                  f"(./course lessons {stem[:2]} executes it again)", file=sys.stderr)
        items = [("Course home", "index.html", "")]
        if lesson.get("deck.html"):
            items.append(("Slides", f"slides/{stem}.html", ""))
        if lesson.get("deck.pdf"):
            items.append(("Slides (PDF)", f"slides/{stem}.pdf", ""))
        items.append(("Notebook (.ipynb)", f"notebooks/{stem}.ipynb", f' download="{stem}.ipynb"'))
        bar = nav("../", items)
        try:
            text = offline_page(executed.read_text(encoding="utf-8"), rel(executed), "../lib/",
                                lesson["title"], bar)
        except SiteError as e:
            problems.add(f"lesson {stem}: {e}")
            continue
        (out / "lessons" / (stem + ".html")).write_text(text, encoding="utf-8")
        lesson["page"] = True


def copy_decks(lessons, slides_dir, notebooks_dir, out, problems, allow_missing):
    (out / "slides").mkdir()
    for lesson in lessons:
        stem = lesson["stem"]
        for ext in (".html", ".pdf"):
            f = slides_dir / (stem + ext)
            executed = notebooks_dir / (stem + ".ipynb")
            if f.exists() and executed.exists() and f.stat().st_mtime < executed.stat().st_mtime:
                print(f"make_site: warning: {rel(f)} is older than {rel(executed)} (./course slides {stem[:2]} "
                      "makes it again)", file=sys.stderr)
            if f.exists() and ext == ".html":
                # a deck's link to the outside (a paper) becomes its text and address, as on the lesson pages
                (out / "slides" / f.name).write_text(delink_external(f.read_text(encoding="utf-8")), encoding="utf-8")
                lesson["deck" + ext] = True
            elif f.exists():
                shutil.copy2(f, out / "slides" / f.name)
                lesson["deck" + ext] = True
            elif allow_missing:
                print(f"make_site: warning: lesson {stem}: {rel(f)} is missing; left out (--allow-missing-decks)",
                      file=sys.stderr)
            else:
                what = "deck" if ext == ".html" else "deck's PDF"
                problems.add(f"lesson {stem}: its {what} {rel(f)} is missing (tools/slides/make_decks.py, "
                             "run by ./course slides, writes it)")
    if (slides_dir / "lib").is_dir():
        shutil.copytree(slides_dir / "lib", out / "slides/lib")
    elif any(lesson.get("deck.html") for lesson in lessons):
        problems.add(f"the decks' assets {rel(slides_dir / 'lib')} are missing (tools/slides/make_decks.py writes them)")


def jar_fingerprint(jar):
    """SHA-256 of the jar's entry names and CRCs: the same for a rebuild of the same code (the
    build rewrites the jar, with new timestamps, on every mvn package)."""
    import hashlib
    import zipfile
    h = hashlib.sha256()
    with zipfile.ZipFile(jar) as z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            h.update(f"{info.filename}\0{info.CRC:08x}\0{info.file_size}\n".encode())
    return h.hexdigest()


def release_stamp(source, jar_print):
    import hashlib
    return hashlib.sha256(source.read_bytes()).hexdigest() + " " + jar_print + "\n"


def release_homework(assignments, problems):
    """The student notebooks, released again unless the source and the jar's content are those of
    the last release (RELEASE_DIR/NAME.stamp); a release grades the source, which takes minutes."""
    jar_print = jar_fingerprint(JAR)

    def fresh(a):
        released, stamp = RELEASE_DIR / a["source"].name, RELEASE_DIR / (a["stem"] + ".stamp")
        return released.exists() and stamp.exists() and stamp.read_text() == release_stamp(a["source"], jar_print)
    stale = [a for a in assignments if not fresh(a)]
    if stale:
        cmd = ["java", "-cp", str(JAR), "jattn.grading.Homework", "release",
               *[str(a["source"]) for a in stale], "--out", str(RELEASE_DIR)]
        print("make_site: releasing " + " ".join(a["source"].name for a in stale) + " (grades each source first)",
              file=sys.stderr)
        t0 = time.monotonic()
        r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        print(r.stdout.rstrip(), file=sys.stderr)
        print(f"make_site: release took {time.monotonic() - t0:.1f} s", file=sys.stderr)
        if r.returncode != 0:
            problems.add("the homework release failed (exit code %d); the tool's output is above" % r.returncode)
        else:
            for a in stale:
                (RELEASE_DIR / (a["stem"] + ".stamp")).write_text(release_stamp(a["source"], jar_print))
    if not HOMEWORK_JAR.exists() or HOMEWORK_JAR.stat().st_mtime < JAR.stat().st_mtime:
        r = subprocess.run(["java", "-cp", str(JAR), "jattn.grading.Homework", "jar", str(JAR), str(HOMEWORK_JAR)],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            problems.add(f"{rel(HOMEWORK_JAR)} could not be made: {r.stdout.strip()}")


MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def secret_lines(*sources):
    """The lines of the homework sources' solution and hidden-test regions that appear nowhere else
    in them (a `}`, or a line the visible part of any assignment also has, is no secret), stripped."""
    inside, outside = set(), set()
    cells = [c for s in sources for c in json.loads(s.read_text(encoding="utf-8"))["cells"]]
    for cell in cells:
        region = None
        for line in "".join(cell.get("source", [])).splitlines():
            s = line.strip()
            if "BEGIN SOLUTION" in s or "BEGIN HIDDEN TESTS" in s:
                region = s
                continue
            if "END SOLUTION" in s or "END HIDDEN TESTS" in s:
                region = None
                continue
            (inside if region else outside).add(s)
    return {s for s in inside - outside if len(s) >= 6}


def lesson_lines():
    """Every line of the lessons' sources, stripped: the course shows them, so they are no secret."""
    lines = set()
    for f in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in json.loads(f.read_text(encoding="utf-8"))["cells"]:
            lines |= {line.strip() for line in "".join(cell.get("source", [])).splitlines()}
    return lines


def leaks(text, secrets):
    """The markers and secret lines that text holds (as whole lines, after stripping)."""
    found = [m for m in MARKERS if m in text]
    lines = {line.strip() for line in text.splitlines()}
    found += sorted(secrets & lines)
    return found


def html_text_lines(page_html):
    """The text of an HTML page (tags removed, entities decoded), for the leak check."""
    return html.unescape(re.sub(r"<[^>]+>", "", page_html))


def homework_pages(assignments, out, problems):
    from nbconvert import HTMLExporter  # Debian's python3-nbconvert
    import nbformat
    (out / "homework").mkdir()
    (out / "target").mkdir()
    if HOMEWORK_JAR.exists():
        shutil.copy2(HOMEWORK_JAR, out / "target/homework.jar")
    exporter = HTMLExporter()
    for a in assignments:
        released = RELEASE_DIR / a["source"].name
        if not released.exists():
            problems.add(f"homework {a['stem']}: the released notebook {rel(released)} is missing")
            continue
        shutil.copy2(released, out / "homework" / released.name)
        body, _ = exporter.from_notebook_node(nbformat.read(str(released), as_version=4))
        bar = nav("../", [("Course home", "index.html", ""),
                          ("Notebook (.ipynb)", f"homework/{released.name}", f' download="{released.name}"'),
                          ("homework.jar", "target/homework.jar", ' download="homework.jar"')])
        try:
            text = offline_page(body, f"the HTML of {rel(released)}", "../lib/", a["title"], bar)
        except SiteError as e:
            problems.add(f"homework {a['stem']}: {e}")
            continue
        (out / "homework" / (a["stem"] + ".html")).write_text(text, encoding="utf-8")
        a["page"] = True
    secrets = secret_lines(*[a["source"] for a in assignments]) - lesson_lines()
    for f in sorted((out / "homework").iterdir()):
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".ipynb":
            nb = json.loads(text)
            text = "\n".join("".join(c.get("source", [])) for c in nb["cells"])
        else:
            text = html_text_lines(text)
        found = leaks(text, secrets)
        if found:
            f.unlink()
            problems.add(f"homework/{f.name}: holds what the students must not see: "
                         + "; ".join(repr(x) for x in found[:5]) + (" ..." if len(found) > 5 else "")
                         + " (removed from the site)")


def instructor_page(out, problems):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    try:
        from pygments.formatters import HtmlFormatter
        style = "<style>" + HtmlFormatter().get_style_defs(".highlight") + "</style>\n"
    except ImportError:
        style = ""
    readme = ROOT / "homework/README.md"
    body = markdown2html_mistune(readme.read_text(encoding="utf-8"))
    body = delink_external(body)
    (out / "instructor").mkdir()
    intro = ('<p class="lede"><a href="../index.html">Course home</a> · For the instructor: the homework and its '
             'grader, <code>./course homework ...</code>, as documented in the repository\'s '
             '<code>homework/README.md</code>. The source notebooks with the solutions and hidden tests are '
             'in the repository only, never on this site.</p>\n')
    text = page("Homework and its grader — for the instructor", style + intro + body, "../")
    (out / "instructor/grading.html").write_text(text, encoding="utf-8")


def index_page(cfg, lessons, assignments, out):
    rows = []
    for lesson in lessons:
        stem = lesson["stem"]
        links = []
        if lesson.get("page"):
            links.append(f'<a href="lessons/{stem}.html">Executed notebook</a>')
        else:
            links.append('<span class="missing">executed notebook not built</span>')
        links.append(f'<a href="slides/{stem}.html">Slides</a>' if lesson.get("deck.html")
                     else '<span class="missing">slides not built</span>')
        links.append(f'<a href="slides/{stem}.pdf">Slides (PDF)</a>' if lesson.get("deck.pdf")
                     else '<span class="missing">PDF not built</span>')
        links.append(f'<a href="notebooks/{stem}.ipynb" download="{stem}.ipynb">Notebook (.ipynb)</a>')
        title = re.sub(r"^Lesson \d+\s*[—-]\s*", "", lesson["title"])
        rows.append(f'<tr><td class="num">{stem[:2]}</td><td><strong>{html.escape(title)}</strong><br>'
                    f'{inline_md(lesson["shows"])}</td><td class="links">{"".join(links)}</td></tr>')
    hw_rows = []
    for a in assignments:
        links = []
        if a.get("page"):
            links.append(f'<a href="homework/{a["stem"]}.html">Handout (HTML)</a>')
            links.append(f'<a href="homework/{a["stem"]}.ipynb" download="{a["stem"]}.ipynb">Notebook (.ipynb)</a>')
        else:
            links.append('<span class="missing">not released</span>')
        title = re.sub(r"^HW\d+\s*[:—-]\s*", "", a["title"])
        hw_rows.append(f'<tr><td class="num">{a["stem"][:3]}</td><td><strong>{html.escape(title)}</strong><br>'
                       f'after lesson {html.escape(a["after"])}: {inline_md(a["shows"])}</td>'
                       f'<td class="links">{"".join(links)}</td></tr>')
    body = f"""<h1>{html.escape(cfg["title"])}</h1>
<p class="lede">{inline_md(cfg["subtitle"])}</p>
<p>Per lesson: the notebook as executed (its prose, code, outputs and live plots), the lecture slides
and their PDF, and the notebook itself to run. The lessons run in the course's repository:
<code>./course setup</code> builds the course and <code>./course jupyter</code> opens them.</p>
<h2>Syllabus</h2>
<table>
<thead><tr><th>#</th><th>lesson and what it shows</th><th>material</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h2>Homework</h2>
<table>
<thead><tr><th>#</th><th>assignment</th><th>material</th></tr></thead>
<tbody>
{chr(10).join(hw_rows)}
</tbody>
</table>
<p><strong>How to run an assignment.</strong> Download its notebook and
<a href="target/homework.jar" download="homework.jar">homework.jar</a>. The notebook loads the jar with
<code>%jars ../target/homework.jar</code>, so put them side by side like this:
<code>course/homework/HW1_....ipynb</code> and <code>course/target/homework.jar</code> (in the course's
repository, after <code>./course setup</code>, the jar is already there). Open the notebook in Jupyter with
the Java kernel (<code>java</code>; <code>./course jupyter</code> starts one), write the cells marked as
yours, and run the last cell: it runs the visible tests and prints your points per question.</p>
<h2>For the instructor</h2>
<p><a href="instructor/grading.html">The homework and its grader</a>: releasing the student notebooks,
checking, grading a class (gradebook, feedback, Gradescope), and the grader's sandbox.</p>
"""
    (out / "index.html").write_text(page(cfg["title"], body, ""), encoding="utf-8")


# -- the final check ----------------------------------------------------------------------

def check_references(out, problems):
    """Every src/href of every page and url() of every style sheet is a file inside the site."""
    root = out.resolve()
    count = 0
    for f in sorted(out.rglob("*")):
        if f.suffix == ".html":
            refs = [f"{t}[{a}]={v}" for t, a, v in references(f.read_text(encoding="utf-8", errors="replace"))]
            values = [(r, r.split("=", 1)[1]) for r in refs]
        elif f.suffix == ".css":
            values = [(f"url({v})", v) for v in css_references(f.read_text(encoding="utf-8", errors="replace"))]
        else:
            continue
        for what, v in values:
            count += 1
            problem = resolve_problem(f, v, root)
            if problem:
                problems.add(f"{f.relative_to(out)}: {what}: {problem}")
    return count


def resolve_problem(page_file, value, root):
    """None if value (a link of page_file) is a file inside root, else what is wrong."""
    v = value.strip()
    if v.startswith("data:") or v.startswith("blob:") or v.startswith("#") or v == "":
        return None
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", v) or v.startswith("//"):
        return "points outside the site"
    from urllib.parse import unquote
    path = unquote(v.split("#", 1)[0].split("?", 1)[0])
    if path == "":
        return None
    target = (page_file.parent / path).resolve()
    if root != target and root not in target.parents:
        return "leaves the site folder"
    if not target.exists():
        return "no such file in the site"
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notebooks", default="target/notebooks", help="the executed lessons (.html)")
    ap.add_argument("--slides", default="target/slides", help="the decks of make_decks.py")
    ap.add_argument("--out", default="target/site")
    ap.add_argument("--allow-missing-decks", action="store_true",
                    help="for development only: build without the decks that are missing")
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    notebooks_dir, slides_dir, out = (ROOT / args.notebooks, ROOT / args.slides, ROOT / args.out)
    problems = Problems()

    cfg = json.loads(CONFIG.read_text(encoding="utf-8"))
    sources = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    described = {e["notebook"]: e for e in cfg["lessons"]}
    lessons = []
    for s in sources:
        if s.name not in described:
            problems.add(f"lesson {s.stem}: {rel(CONFIG)} has no description of it (add it to \"lessons\")")
            continue
        lessons.append({"stem": s.stem, "source": s, "title": first_heading(s), "shows": described[s.name]["shows"]})
    for name in described:
        if not (ROOT / "notebooks" / name).exists():
            problems.add(f"{rel(CONFIG)} describes notebooks/{name}, which does not exist")
    assignments = []
    for e in cfg["homework"]:
        src = ROOT / "homework" / e["notebook"]
        if not src.exists():
            problems.add(f"{rel(CONFIG)} lists homework/{e['notebook']}, which does not exist")
            continue
        assignments.append({"stem": src.stem, "source": src, "title": first_heading(src),
                            "after": e["after"], "shows": e["shows"]})
    for src in sorted((ROOT / "homework").glob("HW*.ipynb")):
        if src.name not in {e["notebook"] for e in cfg["homework"]}:
            problems.add(f"homework {src.stem}: {rel(CONFIG)} does not list it (add it to \"homework\")")
    if not JAR.exists():
        problems.add(f"{rel(JAR)} is missing: build first (mvn -DskipTests package)")
        return finish(problems, out, t0)

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    copy_katex(out, problems)
    copy_decks(lessons, slides_dir, notebooks_dir, out, problems, args.allow_missing_decks)
    lesson_pages(lessons, notebooks_dir, out, problems)
    release_homework(assignments, problems)
    homework_pages(assignments, out, problems)
    instructor_page(out, problems)
    index_page(cfg, lessons, assignments, out)
    n = check_references(out, problems)
    print(f"make_site: {n} links and assets checked", file=sys.stderr)
    return finish(problems, out, t0)


def finish(problems, out, t0):
    took = time.monotonic() - t0
    if problems:
        print(f"make_site: {len(problems)} problems; the site in {rel(out)} is incomplete:\n  "
              + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"make_site: {rel(out / 'index.html')} ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
