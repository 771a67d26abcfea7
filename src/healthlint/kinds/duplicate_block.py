"""duplicate-block: text or headings pasted twice.

``target: blocks`` (the default) finds a run of lines that repeats an earlier run, such as a
credits block or a paragraph pasted twice. Lines are compared without case and spacing, blank
lines and lines without words (such as "---") are ignored, so two copies still match when the
blank lines between their lines differ. A repeat is reported once, at its first line, when the
run holds at least ``min_words`` words; text pasted three times is one finding that covers both
extra copies. Headings, prose, tables and credits are compared; page
chrome (a disclaimer shown above and below the article) and code are not.

A repeat is reported when it sits in the same section as its first copy, or when it holds a
credits line or a heading with the text under it (a credits block or a whole section pasted
again). Across sections,
a repeat of other text is how real pages are written, not a paste error: the same items in
two lists, the paragraphs that close every section of a template. A single block repeated is
reported only when it is a paragraph, a table or a credits line: a list item taken up again
as a heading or restated in a list is a summary. A heading matches only a heading, a list
item only a list item.

``target: headings`` finds the same section heading twice under the same parent section
("Symptoms" twice in a row). The same heading under two different parents ("Symptoms" under
"Adults" and under "Children") is ordinary structure and is not reported.

Both checks are linear in the size of the article.

Options:
    target: blocks | headings (default blocks)
    min_words: int (default 8; blocks only)

Message parameters: {first_line} (where the first copy starts), {lines} (how many lines
repeat, as "4 lines") and {count} (the same as a number) for blocks; {section} (the heading)
and {first_line} for headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple

from ..lazy_regex import lazy
from ..models import Block
from ..parsers.builder import count_words
from .base import CheckContext, Hit, Kind, KindOptions, normalize
from .required_sections import heading_key

if TYPE_CHECKING:
    from pydantic import Field

_ROLES = ("heading", "prose", "table", "credits")
# Bullets and Markdown markers that one copy may have and the other not.
_LEAD_CHARACTERS = ">*•-–·▪◦#"  # the line is stripped: no space leads it
_LEAD = lazy(r"^[\s>*•\-–·▪◦#]+")


class Options(KindOptions):
    """Options of the duplicate-block kind (see the module documentation)."""

    target: Literal["blocks", "headings"] = "blocks"
    min_words: Annotated[int, Field(ge=1)] = 8


class _Line(NamedTuple):
    key: str
    words: int
    line: int
    column: int
    text: str
    block: int


def _shape(block: Block) -> str:
    return "heading" if block.role == "heading" else "item" if block.list_item else "text"


def _lines(ctx: CheckContext) -> list[_Line]:
    lines: list[_Line] = []
    for index, block in enumerate(ctx.article.blocks):
        if block.role not in _ROLES:
            continue
        shape = _shape(block)
        for offset, raw in enumerate(block.text.split("\n")):
            text = raw.strip()
            words = count_words(text)
            if not words:
                continue
            column = block.column if offset == 0 else 1 + len(raw) - len(raw.lstrip())
            text_key = _LEAD.sub("", text) if text[0] in _LEAD_CHARACTERS else text
            key = shape + ":" + normalize(text_key).strip()
            lines.append(_Line(key, words, block.line + offset, column, text, index))
    return lines


def _pasted(blocks: list[Block], copy: list[_Line], first_copy: _Line) -> bool:
    """Whether a repeat looks pasted rather than written so (see the module documentation)."""
    block, first = blocks[copy[0].block], blocks[first_copy.block]
    several = any(line.block != copy[0].block for line in copy)
    if any(blocks[line.block].role == "credits" for line in copy):
        return True
    if several and any(blocks[line.block].role == "heading" for line in copy):
        return True
    if block.section != first.section:
        return False
    return several or _shape(block) == "text"


def _repeated_runs(ctx: CheckContext, min_words: int) -> Iterator[Hit]:
    lines = _lines(ctx)
    count = len(lines)
    # A "shingle" is the shortest run of lines starting at a position that holds min_words
    # words (every line has at least one word, so at most min_words lines). The first place
    # each shingle occurs is kept in a dict, so a repeat is found in one pass.
    first: dict[tuple[str, ...], int] = {}
    start = 0
    while start < count:
        end, words = start, 0
        while end < count and words < min_words:
            words += lines[end].words
            end += 1
        if words < min_words:
            break
        shingle = tuple(line.key for line in lines[start:end])
        earlier = first.get(shingle)
        if earlier is None:
            first[shingle] = start
            start += 1
            continue
        # Extend the repeat as far as both copies agree. The copies may overlap: text pasted
        # three times, or a long run of identical lines, is then one finding covering every
        # extra copy rather than one finding per copy.
        length = len(shingle)
        while start + length < count and lines[earlier + length].key == lines[start + length].key:
            length += 1
        if not _pasted(ctx.article.blocks, lines[start : start + length], lines[earlier]):
            start += 1
            continue
        head, last = lines[start], lines[start + length - 1]
        yield Hit(
            line=head.line,
            column=head.column,
            end_line=last.line,
            end_column=last.column + len(last.text),
            params={
                "first_line": lines[earlier].line,
                "lines": "1 line" if length == 1 else f"{length} lines",
                "count": length,
            },
            snippet="\n".join(line.key.partition(":")[2] for line in lines[start : start + length]),
        )
        start += length


def _repeated_headings(ctx: CheckContext) -> Iterator[Hit]:
    sections = ctx.article.sections
    columns = ctx.heading_columns
    seen: dict[tuple[int, str], int] = {}
    parents: list[int] = []  # open sections, outermost first
    for index, section in enumerate(sections):
        while parents and sections[parents[-1]].level >= section.level:
            parents.pop()
        parent = parents[-1] if parents else -1
        parents.append(index)
        key = (parent, heading_key(section.title))
        if not key[1]:
            continue
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = index
            continue
        yield Hit(
            line=section.line,
            column=columns.get(index, 1),
            params={"section": section.title, "first_line": sections[earlier].line},
            snippet=section.title,
        )


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    if options.target == "headings":
        yield from _repeated_headings(ctx)
    else:
        yield from _repeated_runs(ctx, options.min_words)


KIND = Kind(
    name="duplicate-block",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("first_line", "lines", "count", "section"),
)
