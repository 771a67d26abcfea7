"""substitution: medical jargon and wordy phrases, with the plain words to use instead.

Each ``swap`` entry maps a phrase to its plain replacement. Every occurrence in the article's
headings, prose and tables is reported (up to ``max_per_file`` per rule and file) with the plain
words as the suggestion. Credits and page chrome are not checked: reviewers' job titles and site
menus are not the article's wording.

A term explained in place is not jargon: "hypertension (high blood pressure)" and "high blood
pressure (hypertension)" are how plain-language guides teach a medical word, so an occurrence
that is directly followed by a short explanation in parentheses ("prognosis (chance of
recovery)": a few lower-case words without digits, in any words, not only the suggestion's,
but not examples such as "(including ...)" or "(or ...)"), or that stands alone in parentheses after
words that explain it, is not reported. An explanation in passing covers only that use. A
definition ("the likely outcome of a disease is called prognosis", "prognosis means ...") or a
heading that explains the term teaches it: it and the later uses in the same section are not
reported.

Also not reported, because the plain words would not fit there:

- a key inside a name that is given with its abbreviation ("Physician Data Query (PDQ)"),
  since the plain words would rename the thing;
- a key joined to another word by a hyphen ("psilocybin-assisted"), where a swap breaks the
  compound;
- a key directly in quotation marks ("found “sufficient” evidence"), which quotes a grade or a
  label;
- a capitalised key joined to another by a slash ("Plague Vaccine/Adverse Effects"), the shape of
  a catalogue subject heading.

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
    languages: [tag]       article languages the rule applies to (default: all); a word list
                           in one language says nothing about an article in another

Message parameters: {match} (the text as written), {suggestion} (the plain words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any

from ..lazy_regex import lazy
from ..models import Block
from ..validation import Check
from .base import CheckContext, Hit, Kind, KindOptions, normalize
from .matching import Phrase, Role, article_words, blocks_in, match_hit, matcher, phrase_problem

if TYPE_CHECKING:
    from pydantic import Field

_PAREN_BEFORE = lazy(r"\(\s*$")
_PAREN_AFTER = lazy(r"\s*\(([^()]{1,80})\)")
_HYPHENS = "-‐‑"
_OPEN_QUOTES = "\"“‘«'"
_CLOSE_QUOTE = lazy(r"[.,;:!?]?[\"”’»']")
# Brackets that start with these words add examples or conditions, not the term's meaning.
_NOT_A_GLOSS = frozenset(
    {
        "and",
        "also",
        "as",
        "especially",
        "for",
        "if",
        "including",
        "like",
        "not",
        "or",
        "see",
        "such",
        "which",
        "who",
        "with",
    }
)
# "... is called prognosis", "a condition known as edema": the sentence names the term it just
# explained.
_NAMED_BEFORE = lazy(
    r"\b(?:called|known\s+as|termed|named|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?[\"“‘']?$",
    re.IGNORECASE,
)
# "Prognosis means ...", "edema, which means ...": the sentence goes on to explain it.
_EXPLAINED_AFTER = lazy(
    r"[\"”’']?\s*,?\s*(?:which\s+)?(?:means|refers\s+to|is\s+defined\s+as"
    r"|is\s+the\s+(?:medical|scientific)\s+(?:word|term)\s+for)\b",
    re.IGNORECASE,
)
_NAME_LINK = r"(?:of|and|for|the|on|in|to|&)"
# The words of a name just before a key, after it, and its bracketed abbreviation.
_NAME_RUN_BEFORE = lazy(rf"(?:(?:[A-Z][\w'’]*|{_NAME_LINK})[\s-]+)*$")
_NAME_RUN_AFTER = lazy(rf"((?:[\s-]+(?:[A-Z][\w'’]*|{_NAME_LINK}))*)\s*\(([A-Z][A-Za-z]{{1,9}})\)")
_CAPITALISED = lazy(r"\b[A-Z]")


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
    languages: Annotated[
        list[str] | None,
        Field(description="article languages the rule applies to; default: every language"),
    ] = None


def _alternatives(plain: str) -> list[str]:
    """ "side effect or problem" → ["side effect", "problem"]: any of them explains the term."""
    parts = re.split(r",|\bor\b|/", plain)
    return [normalize(p).strip() for p in parts if p.strip()]


def _explained(text: str, start: int, end: int, plain: str) -> bool:
    """True for "term (plain words)", "term (a short gloss)" and "plain words (term)"."""
    after = normalize(text[end : end + len(plain) + 8]).lstrip()
    options = _alternatives(plain)
    if after.startswith("(") and any(after[1:].lstrip().startswith(o) for o in options):
        return True
    if _glossed(text, end):
        return True
    head = text[max(0, start - len(plain) - 8) : start]
    paren = _PAREN_BEFORE.search(head)
    if paren is None:
        return False
    before = normalize(head[: paren.start()]).rstrip()
    if any(before.endswith(o) for o in options):
        return True
    # "ear infections (otitis media)": the term alone in brackets names what the words before
    # it just said.
    return text[end : end + 2].lstrip().startswith(")") and before[-1:].isalpha()


def _glossed(text: str, end: int) -> bool:
    """Directly followed by a few lower-case words in brackets: a gloss in the writer's words."""
    bracket = _PAREN_AFTER.match(text, end)
    if bracket is None:
        return False
    inside = bracket.group(1).strip()
    words = inside.split()
    return (
        bool(words)
        and inside[0].islower()
        and len(words) <= 8
        and not any(c.isdigit() for c in inside)
        and words[0].strip(",.:;").lower() not in _NOT_A_GLOSS
    )


def _defined(text: str, start: int, end: int) -> bool:
    """The sentence that teaches the term: "... is called prognosis", "prognosis means ..."."""
    if _NAMED_BEFORE.search(text, max(0, start - 40), start):
        return True
    return _EXPLAINED_AFTER.match(text, end) is not None


def _in_abbreviated_name(text: str, start: int, end: int) -> bool:
    """Part of a capitalised name followed by its abbreviation: "Physician Data Query (PDQ)"."""
    if not text[start : start + 1].isupper():
        return False
    after = _NAME_RUN_AFTER.match(text, end, min(len(text), end + 150))
    if after is None:
        return False
    letters = "".join(c for c in after.group(2) if c.isupper())
    before = _NAME_RUN_BEFORE.search(text, max(0, start - 80), start)
    run = (before.group(0) if before else "") + text[start:end] + after.group(1)
    initials = "".join(m.group(0) for m in _CAPITALISED.finditer(run))
    later = len(_CAPITALISED.findall(after.group(1)))
    # The abbreviation must reach back over the key, not just spell the words after it.
    return len(letters) >= 2 and initials.endswith(letters) and len(letters) > later


def _does_not_fit(text: str, start: int, end: int) -> bool:
    """Where the plain words cannot replace the key without breaking what is written."""
    if start > 1 and text[start - 1] in _HYPHENS and text[start - 2].isalnum():
        return True
    if text[end : end + 1] in _HYPHENS and text[end + 1 : end + 2].isalnum():
        return True
    if start and text[start - 1] in _OPEN_QUOTES and _CLOSE_QUOTE.match(text, end):
        return True
    if text[start : start + 1].isupper() and (
        (text[start - 1 : start] == "/" and text[start - 2 : start - 1].isalpha())
        or (text[end : end + 1] == "/" and text[end + 1 : end + 2].isupper())
    ):
        return True
    return _in_abbreviated_name(text, start, end)


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    if options.languages is not None and ctx.language not in options.languages:
        return  # an English word list has nothing to say about Spanish prose
    swaps = options.swap
    find = matcher(tuple(swaps), options.ignore_case)
    keep = matcher(tuple(options.keep), options.ignore_case)
    found = 0
    kept: list[tuple[int, int]] = []
    kept_block: Block | None = None
    next_kept = 0
    taught: set[tuple[str, int | None]] = set()
    words = article_words(ctx)
    # Only the kept phrases the article's words could begin are searched for, as in_blocks
    # screens the swaps.
    keep_candidates = keep.candidates(words.starts)
    for block, match in find.in_blocks(blocks_in(ctx, options.scope), words):
        plain = swaps[match.phrase]
        if options.keep:
            if block is not kept_block:
                kept_block, next_kept = block, 0
                kept = [
                    (k.start, k.end)
                    for k in keep.finditer(block.text, keep_candidates, words.folded(block.text))
                ]
            # Matches and kept spans both come in text order: walk them together.
            while next_kept < len(kept) and kept[next_kept][1] <= match.start:
                next_kept += 1
            if next_kept < len(kept) and kept[next_kept][0] < match.end:
                continue
        text = block.text
        taught_here = (match.phrase, block.section)
        if taught_here in taught or _does_not_fit(text, match.start, match.end):
            continue
        explained = _explained(text, match.start, match.end, plain)
        if _defined(text, match.start, match.end) or (explained and block.role == "heading"):
            # A definition or an explaining heading teaches the word for the rest of its
            # section; an explanation in passing only covers the use it stands by.
            taught.add(taught_here)
            continue
        if explained:
            continue
        yield match_hit(block, match, suggestion=plain)
        found += 1
        if found >= options.max_per_file:
            return


KIND = Kind(
    name="substitution",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("match", "suggestion"),
)
