"""Unit tests of site_html.py and of make_site's link and leak checks, on tiny pages written here.

    /usr/bin/python3 -m unittest discover -s tools/site -p 'test_*.py'     (StaticSiteIT runs it)
"""
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import site_html  # noqa: E402
from site_html import SiteError, css_references, offline_page, references  # noqa: E402

# The head and a cell of a page as Debian's nbconvert 6.5 writes it (lab template, trimmed).
NBCONVERT_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8" />
<title>05_attention_for_seq2seq</title><script src="file:///usr/share/javascript/requirejs/require.min.js"></script>
<style type="text/css">/* https://github.com/jupyter/jupyterlab/issues/522 */ a.anchor-link { display: none; }</style>
<!-- Load mathjax -->
    <script src="file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"> </script>
    <!-- MathJax configuration -->
    <script type="text/x-mathjax-config">
    init_mathjax = function() { MathJax.Hub.Queue(["Typeset", MathJax.Hub]); }
    init_mathjax();
    </script>
    <!-- End of mathjax configuration --></head>
<body class="jp-Notebook" data-jp-theme-light="true">
<h1 id="Lesson-05">Lesson 05<a class="anchor-link" href="#Lesson-05">&#182;</a></h1>
<p>The context $c_t = \\sum_i \\alpha_{t,i} h_i$, after <a href="https://arxiv.org/abs/1409.0473">Bahdanau et al.</a>;
see also <a href="https://arxiv.org/abs/1706.03762">https://arxiv.org/abs/1706.03762</a>.</p>
<svg xmlns="http://www.w3.org/2000/svg"></svg>
</body>
</html>
"""


class OfflinePageTest(unittest.TestCase):
    def setUp(self):
        self.page = offline_page(NBCONVERT_PAGE, "05.html", "../lib/", "Lesson 05 — Attention",
                                 '<nav class="site-nav"><a href="../index.html">Course home</a></nav>\n')

    def test_no_file_url_and_no_mathjax_left(self):
        self.assertNotIn("file://", self.page)
        self.assertNotIn("MathJax", self.page)
        self.assertNotIn("require.min.js", self.page)

    def test_katex_and_its_auto_render_are_loaded_from_the_site(self):
        srcs = [v for t, a, v in references(self.page) if t in ("script", "link")]
        self.assertEqual(["../lib/katex/katex.min.css", "../lib/site.css", "../lib/katex/katex.min.js",
                          "../lib/katex/contrib/auto-render.min.js", "../lib/render-math.js"], srcs)
        self.assertLess(self.page.index("katex.min.js"), self.page.index("</head>"))

    def test_outside_links_become_text_with_their_address(self):
        links = [v for t, a, v in references(self.page) if t == "a"]
        self.assertEqual(["../index.html", "#Lesson-05"], links)
        self.assertIn('Bahdanau et al. (<span class="offline-url">https://arxiv.org/abs/1409.0473</span>)', self.page)
        self.assertIn('<span class="offline-url">https://arxiv.org/abs/1706.03762</span>.', self.page)

    def test_the_math_stays_for_katex_and_the_title_and_nav_are_set(self):
        self.assertIn("$c_t = \\sum_i \\alpha_{t,i} h_i$", self.page)
        self.assertIn("<title>Lesson 05 — Attention</title>", self.page)
        self.assertRegex(self.page, r'<body[^>]*>\n<nav class="site-nav">')

    def test_a_page_without_nbconverts_mathjax_block_is_refused(self):
        with self.assertRaisesRegex(SiteError, "x.html: nbconvert's MathJax block"):
            offline_page("<html><head></head><body></body></html>", "x.html", "lib/", "t", "")

    def test_an_outside_asset_left_is_refused(self):
        page = NBCONVERT_PAGE.replace("<svg", '<img src="https://cdn.example.org/logo.png"><svg')
        with self.assertRaisesRegex(SiteError, "still loads or links outside the site: https://cdn.example.org/logo.png"):
            offline_page(page, "y.html", "../lib/", "t", "")


class ReferencesTest(unittest.TestCase):
    def test_every_kind_of_reference_is_found(self):
        page = ('<link rel="stylesheet" href="a.css"><script src="b.js"></script><a href="c.html">c</a>'
                '<img src="d.png" srcset="e.png 1x, f.png 2x"><iframe src="g.html"></iframe><object data="h.svg"></object>'
                '<script>var s = "<a href=\\"not-a-tag.html\\">";</script>')
        self.assertEqual(["a.css", "b.js", "c.html", "d.png", "e.png", "f.png", "g.html", "h.svg"],
                         [v for t, a, v in references(page)])

    def test_css_urls_without_comments(self):
        css = '/* url(gone.woff) */ @font-face { src: url(fonts/KaTeX_Main.woff2) format("woff2"), url("x.ttf"); }'
        self.assertEqual(["fonts/KaTeX_Main.woff2", "x.ttf"], css_references(css))


class MakeSiteChecksTest(unittest.TestCase):
    def test_links_are_resolved_inside_the_site(self):
        import make_site
        with tempfile.TemporaryDirectory() as d:
            root = Path(d).resolve()
            (root / "lessons").mkdir()
            (root / "index.html").write_text("x")
            page = root / "lessons/a.html"
            self.assertIsNone(make_site.resolve_problem(page, "../index.html#top", root))
            self.assertIsNone(make_site.resolve_problem(page, "#top", root))
            self.assertIsNone(make_site.resolve_problem(page, "data:image/png;base64,AA==", root))
            self.assertEqual("no such file in the site", make_site.resolve_problem(page, "../slides/a.html", root))
            self.assertEqual("leaves the site folder", make_site.resolve_problem(page, "../../outside.html", root))
            self.assertEqual("points outside the site", make_site.resolve_problem(page, "https://cdn.example.org/x.js", root))
            self.assertEqual("points outside the site", make_site.resolve_problem(page, "file:///usr/share/x.js", root))
            self.assertEqual("points outside the site", make_site.resolve_problem(page, "//cdn.example.org/x.js", root))

    def test_solution_lines_and_markers_are_found(self):
        import json
        import make_site
        src = {"cells": [{"cell_type": "code", "source": [
            "double[] oneHot(int id) {\n", "    // BEGIN SOLUTION\n", "    double[] v = new double[size];\n",
            "    return v;\n", "    // END SOLUTION\n", "}\n"]},
            {"cell_type": "code", "source": ["assert x == 1;\n", "// BEGIN HIDDEN TESTS\n",
                                             "assert oneHot(3)[3] == 1.0;\n", "// END HIDDEN TESTS\n"]},
            {"cell_type": "code", "source": ["    return v;\n"]}]}
        with tempfile.TemporaryDirectory() as d:
            f = Path(d) / "HW.ipynb"
            f.write_text(json.dumps(src))
            secrets = make_site.secret_lines(f)
        self.assertEqual({"double[] v = new double[size];", "assert oneHot(3)[3] == 1.0;"}, secrets)
        self.assertEqual([], make_site.leaks("double[] oneHot(int id) {\n    return v;\n", secrets))
        self.assertEqual(["assert oneHot(3)[3] == 1.0;"], make_site.leaks("  assert oneHot(3)[3] == 1.0;\n", secrets))
        self.assertEqual(["BEGIN SOLUTION"], make_site.leaks("// BEGIN SOLUTION", secrets))


if __name__ == "__main__":
    unittest.main()
