"""required-sections: an article of a given type must have these sections.

Each article type lists its sections; each section has a name and aliases (``*`` matches any
words, so "What Is *" accepts "What Is Asthma?"). Headings are compared without case,
punctuation or surrounding words such as "and", so "Risks and Side Effects" matches an alias
"Risks and Side Effects" but not "Risks". With ``order: true`` the sections must also appear in
the listed order. A rule only applies to article types its schemas name, and not to an
article whose type was only read from its first sentence (a pack's ``defined_as``).

Options:
    schemas: {type: [{section: str, aliases: [str]}]}
    order: bool (default false)

Message parameters: {type} (the article type), {section} (the missing section, or the one out
of order), {aliases} (" (or a heading such as …)" naming aliases, or where the section belongs).

Example (pack YAML)::

    - id: HL101
      kind: required-sections
      options:
        schemas:
          test:
            - section: How To Prepare
              aliases: [Preparation, Before the Test]
"""

from __future__ import annotations

import fnmatch
import itertools
from collections.abc import Iterator
from dataclasses import field
from functools import cached_property, lru_cache
from typing import Any

from ..lazy_regex import lazy
from .base import CheckContext, Hit, Kind, KindOptions

_NON_WORD = lazy(r"[^a-z0-9*]+")


@lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """A heading as names are compared: lower case, apostrophes dropped, each run of anything
    but letters, digits and wildcards one space (remembered: every rule and article type
    compares the same headings and names)."""
    return _NON_WORD.sub(" ", text.lower().replace("’", "'").replace("'", "")).strip()


class SectionSpec(KindOptions):
    """One required section: its name and the other headings that count as it."""

    section: str
    aliases: list[str] = field(default_factory=list)

    @cached_property
    def patterns(self) -> list[str]:
        return [heading_key(name) for name in (self.section, *self.aliases)]

    def matches(self, heading: str) -> bool:
        key = heading_key(heading)
        # Most names have no wildcard: comparing them spares compiling a pattern for each.
        return any(
            fnmatch.fnmatchcase(key, pattern) if "*" in pattern else key == pattern
            for pattern in self.patterns
        )


class Options(KindOptions):
    """Options of the required-sections kind (see the module documentation)."""

    schemas: dict[str, list[SectionSpec]]
    order: bool = False


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    article_type = ctx.article.article_type
    schema = options.schemas.get(article_type or "")
    if not schema or ctx.article.type_source == "first-sentence":
        # What an opening sentence calls its subject is a good hint of the page's topic, not
        # a commitment by the publisher to that type's structure.
        return
    anchor = ctx.article.title_line or 1
    positions: list[int] = []
    for spec in schema:
        found = next((i for i, s in enumerate(ctx.article.sections) if spec.matches(s.title)), None)
        if found is None:
            shown = [repr(a) for a in spec.aliases if "*" not in a][:2]
            also = f" (or a heading such as {' or '.join(shown)})" if shown else ""
            yield Hit(
                line=anchor,
                params={"section": spec.section, "type": article_type, "aliases": also},
                snippet=spec.section,
            )
            continue
        positions.append(found)
    if options.order:
        for previous, current in itertools.pairwise(positions):
            if current < previous:
                section = ctx.article.sections[current]
                before = ctx.article.sections[previous].title
                yield Hit(
                    line=section.line,
                    params={
                        "section": section.title,
                        "type": article_type,
                        "aliases": f" (it should come after {before!r})",
                    },
                    snippet=section.title,
                )


KIND = Kind(
    name="required-sections",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("type", "section", "aliases"),
)
