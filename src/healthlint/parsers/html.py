"""HTML articles, from a bare fragment to a whole web page.

The standard library's tokenizer is used because it never gives up on broken markup: unclosed
tags, stray end tags and text after ``</html>`` all still come through. When the page has a
``<main>`` or ``<article>``, only its content is the article; everything else (menus,
breadcrumbs, cookie banners, footers) is page chrome. Headers, footers, navigation and asides
are chrome wherever they stand; readers' comment threads are left out altogether. Markup that
is never closed hides the rest of the page, as in a browser, and is noted as a problem.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from ..models import Article, BlockRole, ParseProblem
from . import directives
from .builder import ArticleBuilder

_DROPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head"}
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "button", "select", "dialog", "menu"}
_ARTICLE_PARTS = {"header", "footer"}
_PART_HINT = re.compile(r"^\W*(?:[\w-]*[_-])?(?:header|footer)(?:[_-][\w-]*)?\W*$", re.I)
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_CHROME_HINT = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookie|cookies|consent|banner|footer|"
    r"header|sidebar|comments?|share|social|skip|related-links|pagination)(?:$|[\s_-])",
    re.I,
)
# Readers' comment threads are dropped, not kept as chrome: a post saying "Updated: my doctor
# said on 3 May 2015 …" must never stand in for the page's own review date.
_COMMENT_THREAD = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "pre", "div",
           "section", "article", "main", "ul", "ol", "dl", "table", "tr", "caption", "summary",
           "details", "address", "body", "html", "hr", "center", "label", "legend", "fieldset"}
_CONTENT_ROOT = re.compile(r"<(?:main|article)\b|\brole\s*=\s*[\"']?main\b", re.I)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
# Where a tag, end tag, comment or declaration opens ("<p", "</", "<!", "<?"); see _unclosed_tail.
_MARKUP_OPEN = re.compile(r"<(?:[A-Za-z!?]|/(?=.))", re.S)


class _PageReader(HTMLParser):
    def __init__(self, builder: ArticleBuilder, has_root: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.has_root = has_root
        self.stack: list[tuple[str, bool, bool, bool]] = []  # tag, chrome, dropped, root
        # Running counts of what the stack holds, so each callback asks in constant time:
        # scanning the stack instead made deeply nested pages (thousands of unclosed <div>s)
        # quadratic.
        self.open_tags: Counter[str] = Counter()
        self.chrome_depth = 0
        self.dropped_depth = 0
        self.root_depth = 0
        self.buffer: list[str] = []
        self.buffer_has_text = False
        # A <br> not yet followed by text: it ends a line only if the next text is on the
        # same source line (a break at the end of a source line is already a line break).
        self.pending_break = False
        self.buffer_line = 0
        self.buffer_column = 1
        self.heading_level = 0
        self.page_title: list[str] = []
        self.title_line = 1
        self.in_title = False
        self.last_dt: tuple[str, int] | None = None
        self.unlinked_text = False  # the block has text outside any <a>

    # context --------------------------------------------------------------------------------
    def _inside(self, tag: str) -> bool:
        return self.open_tags[tag] > 0

    @property
    def _dropped(self) -> bool:
        return self.dropped_depth > 0

    @property
    def _chrome(self) -> bool:
        if self.chrome_depth:
            return True
        return self.has_root and not self.root_depth

    def _push(self, entry: tuple[str, bool, bool, bool]) -> None:
        tag, chrome, dropped, root = entry
        self.stack.append(entry)
        self.open_tags[tag] += 1
        self.chrome_depth += chrome
        self.dropped_depth += dropped
        self.root_depth += root

    def _pop_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            tag, chrome, dropped, root = self.stack.pop()
            self.open_tags[tag] -= 1
            self.chrome_depth -= chrome
            self.dropped_depth -= dropped
            self.root_depth -= root

    # tokenizer callbacks ---------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.page_title:
            self.in_title = True
            self.title_line = self.getpos()[0]
        if tag == "br":
            self._line_break()
        elif tag in _BLOCKS or tag in _HEADINGS or tag in _CHROME_TAGS:
            self._flush()
        if tag in _VOID:
            return
        attributes = {k: (v or "") for k, v in attrs}
        hint = " ".join((attributes.get("class", ""), attributes.get("id", "")))
        # Inside <main> or <article>, a <header> or <footer> is the article's own: its title,
        # byline, review date and credits, not the site's banner or footer.
        own_part = self.root_depth > 0 and (
            tag in _ARTICLE_PARTS or bool(_PART_HINT.search(hint))
        )
        chrome = not own_part and (
            tag in _CHROME_TAGS
            or attributes.get("role", "").lower() in _CHROME_ROLES
            or attributes.get("aria-hidden", "").lower() == "true"
            or "hidden" in attributes
            or bool(hint.strip() and _CHROME_HINT.search(hint))
        )
        root = (tag in ("main", "article") or attributes.get("role", "").lower() == "main")
        dropped = tag in _DROPPED or bool(hint.strip() and _COMMENT_THREAD.search(hint))
        self._push((tag, chrome and not root, dropped and not root, root))
        if tag in _HEADINGS:
            self.heading_level = _HEADINGS[tag]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._line_break()
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS or tag in _HEADINGS or tag in _CHROME_TAGS:
            self._flush()
        if self.open_tags[tag]:
            # Unwinding to the matching tag costs what it pops, and a stray end tag nothing.
            depth = len(self.stack) - 1
            while self.stack[depth][0] != tag:
                depth -= 1
            self._pop_to(depth)
        if tag in _HEADINGS:
            self.heading_level = 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page_title.append(data)
            return
        if self._dropped:
            return
        if self.pending_break:
            stripped = data.lstrip()
            if "\n" in data[: len(data) - len(stripped)]:
                self.pending_break = False  # the source line ends here anyway
            elif stripped:
                # "Page last reviewed: 1 May 2025<br>Next review due: …" on one source line:
                # a block's lines must be source lines (findings point at them), so the text
                # after the break starts a block of its own.
                self._flush()
        if data.strip(" \t\n\r,;|·•-") and not self._inside("a"):
            self.unlinked_text = True
        if not self.buffer_has_text:
            stripped = data.lstrip()
            if not stripped:
                self.buffer.append(data)
                return
            line, column = self.getpos()
            skipped = data[: len(data) - len(stripped)]
            self.buffer_line = line + skipped.count("\n")
            self.buffer_column = (
                column + len(skipped) + 1 if "\n" not in skipped
                else len(skipped) - skipped.rfind("\n")
            )
            self.buffer = [stripped]
            self.buffer_has_text = True
            return
        self.buffer.append(data)

    def _line_break(self) -> None:
        if self.heading_level:
            self.buffer.append(" ")  # a heading stays one heading, whatever its breaks
        elif self.buffer_has_text:
            self.pending_break = True

    def parse_comment(self, i: int, report: bool = True) -> int:
        for empty in ("<!-->", "<!--->"):
            if self.rawdata.startswith(empty, i):
                # An empty comment in HTML5; older tokenizers run it on to the next "-->",
                # hiding the text in between.
                return i + len(empty)
        end: int = super().parse_comment(i, report)
        if end >= 0:
            return end
        # The whole page is fed at once, so no "-->" follows: HTML5 ends this comment at the
        # end of the file, and browsers show nothing after it (Python 3.13.5+ reads it so too).
        # Older tokenizers show it as text instead and search again at every later "<!--",
        # which is quadratic on a page full of them.
        line = self.getpos()[0]
        self.builder.problems.append(ParseProblem(
            code="structure",
            message=f"the comment opened on line {line} is never closed with '-->', so "
                    "browsers show nothing after it",
            line=line,
            column=1,
        ))
        self.handle_comment(self.rawdata[i + 4:])
        return len(self.rawdata)

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata.startswith("<![", i):
            # The standard library reads "<![…[" as an SGML marked section and raises
            # AssertionError on any keyword but a few; HTML5 reads it as a comment that ends
            # at the next ">" (CDATA sections exist only inside SVG and MathML, dropped here).
            end: int = self.parse_bogus_comment(i)
            return end
        result: int = super().parse_html_declaration(i)
        return result

    def handle_comment(self, data: str) -> None:
        directive = directives.from_comment(f"<!--{data}-->", self.getpos()[0])
        if directive is not None:
            self.builder.directives.append(directive)

    # blocks -----------------------------------------------------------------------------------
    def _flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        self.buffer_has_text = False
        self.pending_break = False
        only_links = not self.unlinked_text
        self.unlinked_text = False
        # Each line of the text is a source line, blank ones included, so that the line of a
        # match is the block's line plus the line breaks before it.
        text = "\n".join(_SPACES.sub(" ", part).strip() for part in raw.strip().split("\n"))
        if not text.strip():
            return
        line = self.buffer_line or self.getpos()[0]
        end = line + text.count("\n")
        if self.heading_level and not self._chrome:
            self.builder.heading(text, self.heading_level, line, end, column=self.buffer_column)
            if self.heading_level == 1:
                self.builder.set_title(text, line)
            self.last_dt = None
            return
        role: BlockRole = "prose"
        if self._chrome:
            role = "chrome"
        elif self._inside("table"):
            role = "table"
        elif self._inside("pre"):
            role = "code"
        elif only_links:
            role = "links"
        innermost = self.stack[-1][0] if self.stack else ""
        if innermost == "dt":
            self.last_dt = (text, line)
            return
        if innermost == "dd" and self.last_dt is not None:
            term, term_line = self.last_dt
            self.last_dt = None
            # One line, as a reader sees "Author: Jane Doe", whatever the source layout.
            text = f"{term.rstrip(':')}: {text}"
            line = term_line
        self.builder.block(role, text, line, line + text.count("\n"), column=self.buffer_column,
                           list_item=self._inside("li"))

    def close(self) -> None:
        super().close()
        self._flush()


def _unclosed_tail(text: str) -> int | None:
    """Where markup that is never closed starts, if it does: nothing after it is shown.

    Every tag, comment and declaration ends with ">", so markup opened after the last ">" of
    the page is never closed, and HTML5 ignores everything from it to the end of the file
    (Python 3.13.5+ does too). Older tokenizers instead retry at each later "<", which is
    quadratic on a tail such as "<a<a<a…" (CPython gh-135462), so that tail is cut off first.
    """
    match = _MARKUP_OPEN.search(text, text.rfind(">") + 1)
    return match.start() if match else None


def parse_html(text: str, *, path: str | None = None) -> Article:
    line_count = text.count("\n") + 1
    builder = ArticleBuilder(path=path, fmt="html", line_count=line_count)
    cut = _unclosed_tail(text)
    if cut is not None and text[cut:].strip(" \t\n<>/!?-"):
        line = text.count("\n", 0, cut) + 1
        builder.problems.append(ParseProblem(
            code="structure",
            message=(f"markup opened on line {line} ({text[cut:cut + 12].split()[0]!r}) is "
                     "never closed with '>', so browsers show nothing after it"),
            line=line,
        ))
    reader = _PageReader(builder, has_root=bool(_CONTENT_ROOT.search(text)))
    reader.feed(text if cut is None else text[:cut])
    reader.close()
    page_title = " ".join("".join(reader.page_title).split())
    if builder.title is None and page_title:
        builder.set_title(page_title, reader.title_line)
    return builder.build()
