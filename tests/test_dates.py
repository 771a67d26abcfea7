import datetime as dt

import pytest

from healthlint.dates import describe_age, latest_day, parse_date


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("July 31, 2024", dt.date(2024, 7, 31), "day"),
        ("Jul. 31st 2024", dt.date(2024, 7, 31), "day"),
        ("31 July 2024", dt.date(2024, 7, 31), "day"),
        ("2024-07-31", dt.date(2024, 7, 31), "day"),
        ("October 2011", dt.date(2011, 10, 1), "month"),
        ("29/01/2015", dt.date(2015, 1, 29), "day"),
        ("Sept 3, 2020", dt.date(2020, 9, 3), "day"),
    ],
)
def test_common_date_forms(text: str, expected: dt.date, precision: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == expected
    assert parsed.precision == precision


def test_numeric_date_follows_policy_and_flags_ambiguity() -> None:
    us = parse_date("6/9/2011", "month-first")
    uk = parse_date("6/9/2011", "day-first")
    assert us is not None and uk is not None
    assert us.value == dt.date(2011, 6, 9)
    assert uk.value == dt.date(2011, 9, 6)
    assert us.ambiguous and uk.ambiguous


def test_numeric_date_with_one_reading_is_not_ambiguous() -> None:
    parsed = parse_date("29/01/2015", "month-first")
    assert parsed is not None
    assert parsed.value == dt.date(2015, 1, 29)
    assert not parsed.ambiguous


def test_not_a_date() -> None:
    assert parse_date("sometime in spring") is None
    assert parse_date("February 30, 2024") is None


def test_month_precision_counts_from_the_end_of_the_month() -> None:
    assert latest_day(dt.date(2011, 10, 1), "month") == dt.date(2011, 10, 31)


def test_age_in_words() -> None:
    assert describe_age(365 * 2 + 95) == "2 years and 3 months"
    assert describe_age(1) == "1 day"
