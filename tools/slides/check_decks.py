#!/usr/bin/python3
"""Checks the lecture decks in headless Chromium with the network off.

    check_decks.py [--slides target/slides] [--shots target/slides/shots] [DECK.html ...]

Opens each deck (all NN_*.html under --slides when none is named), waits for its READY signal,
then goes to every slide (h.v, all fragments shown) and asserts on each:
  - the slide fits width×height: its section's scrollHeight/scrollWidth within the slide box,
    no <pre> wider than the slide, no element that scrolls or clips its content;
  - the math is typeset: no raw $...$, $$, \\( or \\[ left in its text, no KaTeX error;
  - every Plotly figure on it is drawn (svg.main-svg, non-zero size) inside the slide box.
Per deck: KaTeX elements present, 10 to 25 slides (slides/decks.json), the PDF's page count
equals the number of slides, and no request left the machine (only file:, data:, blob:, about:).
Saves the first slide of each deck as SHOTS/NN_name.png and every slide as SHOTS/NN_name/h.v.png
with --all-shots. All problems of all decks are collected, then printed one per line as
`<deck>, slide <h>.<v>: <problem>`; exits 1 if there was any, 2 if Chromium cannot run.
"""
import argparse
import base64
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "notebooks"))
from cdp import Chromium, CdpError  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_decks import pdf_pages  # noqa: E402

LOCAL = ("file:", "data:", "blob:", "about:")

# every leaf slide of the deck with its indices and fragment count
SLIDES_JS = """(() => Reveal.getSlides().map(s => {
  const i = Reveal.getIndices(s);
  return {h: i.h, v: i.v || 0, fragments: s.querySelectorAll('.fragment').length};
}))()"""

# what is wrong with the current slide, measured in the slide's own CSS pixels
MEASURE_JS = r"""((W, H) => {
  const sec = Reveal.getCurrentSlide();
  const problems = [];
  if (sec.scrollHeight > H + 1) problems.push(`content is ${sec.scrollHeight} px high, the slide ${H} px`);
  if (sec.scrollWidth > sec.clientWidth + 1) problems.push(`content is ${sec.scrollWidth} px wide, the slide ${sec.clientWidth} px`);
  const scale = Reveal.getScale();
  const box = sec.getBoundingClientRect();
  const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  for (const e of sec.querySelectorAll('*')) {
    if (e.closest('.jattn-figure') || e.closest('aside.notes') || e.closest('details:not([open])') && e.tagName !== 'SUMMARY' && e.tagName !== 'DETAILS') continue;
    if (!(e instanceof HTMLElement)) continue;
    const cs = getComputedStyle(e);
    const clips = /(auto|scroll|hidden)/.test(cs.overflowX + cs.overflowY);
    if (e.tagName === 'PRE' && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} is ${e.scrollWidth} px wide in ${e.clientWidth} px`);
    else if (clips && !e.closest('.katex') && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1))
      problems.push(`${name(e)} scrolls or clips its content (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`);
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && (r.right > box.left + W * scale + 2 || r.bottom > box.top + H * scale + 2))
      if (!problems.some(p => p.startsWith('content is')) && !e.closest('.katex'))
        problems.push(`${name(e)} reaches outside the slide (${Math.round((r.right - box.left) / scale)}, ${Math.round((r.bottom - box.top) / scale)})`);
  }
  // raw math: text outside code, scripts, figures and typeset math that still has TeX delimiters
  const walker = document.createTreeWalker(sec, NodeFilter.SHOW_TEXT);
  const raw = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('pre, code, script, style, .katex, .jattn-figure, aside.notes')) continue;
    const m = n.textContent.match(/\$\$|\$[^$\s][^$]*\$|\\\(|\\\[|\\(frac|sum|alpha|top|sqrt)\b/);
    if (m) raw.push(m[0].slice(0, 40));
  }
  if (raw.length) problems.push('raw math left in the text: ' + raw.slice(0, 3).map(r => JSON.stringify(r)).join(', '));
  sec.querySelectorAll('.katex-error').forEach(e => problems.push('KaTeX error: ' + (e.title || e.textContent).slice(0, 120)));
  // figures: drawn, non-zero, inside the slide
  sec.querySelectorAll('.jattn-figure').forEach(f => {
    const svg = f.querySelector('svg.main-svg');
    const title = (f.querySelector('.gtitle') || {}).textContent || f.id;
    if (!svg) { problems.push(`figure "${title}" is not drawn` + (f.textContent ? ': ' + f.textContent.slice(0, 100) : '')); return; }
    const r = svg.getBoundingClientRect();
    if (r.width < 10 || r.height < 10) problems.push(`figure "${title}" is drawn ${Math.round(r.width)}×${Math.round(r.height)} px`);
    if (r.right > box.left + W * scale + 2 || r.bottom > box.top + H * scale + 2)
      problems.push(`figure "${title}" reaches outside the slide`);
  });
  return {problems, figures: sec.querySelectorAll('.jattn-figure').length,
          codeFont: sec.dataset.codeFont, figureScale: sec.dataset.figureScale};
})"""


def screenshot(page, path, width, height):
    """A PNG of the viewport as it is: unlike cdp.Page.screenshot, no captureBeyondViewport, which
    resizes the page (reveal.js then lays the deck out again and figures are redrawn)."""
    data = page.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False,
                                                "clip": {"x": 0, "y": 0, "width": width, "height": height,
                                                         "scale": 1}}, timeout=120)["data"]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(base64.b64decode(data))


def wait_ready(page, what, timeout):
    state = page.wait_for("window.__deck && window.__deck.ready && window.__deck.slideReady && window.__deck.state()",
                          what, timeout)
    return state


def check_deck(browser, deck, config, shots, all_shots, timeout):
    name = deck.stem
    problems = []

    def problem(where, text):
        problems.append(f"{name}, slide {where}: {text}")

    page = browser.new_page(width=config["width"], height=config["height"])
    try:
        page.navigate(deck.resolve().as_uri(), timeout=timeout)
        state = wait_ready(page, f"{name}'s READY signal", timeout)
        for e in state.get("errors", []):
            problem("0.0", e)
        page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")  # measure still slides
        slides = page.evaluate(SLIDES_JS)
        katex = page.evaluate("document.querySelectorAll('.katex').length")
        if not katex:
            problems.append(f"{name}: no typeset math (.katex) in the whole deck")
        lo, hi = config["slidesPerDeck"]["min"], config["slidesPerDeck"]["max"]
        if not lo <= len(slides) <= hi:
            problems.append(f"{name}: {len(slides)} slides, not {lo} to {hi}")
        figures = 0
        for s in slides:
            where = f"{s['h']}.{s['v']}"
            try:
                page.evaluate(f"window.__deck.show({s['h']}, {s['v']}, {s['fragments'] - 1 if s['fragments'] else -1})",
                              timeout=timeout, await_promise=True)
            except CdpError as e:
                problem(where, str(e))
                continue
            time.sleep(0.05 if not s.get("fragments") else 0.5)  # fragments fade in
            measured = page.evaluate(f"({MEASURE_JS})({config['width']}, {config['height']})")
            figures += measured["figures"]
            for p in measured["problems"]:
                problem(where, p)
            if where == "0.0" or all_shots:
                screenshot(page, shots / f"{name}.png" if where == "0.0" else shots / name / f"{where}.png",
                           config["width"], config["height"])
        for e in page.evaluate("window.__deck.errors"):
            if e not in state.get("errors", []):
                problem("?", e)
        blocked = sorted({u for u in page.requests() if not u.startswith(LOCAL)})
        for u in blocked:
            problems.append(f"{name}: a request left the machine: {u}")
    finally:
        page.close()
    pdf = deck.with_suffix(".pdf")
    if not pdf.exists():
        problems.append(f"{name}: no PDF {pdf}")
        pages = None
    else:
        pages = pdf_pages(pdf.read_bytes())
        if pages != len(slides):
            problems.append(f"{name}: the PDF has {pages} pages, the deck {len(slides)} slides")
    return {"deck": str(deck), "slides": len(slides), "figures": figures, "pdfPages": pages}, problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("decks", nargs="*", type=Path)
    ap.add_argument("--slides", type=Path, default=ROOT / "target" / "slides")
    ap.add_argument("--shots", type=Path, default=None)
    ap.add_argument("--all-shots", action="store_true", help="a screenshot of every slide, not only the first")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args(argv)
    config = json.loads((ROOT / "slides" / "decks.json").read_text())
    decks = args.decks or sorted(args.slides.glob("[0-9][0-9]_*.html"))
    shots = args.shots or args.slides / "shots"
    if not decks:
        print(f"check_decks: no decks in {args.slides} (make them: tools/slides/make_decks.py)", file=sys.stderr)
        return 2
    shots.mkdir(parents=True, exist_ok=True)
    report, problems = {}, []
    try:
        with Chromium(log_path=shots / "chromium.log") as browser:
            for deck in decks:
                started = time.monotonic()
                if not deck.exists():
                    problems.append(f"{deck.stem}: no deck {deck}")
                    continue
                try:
                    info, found = check_deck(browser, deck, config, shots, args.all_shots, args.timeout)
                except CdpError as e:
                    problems.append(f"{deck.stem}: cannot check it: {e}")
                    continue
                info["seconds"] = round(time.monotonic() - started, 1)
                report[deck.stem] = info
                problems += found
                print(f"{deck.stem}: {info['slides']} slides, {info['figures']} figures, PDF {info['pdfPages']} pages, "
                      f"{len(found)} problems, {info['seconds']} s", flush=True)
    except CdpError as e:
        print(f"check_decks: {e}", file=sys.stderr)
        return 2
    (shots / "report.json").write_text(json.dumps({"decks": report, "problems": problems}, indent=1))
    for p in problems:
        print(p, flush=True)
    print(f"{len(problems)} problems in {len(decks)} decks; screenshots in {shots}/", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
