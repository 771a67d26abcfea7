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


def test_credit_shapes_of_real_pages() -> None:
    from healthlint import parse_article

    text = (
        "# Ear Infections\n\nEar infections are common in children.\n\n"
        "By the time children are 3, most have had one.\n\n"
        "Content source: National Center for Child Health\n\n"
        "The summary is reviewed regularly and updated as needed, by the Pediatric Editorial "
        "Board.\n"
    )
    credits = parse_article(text, filename="ear.md").credits
    assert [p.name for p in credits.authors] == ["National Center for Child Health"]
    assert [p.name for p in credits.review_boards] == ["Pediatric Editorial Board"]


def test_spanish_credit_and_date_labels() -> None:
    from healthlint import parse_article

    text = (
        "# Gripe\n\nLa gripe es una infección.\n\nPor la mañana, tome agua.\n\n"
        "Revisado por: Ana López, MD\n\nÚltima revisión: 4 de diciembre de 2025\n"
    )
    credits = parse_article(text, filename="gripe.md").credits
    assert credits.authors == []
    assert [(p.name, p.credentials) for p in credits.reviewers] == [("Ana López", ["MD"])]
    assert [(d.kind, d.value.isoformat() if d.value else None) for d in credits.dates] == [
        ("reviewed", "2025-12-04")
    ]
