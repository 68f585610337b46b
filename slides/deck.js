/* The lecture deck's own script: typesets the math with KaTeX, starts reveal.js, fits every slide
 * into width×height and draws its Plotly figures when the slide is shown (all of them at once in
 * print mode), and sets the READY signal the PDF printer and the browser test wait for:
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

  function sizeFigures(figs, sec, scale) {
    figs.forEach(function (f) {
      var w = Math.min(f.width * scale, sec.clientWidth);
      var h = f.height * scale * (w / (f.width * scale));
      f.size = { width: Math.floor(w), height: Math.floor(h) };
      f.el.style.width = f.size.width + "px";
      f.el.style.height = f.size.height + "px";
    });
  }

  function setCodeFont(sec, px) {
    sec.querySelectorAll("pre").forEach(function (p) {
      p.style.fontSize = (p.classList.contains("cell-output") ? px - 2 : px) + "px";
    });
  }

  /* Fits one slide: code font first down to 15 px, then figures down to figureMinScale, then code
   * down to codeFontPx.min; then draws its figures at their fitted size. Returns a promise. */
  function fit(sec) {
    if (sec.__fitted) return sec.__fitted;
    var figs = figuresOf(sec);
    figs.forEach(capture);
    var font = cfg.codeFontPx.start, scale = 1.0;
    setCodeFont(sec, font);
    sizeFigures(figs, sec, scale);
    for (var guard = 0; guard < 200 && overflow(sec).any; guard++) {
      var o = overflow(sec);
      if (font > 15) font--;
      else if (figs.length && o.over > 1 && scale > cfg.figureMinScale) scale = Math.max(cfg.figureMinScale, scale - 0.05);
      else if (font > cfg.codeFontPx.min) font--;
      else break;
      setCodeFont(sec, font);
      sizeFigures(figs, sec, scale);
    }
    sec.dataset.codeFont = font;
    sec.dataset.figureScale = scale.toFixed(2);
    sec.__fitted = Promise.all(figs.map(function (f) {
      var layout = Object.assign({}, f.args.layout, f.size);
      return Promise.resolve(Plotly.newPlot(f.el, f.args.data, layout, f.args.config)).then(function () {
        f.plotted = true;
      }, function (e) { deck.errors.push("a figure failed to draw: " + e); });
    }));
    return sec.__fitted;
  }

  function resizeFigures(sec) {
    figuresOf(sec).forEach(function (f) { if (f.plotted) Plotly.Plots.resize(f.el); });
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
    Reveal.initialize(revealConfig).then(function () {
      return document.fonts ? document.fonts.ready : null;
    }).then(function () {
      var sections = Array.prototype.filter.call(document.querySelectorAll(".reveal .slides section"), leaf);
      if (Reveal.isPrintView()) {
        return sections.reduce(function (p, sec) { return p.then(function () { return fit(sec); }); }, Promise.resolve());
      }
      return fit(Reveal.getCurrentSlide()).then(function () { resizeFigures(Reveal.getCurrentSlide()); });
    }).then(function () {
      deck.slideReady = true;
      deck.ready = true;
      document.documentElement.dataset.deckReady = "true";
    }, function (e) {
      deck.errors.push("the deck failed to start: " + e);
      deck.ready = true;
    });
    Reveal.on("slidechanged", function (event) {
      deck.slideReady = false;
      fit(event.currentSlide).then(function () {
        resizeFigures(event.currentSlide);
        deck.slideReady = true;
      });
    });
  };
})();
