"""acronym: an abbreviation used before it is spelled out.

An acronym is a word of 2 to 6 capital letters and digits with at least ``min_length`` letters
("COPD", "UTI", "A1C"; "UTIs" counts as "UTI"). Plain-language guides ask that each one be
spelled out where it is first used. A use counts as spelled out when the words and the acronym
stand together with one of them in parentheses: "urinary tract infection (UTI)" or "UTI
(urinary tract infection)". The rule reports each acronym once, at its first use, when that use
comes before any spelled-out form (or there is none).

What is checked: prose and tables. Headings are not checked, because a heading such as "What Is
COPD?" is normally followed by the text that explains it, but a heading that spells an acronym
out counts as its explanation. Credits, page chrome and code are not checked.

Never reported: acronyms in ``allow`` (and ``also_allow``), the site's name where the title
gives it after a separator ("Zinc | CDC"), a state code before a ZIP code ("Atlanta, GA
30329"), capitals right after a mis-decoded character ("childâ€™s" read as "â‚¬TM"), Roman
numerals ("type II"),
credentials (MD, RN, DO…), an English word written in capitals for emphasis ("do NOT", "it
is HARD to breathe"; words are told from abbreviations with the CMU pronouncing dictionary:
"FDA" is read letter by letter, "HARD" is not), runs of two or more capitalised words ("DO NOT
TAKE"), and paragraphs written entirely in capitals. Abbreviations read as words, such as GERD,
ALS or PET, are still checked.

Options:
    allow: [str]         acronyms readers know; default CT, MRI, HIV, AIDS, DNA, ECG, EKG, ER,
                         ICU, IV, OK, US, USA, UK, TV, PDF, COVID, CPR, AM, PM, ID, DVD, CD
    also_allow: [str]    added to ``allow`` (use this to keep the default list)
    min_length: int      fewest letters an acronym has (default 2)

Message parameters: {acronym}, {defined} (where it is spelled out later, or empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from ..models import Block
from ..parsers.credits import CREDENTIALS
from .base import CheckContext, Hit, Kind, KindOptions, block_position

if TYPE_CHECKING:
    from pydantic import Field

DEFAULT_ALLOW = [
    "CT", "MRI", "HIV", "AIDS", "DNA", "ECG", "EKG", "ER", "ICU", "IV", "OK", "US", "USA", "UK",
    "TV", "PDF", "COVID", "CPR", "AM", "PM", "ID", "DVD", "CD",
]  # fmt: skip

# Ordinary words that articles put in capitals for emphasis ("Do NOT drive"). Without this
# list they would look like acronyms that were never spelled out.
_SHOUTED = frozenset(
    {
        "A", "ALL", "AN", "AND", "ANY", "ARE", "AS", "ASK", "AT", "BAD", "BE", "BIG", "BUT", "BY",
        "CALL", "CAN", "COLD", "DAY", "DO", "END", "FOR", "FREE", "GET", "GO", "HAS", "HAVE",
        "HELP", "HOT", "HOW", "IF", "IN", "IS", "IT", "ITS", "KEEP", "LOW", "MAY", "ME", "MUST",
        "MY", "NEED", "NEVER", "NEW", "NO", "NOT", "NOTE", "NOW", "OF", "OFF", "ON", "ONE", "ONLY",
        "OR", "OUR", "OUT", "OVER", "SAFE", "SEE", "SLOW", "SO", "STOP", "TAKE", "THE", "THIS",
        "TIME", "TIP", "TO", "TWO", "UP", "USE", "VERY", "WAIT", "WARM", "WE", "WHAT", "WHEN",
        "WHY", "YES", "YOU", "YOUR",
    }
)
# Acronyms that are also entries of the pronouncing dictionary, read as words ("GERD", "PET
# scan"). They are still abbreviations a reader may not know.
_WORDLIKE_ACRONYMS = frozenset(
    {
        "ACE", "ALS", "BRCA", "CAD", "DASH", "EEG", "ENT", "GAD", "GERD", "GYN", "LASIK", "LEEP",
        "MERS", "PAD", "PET", "SAD", "SARS", "SIDS", "TENS", "TIA", "CAT",
    }
)
_CREDENTIALS = frozenset(c.replace("-", "").upper() for c in CREDENTIALS)
_ROMAN = re.compile(
    r"^(?=[IVXLCDM]+$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$"
)

# A capitalised token: 2-6 capitals/digits, starting with a capital, optionally a plural or
# possessive ending. Not part of a longer word, a code with digits ("ABC-123", "COVID-19" is
# one token to the reader), a web address or a path.
_TOKEN = re.compile(
    r"(?<![\w/.])(?<!\d-)(?P<acronym>[A-Z][A-Z0-9]{1,5})(?:s|['’]s)?(?![\w/]|-\d|\.\w)"
)
_LETTERS = re.compile(r"[A-Z]")
# A state code in a postal address: "Atlanta, GA 30329", "Washington, DC 20201-0001".
_ZIP_AFTER = re.compile(r"\s{1,3}\d{5}(?:-\d{4})?(?!\d)")
# Where a page title names its publisher: "Zinc | Nutrition | CDC", "Stress - NCI".
_TITLE_SEPARATORS = re.compile(r"\s[|\-–—]\s")
_WORDISH = re.compile(r"[A-Za-z]{3,}")


class Options(KindOptions):
    """Options of the acronym kind (see the module documentation)."""

    allow: list[str] = field(default_factory=lambda: list(DEFAULT_ALLOW))
    also_allow: list[str] = field(default_factory=list)
    min_length: Annotated[int, Field(ge=1, le=6)] = 2


@dataclass(slots=True)
class _Use:
    """Where an acronym is used in a block."""

    block: Block
    start: int
    end: int


def _spelled_out(text: str, start: int, end: int) -> bool:
    """True for "words (ACRO)" and "ACRO (words)" at this occurrence."""
    # Bounded windows: an explanation sits right next to the acronym, and slicing the whole
    # block for every token would make long paragraphs quadratic.
    before = text[max(0, start - 120) : start].rstrip()
    after = text[end : end + 120].lstrip()
    if before.endswith("(") and after.lstrip(".,;").startswith(")"):
        # "(ACRO)" explains itself when real words come before it on the page.
        return bool(_WORDISH.search(before[-80:-1]))
    if after.startswith("("):
        inside = after[1 : after.find(")")] if ")" in after else ""
        words = _WORDISH.findall(inside)
        # Lower-case or capitalised words, not another acronym: "MRI (magnetic resonance...)".
        return bool(words) and not inside.isupper()
    return False


def _ordinary_word(acronym: str) -> bool:
    """An English word written in capitals ("HARD", "NEVER"), not an abbreviation.

    The CMU pronouncing dictionary that readability already ships lists both words and
    abbreviations; an abbreviation is pronounced letter by letter ("FDA": 3 syllables, one per
    letter, W counting 3), a word is not ("HARD": 1 syllable for 4 letters).
    """
    if len(acronym) < 3 or not acronym.isalpha() or acronym in _WORDLIKE_ACRONYMS:
        return False
    from ..readability.syllables import dictionary_syllables

    syllables = dictionary_syllables(acronym.lower())
    spelled = len(acronym) + 2 * acronym.count("W")
    return syllables is not None and syllables != spelled


def _shouted(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words ("DO NOT TAKE"), where capitals are emphasis."""
    before = re.search(r"([A-Z][A-Z']+)[\s,]+$", text[max(0, start - 30) : start])
    after = re.match(r"[\s,]+([A-Z][A-Z']+)\b", text[end : end + 30])
    return bool(before or after)


def _publisher_acronyms(title: str | None) -> set[str]:
    """Acronyms in the parts of a title after its first separator: the site's own name."""
    parts = _TITLE_SEPARATORS.split(title or "")
    return {m.group("acronym") for part in parts[1:] for m in _TOKEN.finditer(part)}


def _not_an_abbreviation(text: str, start: int, end: int) -> bool:
    """A mis-decoded character ("â‚¬TM" for an apostrophe) or a postal state code."""
    if start and ord(text[start - 1]) > 127 and not text[start - 1].isalnum():
        return True
    return end - start == 2 and _ZIP_AFTER.match(text, end) is not None


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    allowed = {a.upper() for a in (*options.allow, *options.also_allow)}
    allowed |= _publisher_acronyms(ctx.article.title)
    written_title = ctx.article.metadata.get("title")
    if isinstance(written_title, str):
        allowed |= _publisher_acronyms(written_title)
    first_use: dict[str, _Use] = {}
    defined: dict[str, tuple[int, int]] = {}  # acronym → line, column of its first explanation
    for block in ctx.article.blocks:
        if block.role not in ("prose", "table", "heading"):
            continue
        text = block.text
        # A whole paragraph in capitals is emphasis, not abbreviations. (The upper-case test
        # runs first: it is one C-level pass, and it fails for almost every block.)
        if text == text.upper() and sum(c.isalpha() for c in text) > 12:
            continue
        for match in _TOKEN.finditer(text):
            acronym = match.group("acronym")
            if (
                len(_LETTERS.findall(acronym)) < options.min_length
                or acronym in allowed
                or acronym in _SHOUTED
                or acronym in _CREDENTIALS
                or _ROMAN.match(acronym)
            ):
                continue
            if _spelled_out(text, match.start(), match.end()):
                defined.setdefault(acronym, block_position(block, match.start()))
                continue
            if block.role == "heading" or acronym in first_use or acronym in defined:
                continue
            if (
                _shouted(text, match.start(), match.end())
                or _ordinary_word(acronym)
                or _not_an_abbreviation(text, match.start(), match.end())
            ):
                continue
            first_use[acronym] = _Use(block, match.start(), match.end())
    for acronym, use in first_use.items():
        line, column = block_position(use.block, use.start)
        end_line, end_column = block_position(use.block, use.end)
        later = defined.get(acronym)
        where = ""
        if later:
            where = (" (it is spelled out later on the same line)" if later[0] == line
                     else f" (it is spelled out later, on line {later[0]})")
        yield Hit(
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            params={
                "acronym": acronym,
                "defined": where,
            },
            snippet=acronym,
        )


KIND = Kind(name="acronym", options=Options, check=check, doc=__doc__ or "")
