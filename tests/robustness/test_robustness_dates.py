"""Review dates as pages print them: empty labels, month-only dates, US and UK orders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.parsers import parse_article

if TYPE_CHECKING:
    from conftest import Check


def _dates(path: Path) -> list[tuple[str, str, dt.date | None, str | None, int]]:
    article = parse_article(path.read_text(encoding="utf-8"), filename=path.name)
    return [(d.kind, d.raw, d.value, d.precision, d.line) for d in article.credits.dates]


def test_an_empty_last_reviewed_label(files: Path, check: Check) -> None:
    assert _dates(files / "empty-review-label.txt") == [("reviewed", "", None, None, 9)]
    run = check("empty-review-label.txt", "--select", "freshness", "--format", "json")
    assert run.rules_at("empty-review-label.txt") == [("HL304", 9)]
    assert '"Last Reviewed"' in run.findings[0]["message"]
    assert run.code == 1


def test_a_month_only_date_counts_from_the_end_of_its_month(files: Path, check: Check) -> None:
    assert _dates(files / "month-only-date.md") == [
        ("reviewed", "November 2024", dt.date(2024, 11, 1), "month", 5)
    ]
    # "November 2024" may mean November 30: on 2026-11-26 that is under 2 years ago ...
    assert check("month-only-date.md", "--select", "freshness", "--format", "json").findings == []
    # ... and a week later it is not.
    run = check(
        "month-only-date.md", "--select", "freshness", "--format", "json", today="2026-12-05"
    )
    assert run.rules_at("month-only-date.md") == [("HL302", 5)]


def test_us_date_order(files: Path, check: Check) -> None:
    assert _dates(files / "us-date-order.txt") == [
        ("reviewed", "12/31/2025", dt.date(2025, 12, 31), "day", 7),
        ("reviewed", "6/9/2026", dt.date(2026, 6, 9), "day", 9),
    ]
    run = check("us-date-order.txt", "--select", "freshness", "--format", "json")
    # 12/31/2025 reads one way only; 6/9/2026 is June 9 in the US and 6 September in the UK.
    assert run.rules_at("us-date-order.txt") == [("HL305", 9)]
    assert "September" in run.findings[0]["message"]


def test_uk_date_order(files: Path, check: Check) -> None:
    assert _dates(files / "uk-date-order.txt") == [
        ("reviewed", "29/01/2026", dt.date(2026, 1, 29), "day", 7),
        ("next_review", "29/01/2028", dt.date(2028, 1, 29), "day", 9),
    ]
    run = check("uk-date-order.txt", "--select", "freshness", "--format", "json")
    assert run.findings == []  # there is no 29th month, so nothing is ambiguous
