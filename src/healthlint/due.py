"""The review queue: when each article is next due for clinical review, and who owns it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .facts import owner_of, review_dates
from .models import Article

DEFAULT_CYCLE_DAYS = 3 * 365


@dataclass
class DueEntry:
    """One article in the review queue."""

    path: str
    title: str | None
    owner: str | None
    last_review: dt.date | None
    next_due: dt.date | None
    due_source: str | None  # "page" or "cycle"; None when no date could be read
    days_left: int | None  # negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    def to_data(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("last_review", "next_due"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        data["overdue"] = self.overdue
        return data


def parse_span(value: str) -> int:
    """Days in a span such as ``90d``, ``6m`` or ``3y`` (months and years approximate)."""
    match = re.fullmatch(r"\s*(\d+)\s*([dwmy]?)\s*", value.lower())
    if match is None:
        raise ValueError(f"not a span such as 90d, 6m or 3y: {value!r}")
    number, unit = int(match.group(1)), match.group(2) or "d"
    return number * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]


def _add_years(day: dt.date, days: int) -> dt.date:
    # A whole number of years keeps the calendar day (29 February becomes 28 February).
    if days % 365 == 0:
        years = days // 365
        try:
            return day.replace(year=day.year + years)
        except ValueError:
            return day.replace(year=day.year + years, day=28)
    return day + dt.timedelta(days=days)


def entry_for(
    article: Article, path: str, today: dt.date, cycle_days: int = DEFAULT_CYCLE_DAYS
) -> DueEntry:
    """The queue entry of one parsed article."""
    last, page_due = review_dates(article)
    return entry_from(path, article.title, owner_of(article), last, page_due, today, cycle_days)


def entry_from(
    path: str,
    title: str | None,
    owner: str | None,
    last: dt.date | None,
    page_due: dt.date | None,
    today: dt.date,
    cycle_days: int = DEFAULT_CYCLE_DAYS,
) -> DueEntry:
    """The queue entry of an article with these credits and dates: due when the page says,
    else one review cycle after its last review."""
    if page_due is not None:
        due, source = page_due, "page"
    elif last is not None:
        due, source = _add_years(last, cycle_days), "cycle"
    else:
        due, source = None, None
    return DueEntry(
        path=path,
        title=title,
        owner=owner,
        last_review=last,
        next_due=due,
        due_source=source,
        days_left=(due - today).days if due is not None else None,
    )


def sort_queue(entries: Iterable[DueEntry]) -> list[DueEntry]:
    """Most urgent first; articles without a readable date first of all, since nobody knows
    when they were last checked."""
    return sorted(entries, key=lambda e: (e.days_left is not None, e.days_left or 0, e.path))


def select(entries: list[DueEntry], *, within: int | None, overdue: bool) -> list[DueEntry]:
    kept = entries
    if overdue:
        kept = [e for e in kept if e.overdue or e.days_left is None]
    if within is not None:
        kept = [e for e in kept if e.days_left is None or e.days_left <= within]
    return kept


def _status(entry: DueEntry) -> str:
    if entry.days_left is None:
        return "no readable review date"
    if entry.days_left < 0:
        return f"overdue by {-entry.days_left} days"
    return f"due in {entry.days_left} days"


def render_text(entries: list[DueEntry]) -> str:
    lines = []
    for e in entries:
        due = e.next_due.isoformat() if e.next_due else "-"
        last = e.last_review.isoformat() if e.last_review else "-"
        lines.append(
            f"{due:>10}  {_status(e):<26} last {last:>10}  {e.owner or '-'}  "
            f"{e.title or '(untitled)'}  {e.path}"
        )
    overdue = sum(e.overdue for e in entries)
    undated = sum(e.days_left is None for e in entries)
    lines.append(
        f"{len(entries)} articles: {overdue} overdue, {undated} without a readable review date."
    )
    return "\n".join(lines) + "\n"


def render_json(entries: list[DueEntry]) -> str:
    return json.dumps([e.to_data() for e in entries], indent=2, ensure_ascii=False) + "\n"


def render_csv(entries: list[DueEntry]) -> str:
    out = io.StringIO()
    fields = [
        "path",
        "title",
        "owner",
        "last_review",
        "next_due",
        "due_source",
        "days_left",
        "overdue",
    ]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for e in entries:
        writer.writerow(e.to_data())
    return out.getvalue()


def _ics_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines longer than 75 octets are split, never inside a UTF-8 sequence."""
    out: list[str] = []
    current, size = "", 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return out


def render_ics(entries: list[DueEntry], now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//healthlint//review queue//EN",
        "CALSCALE:GREGORIAN",
    ]
    for e in entries:
        if e.next_due is None:
            continue
        uid = re.sub(r"[^A-Za-z0-9._-]", "-", e.path)
        summary = f"Clinical review due: {e.title or e.path}"
        description = f"{e.path}; owner: {e.owner or 'none'}; {_status(e)}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}-review@healthlint",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{e.next_due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{e.next_due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_escape(summary)}",
            f"DESCRIPTION:{_ics_escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
