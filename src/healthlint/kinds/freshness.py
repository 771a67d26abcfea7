"""freshness: review dates that are missing, unreadable, stale, in the future or overdue.

Dates come from labelled lines ("Current as of:", "Last reviewed:", "Page last reviewed:",
"Date reviewed:", "Reviewed on", "Updated:", "Next review due:") anywhere in the article, and from
front matter keys ``reviewed``, ``updated`` and ``next_review``. The review date is the newest
readable date among the kinds listed in ``dates``. A month-only date ("October 2011") counts
from the last day of that month, so it is never judged older than it may be.

Each rule instance picks one ``check``:
    missing      no review date at all
    unparseable  a label whose text is not a date, or a label with nothing after it
    ambiguous    a numeric date such as 6/9/2011 that reads two ways under ``date_order``
    stale        older than ``warn_after_days`` (rule severity) or ``error_after_days`` (error)
    future       a review date after today
    next-review  a next-review date that has passed, comes before the last review, or lies more
                 than ``max_next_review_years`` after it

Options:
    check: one of the above (required)
    dates: which labelled dates count as a review [reviewed, updated] (default [reviewed])
    warn_after_days: int (default 730), error_after_days: int (default 1095)
    max_next_review_years: int (default 3)
    date_order: month-first | day-first | by-page (default by-page: day first on a Spanish
                page or one for the UK, Ireland, Australia or New Zealand)

Message parameters: {label}, {raw}, {date}, {age}, {today}, {reason}, and {review_note}: how
old the article is ("the article was last reviewed July 31, 2024, 2 years and 3 months ago").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ..dates import DateOrder, date_reading, describe_age, latest_day, parse_date
from ..models import DateMention, Severity
from .base import CheckContext, Hit, Kind, KindOptions

if TYPE_CHECKING:
    from pydantic import Field


class Options(KindOptions):
    """Options of the freshness kind (see the module documentation)."""

    check: Literal["missing", "unparseable", "ambiguous", "stale", "future", "next-review"]
    dates: list[Literal["reviewed", "updated"]] = field(default_factory=lambda: ["reviewed"])
    warn_after_days: Annotated[int, Field(ge=0)] = 730
    error_after_days: Annotated[int, Field(ge=0)] = 1095
    max_next_review_years: Annotated[int, Field(ge=1)] = 3
    date_order: Literal["month-first", "day-first", "by-page"] = "by-page"


_DAY_FIRST_REGIONS = frozenset({"uk", "ie", "au", "nz"})


def date_order(ctx: CheckContext, options: Options) -> DateOrder:
    """How the page writes numeric dates: as configured, or (``by-page``) day first on a
    Spanish page or one for the UK, Ireland, Australia or New Zealand, month first otherwise
    (the US; Canada writes both, and its pages most often follow the US)."""
    if options.date_order != "by-page":
        return options.date_order
    if ctx.language == "es":
        return "day-first"
    from .caveat import page_region

    return "day-first" if page_region(ctx) in _DAY_FIRST_REGIONS else "month-first"


def _mentions(ctx: CheckContext, options: Options) -> list[DateMention]:
    mentions = ctx.article.credits.dates
    order = date_order(ctx, options)
    if order == "month-first":
        return mentions
    return [
        dataclasses.replace(mention, **date_reading(mention.raw, order)) for mention in mentions
    ]


def _params(mention: DateMention, today: dt.date, **extra: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "label": mention.label,
        "raw": mention.raw,
        "date": mention.value.isoformat() if mention.value else mention.raw,
        "today": today.isoformat(),
        "age": "",
        "reason": "",
    }
    if mention.value:
        params["age"] = describe_age((today - latest_day(mention.value, mention.precision)).days)
    params.update(extra)
    return params


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (28 February for a 29 February with no match)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def newest_review(mentions: list[DateMention], kinds: list[str]) -> DateMention | None:
    dated = [m for m in mentions if m.kind in kinds and m.value is not None]
    return max(dated, key=lambda m: latest_day(m.value, m.precision)) if dated else None  # type: ignore[arg-type]


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    mentions = _mentions(ctx, options)
    note: str | None = None
    for hit in _hits(ctx, options, mentions):
        if note is None:
            note = _review_note(ctx, options, mentions)
        hit.params.setdefault("review_note", note)
        yield hit


def _review_note(ctx: CheckContext, options: Options, mentions: list[DateMention]) -> str:
    """How old the article is, for every freshness message: its newest past review date."""
    past = [m for m in mentions if m.value is not None and m.value <= ctx.today]
    review = newest_review(past, list(options.dates))
    if review is None or review.value is None:
        if newest_review(mentions, list(options.dates)) is not None:
            # Its only review dates are in the future: say so, not that it shows none.
            return "the article shows no review date before today"
        return "the article shows no readable review date"
    age = describe_age((ctx.today - latest_day(review.value, review.precision)).days)
    day = review.value
    return f"the article was last reviewed {day:%B} {day.day}, {day.year}, {age} ago"


def _hits(ctx: CheckContext, options: Options, mentions: list[DateMention]) -> Iterator[Hit]:
    today = ctx.today
    counted = [m for m in mentions if m.kind in options.dates]
    review = newest_review(mentions, list(options.dates))
    anchor = ctx.article.title_line or 1

    if options.check == "missing":
        if not counted:
            yield Hit(line=anchor, params={"today": today.isoformat()}, snippet="missing")
        return

    if options.check == "unparseable":
        for mention in mentions:
            if mention.value is None:
                reason = "nothing" if not mention.raw else f'"{mention.raw}", which is not a date'

                yield Hit(
                    line=mention.line,
                    column=mention.column,
                    params=_params(mention, today, reason=reason),
                    snippet=mention.raw,
                )
        return

    if options.check == "ambiguous":
        for mention in mentions:
            if mention.ambiguous and mention.value is not None:
                order = date_order(ctx, options)
                other = parse_date(
                    mention.raw, "day-first" if order == "month-first" else "month-first"
                )
                yield Hit(
                    line=mention.line,
                    column=mention.column,
                    params=_params(
                        mention,
                        today,
                        reason=(
                            f"read as {mention.value:%d %B %Y} ({order}), "
                            f"but it could be {other.value:%d %B %Y}"
                            if other
                            else ""
                        ),
                    ),
                    snippet=mention.raw,
                )
        return

    if options.check == "future":
        reported: set[dt.date] = set()
        for mention in counted:
            # One date printed twice (a byline above the article and below it) is one mistake.
            if (
                mention.value is not None
                and mention.value > today
                and mention.value not in reported
            ):
                reported.add(mention.value)
                yield Hit(
                    line=mention.line,
                    column=mention.column,
                    params=_params(mention, today),
                    snippet=mention.raw,
                )
        return

    if options.check == "stale":
        if review is None or review.value is None:
            return
        age_days = (today - latest_day(review.value, review.precision)).days
        if age_days > options.warn_after_days:
            severity = Severity.ERROR if age_days > options.error_after_days else None
            yield Hit(
                line=review.line,
                column=review.column,
                severity=severity,
                params=_params(
                    review,
                    today,
                    reason=(
                        f"older than {options.error_after_days // 365} years"
                        if severity
                        else f"older than {options.warn_after_days // 365} years"
                    ),
                ),
                snippet=review.raw,
            )
        return

    # next-review
    for mention in mentions:
        if mention.kind != "next_review" or mention.value is None:
            continue
        due = latest_day(mention.value, mention.precision)
        reason = ""
        if review is not None and review.value is not None and due < review.value:
            reason = f"it comes before the last review ({review.value.isoformat()})"
        elif due < today:
            reason = f"it passed {describe_age((today - due).days)} ago"
        elif (
            review is not None
            and review.value is not None
            and due > add_years(review.value, options.max_next_review_years)
        ):
            reason = (
                f"it is more than {options.max_next_review_years} years after the last "
                f"review ({review.value.isoformat()})"
            )
        if reason:
            yield Hit(
                line=mention.line,
                column=mention.column,
                params=_params(mention, today, reason=reason),
                snippet=mention.raw,
            )


KIND = Kind(
    name="freshness",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("label", "raw", "date", "age", "today", "reason", "review_note"),
)
