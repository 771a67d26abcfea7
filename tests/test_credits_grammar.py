"""The credits grammar shared by every format: labels, bylines, dates on one line."""

from __future__ import annotations

import datetime as dt

from healthlint.models import Credits
from healthlint.parsers.credits import scan_lines


def scan(*lines: str) -> Credits:
    credits = Credits()
    scan_lines(enumerate(lines, start=1), credits)
    return credits


def test_two_date_labels_on_one_line() -> None:
    credits = scan("Page last reviewed: 13 March 2023 Next review due: 13 March 2026")
    assert [(d.label, d.kind, d.value, d.column) for d in credits.dates] == [
        ("Page last reviewed", "reviewed", dt.date(2023, 3, 13), 1),
        ("Next review due", "next_review", dt.date(2026, 3, 13), 35),
    ]


def test_more_label_spellings() -> None:
    credits = scan("Reviewed: 12 Jan 2024", "Last modified: 2025-02-01", "Review Date 5/15/2023")
    assert [(d.kind, d.value) for d in credits.dates] == [
        ("reviewed", dt.date(2024, 1, 12)),
        ("updated", dt.date(2025, 2, 1)),
        ("reviewed", dt.date(2023, 5, 15)),
    ]


def test_sentences_that_start_like_a_label_are_prose() -> None:
    credits = scan("Reviewed studies show that rest helps.", "Updated guidance came out last year.")
    assert credits.dates == []


def test_reviewer_with_credentials_and_a_team_name() -> None:
    credits = scan(
        "Updated by: David Cho, MD, Internal Medicine. Also reviewed by the editorial team."
    )
    assert [(p.name, p.credentials) for p in credits.reviewers] == [("David Cho", ["MD"])]
    assert credits.review_boards == []
