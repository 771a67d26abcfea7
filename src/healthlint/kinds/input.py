"""input: problems met while reading the file (encoding, garbled text, broken front matter).

The reader and the parsers record what kept part of a file from being read as its author
meant; this kind reports those records chosen by ``problems``. Files that cannot be read at
all never reach a kind: the engine reports them under the rule of kind ``engine`` (HL001).

Options:
    problems: list of front-matter | encoding | mojibake | structure

Message parameters: {detail}.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from ..lazy_regex import lazy
from .base import CheckContext, Hit, Kind, KindOptions


class Options(KindOptions):
    """Options of the input kind (see the module documentation)."""

    problems: list[Literal["front-matter", "encoding", "mojibake", "structure"]]


_NUMBER = lazy(r"\d+")


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    for problem in ctx.article.problems:
        if problem.code in options.problems:
            # What went wrong, without the line numbers it names: a baselined problem stays
            # baselined when lines are added above it, and a different problem is a new one.
            what = _NUMBER.sub("#", problem.message)
            yield Hit(
                line=problem.line,
                column=problem.column,
                params={"detail": problem.message},
                snippet=f"{problem.code}: {what}",
            )


KIND = Kind(name="input", options=Options, check=check, doc=__doc__ or "", params=("detail",))
