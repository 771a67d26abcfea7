"""The Spanish syllabifier against a hand-labelled list of Spanish words."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.readability.syllables_es import spanish_syllable_count

DATA = Path(__file__).parent / "data" / "es_syllables.tsv"


def _labelled() -> list[tuple[str, int]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t")
            rows.append((word, int(count)))
    return rows


def test_list_is_large_enough() -> None:
    assert len(_labelled()) >= 500


def test_agreement_at_least_99_percent() -> None:
    rows = _labelled()
    wrong = [(w, c, spanish_syllable_count(w)) for w, c in rows if spanish_syllable_count(w) != c]
    assert 1 - len(wrong) / len(rows) >= 0.99, wrong


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("día", 2),
        ("baúl", 2),
        ("ciudad", 2),
        ("buey", 1),
        ("queso", 2),
        ("pingüino", 3),
        ("búho", 2),
        ("hoy", 1),
        ("mayo", 2),
        ("leer", 2),
        ("chiita", 3),
        ("y", 1),
    ],
)
def test_rules(word: str, count: int) -> None:
    assert spanish_syllable_count(word) == count
