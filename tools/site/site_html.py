"""HTML rewriting and link extraction for the offline course site (standard library only).

Debian's nbconvert 6.5 writes an executed notebook's HTML with MathJax and require.js loaded
from file:///usr/share/javascript/, so on a web server (or a machine without those Debian
packages) the math stays raw. offline_page() turns such a page into a site page:
  - every <script src="file:///..."> is removed, and nbconvert's MathJax block
    (<!-- Load mathjax --> ... <!-- End of mathjax configuration -->) is replaced by the site's
    own KaTeX (katex.min.css, katex.min.js, contrib/auto-render.min.js and lib/render-math.js,
    all by relative paths from the page);
  - a link to the outside (<a href="http(s)://...">) becomes plain text followed by its
    address, since every link of the site must resolve inside it;
  - a navigation bar goes after <body ...>, and <title> is the page's title.
It raises SiteError when the page does not look like what it expects (no MathJax block, a
file:/// or http(s) URL left in a src/href attribute), so a changed nbconvert is noticed.

references() lists what a page loads or links to: (tag, attribute, value) of every a[href],
link[href], script[src], img[src], iframe[src], source[src], embed[src], object[data], and
css_references() the url(...) of a style sheet.
"""
import html
import re
from html.parser import HTMLParser


class SiteError(RuntimeError):
    """A page or site that cannot be made offline as asked; the message names the file."""


MATHJAX_BLOCK = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
FILE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"file://[^\"]*\"[^>]*>\s*</script>\s*", re.I)
EXTERNAL_ANCHOR = re.compile(r"<a\b[^>]*\bhref=\"((?:https?:|mailto:|ftp:)[^\"]*)\"[^>]*>(.*?)</a>", re.I | re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S | re.I)
BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
URL_ATTR = re.compile(r"\b(?:src|href|data)\s*=\s*[\"']\s*((?:file|https?|ftp):[^\"']*)", re.I)


def katex_head(lib):
    """The <head> markup that loads the site's KaTeX from lib (a relative path ending in /)."""
    return (f'<link rel="stylesheet" href="{lib}katex/katex.min.css">\n'
            f'<link rel="stylesheet" href="{lib}site.css">\n'
            f'<script defer src="{lib}katex/katex.min.js"></script>\n'
            f'<script defer src="{lib}katex/contrib/auto-render.min.js"></script>\n'
            f'<script defer src="{lib}render-math.js"></script>\n')


def delink_external(page):
    """Every <a href="http(s)://..."> becomes its text followed by its address (not a link)."""
    def plain(m):
        url, text = m.group(1), m.group(2)
        shown = html.escape(html.unescape(url))
        if html.unescape(re.sub(r"<[^>]+>", "", text)).strip() == html.unescape(url):
            return f'<span class="offline-url">{shown}</span>'
        return f'{text} (<span class="offline-url">{shown}</span>)'
    return EXTERNAL_ANCHOR.sub(plain, page)


def offline_page(page, name, lib, title, nav_html):
    """The nbconvert page `page` (file `name`, for errors) with the site's math renderer."""
    if not MATHJAX_BLOCK.search(page):
        raise SiteError(f"{name}: nbconvert's MathJax block (<!-- Load mathjax --> ... <!-- End of mathjax "
                        "configuration -->) is not there; the page was not written by the nbconvert this site expects")
    page = FILE_SCRIPT.sub("", page)
    page = MATHJAX_BLOCK.sub(lambda m: "<!-- math: the site's KaTeX -->\n" + katex_head(lib), page, count=1)
    page = delink_external(page)
    page = TITLE.sub(lambda m: "<title>" + html.escape(title) + "</title>", page, count=1)
    if not BODY_OPEN.search(page):
        raise SiteError(f"{name}: no <body> tag")
    page = BODY_OPEN.sub(lambda m: m.group(0) + "\n" + nav_html, page, count=1)
    left = outside_urls(page)
    if left:
        raise SiteError(f"{name}: still loads or links outside the site: " + ", ".join(sorted(set(left))[:5]))
    return page


def outside_urls(page):
    """The file:, http(s): and ftp: URLs left in src/href/data attributes of a page."""
    return [m.group(1) for m in URL_ATTR.finditer(page)]


class _Refs(HTMLParser):
    WANTED = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "iframe": "src",
              "source": "src", "embed": "src", "video": "src", "audio": "src", "track": "src", "object": "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attr = self.WANTED.get(tag)
        for k, v in attrs:
            if k == attr and v is not None:
                self.found.append((tag, k, v))
            elif tag == "img" and k == "srcset" and v:
                self.found.extend((tag, k, part.strip().split()[0]) for part in v.split(",") if part.strip())


def references(page):
    """(tag, attribute, value) of everything a page links to or loads, in document order."""
    p = _Refs()
    p.feed(page)
    p.close()
    return p.found


CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def css_references(css):
    """The url(...) values of a style sheet (comments removed)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [m.group(2).strip() for m in CSS_URL.finditer(css)]
