"""HTML articles, from a bare fragment to a whole web page.

The standard library's tokenizer is used because it never gives up on broken markup: unclosed
tags, stray end tags and text after ``</html>`` all still come through. When the page has a
``<main>`` or ``<article>``, only its content is the article; everything else (menus,
breadcrumbs, cookie banners, footers, comment threads) is page chrome. Headers, footers,
navigation and asides are chrome wherever they stand.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..models import Article, BlockRole
from . import directives
from .builder import ArticleBuilder

_DROPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head"}
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "button", "select", "dialog", "menu"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_CHROME_HINT = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookie|cookies|consent|banner|footer|"
    r"header|sidebar|comments?|share|social|skip|related-links|pagination)(?:$|[\s_-])",
    re.I,
)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "pre", "div",
           "section", "article", "main", "ul", "ol", "dl", "table", "tr", "caption", "summary",
           "details", "address", "body", "html", "hr", "center", "label", "legend", "fieldset"}
_CONTENT_ROOT = re.compile(r"<(?:main|article)\b|\brole\s*=\s*[\"']?main\b", re.I)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _PageReader(HTMLParser):
    def __init__(self, builder: ArticleBuilder, has_root: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.has_root = has_root
        self.stack: list[tuple[str, bool, bool, bool]] = []  # tag, chrome, dropped, root
        self.buffer: list[str] = []
        self.buffer_line = 0
        self.buffer_column = 1
        self.heading_level = 0
        self.page_title: list[str] = []
        self.title_line = 1
        self.in_title = False
        self.root_seen = False
        self.last_dt: tuple[str, int] | None = None
        self.unlinked_text = False  # the block has text outside any <a>

    # context --------------------------------------------------------------------------------
    def _inside(self, tag: str) -> bool:
        return any(entry[0] == tag for entry in self.stack)

    @property
    def _dropped(self) -> bool:
        return any(entry[2] for entry in self.stack)

    @property
    def _chrome(self) -> bool:
        if any(entry[1] for entry in self.stack):
            return True
        return self.has_root and not any(entry[3] for entry in self.stack)

    # tokenizer callbacks ---------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.page_title:
            self.in_title = True
            self.title_line = self.getpos()[0]
        if tag in _BLOCKS or tag in _HEADINGS or tag in _CHROME_TAGS or tag == "br":
            if tag == "br":
                self.buffer.append("\n")
            else:
                self._flush()
        if tag in _VOID:
            return
        attributes = {k: (v or "") for k, v in attrs}
        hint = " ".join((attributes.get("class", ""), attributes.get("id", "")))
        chrome = (
            tag in _CHROME_TAGS
            or attributes.get("role", "").lower() in _CHROME_ROLES
            or attributes.get("aria-hidden", "").lower() == "true"
            or "hidden" in attributes
            or bool(hint.strip() and _CHROME_HINT.search(hint))
        )
        root = (tag in ("main", "article") or attributes.get("role", "").lower() == "main")
        if root and not self._chrome:
            self.root_seen = True
        self.stack.append((tag, chrome and not root, tag in _DROPPED, root))
        if tag in _HEADINGS:
            self.heading_level = _HEADINGS[tag]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.buffer.append("\n")
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS or tag in _HEADINGS or tag in _CHROME_TAGS:
            self._flush()
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag in _HEADINGS:
            self.heading_level = 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page_title.append(data)
            return
        if self._dropped:
            return
        if data.strip(" \t\n\r,;|·•-") and not self._inside("a"):
            self.unlinked_text = True
        if not self.buffer or not "".join(self.buffer).strip():
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
            return
        self.buffer.append(data)

    def handle_comment(self, data: str) -> None:
        directive = directives.from_comment(f"<!--{data}-->", self.getpos()[0])
        if directive is not None:
            self.builder.directives.append(directive)

    # blocks -----------------------------------------------------------------------------------
    def _flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        only_links = not self.unlinked_text
        self.unlinked_text = False
        text = "\n".join(_SPACES.sub(" ", part).strip() for part in raw.strip().split("\n"))
        text = re.sub(r"\n{2,}", "\n", text)
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
            if term_line == line:
                text = f"{term.rstrip(':')}: {text}"
            else:
                text = f"{term.rstrip(':')}:\n{text}"
                line = term_line
        self.builder.block(role, text, line, line + text.count("\n"), column=self.buffer_column,
                           list_item=self._inside("li"))

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(text: str, *, path: str | None = None) -> Article:
    line_count = text.count("\n") + 1
    builder = ArticleBuilder(path=path, fmt="html", line_count=line_count)
    reader = _PageReader(builder, has_root=bool(_CONTENT_ROOT.search(text)))
    reader.feed(text)
    reader.close()
    page_title = " ".join("".join(reader.page_title).split())
    if builder.title is None and page_title:
        builder.set_title(page_title, reader.title_line)
    return builder.build()
