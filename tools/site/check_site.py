#!/usr/bin/python3
"""Crawl the offline course site in headless Chromium with no network, and check every page.

    check_site.py [--shots target/site-shots] [--notebooks target/notebooks] [--report FILE] SITE_DIR

From SITE_DIR/index.html it opens every HTML page the site links to (cdp.py: a fresh profile,
every host name unresolvable) and checks:
  - every a[href], link[href], script[src], img[src], iframe[src], source[src], embed[src] and
    object[data] of the page resolves to an existing file inside SITE_DIR (data: and blob: are
    fine; a link to the same page's #fragment must find that element);
  - every request the page made (CDP's Network.requestWillBeSent) is a file: URL of an existing
    file inside SITE_DIR, or data: or blob: - nothing leaves the machine;
  - on every page but the decks (slides/, checked by SlideDecksIT): no raw math in the visible
    text (a `$`, `\\(`, `\\[` or `\\begin{` outside code, figures and typeset math), no KaTeX
    error; on every lesson page (lessons/): KaTeX elements present, every Plotly figure
    (.jattn-figure) drawn with a non-empty SVG, and as many figures as the executed notebook
    displayed (when --notebooks has it).
Screenshots: SHOTS/index.png (the whole index), SHOTS/<first lesson>.png and -figure.png (its top
and its first figure), SHOTS/homework.png and instructor.png (the first handout, the grader's page). Every problem is printed as `<page>: <problem>` and written, with the counts,
to the report (default SHOTS/report.json).

Exits 0 when there is no problem, 1 when there are, 2 when Chromium is missing or the site has
no index.html.
"""
import argparse
import json
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "notebooks"))
from cdp import Chromium, CdpError  # noqa: E402

LOAD_TIMEOUT = 180   # a lesson page is ~4 MB with plotly.js inline, on a loaded machine
DRAW_TIMEOUT = 120
MATH_TIMEOUT = 60

# What the page links to and loads, resolved by the browser (the absolute URL) and as written.
REFS_JS = r"""
(() => {
  const wanted = {A: 'href', LINK: 'href', AREA: 'href', SCRIPT: 'src', IMG: 'src', IFRAME: 'src', SOURCE: 'src',
                  EMBED: 'src', VIDEO: 'src', AUDIO: 'src', TRACK: 'src', OBJECT: 'data'};
  const out = [];
  for (const el of document.querySelectorAll('a[href], link[href], area[href], script[src], img[src], iframe[src],'
                                             + ' source[src], embed[src], video[src], audio[src], track[src], object[data]')) {
    const attr = wanted[el.tagName];
    const raw = el.getAttribute(attr);
    let abs = null;
    try { abs = new URL(raw, document.baseURI).href; } catch (e) {}
    let fragmentFound = null;
    // '#/...' is reveal.js's route to a slide (a deck's controls), not an element id
    if (abs && el.tagName === 'A' && raw.startsWith('#') && raw.length > 1 && !raw.startsWith('#/')) {
      // as the HTML standard finds a fragment: the id as written, then percent-decoded
      const ids = [raw.slice(1)];
      try { ids.push(decodeURIComponent(raw.slice(1))); } catch (e) {}
      fragmentFound = ids.some(id => document.getElementById(id) || document.getElementsByName(id).length);
    }
    out.push({tag: el.tagName.toLowerCase(), attr: attr, raw: raw, url: abs, fragmentFound: fragmentFound});
  }
  return out;
})()
"""

# Text nodes that still show math source: outside code, figures, typeset math and the nav bar.
RAW_MATH_JS = r"""
(() => {
  const skip = 'pre, code, script, style, textarea, .katex, .katex-display, .jattn-figure, svg, .site-nav';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const raw = [];
  let n;
  while ((n = walker.nextNode())) {
    const p = n.parentElement;
    if (!p || p.closest(skip)) continue;
    const t = n.textContent;
    if (/\$|\\\(|\\\[|\\begin\{/.test(t)) raw.push(t.replace(/\s+/g, ' ').trim().slice(0, 120));
  }
  return {raw: raw, katex: document.querySelectorAll('.katex').length,
          errors: Array.from(document.querySelectorAll('.katex-error')).map(e => (e.getAttribute('title') || e.textContent).slice(0, 120))};
})()
"""

FIGURES_JS = r"""
(() => Array.from(document.querySelectorAll('.jattn-figure')).map((gd, i) => {
  const svg = gd.querySelector('svg.main-svg');
  const b = svg ? svg.getBoundingClientRect() : null;
  return {index: i + 1, drawn: !!(gd._fullLayout && svg && b.width > 0 && b.height > 0),
          title: ((gd._fullLayout && gd._fullLayout.title && gd._fullLayout.title.text) || '').slice(0, 80),
          text: svg ? '' : (gd.textContent || '').trim().slice(0, 200)};
}))()
"""

ALL_DRAWN_JS = r"""
(() => Array.from(document.querySelectorAll('.jattn-figure'))
   .every(gd => (gd._fullLayout && gd.querySelector('svg.main-svg')) || (gd.textContent || '').trim().length > 0))()
"""


def displayed_figures(ipynb):
    """How many figures (jattn-figure divs) the executed notebook displayed."""
    nb = json.loads(Path(ipynb).read_text(encoding="utf-8"))
    count = 0
    for cell in nb.get("cells", []):
        for o in cell.get("outputs", []):
            h = o.get("data", {}).get("text/html")
            if h:
                count += ("".join(h) if isinstance(h, list) else h).count('class="jattn-figure"')
    return count


class SiteCheck:
    def __init__(self, site, shots, notebooks):
        self.site = site.resolve()
        self.shots = shots
        self.notebooks = notebooks
        self.problems = []
        self.pages = []
        self.links = 0
        self.requests = 0
        self.shot_lesson = None

    def add(self, page, problem):
        self.problems.append(f"{page}: {problem}")
        print(f"  {page}: {problem}", flush=True)

    def inside(self, url):
        """The site-relative path of a file: URL inside the site, else None."""
        u = urlparse(url)
        if u.scheme != "file":
            return None
        p = Path(unquote(u.path)).resolve()
        if p != self.site and self.site not in p.parents:
            return None
        return p.relative_to(self.site).as_posix()

    def run(self, browser):
        queue, queued = ["index.html"], {"index.html"}
        while queue:
            rel = queue.pop(0)
            started = time.monotonic()
            try:
                found = self.check_page(browser, rel)
            except CdpError as e:
                self.add(rel, f"could not be checked: {e}")
                continue
            for nxt in found:
                if nxt not in queued:
                    queued.add(nxt)
                    queue.append(nxt)
            print(f"{rel}: checked in {time.monotonic() - started:.1f} s", flush=True)
            self.pages.append(rel)

    def check_page(self, browser, rel):
        """Checks one page; returns the site's HTML pages it links to."""
        page = browser.new_page(width=1280, height=900)
        try:
            page.navigate((self.site / rel).as_uri(), timeout=LOAD_TIMEOUT)
            deck = rel.startswith("slides/")
            lesson = rel.startswith("lessons/")
            if not deck:
                state = page.wait_for("document.documentElement.getAttribute('data-math')",
                                      "the page's math to be typeset (lib/render-math.js)", timeout=MATH_TIMEOUT)
                if state != "done":
                    self.add(rel, "KaTeX did not load (render-math.js found no renderMathInElement)")
            if lesson:
                page.wait_for(ALL_DRAWN_JS, "the page's figures to be drawn", timeout=DRAW_TIMEOUT)
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))", await_promise=True)
            refs = page.evaluate(REFS_JS)
            math = None if deck else page.evaluate(RAW_MATH_JS)
            figs = page.evaluate(FIGURES_JS) if lesson else []
            if rel == "index.html":
                height = page.evaluate("document.documentElement.scrollHeight")
                page.screenshot(self.shots / "index.png", {"x": 0, "y": 0, "width": 1280, "height": min(height, 4000)})
            for kind in ("homework/", "instructor/"):
                if rel.startswith(kind) and not any(p.startswith(kind) for p in self.pages):
                    page.screenshot(self.shots / (kind.rstrip("/") + ".png"), {"x": 0, "y": 0, "width": 1280, "height": 900})
            if lesson and self.shot_lesson is None:
                self.shot_lesson = rel
                stem = Path(rel).stem
                page.screenshot(self.shots / f"{stem}.png", {"x": 0, "y": 0, "width": 1280, "height": 900})
                if figs:
                    box = page.evaluate("(() => { const el = document.querySelector('.jattn-figure');"
                                        " el.scrollIntoView({block: 'center'}); const b = el.getBoundingClientRect();"
                                        " return {x: b.left + window.scrollX, y: b.top + window.scrollY,"
                                        " width: Math.max(b.width, 400), height: Math.max(b.height, 200)}; })()")
                    page.screenshot(self.shots / f"{stem}-figure.png", box)
            requests = page.requests()
        finally:
            page.close()

        nxt = []
        for r in refs:
            self.links += 1
            what = f"{r['tag']}[{r['attr']}]=\"{r['raw']}\""
            url = r["url"] or ""
            if url.startswith(("data:", "blob:")):
                continue
            if r["fragmentFound"] is False:
                self.add(rel, f"{what}: no element with that id on the page")
                continue
            target = self.inside(url)
            if target is None:
                self.add(rel, f"{what}: points outside the site ({url})")
                continue
            path = self.site / target
            if not path.is_file():
                self.add(rel, f"{what}: no such file in the site ({target})")
                continue
            if r["tag"] in ("a", "area", "iframe") and path.suffix == ".html":
                nxt.append(target)
        for url in requests:
            self.requests += 1
            if url.startswith(("data:", "blob:")) or url == "about:blank":
                continue
            target = self.inside(url)
            if target is None:
                self.add(rel, f"requested {url[:200]}: outside the site (only the site's own files, data: and blob: may be loaded)")
            elif not (self.site / target).is_file():
                self.add(rel, f"requested {target}, which the site does not have")
        if math is not None:
            for t in math["raw"][:10]:
                self.add(rel, f"raw math left in the text: \"{t}\"")
            if len(math["raw"]) > 10:
                self.add(rel, f"... and {len(math['raw']) - 10} more text pieces with raw math")
            for t in math["errors"][:10]:
                self.add(rel, f"KaTeX could not typeset: {t}")
        if lesson:
            if math is not None and math["katex"] == 0:
                self.add(rel, "no KaTeX element: the lesson's math was not typeset")
            for f in figs:
                if not f["drawn"]:
                    self.add(rel, f"figure {f['index']} was not drawn (no Plotly SVG)"
                             + (f"; it shows: {f['text']}" if f["text"] else ""))
            executed = self.notebooks / (Path(rel).stem + ".ipynb") if self.notebooks else None
            if executed and executed.exists():
                expected = displayed_figures(executed)
                if expected != len(figs):
                    self.add(rel, f"has {len(figs)} figures, the executed notebook displayed {expected}")
        return nxt


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=Path)
    ap.add_argument("--shots", type=Path, default=Path("target/site-shots"))
    ap.add_argument("--notebooks", type=Path, default=None, help="the executed lessons, to count their figures")
    ap.add_argument("--report", type=Path, default=None)
    args = ap.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"check_site: {args.site}/index.html does not exist (tools/site/make_site.py builds the site)",
              file=sys.stderr)
        return 2
    args.shots.mkdir(parents=True, exist_ok=True)
    report_path = args.report or args.shots / "report.json"
    check = SiteCheck(args.site, args.shots, args.notebooks)
    started = time.monotonic()
    try:
        with Chromium(log_path=args.shots / "chromium.log") as browser:
            check.run(browser)
    except CdpError as e:
        print(f"check_site: {e}", file=sys.stderr)
        return 2
    report = {"site": str(args.site), "pages": check.pages, "links": check.links, "requests": check.requests,
              "problems": check.problems, "seconds": round(time.monotonic() - started, 1),
              "screenshots": sorted(str(p) for p in args.shots.glob("*.png"))}
    report_path.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"check_site: {len(check.pages)} pages, {check.links} links and assets, {check.requests} requests, "
          f"{len(check.problems)} problems, {report['seconds']} s; report {report_path}", flush=True)
    return 1 if check.problems else 0


if __name__ == "__main__":
    sys.exit(main())
