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
from typing import NamedTuple

from ..lazy_regex import lazy
from ..models import Article, BlockRole, ParseProblem
from . import directives
from .builder import ArticleBuilder

_DROPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head"}
# A <form> is no chrome: ASP.NET and many CMSs wrap the whole page in one. Its controls are.
_CHROME_TAGS = {
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
    "textarea",
    "dialog",
    "menu",
}
_ARTICLE_PARTS = {"header", "footer"}
_PART_HINT = lazy(r"^\W*(?:[\w-]*[_-])?(?:header|footer)(?:[_-][\w-]*)?\W*$", re.I)
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_CHROME_HINT = lazy(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookie|cookies|consent|banner|footer|"
    r"header|sidebar|comments?|share|social|skip|related-links|pagination)(?:$|[\s_-])",
    re.I,
)
# Readers' comment threads are dropped, not kept as chrome: a post saying "Updated: my doctor
# said on 3 May 2015 …" must never stand in for the page's own review date.
_COMMENT_THREAD = lazy(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.I)
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p",
    "li",
    "dd",
    "dt",
    "td",
    "th",
    "blockquote",
    "figcaption",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "caption",
    "summary",
    "details",
    "address",
    "body",
    "html",
    "hr",
    "center",
    "label",
    "legend",
    "fieldset",
}
_ALERT_HINT = lazy(r"(?:^|[\s_-])(?:alert|notice|emergency-banner)(?:$|[\s_-])", re.I)
_CONTENT_ROOT = lazy(r"<(?:main|article)\b|\brole\s*=\s*[\"']?main\b", re.I)
_SPACES = lazy(r"[ \t\f\v\u00a0]+")
_SPACES_BUT_ONE = ("\t", "\f", "\v", "\u00a0")  # what _SPACES takes besides single spaces
# Where a tag, end tag, comment or declaration opens ("<p", "</", "<!", "<?"); see _unclosed_tail.
_MARKUP_OPEN = lazy(r"<(?:[A-Za-z!?]|/(?=.))", re.S)


def collapse_spaces(raw: str) -> str:
    """A block's text with each run of spaces one space and each line stripped. Each line of
    the text is a source line, blank ones included, so that the line of a match is the
    block's line plus the line breaks before it."""
    # _SPACES never takes a line break, so the whole text is substituted at once, and not at
    # all when no run of it can be there (text written without indentation).
    raw = raw.strip()
    if "  " in raw or any(space in raw for space in _SPACES_BUT_ONE):
        raw = _SPACES.sub(" ", raw)
    return "\n".join(part.strip() for part in raw.split("\n"))


class _Item(NamedTuple):
    """A heading or block as read, before the page as a whole says whether it is chrome."""

    heading_level: int  # 0 for a block
    role: BlockRole
    text: str
    line: int
    end_line: int
    column: int
    list_item: bool
    chrome: tuple[int, ...]  # the chrome elements around it, outermost first
    in_root: bool
    hints: frozenset[str]
    link_words: int = 0
    breaks: tuple[int, ...] = ()
    link_lines: tuple[int, ...] = ()


class _PageReader(HTMLParser):
    def __init__(self, builder: ArticleBuilder, has_root: bool, line_offset: int = 0) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.has_root = has_root
        self.line_offset = line_offset
        # tag, chrome element id (0: none), dropped, root, alert box
        self.stack: list[tuple[str, int, bool, bool, bool]] = []
        # Running counts of what the stack holds, so each callback asks in constant time:
        # scanning the stack instead made deeply nested pages (thousands of unclosed <div>s)
        # quadratic.
        self.open_tags: Counter[str] = Counter()
        self.chrome_chain: list[int] = []
        self.chrome_reasons: dict[int, str] = {}
        self.dropped_depth = 0
        self.root_depth = 0
        self.alert_depth = 0
        self.items: list[_Item] = []
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
        self.linked_text = False  # the block has text inside an <a href>
        self.link_words = 0  # words of the block inside an <a href>
        # Buffer chunks a <br> ends, where the source line ends too (so the block goes on).
        self.break_chunks: list[int] = []
        self.buffer_newlines = 0
        self.line_kinds: dict[int, int] = {}  # line of the block -> 1 link text, 2 other
        self.html_lang: str | None = None
        self.read_directives = True

    # context --------------------------------------------------------------------------------
    def _inside(self, tag: str) -> bool:
        return self.open_tags[tag] > 0

    @property
    def _dropped(self) -> bool:
        return self.dropped_depth > 0

    def _push(self, entry: tuple[str, int, bool, bool, bool]) -> None:
        tag, chrome, dropped, root, alert = entry
        self.stack.append(entry)
        self.open_tags[tag] += 1
        if chrome:
            self.chrome_chain.append(chrome)
        self.dropped_depth += dropped
        self.root_depth += root
        self.alert_depth += alert

    def _pop_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            tag, chrome, dropped, root, alert = self.stack.pop()
            self.open_tags[tag] -= 1
            if chrome:
                self.chrome_chain.pop()
            self.dropped_depth -= dropped
            self.root_depth -= root
            self.alert_depth -= alert

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
        if tag == "html" and attributes.get("lang") and self.html_lang is None:
            self.html_lang = attributes["lang"]
        hint = " ".join((attributes.get("class", ""), attributes.get("id", "")))
        role_attribute = attributes.get("role", "").lower()
        # Inside <main> or <article>, a <header> or <footer> is the article's own: its title,
        # byline, review date and credits, not the site's banner or footer.
        own_part = self.root_depth > 0 and (tag in _ARTICLE_PARTS or bool(_PART_HINT.search(hint)))
        root = tag in ("main", "article") or role_attribute == "main"
        reason = None
        if not own_part and not root:
            if tag in _CHROME_TAGS:
                reason = f"inside <{tag}>"
            elif role_attribute in _CHROME_ROLES:
                reason = f'inside an element with role="{role_attribute}"'
            elif attributes.get("aria-hidden", "").lower() == "true" or "hidden" in attributes:
                reason = "hidden from readers"
            elif hint.strip():
                found = _CHROME_HINT.search(hint)
                if found:
                    reason = f'inside an element marked "{found.group(0).strip(" _-")}"'
        chrome = 0
        if reason is not None:
            chrome = len(self.chrome_reasons) + 1
            self.chrome_reasons[chrome] = reason
        dropped = tag in _DROPPED or bool(hint.strip() and _COMMENT_THREAD.search(hint))
        alert = role_attribute == "alert" or bool(hint.strip() and _ALERT_HINT.search(hint))
        self._push((tag, chrome, dropped and not root, root, alert))
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
                self.break_chunks.append(len(self.buffer))
            elif stripped:
                # "Page last reviewed: 1 May 2025<br>Next review due: …" on one source line:
                # a block's lines must be source lines (findings point at them), so the text
                # after the break starts a block of its own.
                self._flush()
        linked = self._inside("a")
        if data.strip(" \t\n\r,;|·•-"):
            if linked:
                self.linked_text = True
                self.link_words += len(data.split())
            else:
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
                column + len(skipped) + 1
                if "\n" not in skipped
                else len(skipped) - skipped.rfind("\n")
            )
            self.buffer = [stripped]
            self.buffer_newlines = 0
            self.buffer_has_text = True
            self._mark_lines(stripped, linked)
            return
        self._mark_lines(data, linked)
        self.buffer.append(data)

    def _mark_lines(self, data: str, linked: bool) -> None:
        """Note which lines of the block get link text and which other text."""
        kind = 1 if linked else 2
        first = self.buffer_newlines
        for offset, piece in enumerate(data.split("\n")):
            if piece.strip(" \t\r,;|·•-"):
                self.line_kinds[first + offset] = self.line_kinds.get(first + offset, 0) | kind
        self.buffer_newlines += data.count("\n")

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
        self.builder.problems.append(
            ParseProblem(
                code="structure",
                message=f"the comment opened on line {line} is never closed with '-->', so "
                "browsers show nothing after it",
                line=line,
                column=1,
            )
        )
        self.handle_comment(self.rawdata[i + 4 :])
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
        if not self.read_directives:
            return
        directive = directives.from_comment(f"<!--{data}-->", self.getpos()[0])
        if directive is not None:
            self.builder.directives.append(directive)

    # blocks -----------------------------------------------------------------------------------
    def _flush(self) -> None:
        chunks = self.buffer
        raw = "".join(chunks)
        self.buffer = []
        self.buffer_has_text = False
        self.pending_break = False
        only_links = not self.unlinked_text
        linked = self.linked_text
        link_words = self.link_words
        break_chunks = self.break_chunks
        link_lines = tuple(row for row, kind in self.line_kinds.items() if kind == 1)
        self.unlinked_text = False
        self.linked_text = False
        self.link_words = 0
        self.break_chunks = []
        self.line_kinds = {}
        self.buffer_newlines = 0
        text = collapse_spaces(raw)
        if not text.strip():
            return
        line = (self.buffer_line or self.getpos()[0]) + self.line_offset
        end = line + text.count("\n")
        hints = frozenset({"alert"}) if self.alert_depth else frozenset()
        chrome = tuple(self.chrome_chain)
        in_root = self.root_depth > 0
        if self.heading_level:
            if only_links and linked:
                hints |= {"linked"}
            self.items.append(
                _Item(
                    self.heading_level,
                    "heading",
                    text,
                    line,
                    end,
                    self.buffer_column,
                    False,
                    chrome,
                    in_root,
                    hints,
                )
            )
            self.last_dt = None
            return
        role: BlockRole = "prose"
        if self._inside("table") and not self._layout_table():
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
        breaks = _break_lines(chunks, break_chunks) if break_chunks else ()
        self.items.append(
            _Item(
                0,
                role,
                text,
                line,
                line + text.count("\n"),
                self.buffer_column,
                self._inside("li"),
                chrome,
                in_root,
                hints,
                link_words,
                breaks,
                link_lines,
            )
        )

    def _layout_table(self) -> bool:
        """A table used for page layout holds paragraphs, headings or lists, not data."""
        return any(self._inside(tag) for tag in ("p", "ul", "ol", "h1", "h2", "h3", "h4"))

    def emit(self) -> None:
        """Hand every item to the builder, now that the whole page says what is chrome.

        An element that looks like chrome by its tag or class but holds the article's H1 and
        most of the page's words is a page wrapper (``<div class="page-header-wrap">`` around
        everything), not chrome; likewise ``<main>``/``<article>`` marks the content only when
        it holds the H1 or a fair share of the words (not a row of teaser cards).
        """
        total = sum(len(item.text.split()) for item in self.items) or 1
        words: Counter[int] = Counter()
        holds_h1: set[int] = set()
        root_words = 0
        root_h1 = False
        for item in self.items:
            count = len(item.text.split())
            for element in item.chrome:
                words[element] += count
                if item.heading_level == 1:
                    holds_h1.add(element)
            if item.in_root:
                root_words += count
                root_h1 = root_h1 or item.heading_level == 1
        wrappers = {e for e in holds_h1 if words[e] * 2 >= total}
        use_root = self.has_root and (root_h1 or root_words * 10 >= total * 3)
        for item in self.items:
            chrome = [e for e in item.chrome if e not in wrappers]
            reason = self.chrome_reasons[chrome[0]] if chrome else None
            if reason is None and use_root and not item.in_root:
                reason = "outside the page's <main> or <article>"
            if item.heading_level:
                self.builder.heading(
                    item.text,
                    item.heading_level,
                    item.line,
                    item.end_line,
                    column=item.column,
                    hints=item.hints,
                    reason=reason,
                )
            else:
                self.builder.block(
                    "chrome" if reason else item.role,
                    item.text,
                    item.line,
                    item.end_line,
                    column=item.column,
                    list_item=item.list_item,
                    hints=item.hints,
                    reason=reason,
                    link_words=item.link_words,
                    breaks=item.breaks,
                    link_lines=item.link_lines,
                )

    def close(self) -> None:
        super().close()
        self._flush()


def _break_lines(chunks: list[str], break_chunks: list[int]) -> tuple[int, ...]:
    """The lines of a block's text (from 0) that a ``<br>`` ends: the line that holds the end
    of the chunk before each break."""
    lines: list[int] = []
    newlines = 0
    wanted = iter(break_chunks)
    target = next(wanted, None)
    for index, chunk in enumerate(chunks):
        while target is not None and target <= index:
            lines.append(newlines)
            target = next(wanted, None)
        newlines += chunk.count("\n")
    while target is not None:
        lines.append(newlines)
        target = next(wanted, None)
    return tuple(dict.fromkeys(lines))


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
        builder.problems.append(
            ParseProblem(
                code="structure",
                message=(
                    f"markup opened on line {line} ({text[cut : cut + 12].split()[0]!r}) is "
                    "never closed with '>', so browsers show nothing after it"
                ),
                line=line,
            )
        )
    reader = _PageReader(builder, has_root=bool(_CONTENT_ROOT.search(text)))
    reader.feed(text if cut is None else text[:cut])
    reader.close()
    reader.emit()
    page_title = " ".join("".join(reader.page_title).split())
    if page_title:
        builder.fallback_title = (page_title, reader.title_line)
    if reader.html_lang and "language" not in builder.metadata:
        builder.language = reader.html_lang
    return builder.build()


class HtmlFragments:
    """The raw HTML blocks of one Markdown document, read as one stream.

    CommonMark ends an HTML block at a blank line, so an element opened in one block (an
    alert box, a ``<nav>``) holds the Markdown that follows until a later block closes it.
    """

    def __init__(self, builder: ArticleBuilder) -> None:
        self.reader = _PageReader(builder, has_root=False)
        self.reader.read_directives = False  # the Markdown parser reads comments itself

    def feed(self, text: str, first_line: int) -> None:
        reader = self.reader
        reader.line_offset = first_line - reader.getpos()[0]
        reader.feed(text if text.endswith("\n") else text + "\n")
        reader._flush()
        reader.emit()
        reader.items.clear()

    def context(self) -> tuple[frozenset[str], str | None]:
        """Hints and chrome reason for Markdown standing inside the elements now open."""
        reader = self.reader
        hints = frozenset({"alert"}) if reader.alert_depth else frozenset()
        reason = reader.chrome_reasons[reader.chrome_chain[0]] if reader.chrome_chain else None
        return hints, reason
