/* The lecture deck's own script: typesets the math with KaTeX, starts reveal.js, fits every slide
 * into width×height and draws its Plotly figures when the slide is shown (all of them at once in
 * print mode; a figure is drawn only once its slide is displayed, at the size fitted for that slide, so
 * it never needs a resize), and sets the READY signal the PDF printer and the browser test wait for:
 *   window.__deck.ready       math typeset, Reveal ready, every figure of the shown slide(s) drawn
 *   window.__deck.slideReady  the current slide has been fitted and its figures drawn
 *   window.__deck.state()     {ready, slideReady, indices, errors}
 *
 * Figures come from jattn.viz.Display: a <div class="jattn-figure"> followed by a script that calls
 * window.__jattnPlotly.then(draw). Here __jattnPlotly only records draw; deck.js calls it later
 * with a Plotly whose newPlot first sizes the figure for its slide.
 */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("deck-config").textContent);
  var deck = window.__deck = {
    ready: false, slideReady: false, errors: [], figures: [],
    state: function () {
      var i = window.Reveal && Reveal.isReady() ? Reveal.getIndices() : null;
      return { ready: deck.ready, slideReady: deck.slideReady, indices: i, errors: deck.errors.slice() };
    }
  };

  // goes to slide (h, v) with its first `fragment` fragments shown; resolves once it is fitted and drawn
  deck.show = function (h, v, fragment) {
    Reveal.slide(h, v, fragment);
    return frames(1).then(function () { return fit(Reveal.getSlide(h, v)); }).then(function () {
      return Reveal.getIndices();
    });
  };

  // true once slide (h, v) has been fitted and its figures drawn
  deck.isSlideReady = function (h, v) {
    var sec = Reveal.getSlide(h, v);
    return !!(sec && sec.__done);
  };

  window.__jattnPlotly = {
    then: function (draw) {
      var el = document.currentScript ? document.currentScript.previousElementSibling : null;
      while (el && !(el.classList && el.classList.contains("jattn-figure"))) el = el.previousElementSibling;
      if (!el) { deck.errors.push("a figure script without its <div class=\"jattn-figure\">"); return; }
      deck.figures.push({ el: el, draw: draw, args: null, plotted: null });
    }
  };

  function leaf(section) { return !section.querySelector("section"); }

  function overflow(sec) {
    var over = Math.max(0, sec.scrollHeight - cfg.height);
    var wide = Math.max(0, sec.scrollWidth - sec.clientWidth);
    sec.querySelectorAll("pre").forEach(function (p) { wide = Math.max(wide, p.scrollWidth - p.clientWidth); });
    return { over: over, wide: wide, any: over > 1 || wide > 1 };
  }

  function figuresOf(sec) {
    return deck.figures.filter(function (f) { return sec.contains(f.el); });
  }

  // records the arguments of Plotly.newPlot without drawing
  function capture(fig) {
    if (fig.args) return;
    var recorder = Object.create(window.Plotly);
    recorder.newPlot = function (el, data, layout, config) { fig.args = { data: data, layout: layout || {}, config: config || {} }; };
    try { fig.draw(recorder); } catch (e) { deck.errors.push("a figure failed to build: " + e); }
    if (!fig.args) fig.args = { data: [], layout: {}, config: {} };
    fig.width = fig.args.layout.width || 800;
    fig.height = fig.args.layout.height || 480;
  }

  /* A figure keeps its own layout (its fonts, margins and labels stay in proportion) and is scaled
   * as a whole with CSS zoom: no wider than the slide, and by `scale` when the slide is too full. */
  function sizeFigures(figs, sec, scale) {
    figs.forEach(function (f) {
      var zoom = Math.min(scale, sec.clientWidth / f.width);
      f.size = { width: f.width, height: f.height, zoom: zoom };
      f.el.style.width = f.width + "px";
      f.el.style.height = f.height + "px";
      f.el.style.zoom = zoom.toFixed(3);
    });
  }

  function setCodeFont(sec, px) {
    sec.querySelectorAll("pre").forEach(function (p) {
      p.style.fontSize = (p.classList.contains("cell-output") ? px - 2 : px) + "px";
    });
  }

  /* Fits one slide: the code font first down to 15 px, the prose 4 px smaller, the figures down to
   * figureMinScale (a tall one down to figureMinHeightPx), the code down to codeFontPx.min, the prose down to proseFontPx.min; then draws
   * its figures at their fitted size. Returns a promise. */
  function frames(n) {
    return new Promise(function (resolve) {
      var step = function () { if (n-- <= 0) resolve(); else requestAnimationFrame(step); };
      step();
    });
  }

  function fit(sec) {
    if (!sec.__fitted) sec.__fitted = frames(2).then(function () { return fitNow(sec); });
    return sec.__fitted;
  }

  function fitNow(sec) {
    if (!sec.offsetHeight) deck.errors.push("the slide of cells " + (sec.dataset.cells || "?") + " was fitted while hidden");
    var figs = figuresOf(sec);
    figs.forEach(capture);
    var font, prose, scale;
    // a figure shrinks to figureMinScale, a tall one further, down to figureMinHeightPx high
    var minScale = figs.reduce(function (m, f) {
      return Math.min(m, Math.max(cfg.figureMinHeightPx / f.height, 0.2));
    }, cfg.figureMinScale);
    var apply = function () { sec.style.fontSize = prose + "px"; setCodeFont(sec, font); sizeFigures(figs, sec, scale); };
    var shrink = function () {
      font = cfg.codeFontPx.start; prose = cfg.proseFontPx.start; scale = 1.0;
      apply();
      for (var guard = 0; guard < 200 && overflow(sec).any; guard++) {
        var o = overflow(sec);
        if (font > 15) font--;
        else if (o.over > 1 && prose > cfg.proseFontPx.start - 4) prose--;
        else if (figs.length && o.over > 1 && scale > minScale) scale = Math.max(minScale, scale - 0.05);
        else if (font > cfg.codeFontPx.min) font--;
        else if (o.over > 1 && prose > cfg.proseFontPx.min) prose--;
        else break;
        apply();
      }
    };
    shrink();
    // a line still wider than the slide at the smallest font wraps (never a horizontal scroll box)
    var wrapped = false;
    sec.querySelectorAll("pre").forEach(function (p) {
      if (p.scrollWidth > p.clientWidth + 1) { p.classList.add("wrapped"); wrapped = true; }
    });
    if (wrapped) shrink();
    // still too big: the code that only draws a figure moves to the speaker notes, the figure stays
    if (overflow(sec).any && figs.length) {
      var notes = sec.querySelector("aside.notes");
      figs.forEach(function (f) {
        var cell = f.el.closest(".cell-codecell"), code = cell && cell.querySelector("pre.cell-code");
        if (!code || code.style.display === "none") return;
        if (!notes) { notes = document.createElement("aside"); notes.className = "notes"; sec.appendChild(notes); }
        notes.appendChild(code.cloneNode(true));
        code.style.display = "none";
        sec.dataset.codeInNotes = "true";
      });
      shrink();
    }
    sec.dataset.proseFont = prose;
    sec.dataset.codeFont = font;
    sec.dataset.figureScale = scale.toFixed(2);
    return Promise.all(figs.map(function (f) {
      var layout = Object.assign({}, f.args.layout, { width: f.width, height: f.height });
      return Promise.resolve(Plotly.newPlot(f.el, f.args.data, layout, f.args.config)).then(function () {
        f.plotted = true;
      }, function (e) { deck.errors.push("a figure failed to draw: " + e); });
    })).then(function () { sec.__done = true; });
  }

  function typeset() {
    renderMathInElement(document.body, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "\\[", right: "\\]", display: true },
        { left: "$", right: "$", display: false },
        { left: "\\(", right: "\\)", display: false }
      ],
      ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
      ignoredClasses: ["jattn-figure"],
      throwOnError: false
    });
    document.querySelectorAll(".katex-error").forEach(function (e) {
      deck.errors.push("KaTeX cannot typeset " + JSON.stringify(e.textContent.slice(0, 80)) + ": " + e.title);
    });
  }

  deck.start = function () {
    try { typeset(); } catch (e) { deck.errors.push("KaTeX failed: " + e); }
    var revealConfig = JSON.parse(document.getElementById("reveal-config").textContent);
    revealConfig.plugins = [RevealHighlight, RevealNotes];
    var printing = /print-pdf/i.test(window.location.search);
    // print mode lays out its pages after 'ready', on the window's load event, and then says 'pdf-ready'
    var pdfReady = new Promise(function (resolve) {
      document.querySelector(".reveal").addEventListener("pdf-ready", resolve);
    });
    Reveal.initialize(revealConfig).then(function () {
      return printing ? pdfReady : null;
    }).then(function () {
      return document.fonts ? document.fonts.ready : null;
    }).then(function () {
      var sections = Array.prototype.filter.call(document.querySelectorAll(".reveal .slides section[data-cells]"), leaf);
      if (printing) {
        return sections.reduce(function (p, sec) { return p.then(function () { return fit(sec); }); }, Promise.resolve());
      }
      var first = Reveal.getCurrentSlide();
      return fit(first);
    }).then(function () {
      deck.slideReady = true;
      deck.ready = true;
      document.documentElement.dataset.deckReady = "true";
    }, function (e) {
      deck.errors.push("the deck failed to start: " + e);
      deck.ready = true;
    });
    Reveal.on("slidechanged", function (event) {
      if (printing) return;
      var sec = Reveal.getSlide(event.indexh, event.indexv || 0) || event.currentSlide;
      deck.slideReady = false;
      fit(sec).then(function () { deck.slideReady = true; });
    });
  };
})();
