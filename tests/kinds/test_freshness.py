"""The freshness kind: review dates missing, unreadable, ambiguous, stale, future, overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from healthlint.config import Config
from healthlint.engine import Linter

TODAY = dt.date(2026, 11, 26)


def run(
    text: str,
    rule: str,
    *,
    today: dt.date = TODAY,
    filename: str = "a.txt",
    packs: list[str] | None = None,
) -> list[tuple[int, str, str]]:
    config = Config(select=[rule], packs=packs or ["default"])
    findings = Linter(config, today=today).lint_text(text, filename=filename)
    return [(f.line, f.severity.value, f.message) for f in findings]


def article(*credit_lines: str) -> str:
    return (
        "Pink Eye\n\nOverview\n\nPink eye makes the eye red.\n\nCredits\n\n"
        + "\n".join(credit_lines)
        + "\n"
    )


@pytest.mark.parametrize(
    ("line", "today", "expected"),
    [
        ("Current as of: July 31, 2025", TODAY, []),
        ("Current as of: July 31, 2024", TODAY, ["warning"]),
        ("Last reviewed: 31 July 2023", TODAY, ["error"]),
        ("Page last reviewed: 2023-11-27", TODAY, ["warning"]),  # one day short of 3 years
        ("Page last reviewed: 2023-11-25", TODAY, ["error"]),
    ],
)
def test_stale_warns_after_two_years_and_errs_after_three(
    line: str, today: dt.date, expected: list[str]
) -> None:
    assert [severity for _, severity, _ in run(article(line), "HL302", today=today)] == expected


def test_stale_message_gives_the_date_as_written_and_the_age() -> None:
    ((line, _, message),) = run(article("Current as of: July 31, 2024"), "HL302")
    assert line == 9
    assert message.startswith('"Current as of: July 31, 2024" is 2 years and 3 months old')


def test_month_precision_counts_from_the_end_of_the_month() -> None:
    text = article("Last reviewed: November 2024")
    assert run(text, "HL302", today=dt.date(2026, 11, 30)) == []
    assert run(text, "HL302", today=dt.date(2026, 12, 1))


def test_newest_date_counts() -> None:
    text = article("Updated: March 3, 2020", "Last reviewed: March 3, 2026")
    assert run(text, "HL302") == []


def test_missing_date() -> None:
    ((line, severity, message),) = run(article("Author: Staff"), "HL301")
    assert (line, severity) == (1, "error")
    assert "No review date found" in message
    assert run(article("Last reviewed: May 1, 2026"), "HL301") == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Last reviewed: sometime in spring", '"sometime in spring", which is not a date'),
        ("Last reviewed:", "nothing"),
    ],
)
def test_unparseable_and_empty_labels(line: str, reason: str) -> None:
    ((number, _, message),) = run(article(line), "HL304")
    assert number == 9
    assert message.startswith(f'"Last reviewed" is followed by {reason}: write a full date')


def test_future_date() -> None:
    ((_, severity, message),) = run(article("Last reviewed: 2027-01-15"), "HL303")
    assert severity == "error"
    assert "2027-01-15" in message


def test_ambiguous_numeric_date() -> None:
    ((_, _, message),) = run(article("Last reviewed: 6/9/2026"), "HL305")
    assert "09 June 2026" in message and "06 September 2026" in message
    assert run(article("Last reviewed: 29/01/2026"), "HL305") == []


@pytest.mark.parametrize(
    ("reviewed", "due", "reason"),
    [
        ("2026-01-10", "2026-06-01", "it passed"),
        ("2026-01-10", "2025-12-01", "it comes before the last review"),
        ("2026-01-10", "2029-06-01", "it is more than 3 years after the last review"),
    ],
)
def test_next_review_problems(reviewed: str, due: str, reason: str) -> None:
    text = f"---\nreviewed: {reviewed}\nnext_review: {due}\n---\n# Pink Eye\n"
    ((line, _, message),) = run(text, "HL306", filename="a.md")
    assert line == 3
    assert reason in message


def test_next_review_exactly_three_calendar_years_later_is_fine_across_a_leap_day() -> None:
    text = "---\nreviewed: 2025-03-14\nnext_review: 2028-03-14\n---\n# Pink Eye\n"
    assert run(text, "HL306", filename="a.md", today=dt.date(2026, 1, 1)) == []


def test_numeric_dates_are_read_the_way_the_page_s_readers_write_them() -> None:
    # 05/09/2022: 9 May 2022 in the US, 5 September 2022 in the UK and in Spanish.
    us = "---\nregion: us\n---\n# Flu\n\nFlu is an infection.\n\nLast reviewed: 05/09/2022\n"
    uk = us.replace("region: us", "region: uk")
    spanish = (
        "---\nlanguage: es\n---\n# Gripe\n\nLa gripe es una infección.\n\n"
        "Última revisión: 05/09/2022\n"
    )
    today = dt.date(2024, 8, 1)
    ((_, _, message),) = run(us, "HL305", today=today, filename="flu.md")
    assert "read as 09 May 2022 (month-first)" in message
    for page in (uk, spanish):
        ((_, _, message),) = run(page, "HL305", today=today, filename="flu.md")
        assert "read as 05 September 2022 (day-first)" in message
    # On 1 July 2024 the US page (9 May 2022) is over two years old; the UK page (5 September
    # 2022) is not.
    july = dt.date(2024, 7, 1)
    assert [rule for rule in run(us, "HL302", today=july, filename="flu.md")] != []
    assert run(uk, "HL302", today=july, filename="flu.md") == []


def test_a_future_date_printed_twice_is_one_finding_that_says_what_the_page_lacks() -> None:
    text = article("Last reviewed: 2027-01-15") + "\nLast reviewed: 2027-01-15\n"
    ((_, _, message),) = run(text, "HL303")
    assert "no review date before today" in message
    assert "no readable review date" not in message
