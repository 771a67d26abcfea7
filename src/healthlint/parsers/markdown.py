"""Markdown articles: YAML front matter, ATX and setext headings, CommonMark with tables."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ..lazy_regex import lazy
from ..models import Article, BlockRole, ParseProblem
from . import credits as credit_grammar
from . import directives
from .builder import ArticleBuilder
from .front_matter import split_front_matter

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from .html import HtmlFragments

# Markdown converted from HTML often wraps whole headings in bold or escapes punctuation.
_BOLD_WRAP = lazy(r"^(\*\*|__)(.+)\1$")
_BOLD = frozenset({"bold"})
_LINKED = frozenset({"linked"})
_NONE: frozenset[str] = frozenset()
# Raw HTML with text a reader sees, not just a comment or an empty tag.
_HTML_TEXT = lazy(r">\s*[^<\s]")


# Pairing emphasis delimiters is the costly part of Markdown's inline grammar: a megabyte of
# "**a " takes markdown-it about 4 s and 300 MB with it, under 1 s and 40 MB without. An article
# has a few hundred marks; past this many, emphasis is not read (and HL006 says so).
MOST_EMPHASIS_MARKS = 20_000


@cache
def _markdown(*, emphasis: bool = True) -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    return parser if emphasis else parser.disable("emphasis")


def _inline_text(token: Token) -> str:
    """Plain text of an inline token, keeping its soft line breaks."""
    if not token.children:
        return token.content
    parts: list[str] = []
    for child in token.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        # An image's alternative text is not shown to a sighted reader: it is neither the
        # article's prose nor a place its caveats can be said.
    return "".join(parts)


_BR = lazy(r"<br\s*/?>", re.I)
_SEPARATORS = " \t,;|·•-"


class _LinkLayout(NamedTuple):
    words: int  # words inside links
    breaks: tuple[int, ...]  # lines (from 0) that end in a hard break or a <br>
    link_lines: tuple[int, ...]  # lines with text only inside links


def _link_layout(token: Token) -> _LinkLayout:
    """Where an inline token's links and forced line breaks are."""
    depth = words = line = 0
    breaks: list[int] = []
    kinds: dict[int, int] = {}  # line -> 1 (link text), 2 (other text), 3 (both)
    for child in token.children or ():
        kind = child.type
        if kind == "link_open":
            depth += 1
        elif kind == "link_close":
            depth = max(0, depth - 1)
        elif kind == "softbreak":
            line += 1
        elif kind == "hardbreak":
            breaks.append(line)
            line += 1
        elif kind == "html_inline" and _BR.fullmatch(child.content.strip()):
            breaks.append(line)
        elif kind in ("text", "code_inline") and child.content.strip(_SEPARATORS):
            if depth:
                words += len(child.content.split())
            kinds[line] = kinds.get(line, 0) | (1 if depth else 2)
    links = tuple(row for row, found in kinds.items() if found == 1)
    return _LinkLayout(words, tuple(dict.fromkeys(breaks)), links)


def _heading_lines(inline: Token) -> tuple[str, bool]:
    """A heading's visible text, and whether it is nothing but a link.

    A converter that leaves a "[Top of Page](#)" link or an image right above a setext heading
    glues it into the heading; the heading is the line that has text outside links. Images
    add no text to a heading: their alternative text describes a picture.
    """
    lines: list[list[Token]] = [[]]
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(child)
    texts: list[tuple[str, bool]] = []
    for children in lines:
        depth = 0
        linked = unlinked = False
        parts: list[str] = []
        for child in children:
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            elif child.type in ("text", "code_inline"):
                parts.append(child.content)
                if _is_visible_text(child):
                    if depth:
                        linked = True
                    else:
                        unlinked = True
        text = "".join(parts).strip()
        if text:
            texts.append((text, linked and not unlinked))
    if not texts:
        return "", False
    if len(texts) > 1:
        own = [entry for entry in texts if not entry[1]]
        texts = own or texts[-1:]
    return " ".join(text for text, _ in texts), all(only for _, only in texts)


def parse_markdown(text: str, *, path: str | None = None) -> Article:
    lines = text.split("\n")
    builder = ArticleBuilder(path=path, fmt="markdown", line_count=len(lines))
    front = split_front_matter(lines)
    offset = front.end_line
    if front.error:
        builder.problems.append(
            ParseProblem(code="front-matter", message=front.error, line=front.error_line)
        )
    builder.metadata = front.data
    builder.metadata_lines = front.key_lines
    title = front.data.get("title")
    if isinstance(title, str):
        builder.set_title(title, front.key_lines.get("title", 1))

    body = "\n".join(lines[offset:])
    marks = body.count("*") + body.count("_")
    if marks > MOST_EMPHASIS_MARKS:
        builder.problems.append(
            ParseProblem(
                code="structure",
                line=offset + 1,
                message=(
                    f"{marks:,} emphasis marks (* and _), more than {MOST_EMPHASIS_MARKS:,}: "
                    "bold and italics are not read, the text is read as written"
                ),
            )
        )
        tokens = _markdown(emphasis=False).parse(body)
    else:
        tokens = _markdown().parse(body)
    _walk(tokens, builder, offset)
    return builder.build()


def _walk(tokens: list[Token], builder: ArticleBuilder, offset: int) -> None:
    html: HtmlFragments | None = None
    # What the raw HTML blocks leave open around the Markdown that follows them.
    hints: frozenset[str] = _NONE
    reason: str | None = None
    in_list_item = 0
    in_table = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start, end = _span(token, offset)
        kind = token.type
        if kind == "heading_open":
            inline = tokens[index + 1]
            heading, linked = _heading_lines(inline)
            bold = _BOLD_WRAP.match(heading)
            if bold:
                heading = bold.group(2)
            builder.heading(
                heading,
                int(token.tag[1]),
                start,
                end,
                hints=hints | _LINKED if linked else hints,
                reason=reason,
            )
            _inline_directives(inline, start, builder)
            index += 3
            continue
        if kind == "list_item_open":
            in_list_item += 1
        elif kind == "list_item_close":
            in_list_item -= 1
        elif kind == "table_open":
            in_table += 1
            builder.block(
                "table", _table_text(tokens, index), start, end, hints=hints, reason=reason
            )
        elif kind == "table_close":
            in_table -= 1
        elif kind == "paragraph_open" and not in_table:
            inline = tokens[index + 1]
            paragraph = _inline_text(inline)
            if _is_bold_line(inline) and _looks_like_heading(paragraph):
                # A bold line standing alone is how many converters spell a heading (the
                # builder keeps it one only where the article has no heading markup).
                bold_hints = hints | _BOLD | (_LINKED if _only_links(inline) else _NONE)
                builder.heading(paragraph, 2, start, end, hints=bold_hints, reason=reason)
            else:
                role: BlockRole = "links" if _only_links(inline) else "prose"
                layout = _link_layout(inline)
                builder.block(
                    "chrome" if reason else role,
                    paragraph,
                    start,
                    end,
                    list_item=in_list_item > 0,
                    hints=hints,
                    reason=reason,
                    link_words=layout.words,
                    breaks=layout.breaks,
                    link_lines=layout.link_lines,
                )
            _inline_directives(inline, start, builder)
            index += 3
            continue
        elif kind in ("fence", "code_block"):
            builder.block("code", token.content, start, end)
        elif kind == "html_block":
            builder.directives.extend(directives.comments_in(token.content, start))
            if _HTML_TEXT.search(token.content) or html is not None:
                if html is None:
                    from .html import HtmlFragments

                    html = HtmlFragments(builder)
                html.feed(token.content, start)
                hints, reason = html.context()
        elif kind == "inline" and token.children:
            _inline_directives(token, start, builder)
        index += 1


def _inline_directives(token: Token, line: int, builder: ArticleBuilder) -> None:
    """Suppression comments inside a paragraph or heading, each with the line it is on."""
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            found = directives.from_comment(child.content, line)
            if found:
                builder.directives.append(found)


def _is_bold_line(inline: Token) -> bool:
    children = [c for c in inline.children or [] if c.type != "text" or c.content.strip()]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
        and sum(c.type == "strong_open" for c in children) == 1
        and not any(c.type in ("softbreak", "hardbreak") for c in children)
    )


def _only_links(inline: Token) -> bool:
    """True for a paragraph made of links alone, such as a list of related articles."""
    depth = 0
    linked = False
    for child in inline.children or []:
        if child.type == "link_open":
            depth += 1
            linked = True
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and _is_visible_text(child):
            return False
    return linked


def _is_visible_text(token: Token) -> bool:
    if token.type == "text":
        return bool(token.content.strip(" ,;|·•-"))
    return token.type in ("code_inline", "image")


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    # "**Last reviewed:**" or "**Author: Jane Doe**" standing alone is a credit, not a heading.
    return (
        0 < len(words) <= 10
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and not credit_grammar.is_credit_line(text)
    )


def _span(token: Token, offset: int) -> tuple[int, int]:
    if token.map:
        return token.map[0] + 1 + offset, max(token.map[1] + offset, token.map[0] + 1 + offset)
    return 1 + offset, 1 + offset


def _table_text(tokens: list[Token], start: int) -> str:
    cells: list[str] = []
    depth = 0
    for token in tokens[start:]:
        if token.type == "table_open":
            depth += 1
        elif token.type == "table_close":
            depth -= 1
            if depth == 0:
                break
        elif token.type == "inline":
            cells.append(_inline_text(token))
    return " | ".join(cells)
