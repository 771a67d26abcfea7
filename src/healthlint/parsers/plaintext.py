"""Plain-text articles as health libraries publish them.

There is no markup, so structure is read from layout: a heading is a short line standing alone
between blank lines, without the end punctuation of a sentence. A term line such as "Massage."
ends with a period and is prose. Bullets start with "•", "-", "*", "–" or "1." / "1)". Lines before
the title (site notices, a disclaimer) are page chrome.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lazy_regex import lazy
from ..models import Article
from . import credits as credit_grammar
from . import directives
from .builder import ArticleBuilder

_BULLET = lazy(r"^(?P<indent>\s*)(?:[•\-*–·▪◦]|\d{1,2}[.)])\s+(?P<text>\S.*)$")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 90
_SLUG = lazy(r"[^a-z0-9]+")


@dataclass
class _Chunk:
    """A run of non-blank lines: a paragraph or a single list item."""

    lines: list[str]
    line: int
    bullet: bool = False
    column: int = 1

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _chunks(lines: list[str], builder: ArticleBuilder) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    for number, raw in enumerate(lines, start=1):
        directive = directives.from_text_line(raw, number)
        if directive is not None:
            builder.directives.append(directive)
            current = None
            continue
        if not raw.strip():
            current = None
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            current = _Chunk(
                [bullet.group("text").rstrip()],
                number,
                bullet=True,
                column=bullet.start("text") + 1,
            )
            chunks.append(current)
            continue
        if current is None:
            indent = len(raw) - len(raw.lstrip())
            current = _Chunk([raw.strip()], number, column=indent + 1)
            chunks.append(current)
        else:
            current.lines.append(raw.strip())
    return chunks


def _is_heading(chunk: _Chunk) -> bool:
    if chunk.bullet or len(chunk.lines) != 1:
        return False
    text = chunk.lines[0]
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(text) > _MAX_HEADING_CHARS:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith((".", ",", ";", ":", "!")) or credit_grammar.is_credit_line(text):
        return False
    return not (text.endswith("?") and len(words) > 10)


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def _title_index(chunks: list[_Chunk], headings: list[bool], path: str | None) -> int | None:
    candidates = [i for i, is_heading in enumerate(headings) if is_heading]
    if not candidates:
        return None
    if path:
        stem = _slug(path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
        for index in candidates:
            if stem and _slug(chunks[index].lines[0]) == stem:
                return index
    for index in candidates:
        if index + 1 < len(chunks) and headings[index + 1]:
            return index
    return candidates[0]


def parse_text(text: str, *, path: str | None = None) -> Article:
    lines = text.split("\n")
    builder = ArticleBuilder(path=path, fmt="text", line_count=len(lines))
    chunks = _chunks(lines, builder)
    headings = [_is_heading(chunk) for chunk in chunks]
    title = _title_index(chunks, headings, path)
    for index, chunk in enumerate(chunks):
        end = chunk.line + len(chunk.lines) - 1
        if title is not None and index < title:
            builder.block("chrome", chunk.text, chunk.line, end, column=chunk.column)
        elif index == title:
            builder.set_title(chunk.text, chunk.line)
            builder.heading(chunk.text, 1, chunk.line, column=chunk.column)
        elif headings[index]:
            builder.heading(chunk.text, 2, chunk.line, column=chunk.column)
        else:
            builder.block(
                "prose", chunk.text, chunk.line, end, column=chunk.column, list_item=chunk.bullet
            )
    return builder.build()
