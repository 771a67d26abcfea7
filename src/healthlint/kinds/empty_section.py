"""empty-section: a heading with nothing under it.

A section is empty when fewer than ``min_words`` words stand between its heading and the next
heading of the same or a higher level. Its sub-sections count as its content, so a heading
directly followed by its own sub-headings is not empty unless all of them are. Only the
outermost empty section is reported: when a section and all its sub-sections are empty, the
finding is on the section, not once per sub-heading. Page chrome (a footer after the last
heading) is not content; the article title is not a section.

Options:
    min_words: int (default 1)

Message parameters: {section} (the heading), {words} (the words found under it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

from .base import CheckContext, Hit, Kind, KindOptions

if TYPE_CHECKING:
    from pydantic import Field


class Options(KindOptions):
    """Options of the empty-section kind (see the module documentation)."""

    min_words: Annotated[int, Field(ge=1)] = 1


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    sections = ctx.article.sections
    columns = ctx.heading_columns
    # Words in each section's whole span (its own text plus its sub-sections), computed from
    # the end backwards with a stack of open sections so the pass stays linear.
    totals = [s.word_count for s in sections]
    stack: list[int] = []
    for index in range(len(sections) - 1, -1, -1):
        level = sections[index].level
        while stack and sections[stack[-1]].level > level:
            totals[index] += totals[stack.pop()]
        stack.append(index)
    covered_until = -1  # last index inside an already reported empty section
    for index, section in enumerate(sections):
        if index <= covered_until:
            continue
        if totals[index] >= options.min_words:
            continue
        end = index
        while end + 1 < len(sections) and sections[end + 1].level > section.level:
            end += 1
        covered_until = end
        yield Hit(
            line=section.line,
            column=columns.get(index, 1),
            params={"section": section.title, "words": totals[index]},
            snippet=section.title,
        )


KIND = Kind(
    name="empty-section",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("section", "words"),
)
