"""Reading the dates that health pages print next to "Current as of", "Last reviewed", …

Accepted forms: "July 31, 2024", "Jul. 31st 2024", "31 July 2024", "2024-07-31",
"October 2011" (month precision), "2011" (year precision), and numeric "29/01/2015" or
"6/9/2011", read under a day-first or month-first policy; in Spanish "4 de diciembre de 2026"
and "diciembre de 2026" (Spanish pages write numeric dates day first: :func:`date_order_for`).
A numeric date whose two first parts are both ≤ 12 and differ reads two ways and is marked
ambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, NamedTuple

from .lazy_regex import lazy

DateOrder = Literal["month-first", "day-first"]

# English names written out: the calendar module's follow the process locale.
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9
# Spanish names, written out only: the short forms ("ago", "dic") would match inside English
# words ("Chicago 2020"), and Spanish pages print the month in full.
_SPANISH_MONTH_NAMES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
for _number, _name in enumerate(_SPANISH_MONTH_NAMES, start=1):
    _MONTHS[_name] = _number
_MONTHS["setiembre"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS: list[tuple[re.Pattern[str], Literal["day", "month", "year", "iso", "numeric"]]] = [
    (lazy(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"), "iso"),
    (lazy(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I), "day"),
    (lazy(rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I), "day"),
    # Spanish: "4 de diciembre de 2026", "4 de diciembre del 2026".
    (lazy(rf"{_DAY}\s+de\s+{_MONTH}\s+del?\s+{_YEAR}\b", re.I), "day"),
    (lazy(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b"), "numeric"),
    (lazy(rf"{_MONTH},?\s+{_YEAR}\b", re.I), "month"),
    (lazy(rf"{_MONTH}\s+del?\s+{_YEAR}\b", re.I), "month"),  # "diciembre de 2026"
    (lazy(rf"\b{_YEAR}\b"), "year"),
]


class ParsedDate(NamedTuple):
    value: dt.date
    precision: Literal["day", "month", "year"]
    ambiguous: bool
    start: int
    end: int


def date_order_for(language: str | None) -> DateOrder:
    """The numeric-date order a page in ``language`` uses: day first in Spanish."""
    return "day-first" if (language or "").lower().startswith("es") else "month-first"


def _month_number(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_reading(text: str, order: DateOrder = "month-first") -> dict[str, Any]:
    """What a labelled date records of ``text``: its value, precision and ambiguity (the
    value None when ``text`` holds no date)."""
    parsed = parse_date(text, order)
    if parsed is None:
        return {"value": None, "precision": None, "ambiguous": False}
    return {"value": parsed.value, "precision": parsed.precision, "ambiguous": parsed.ambiguous}


def parse_date(text: str, order: DateOrder = "month-first") -> ParsedDate | None:
    """The first date written in ``text``, or None when there is none."""
    for pattern, form in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        # Only a two-digit year ("3/4/26") is short for 20xx: "0024-06-01" is the year 24.
        if len(groups["year"]) == 2:
            year += 2000
        ambiguous = False
        value: dt.date | None
        precision: Literal["day", "month", "year"] = "day"
        if form == "iso":
            value = _safe_date(year, int(groups["month"]), int(groups["day"]))
        elif form == "numeric":
            a, b = int(groups["a"]), int(groups["b"])
            month_first = _safe_date(year, a, b)
            day_first = _safe_date(year, b, a)
            preferred, other = (
                (month_first, day_first) if order == "month-first" else (day_first, month_first)
            )
            value = preferred or other
            ambiguous = preferred is not None and other is not None and a != b
        elif form == "day":
            value = _safe_date(year, _month_number(groups["month"]), int(groups["day"]))
        elif form == "month":
            precision = "month"
            value = dt.date(year, _month_number(groups["month"]), 1)
        else:
            precision = "year"
            value = dt.date(year, 1, 1)
        if value is None:
            return None
        return ParsedDate(value, precision, ambiguous, match.start(), match.end())
    return None


def latest_day(date: dt.date, precision: str | None) -> dt.date:
    """The last day a date of this precision may stand for ("October 2011" → 31 October)."""
    if precision == "month":
        first_of_next = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first_of_next - dt.timedelta(days=1)
    if precision == "year":
        return date.replace(month=12, day=31)
    return date


def describe_age(days: int) -> str:
    """An age in words an editor reads at a glance: "2 years and 4 months"."""
    if days < 0:
        return f"{-days} days in the future"
    years, rest = divmod(days, 365)
    months = rest // 30
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    if not parts:
        return f"{days} day{'s' if days != 1 else ''}"
    return " and ".join(parts)
