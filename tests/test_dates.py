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


# Spanish dates.
import datetime as _dt  # noqa: E402

from healthlint.dates import date_order_for as _date_order_for  # noqa: E402
from healthlint.dates import parse_date as _parse_date  # noqa: E402


def test_spanish_day_month_year() -> None:
    parsed = _parse_date("Última revisión: 4 de diciembre de 2026")
    assert parsed is not None and parsed.value == _dt.date(2026, 12, 4)
    assert parsed.precision == "day"
    parsed = _parse_date("3 de mayo del 2025")
    assert parsed is not None and parsed.value == _dt.date(2025, 5, 3)


def test_spanish_month_year() -> None:
    parsed = _parse_date("diciembre de 2026")
    assert parsed is not None and parsed.value == _dt.date(2026, 12, 1)
    assert parsed.precision == "month"


def test_spanish_numeric_dates_are_day_first() -> None:
    assert _date_order_for("es-MX") == "day-first"
    assert _date_order_for("en") == "month-first"
    parsed = _parse_date("4/12/2026", _date_order_for("es"))
    assert parsed is not None and parsed.value == _dt.date(2026, 12, 4)


def test_english_word_ending_in_a_spanish_short_form_is_no_month() -> None:
    parsed = _parse_date("Chicago 2020")
    assert parsed is not None and parsed.precision == "year"
