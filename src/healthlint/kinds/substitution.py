"""substitution: medical jargon and wordy phrases, with the plain words to use instead.

Each ``swap`` entry maps a phrase to its plain replacement. Every occurrence in the article's
headings, prose and tables is reported (up to ``max_per_file`` per rule and file) with the plain
words as the suggestion. Credits and page chrome are not checked: reviewers' job titles and site
menus are not the article's wording.

A term explained in place is not jargon: "hypertension (high blood pressure)" and "high blood
pressure (hypertension)" are how plain-language guides teach a medical word, so an occurrence
that is directly followed or preceded by its plain words in parentheses is not reported.

Names of other things that contain a key are listed in ``keep`` and never reported:
"physician assistant" is a job, not a doctor; "pulmonary hypertension" is a lung disease, not
high blood pressure.

Keys match as in the caveat kind: across line breaks, on whole words, with simple word endings
("utilize" also finds "utilized" and "utilizing"; the suggestion is the base form). With
``ignore_case: false`` the case must match exactly.

Options:
    swap: {phrase: plain words} (required)
    keep: [phrase]         longer terms in which a key is left alone
    ignore_case: bool      default true
    scope: [role]          default [heading, prose, table]
    max_per_file: int      default 20

Message parameters: {match} (the text as written), {suggestion} (the plain words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any

from ..models import Block
from ..validation import Check
from .base import CheckContext, Hit, Kind, KindOptions, normalize
from .matching import Phrase, Role, blocks_in, match_hit, matcher, phrase_problem, word_starts

if TYPE_CHECKING:
    from pydantic import Field

_PAREN_BEFORE = re.compile(r"\(\s*$")


def _checked_swaps(value: dict[str, str]) -> dict[str, str]:
    for phrase, plain in value.items():
        problem = phrase_problem(phrase)
        if problem:
            raise ValueError(problem)
        if not plain.strip():
            raise ValueError(f"no plain words given for {phrase!r}")
    return {phrase.strip(): plain.strip() for phrase, plain in value.items()}


class Options(KindOptions):
    """Options of the substitution kind (see the module documentation)."""

    swap: Annotated[dict[str, str], Field(min_length=1), Check(_checked_swaps)]
    keep: list[Phrase] = field(default_factory=list)
    ignore_case: bool = True
    scope: Annotated[list[Role], Field(min_length=1)] = field(
        default_factory=lambda: ["heading", "prose", "table"]
    )
    max_per_file: Annotated[int, Field(ge=1)] = 20


def _alternatives(plain: str) -> list[str]:
    """"side effect or problem" → ["side effect", "problem"]: any of them explains the term."""
    parts = re.split(r",|\bor\b|/", plain)
    return [normalize(p).strip() for p in parts if p.strip()]


def _explained(text: str, start: int, end: int, plain: str) -> bool:
    """True for "term (plain words)" and "plain words (term)"."""
    after = normalize(text[end : end + len(plain) + 8]).lstrip()
    options = _alternatives(plain)
    if after.startswith("(") and any(after[1:].lstrip().startswith(o) for o in options):
        return True
    head = text[max(0, start - len(plain) - 8) : start]
    paren = _PAREN_BEFORE.search(head)
    if paren is None:
        return False
    before = normalize(head[: paren.start()]).rstrip()
    return any(before.endswith(o) for o in options)


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    swaps = options.swap
    find = matcher(tuple(swaps), options.ignore_case)
    keep = matcher(tuple(options.keep), options.ignore_case)
    found = 0
    kept: list[tuple[int, int]] = []
    kept_block: Block | None = None
    next_kept = 0
    for block, match in find.in_blocks(blocks_in(ctx, options.scope), word_starts(ctx)):
        plain = swaps[match.phrase]
        if options.keep:
            if block is not kept_block:
                kept_block, next_kept = block, 0
                kept = [(k.start, k.end) for k in keep.finditer(block.text)]
            # Matches and kept spans both come in text order: walk them together.
            while next_kept < len(kept) and kept[next_kept][1] <= match.start:
                next_kept += 1
            if next_kept < len(kept) and kept[next_kept][0] < match.end:
                continue
        if _explained(block.text, match.start, match.end, plain):
            continue
        yield match_hit(block, match, suggestion=plain)
        found += 1
        if found >= options.max_per_file:
            return


KIND = Kind(name="substitution", options=Options, check=check, doc=__doc__ or "")
