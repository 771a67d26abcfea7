"""acronym: an abbreviation used before it is spelled out.

An acronym is a word of 2 to 6 capital letters and digits with at least ``min_length`` letters
("COPD", "UTI", "A1C"; "UTIs" counts as "UTI"). Plain-language guides ask that each one be
spelled out where it is first used. A use counts as spelled out when the words and the acronym
stand together with one of them in parentheses: "urinary tract infection (UTI)", "UTI (urinary
tract infection)", or "PET scan (positron emission tomography scan)", where the brackets spell
out the acronym with the word after it; or when it opens a line followed by a colon, a dash or
a full stop and words whose initials spell it ("MMWR. Morbidity and Mortality Weekly Report").
A spelled-out form in mixed case, "Department of Defense (DoD)", explains "DOD" too. The rule
reports each acronym once, at its first use, when that use comes before any spelled-out form
(or there is none).

What is checked: prose and tables. Headings are not checked, because a heading such as "What Is
COPD?" is normally followed by the text that explains it, but a heading that spells an acronym
out counts as its explanation. Credits, page chrome and code are not checked.

Never reported: acronyms in ``allow`` (and ``also_allow``); the site's own name, recognised
where the title gives it after a separator ("Zinc | CDC"), an acronym in the page's header,
footer or credits whose full name the page writes out ("CDC Home" with "Centers for Disease
Control and Prevention"), a brand marked ® or ™ ("PDQ®"), and an acronym followed by more words
in the titles the page and its metadata give ("VA Mental Health Services") when the page never
spells it out (a topic in a title is spelled out somewhere; a publisher's name is not); an
alias in brackets for an acronym the reader knows ("CT scan (CAT scan)"); a state code before a
ZIP code ("Atlanta, GA 30329"); the quarter in a street address ("810 Vermont Ave. NW"); a unit
after a number ("225 KB"); capitals right after a mis-decoded character ("childâ€™s" read as
"â‚¬TM"); Roman numerals ("type II") and sub-stages shortly after the word stage, grade, type
or class ("stage IIIB"); codes that end in three or more digits ("CMX001") or are joined by a
hyphen to a capitalised word ("SARS-CoV-2", "TKM-Ebola"); credentials (MD, RN, DO…); an English
word written in capitals for emphasis ("do NOT", "it is HARD to breathe"; words are told from
abbreviations with the CMU pronouncing dictionary: "FDA" is read letter by letter, "HARD" is
not); runs of two or more capitalised words ("DO NOT TAKE"); paragraphs written entirely in
capitals; a short line that only names something, such as a source credit, a label or a
breadcrumb ("The BMJ", "FDA Approved"); and citations ("Source: ...", "Adapted from: ...",
"Retrieved from https://..."), which give their sources' names as the sources write them.
Abbreviations read as words, such as GERD, ALS or PET, are still checked.

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

from ..lazy_regex import lazy
from ..models import Article, Block
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
        "A",
        "ALL",
        "AN",
        "AND",
        "ANY",
        "ARE",
        "AS",
        "ASK",
        "AT",
        "BAD",
        "BE",
        "BIG",
        "BUT",
        "BY",
        "CALL",
        "CAN",
        "COLD",
        "DAY",
        "DO",
        "END",
        "FOR",
        "FREE",
        "GET",
        "GO",
        "HAS",
        "HAVE",
        "HELP",
        "HOT",
        "HOW",
        "IF",
        "IN",
        "IS",
        "IT",
        "ITS",
        "KEEP",
        "LOW",
        "MAY",
        "ME",
        "MUST",
        "MY",
        "NEED",
        "NEVER",
        "NEW",
        "NO",
        "NOT",
        "NOTE",
        "NOW",
        "OF",
        "OFF",
        "ON",
        "ONE",
        "ONLY",
        "OR",
        "OUR",
        "OUT",
        "OVER",
        "SAFE",
        "SEE",
        "SLOW",
        "SO",
        "STOP",
        "TAKE",
        "THE",
        "THIS",
        "TIME",
        "TIP",
        "TO",
        "TWO",
        "UP",
        "USE",
        "VERY",
        "WAIT",
        "WARM",
        "WE",
        "WHAT",
        "WHEN",
        "WHY",
        "YES",
        "YOU",
        "YOUR",
    }
)
# Acronyms that are also entries of the pronouncing dictionary, read as words ("GERD", "PET
# scan"). They are still abbreviations a reader may not know.
_WORDLIKE_ACRONYMS = frozenset(
    {
        "ACE",
        "ALS",
        "BRCA",
        "CAD",
        "DASH",
        "EEG",
        "ENT",
        "GAD",
        "GERD",
        "GYN",
        "LASIK",
        "LEEP",
        "MERS",
        "PAD",
        "PET",
        "SAD",
        "SARS",
        "SIDS",
        "TENS",
        "TIA",
        "CAT",
    }
)
_CREDENTIALS = frozenset(c.replace("-", "").upper() for c in CREDENTIALS)
_ROMAN = lazy(r"^(?=[IVXLCDM]+$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")

# A capitalised token: 2-6 capitals/digits, starting with a capital, optionally a plural or
# possessive ending. Not part of a longer word, a code with digits ("ABC-123", "COVID-19" is
# one token to the reader), a name joined by a hyphen ("SARS-CoV-2", "TKM-Ebola"), a web
# address or a path, nor after a word character, "/" or "." or a digit and a hyphen. Those
# tests look back from after the first capital, so the expression starts with a capital and
# the engine skips from capital to capital instead of testing every position.
_TOKEN = lazy(
    r"(?P<acronym>[A-Z](?<![\w/.][A-Z])(?<!\d-[A-Z])[A-Z0-9]{1,5})(?:s|['’]s)?"
    r"(?![\w/]|-\d|-[A-Z][a-z]|\.\w)"
)
_LETTERS = lazy(r"[A-Z]")
# A state code in a postal address: "Atlanta, GA 30329", "Washington, DC 20201-0001".
_ZIP_AFTER = lazy(r"\s{1,3}\d{5}(?:-\d{4})?(?!\d)")
# Where a page title names its publisher: "Zinc | Nutrition | CDC", "Stress - NCI".
_TITLE_SEPARATORS = lazy(r"\s[|\-–—]\s")
_WORDISH = lazy(r"[A-Za-z]{3,}")
# Roman-numeral stages with a sub-stage letter ("stage IIIB"), near the word that names them.
_SUBSTAGE = lazy(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)[A-E]$")
_STAGE_WORD = lazy(r"\b(?:stages?|grades?|types?|class(?:es)?)\b", re.I)
# Units written after a number ("318 KB", "400 IU"). TB is left out: it is also tuberculosis.
_UNITS = frozenset({"KB", "MB", "GB", "IU", "KHZ", "MHZ", "GHZ"})
_NUMBER_BEFORE = lazy(r"\d\s?$")
# The quarter of a city in a street address: "600 Pennsylvania Avenue, NW", "810 Vermont Ave. NW".
_COMPASS = frozenset({"NE", "NW", "SE", "SW"})
_STREET_BEFORE = lazy(
    r"\d+\s+(?:[A-Z][\w.'’]*\s+){1,4}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr"
    r"|Lane|Ln|Place|Pl|Court|Ct|Way|Parkway|Pkwy|Terrace|Highway|Hwy|Circle|Square)\.?,?\s*$"
)
# A code ending in a long number is a product or drug code ("CMX001"), not an abbreviation.
_CODE = lazy(r"\d{3,}$")
# "(DoD)": an abbreviation written in mixed case, which the capital-letter token does not see.
_MIXED_CASE = lazy(r"(?<=\()([A-Z][a-z]?[A-Z][A-Za-z]{0,4})(?=\))")
# A brand: "PDQ®", "ABC™".
_BRAND = lazy(r"\b([A-Z][A-Z0-9]{1,5})\s?[®™]")
# A bibliographic line: "Table adapted from: ...", "Source: ...", "... Retrieved from https://".
_CITATION = lazy(
    r"^\W*(?:(?:table|figure|image|chart)\s+)?(?:adapted\s+from|sources?|references?|courtesy\s+of)"
    r"\s*:|\bretrieved\s+from\s+https?://",
    re.IGNORECASE,
)
# Words that are not counted when initials spell an abbreviation ("Department of Defense").
_LINK_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "at",
        "de",
        "del",
        "des",
        "du",
        "el",
        "for",
        "in",
        "la",
        "las",
        "los",
        "of",
        "on",
        "the",
        "to",
        "y",
        "&",
    }
)
# "CT scan (CAT scan)": the known acronym, perhaps a word, and the bracket that gives an alias.
_ALIAS_OF = lazy(r"\b([A-Z][A-Z0-9]{1,5})(?:\s+([a-z]+))?\s*\(\s*$")
# An acronym followed by more words in a title: "VA Mental Health Services".
_TITLE_ABBREVIATION = lazy(r"(?<![\w'’])([A-Z][A-Z0-9]{1,5})\s+[A-Za-z]")
_WORD = lazy(r"[^\W\d_][\w'’]*")
# A run of capitalised words, possibly joined by small words: a name such as "Centers for
# Disease Control and Prevention".
_NAME_RUN = lazy(r"[A-Z][\w'’]*(?:[ \t]+(?:(?:of|for|and|the|on|in|&)[ \t]+)*[A-Z][\w'’]*)+")
# A line that only names something ("The BMJ", "FDA Approved", "> Site Home"): a label, a
# caption or a source credit, not a sentence that uses the abbreviation.
_LABEL_LINE = lazy(
    r"^[\s>»|•*·-]*(?:(?:[A-Z][\w'’&-]*|of|for|and|the|on|in|&)[ \t]+){0,4}"
    r"[A-Z][\w'’&-]*[\s>»|•*·-]*$"
)


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


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _LINK_WORDS)


def _spelled_out(text: str, start: int, end: int) -> bool:
    """True for "words (ACRO)", "ACRO (words)" and "ACRO scan (its words... scan)"."""
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
    # "PET scan (positron emission tomography scan)": the brackets spell out the acronym and
    # the word after it together.
    noun = re.match(r"([a-z]+)\s*\(([^()]{3,100})\)", after)
    if noun:
        return _initials(_WORD.findall(noun.group(2))).startswith(text[start:end])
    # "MMWR: Morbidity and mortality weekly report": the words right after it, initial by
    # initial. After a full stop that holds only where the acronym opens a line, as in a
    # series title; in running text the next sentence is not its explanation.
    acronym = text[start:end]
    separator = text[end : end + 1]
    opens_line = not text[text.rfind("\n", 0, start) + 1 : start].strip()
    if (
        (separator in ":–—" or (separator == "." and opens_line))
        and len(acronym) >= 3
        and acronym.isalpha()
    ):
        words = [w for w in _WORD.findall(text, end, end + 160) if w.lower() not in _LINK_WORDS]
        return _initials(words[: len(acronym)]) == acronym
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
    """Capitals that are no abbreviation to spell out, judged from the text around them.

    A mis-decoded character ("â‚¬TM" for an apostrophe), a postal state code, a sub-stage
    ("stage IIIB"), a unit after a number ("225 KB"), the quarter in a street address ("Ave.
    NW"), a product code ("CMX001"), or a word on a line that only names something ("The
    BMJ", "FDA Approved").
    """
    if start and ord(text[start - 1]) > 127 and not text[start - 1].isalnum():
        return True
    acronym = text[start:end]
    if end - start == 2 and _ZIP_AFTER.match(text, end) is not None:
        return True
    head = text[max(0, start - 60) : start]
    if _SUBSTAGE.match(acronym) and _STAGE_WORD.search(head):
        return True
    if acronym in _UNITS and _NUMBER_BEFORE.search(head):
        return True
    if acronym in _COMPASS and _STREET_BEFORE.search(head):
        return True
    if _CODE.search(acronym):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(line) <= 60 and line.strip() != acronym and _LABEL_LINE.match(line) is not None


def _alias(text: str, start: int, end: int, known: set[str]) -> bool:
    """ "CT scan (CAT scan)": another name, in brackets, for an acronym the reader knows."""
    before = _ALIAS_OF.search(text, max(0, start - 40), start)
    if before is None or before.group(1) not in known:
        return False
    noun = before.group(2)
    closing = rf"\s+{re.escape(noun)}\s*\)" if noun else r"\s*\)"
    return re.match(closing, text[end : end + 40]) is not None


def _name_initials(text: str) -> set[str]:
    """Abbreviations that the names in this text spell: the initials of the whole name and
    of its start or end ("Centers for Disease Control and Prevention" gives CDCP, CDC, ...)."""
    found: set[str] = set()
    for run in _NAME_RUN.finditer(text):
        initials = _initials(_WORD.findall(run.group(0)))
        for size in range(2, len(initials) + 1):
            found.add(initials[:size])
            found.add(initials[-size:])
    return found


def _titles(value: Any) -> Iterator[str]:
    """Every title in the metadata: the page's and those of the pages it lists."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and "title" in str(key).lower():
                yield item
            else:
                yield from _titles(item)
    elif isinstance(value, list):
        for item in value:
            yield from _titles(item)


def _site_names(article: Article) -> set[str]:
    """Acronyms that name the site itself, which its readers have in front of them.

    A page's header, footer and credits show who publishes it: an acronym there whose full
    name is written anywhere on the page ("CDC Home" and "Centers for Disease Control and
    Prevention") is the publisher. So is a brand marked ® or ™, and an acronym followed by more
    words in the titles the site gives its pages ("VA Mental Health Services") when the page
    never spells it out: a topic in a title is spelled out somewhere, a publisher's name is
    not.
    """
    texts = [b.text for b in article.blocks]
    titles = [t for t in (article.title, *_titles(article.metadata)) if t]
    site = {
        m.group("acronym")
        for b in article.blocks
        if b.role in ("chrome", "credits")
        for m in _TOKEN.finditer(b.text)
    } - _CREDENTIALS
    found: set[str] = set()
    if site:
        found = site & set().union(*(_name_initials(t) for t in texts))
    everything = "\n".join((*texts, *titles))
    if "\u00ae" in everything or "\u2122" in everything:
        found |= {m.group(1) for m in _BRAND.finditer(everything)}
    in_titles = {m.group(1) for t in titles for m in _TITLE_ABBREVIATION.finditer(t)}
    if in_titles - found:
        for text in (*texts, *titles):
            for m in _TOKEN.finditer(text):
                if m.group("acronym") in in_titles and _spelled_out(text, m.start(), m.end()):
                    in_titles.discard(m.group("acronym"))
        found |= in_titles
    return found


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    allowed = {a.upper() for a in (*options.allow, *options.also_allow)}
    allowed |= _publisher_acronyms(ctx.article.title)
    written_title = ctx.article.metadata.get("title")
    if isinstance(written_title, str):
        allowed |= _publisher_acronyms(written_title)
    allowed |= _site_names(ctx.article)
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
        tokens = list(_TOKEN.finditer(text))
        bracket = "(" in text
        if not tokens and not bracket:
            continue  # most blocks: nothing to look at
        # A citation names its sources the way they name themselves.
        if _CITATION.search(text):
            continue
        # "Department of Defense (DoD)" explains "DOD" too: readers do not tell them apart.
        mixed = (
            [
                (m.start(), m.group(1).upper())
                for m in _MIXED_CASE.finditer(text)
                if _spelled_out(text, m.start(), m.end())
            ]
            if bracket
            else []
        )
        for match in tokens:
            while mixed and mixed[0][0] < match.start():
                offset, name = mixed.pop(0)
                defined.setdefault(name, block_position(block, offset))
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
                or _alias(text, match.start(), match.end(), allowed | set(defined))
            ):
                continue
            first_use[acronym] = _Use(block, match.start(), match.end())
        for offset, name in mixed:
            defined.setdefault(name, block_position(block, offset))
    for acronym, use in first_use.items():
        line, column = block_position(use.block, use.start)
        end_line, end_column = block_position(use.block, use.end)
        later = defined.get(acronym)
        where = ""
        if later:
            where = (
                " (it is spelled out later on the same line)"
                if later[0] == line
                else f" (it is spelled out later, on line {later[0]})"
            )
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


KIND = Kind(
    name="acronym", options=Options, check=check, doc=__doc__ or "", params=("acronym", "defined")
)
