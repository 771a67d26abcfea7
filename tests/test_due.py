"""The review queue: dates, owners, ordering, filters and the iCalendar output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from healthlint import due, parse_article
from healthlint.cli import main

TODAY = dt.date(2026, 11, 26)


def _entry(text: str, name: str = "a.md") -> due.DueEntry:
    return due.entry_for(parse_article(text, filename=name), name, TODAY)


def test_page_next_review_date_wins_over_cycle() -> None:
    text = (
        "---\ntitle: Gout\nreviewed: 2025-01-10\nnext_review: 2026-01-10\nowner: Team B\n"
        "---\n# Gout\n\nText.\n"
    )
    entry = _entry(text)
    assert entry.next_due == dt.date(2026, 1, 10)
    assert entry.due_source == "page"
    assert entry.owner == "Team B"
    assert entry.days_left == (dt.date(2026, 1, 10) - TODAY).days
    assert entry.overdue


def test_cycle_computes_due_date_from_last_review() -> None:
    entry = _entry("---\ntitle: Gout\nreviewed: 2024-02-29\n---\n# Gout\n\nText.\n")
    assert entry.last_review == dt.date(2024, 2, 29)
    assert entry.next_due == dt.date(2027, 2, 28)
    assert entry.due_source == "cycle"
    assert not entry.overdue


def test_article_without_date_is_listed_first() -> None:
    undated = _entry("# Gout\n\nText.\n", "b.md")
    dated = _entry("---\ntitle: Gout\nreviewed: 2020-01-01\n---\n# Gout\n\nText.\n")
    assert undated.next_due is None and undated.days_left is None
    queue = due.sort_queue([dated, undated])
    assert [e.path for e in queue] == ["b.md", "a.md"]
    assert due.select(queue, within=30, overdue=True) == queue


def test_span() -> None:
    assert due.parse_span("90d") == 90
    assert due.parse_span("3y") == 1095
    with pytest.raises(ValueError):
        due.parse_span("soon")


def test_ics_is_crlf_folded_and_escaped() -> None:
    entry = _entry(
        "---\ntitle: 'Gout, joints; and " + "x" * 120 + "'\nreviewed: 2024-01-01\n"
        "---\n# Gout\n\nText.\n"
    )
    ics = due.render_ics([entry], now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert ics.endswith("END:VCALENDAR\r\n")
    physical = ics.split("\r\n")
    assert "\n" not in "".join(physical)
    assert all(len(line.encode()) <= 75 for line in physical)
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Clinical review due: Gout\\, joints\\; and x" in unfolded
    assert "DTSTART;VALUE=DATE:20270101" in unfolded
    assert "DTSTAMP:20260101T000000Z" in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 1


def test_cli_json_lists_every_example(capsys: pytest.CaptureFixture[str]) -> None:
    examples = Path(__file__).parent.parent / "examples"
    assert main(["due", str(examples), "--today", "2026-11-26", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # Every article: examples/README.md describes them and is not one.
    files = [
        p
        for p in examples.rglob("*")
        if p.suffix in {".md", ".txt", ".html", ".htm"} and p.name != "README.md"
    ]
    assert len(rows) == len(files)
    lefts = [r["days_left"] for r in rows if r["days_left"] is not None]
    assert lefts == sorted(lefts)
    assert (
        main(["due", str(examples), "--today", "2026-11-26", "--format", "json", "--overdue"]) == 0
    )
    overdue = json.loads(capsys.readouterr().out)
    assert overdue and all(r["overdue"] or r["days_left"] is None for r in overdue)
    assert len(overdue) < len(rows)
