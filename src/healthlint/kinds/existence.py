"""existence: phrases that must not appear in an article.

Each occurrence of a listed phrase in the article's headings, prose and tables is reported (up
to ``max_per_file`` per rule and file), with the rule's ``suggestion`` when it has one. Page
chrome and credits are not searched: a site banner is not the article's claim.

Phrases match as in the caveat kind: without case, across line breaks and curly quotes, on whole
words, with simple word endings ("guarantee" also finds "guaranteed"), ``*`` for up to four
words, digits with or without hyphens.

With ``skip_negated: true`` an occurrence is not reported when one of the three words before it
in the same sentence denies it ("there is no guarantee", "no medicine is completely safe",
"it does not cure"), which is what an honest article says.

Options:
    phrases: [phrase] (required)
    suggestion: str            what to write instead, shown with each finding
    suggestions: {language: str}
                               the suggestion in the article's language, when it is one of
                               these (``es: murió por suicidio``); else ``suggestion``
    skip_negated: bool         default false
    scope: [role]              default [heading, prose, table]
    max_per_file: int          default 20

Message parameters: {match} (the text as written), {suggestion}.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any

from ..language import primary_subtag
from .base import CheckContext, Hit, Kind, KindOptions
from .matching import Phrase, Role, article_words, blocks_in, is_negated, match_hit, matcher

if TYPE_CHECKING:
    from pydantic import Field


class Options(KindOptions):
    """Options of the existence kind (see the module documentation)."""

    phrases: Annotated[list[Phrase], Field(min_length=1)]
    suggestion: str | None = None
    suggestions: dict[str, str] = field(default_factory=dict)
    skip_negated: bool = False
    scope: Annotated[list[Role], Field(min_length=1)] = field(
        default_factory=lambda: ["heading", "prose", "table"]
    )
    max_per_file: Annotated[int, Field(ge=1)] = 20


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    found = 0
    found_in = matcher(tuple(options.phrases)).in_blocks(
        blocks_in(ctx, options.scope), article_words(ctx)
    )
    suggestion = options.suggestion
    if options.suggestions:
        suggestion = options.suggestions.get(primary_subtag(ctx.language), suggestion)
    for block, match in found_in:
        if options.skip_negated and is_negated(block.text, match.start):
            continue
        yield match_hit(block, match, suggestion=suggestion)
        found += 1
        if found >= options.max_per_file:
            return


KIND = Kind(
    name="existence",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("match", "suggestion"),
)
