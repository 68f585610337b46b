#!/usr/bin/python3
"""Check every Plotly figure of executed lessons (their HTML exports) in headless Chromium, offline.

For each HTML file: open it in headless Chromium with no network (cdp.py), wait until every
figure div (class jattn-figure, written by jattn.viz.Display) is drawn, and check each figure:
  - it was drawn: plotly.js (shipped in the page) made its SVG;
  - it has a title, and the title's rendered text lies inside the figure (not clipped);
  - every axis of every cartesian subplot (heatmaps included) has a title, drawn inside the figure;
  - each heatmap's rows are at least MIN_ROW_PX tall: the plot area's height (the y axis's
    length in _fullLayout) divided by the number of rows of z.
A screenshot of each figure goes to SHOTS/<lesson>/<n>.png (n counts the lesson's figures from 1).
One figure's problems do not hide another's: all are printed, as
    <lesson>, figure <n> "<title>": <what is wrong>
and written with the measurements to SHOTS/report.json.

Usage: check_figures.py [--shots DIR] HTML...
Exits 0 if every figure passes, 1 if any problem was found, 2 if Chromium is missing or a page
could not be opened.
"""
import argparse
import html
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cdp import Chromium, CdpError  # noqa: E402

MIN_ROW_PX = 18       # a heatmap row shorter than this cannot carry a readable tick label
SLACK_PX = 1.0        # rounding of rendered text boxes
DRAW_TIMEOUT = 120    # seconds for plotly.js to unpack and draw a lesson's figures on a loaded machine

# Measures every figure of the page: what plotly.js drew and what its _fullLayout says.
INSPECT_JS = r"""
(() => {
  const box = el => { const b = el.getBoundingClientRect();
    return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height}; };
  const axisOf = (fl, id) => fl[id.charAt(0) + 'axis' + id.slice(1)];
  // a title left unset holds plotly's placeholder ("Click to enter X axis title"), never drawn
  const titleText = (fl, t) => { const s = (t && t.text) || '';
    return Object.values(fl._dfltTitle || {}).includes(s) ? '' : s; };
  return Array.from(document.querySelectorAll('.jattn-figure')).map((gd, i) => {
    const fig = {index: i + 1, id: gd.id, drawn: false, text: (gd.textContent || '').trim().slice(0, 300)};
    const fl = gd._fullLayout, svg = gd.querySelector('svg.main-svg');
    if (!fl || !svg) return fig;
    fig.drawn = true;
    fig.svg = box(svg);
    fig.title = titleText(fl, fl.title);
    const gt = gd.querySelector('text.gtitle');
    fig.titleDrawn = gt ? {text: gt.textContent, box: box(gt)} : null;
    fig.axes = [];
    for (const sp of ((fl._subplots && fl._subplots.cartesian) || [])) {
      const m = sp.match(/^(x\d*)(y\d*)$/);
      if (!m) continue;
      for (const id of [m[1], m[2]]) {
        const ax = axisOf(fl, id);
        if (!ax || ax.visible === false || fig.axes.some(a => a.id === id)) continue;
        const el = gd.querySelector('text.' + id + 'title');
        fig.axes.push({id: id, subplot: sp, title: titleText(fl, ax.title),
                       drawn: el && el.textContent ? {text: el.textContent, box: box(el)} : null});
      }
    }
    fig.heatmaps = (gd._fullData || []).filter(t => t.type === 'heatmap' && t.visible !== false).map(t => {
      const ya = axisOf(fl, t.yaxis);
      return {yaxis: t.yaxis, rows: (t._z || t.z || []).length, plotHeight: ya ? ya._length : null};
    });
    fig.traces = (gd._fullData || []).map(t => t.type);
    return fig;
  });
})()
"""

# True once every figure div is drawn or shows plotly's absence (Display writes a message into it).
ALL_DRAWN_JS = r"""
(() => Array.from(document.querySelectorAll('.jattn-figure'))
   .every(gd => (gd._fullLayout && gd.querySelector('svg.main-svg')) || (gd.textContent || '').trim().length > 0))()
"""


def axis_name(axis_id):
    """'x' → 'x axis', 'y2' → 'y2 axis'."""
    return f"{axis_id} axis"


def outside(inner, outer):
    """How the box inner sticks out of outer, e.g. ['right by 42 px'], or []."""
    out = []
    for side, sign in (("left", -1), ("top", -1), ("right", 1), ("bottom", 1)):
        by = (inner[side] - outer[side]) * sign
        if by > SLACK_PX:
            out.append(f"{side} by {by:.0f} px")
    return out


def figure_problems(fig):
    """What is wrong with one measured figure, as a list of sentences."""
    if not fig["drawn"]:
        return ["was not drawn (no Plotly SVG; plotly.js did not run)"
                + (f"; the figure shows: {fig['text'][:200]}" if fig["text"] else "")]
    problems = []
    svg = fig["svg"]
    if not fig["title"].strip():
        problems.append("has no title")
    elif not fig["titleDrawn"]:
        problems.append("its title is in the layout but was not drawn")
    else:
        t = fig["titleDrawn"]["box"]
        sticks = outside(t, svg)
        if sticks:
            problems.append(f"the title does not fit: its text is {t['width']:.0f} px wide, the figure "
                            f"{svg['width']:.0f} px, and it is clipped ({', '.join(sticks)}); "
                            "shorten it or break it with <br>")
    for ax in fig["axes"]:
        where = axis_name(ax["id"]) + (f" of subplot {ax['subplot']}" if len(fig["axes"]) > 2 else "")
        if not ax["title"].strip():
            problems.append(f"the {where} has no title")
        elif not ax["drawn"]:
            problems.append(f"the {where} title \"{ax['title']}\" is in the layout but was not drawn")
        else:
            sticks = outside(ax["drawn"]["box"], svg)
            if sticks:
                problems.append(f"the {where} title \"{ax['title']}\" is clipped ({', '.join(sticks)})")
    for hm in fig["heatmaps"]:
        if hm["rows"] and hm["plotHeight"] is not None:
            row = hm["plotHeight"] / hm["rows"]
            hm["rowPx"] = round(row, 2)
            if row < MIN_ROW_PX:
                problems.append(f"heatmap rows are {row:.1f} px tall (plot area {hm['plotHeight']:.0f} px / "
                                f"{hm['rows']} rows), need at least {MIN_ROW_PX} px: make the figure taller")
    return problems


def figure_title(fig):
    """The title as drawn (entities such as &#39; resolved), else as in the layout."""
    drawn = fig.get("titleDrawn")
    return " ".join(((drawn and drawn["text"]) or html.unescape(fig.get("title", ""))).split())


def figure_label(lesson, fig):
    title = figure_title(fig) or "(no title)"
    return f"{lesson}, figure {fig['index']} \"{title}\""


def measure_figures(page, what):
    """Waits until the page's figures are drawn and returns their measurements."""
    page.wait_for(ALL_DRAWN_JS, f"the figures of {what} to be drawn", timeout=DRAW_TIMEOUT)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))", await_promise=True)
    return page.evaluate(INSPECT_JS)


def screenshot_figures(page, figs, folder):
    """One PNG per figure, folder/<n>.png; returns their paths."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for fig in figs:
        box = page.evaluate(
            "(() => { const gd = document.getElementById(%s); gd.scrollIntoView({block: 'center'});"
            " const el = gd.querySelector('svg.main-svg') || gd; const b = el.getBoundingClientRect();"
            " return {x: b.left + window.scrollX, y: b.top + window.scrollY, width: b.width, height: b.height}; })()"
            % json.dumps(fig["id"]))
        if box["width"] < 1 or box["height"] < 1:  # an undrawn figure: show its text, if any
            box = dict(box, width=max(box["width"], 400), height=max(box["height"], 40))
        path = folder / f"{fig['index']}.png"
        page.screenshot(path, box)
        fig["screenshot"] = str(path)


def check_html(browser, page_file, shots):
    lesson = page_file.stem
    page = browser.new_page(width=1280, height=900)
    try:
        page.navigate(page_file.resolve().as_uri(), timeout=180)
        figs = measure_figures(page, lesson)
        screenshot_figures(page, figs, shots / lesson)
        # requests for anything but local files (all blocked: no host resolves), recorded in the report
        blocked = sorted({u for u in page.requests() if not u.startswith(("file:", "data:", "blob:", "about:"))})
    finally:
        page.close()
    for fig in figs:
        fig["problems"] = figure_problems(fig)
        fig["label"] = figure_title(fig)
    return {"lesson": lesson, "html": str(page_file), "figures": figs, "blockedRequests": blocked}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("html", nargs="+", type=Path)
    ap.add_argument("--shots", type=Path, default=Path("target/figures"))
    args = ap.parse_args()
    missing = [str(h) for h in args.html if not h.exists()]
    if missing:
        print("check_figures: no such HTML export: " + ", ".join(missing)
              + " (execute the lessons first: ./course lessons)", file=sys.stderr)
        return 2
    args.shots.mkdir(parents=True, exist_ok=True)
    report, problems, exit_code = {}, 0, 0
    try:
        with Chromium(log_path=args.shots / "chromium.log") as browser:
            for page_file in args.html:
                started = time.monotonic()
                try:
                    r = check_html(browser, page_file, args.shots)
                except CdpError as e:
                    report[page_file.stem] = {"lesson": page_file.stem, "html": str(page_file), "error": str(e), "figures": []}
                    print(f"{page_file.stem}: cannot check its figures: {e}", flush=True)
                    exit_code = 2
                    continue
                r["seconds"] = round(time.monotonic() - started, 2)
                report[page_file.stem] = r
                bad = [f for f in r["figures"] if f["problems"]]
                print(f"{page_file.stem}: {len(r['figures'])} figures, {len(bad)} with problems, "
                      f"{r['seconds']:.1f} s; screenshots in {args.shots / page_file.stem}/", flush=True)
                for f in bad:
                    for p in f["problems"]:
                        problems += 1
                        print(f"  {figure_label(page_file.stem, f)}: {p}", flush=True)
    except CdpError as e:
        print(f"check_figures: {e}", file=sys.stderr)
        return 2
    (args.shots / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"{problems} figure problems in {len(args.html)} lessons; report {args.shots / 'report.json'}", flush=True)
    return exit_code or (1 if problems else 0)


if __name__ == "__main__":
    sys.exit(main())
