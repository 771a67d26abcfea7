"""Finding credits (authors, reviewers, review boards) and labelled dates in any article.

Every format ends up as lines of text, so the label grammar lives here once: a line that starts
with a known label ("Current as of:", "Author:", "Medically reviewed by") is a credit, wherever
the parser found it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import date_reading, parse_date
from ..lazy_regex import lazy
from ..models import Credits, DateKind, DateMention, Person
from .labels_es import SPANISH_AUTHOR_LABELS, SPANISH_DATE_LABELS, SPANISH_REVIEWER_LABELS

# Labels are matched at the start of a line, after optional bullets or bold markers.
# Regular expressions here are written so that no two adjacent parts can match the same
# characters ("\s*(?:\*\*)?\s*" is "\s*(?:\*\*\s*)?"): a line that almost matches, such as
# "By" and 50,000 spaces, would otherwise be retried in every split of its spaces, which takes
# hours.
_LEAD = r"^[\s>*_•\-–]*"
# After a label: optional closing bold, optional separator, spaces, then the text itself.
_BOLD = r"(?:(?:\*\*|__)\s*)?"
_REST = r"(?P<rest>[^\s:\-–—].*)$"

DATE_LABELS: dict[str, DateKind] = {
    "current as of": "reviewed",
    "last reviewed": "reviewed",
    "page last reviewed": "reviewed",
    "last medically reviewed": "reviewed",
    "medically reviewed on": "reviewed",
    "date reviewed": "reviewed",
    "date of review": "reviewed",
    "reviewed on": "reviewed",
    "review date": "reviewed",
    "last review": "reviewed",
    "content last reviewed": "reviewed",
    "date last reviewed": "reviewed",
    "last review date": "reviewed",
    "reviewed": "reviewed",
    "last modified": "updated",
    "date last updated": "updated",
    "updated": "updated",
    "last updated": "updated",
    "page last updated": "updated",
    "last revised": "updated",
    "next review due": "next_review",
    "next review date": "next_review",
    "next review": "next_review",
    "review due": "next_review",
    "due for review": "next_review",
}

DATE_LABELS.update(SPANISH_DATE_LABELS)


def _alternatives(labels: Iterable[str]) -> str:
    return "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))


_DATE_LABEL_RE = lazy(
    _LEAD
    + r"(?P<label>"
    + "|".join(re.escape(label) for label in sorted(DATE_LABELS, key=len, reverse=True))
    + r")\b(?![ \t]*(?:by|por)\b)(?:\*\*|__)?\s*(?P<sep>[:\-–—]|\bon\b)?\s*(?:\*\*|__)?\s*"
    r"(?P<rest>.*)$",
    re.I,
)

_AUTHOR_RE = lazy(
    _LEAD + r"(?P<label>authors?|written by(?:\s*/\s*reviewed by)?|writer|content source|"
    r"compiled by|answer from|prepared by|produced by|by|"
    + _alternatives(SPANISH_AUTHOR_LABELS)
    + r")\s*"
    + _BOLD
    + r"(?:[:\-–—]\s*)?"
    + _REST,
    re.I,
)
# After a bare "By", a byline names someone: "By Mayo Clinic Staff", "By Ann Lee, MD" — not
# "By the time children are 12 months old, …".
_BYLINE_NAME = lazy(
    r"[A-Z][\w.'’®-]*(?:,?\s+(?:[A-Z][\w.'’®-]*|de|del|van|von|la|of|and|&|"
    r"the))*[,.]?(?:\s+.*)?$"
)
# The citation a summary asks to be cited by names its author first: "PDQ® Adult Treatment
# Editorial Board. PDQ Anal Cancer Treatment. Bethesda, MD: National Cancer Institute."
_CITATION_AUTHOR = lazy(
    r"(?P<author>[A-Z][^.\n]{2,80}?\b(?:Board|Committee|Panel|Staff|Institute|Association|"
    r"Society)®?)\.\s+[^.\n]{3,200}\.\s+[A-Z][\w .]{1,40},\s*[A-Z]{2}:\s"
)
# "…, which is reviewed regularly and updated as needed, by the PDQ Adult Treatment Editorial
# Board": a board credited in a sentence rather than after a label.
_REVIEWED_BY_BOARD = lazy(
    r"\breviewed\b[^.]{0,80}?\bby (?:the )?\[?(?P<board>[A-Z][^.;()\[\]]{0,100}?\b(?:Board|Panel|"
    r"Committee)s?)\b"
)
_REVIEWER_RE = lazy(
    _LEAD + r"(?:(?:medically\s+|also\s+)?(?:reviewed|updated)\s+by\s*" + _BOLD + r"(?:[:\-–—]\s*)?"
    r"|review\s+provided\s+by\s*" + _BOLD + r"(?:[:\-–—]\s*)?"
    r"|(?:(?:primary|specialist|senior)\s+)?(?:medical|clinical|expert)\s+review(?:er)?s?"
    r"\s*" + _BOLD + r"[:\-–—]\s*"
    r"|reviewers?\s*" + _BOLD + r":\s*"
    r"|(?:"
    + _alternatives(SPANISH_REVIEWER_LABELS)
    + r")\s*"
    + _BOLD
    + r"(?:[:\-–—]\s*)?)"
    + _REST,
    re.I,
)
_BOARD_RE = lazy(
    r"\b(?:clinical|medical|editorial|physician|expert)\s+(?:review\s+)?(?:board|panel|"
    r"committee|team)\b",
    re.I,
)
# Words each of these expressions needs, so that a line of prose that lacks them is not
# searched: a case-blind search runs at every character of a long paragraph.
_BOARD_WORDS = ("board", "panel", "committee", "team")
_BOARD_KINDS = ("clinical", "medical", "editorial", "physician", "expert")
_CITATION_WORDS = ("Board", "Committee", "Panel", "Staff", "Institute", "Association", "Society")


def _may_name_board(text: str) -> bool:
    """False only when ``_BOARD_RE`` cannot match ``text``."""
    if not text.isascii():
        # Case-blind matching also pairs a few other letters with ASCII ones (the Kelvin sign
        # with "k"): only ASCII text is screened.
        return True
    lowered = text.lower()
    return any(word in lowered for word in _BOARD_WORDS) and any(
        word in lowered for word in _BOARD_KINDS
    )


def _board_line(text: str) -> bool:
    """``_BOARD_RE`` found in a short line (what names a review board on its own)."""
    return _may_name_board(text) and len(text.split()) <= 8 and bool(_BOARD_RE.search(text))


CREDENTIALS = (
    "MD",
    "DO",
    "RN",
    "PhD",
    "PharmD",
    "NP",
    "PA",
    "PA-C",
    "MBBS",
    "MBChB",
    "FRCP",
    "FRCPC",
    "FACP",
    "FAAP",
    "FACS",
    "MPH",
    "MSN",
    "BSN",
    "DNP",
    "APRN",
    "CNM",
    "RD",
    "RDN",
    "DPT",
    "PT",
    "DDS",
    "DMD",
    "OD",
    "DC",
    "LCSW",
    "PsyD",
    "CNS",
    "FNP",
    "FNP-BC",
    "IBCLC",
    "CDCES",
)
_CREDENTIAL_RE = lazy(
    r"(?<![\w.])(?:"
    + "|".join(
        r"\.?".join(re.escape(letter) for letter in cred.replace("-", ""))
        if "-" not in cred
        else re.escape(cred)
        for cred in sorted(CREDENTIALS, key=len, reverse=True)
    )
    + r")\.?(?![\w])"
)


def credentials_in(text: str) -> list[str]:
    return [m.group(0).replace(".", "") for m in _CREDENTIAL_RE.finditer(text)]


def _split_people(rest: str) -> list[str]:
    # (?<!\s): tried once per run of spaces, not at each of its spaces (quadratic on long runs).
    rest = re.sub(r"(?<!\s)\s+(?:and|&)\s+", ";", rest.strip().rstrip("."))
    # "Jane Doe, MD, and John Roe, RN": split on "and" and ";". A piece without credentials
    # after a specialty ("Nora Patel MD - Ear, Nose, and Throat Surgery") still belongs to the
    # specialty, not to a new person.
    parts: list[str] = []
    for piece in (p.strip(" ,") for p in rest.split(";")):
        if not piece:
            continue
        if parts and " - " in parts[-1] and not credentials_in(piece):
            parts[-1] = f"{parts[-1]} and {piece}"
        else:
            parts.append(piece)
    return parts


def _person(text: str, line: int) -> Person:
    creds = list(dict.fromkeys(credentials_in(text)))
    if re.match(r"\s*Dr\.?\s", text):
        creds.insert(0, "Dr")
    # "Maria Lopez MD - Orthopedic Surgery": the specialty follows a dash, credentials the name.
    name = re.split(r"\s[-–—]\s", text, maxsplit=1)[0]
    first = _CREDENTIAL_RE.search(name)
    if first and first.start() > 0:
        name = name[: first.start()]
    name = re.sub(r"(?<!\s)\s*,(?:\s*,)+", ",", name).strip(" ,.")
    return Person(name=name or text.strip(), credentials=creds, line=line)


def _date_mention(label: str, rest: str, line: int, column: int) -> DateMention:
    return DateMention(
        kind=DATE_LABELS[label.lower()],
        label=label,
        raw=rest.strip(),
        line=line,
        column=column,
        **date_reading(rest),
    )


def is_credit_line(text: str) -> bool:
    return bool(
        _DATE_LABEL_RE.match(text)
        or _AUTHOR_RE.match(text)
        or _REVIEWER_RE.match(text)
        or _board_line(text)
    )


def _people_line(raw: str, number: int, credits: Credits) -> bool:
    """Record the reviewers or authors a line names; False when it names none."""
    for pattern, max_words, people in (
        (_REVIEWER_RE, 60, credits.reviewers),
        (_AUTHOR_RE, 20, credits.authors),
    ):
        match = pattern.match(raw)
        if (
            match
            and pattern is _AUTHOR_RE
            and match.group("label").lower() in ("by", "por")
            and (
                not _BYLINE_NAME.match(match.group("rest").strip(" *_["))
                or len(match.group("rest").split()) > 10
            )
        ):
            continue
        if match and len(raw.split()) <= max_words:
            for part in _split_people(match.group("rest")):
                # "Jane Roe, MD, … editorial team" is a person; "Clinical Review Board" a board.
                board = _BOARD_RE.search(part) and not credentials_in(part)
                target = credits.review_boards if board else people
                target.append(_person(part, number))
            return True
    return False


# Bylines often pack several credits on one line: "Medically reviewed by Ann Lee, MD — Written
# by Sam Roe — Updated on March 3, 2026". Each part between these separators is read alone.
_SEPARATOR = lazy(
    r"(?<![ \t])[ \t]+[—|•·][ \t]+"
    # … and before a second, capitalised date label right after a date: "Page last reviewed:
    # 13 March 2023 Next review due: 13 March 2026" printed without a line break. (Both
    # conditions keep "Page last Reviewed:" whole: its "Reviewed" is a label too.)
    r"|(?<=\d)[.,;]?[ \t]+(?=(?=[A-Z])(?i:"
    + "|".join(re.escape(label) for label in sorted(DATE_LABELS, key=len, reverse=True))
    + r")[ \t]*:)",
)


def _segments(raw: str) -> list[tuple[int, str]]:
    """The parts of a line between byline separators, each with its offset in the line."""
    if ":" not in raw and not any(mark in raw for mark in "—|•·"):
        return [(0, raw)]  # neither separator can be there: the usual line, at C speed
    parts: list[tuple[int, str]] = []
    start = 0
    for separator in _SEPARATOR.finditer(raw):
        parts.append((start, raw[start : separator.start()]))
        start = separator.end()
    parts.append((start, raw[start:]))
    return parts


def scan_lines(lines: Iterable[tuple[int, str]], credits: Credits) -> list[int]:
    """Add every credit found in ``(line number, text)`` pairs; return the lines that held one."""
    seen: set[int] = set()
    pending_label: tuple[str, int, int] | None = None
    for number, line in lines:
        for offset, raw in _segments(line):
            text = raw.strip()
            if not text:
                continue
            if pending_label is not None:
                label, label_line, col = pending_label
                pending_label = None
                if parse_date(text) is not None and len(text.split()) <= 6:
                    credits.dates.append(_date_mention(label, text, number, offset + 1))
                    seen.add(number)
                    continue
                credits.dates.append(_date_mention(label, "", label_line, col))
            match = _DATE_LABEL_RE.match(raw)
            # A label alone, a label with a date, or a short "Label: text" line; not a sentence
            # that merely starts with "Updated" or "Reviewed".
            if match and (
                not match.group("rest").strip()
                or parse_date(match.group("rest"))
                or (match.group("sep") and len(raw.split()) <= 8)
            ):
                rest = match.group("rest").strip().strip("*_").strip()
                column = offset + match.start("label") + 1
                if not rest:
                    pending_label = (match.group("label"), number, column)
                else:
                    credits.dates.append(_date_mention(match.group("label"), rest, number, column))
                seen.add(number)
                continue
            if _people_line(raw, number, credits):
                seen.add(number)
                continue
            citation = (
                _CITATION_AUTHOR.match(text)
                if any(word in text for word in _CITATION_WORDS)
                else None
            )
            if citation:
                credits.authors.append(Person(name=citation.group("author"), line=number))
                seen.add(number)
                continue
            board_sentence = _REVIEWED_BY_BOARD.search(text) if "reviewed" in text else None
            if board_sentence:
                credits.review_boards.append(
                    Person(name=board_sentence.group("board").strip(), line=number)
                )
                seen.add(number)
                continue
            if _board_line(text):
                board = Person(name=text.strip(" :."), line=number)
                credits.review_boards.append(board)
                seen.add(number)
    if pending_label is not None:
        label, label_line, col = pending_label
        credits.dates.append(_date_mention(label, "", label_line, col))
    return sorted(seen)


def from_front_matter(
    metadata: dict[str, object], credits: Credits, key_lines: dict[str, int], default_line: int
) -> None:
    """Credits from front matter: ``authors``, ``reviewers``, ``reviewed``, ``next_review``."""

    def line_of(key: str) -> int:
        return key_lines.get(key, default_line)

    def names(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(v) for v in value if v is not None]
        return []

    for key in ("author", "authors"):
        for name in names(metadata.get(key)):
            credits.authors.append(_person(name, line_of(key)))
    for key in ("reviewer", "reviewers", "medical_reviewer", "medical_reviewers"):
        for name in names(metadata.get(key)):
            target = credits.review_boards if _BOARD_RE.search(name) else credits.reviewers
            target.append(_person(name, line_of(key)))
    for key in ("review_board",):
        for name in names(metadata.get(key)):
            credits.review_boards.append(Person(name=name, line=line_of(key)))
    date_keys: tuple[tuple[str, DateKind], ...] = (
        ("reviewed", "reviewed"),
        ("last_reviewed", "reviewed"),
        ("updated", "updated"),
        # A publisher's CMS key for when the page was last brought up to date (va.gov's
        # "lastupdate"): the only currency date such a page has.
        ("lastupdate", "reviewed"),
        ("last_updated", "reviewed"),
        ("next_review", "next_review"),
    )
    for key, kind in date_keys:
        if key not in metadata:
            continue
        raw = metadata[key]
        text = raw.isoformat() if hasattr(raw, "isoformat") else ("" if raw is None else str(raw))
        credits.dates.append(
            DateMention(
                kind=kind,
                label=key,
                raw=text,
                line=line_of(key),
                source="front-matter",
                **date_reading(text),
            )
        )
