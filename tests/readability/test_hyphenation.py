"""healthlint's hyphenation points equal Pyphen's, which textstat uses for unknown words."""

from __future__ import annotations

import random

import pyphen
from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.readability.hyphenation import dictionary_path, hyphenation_points, parse_patterns
from healthlint.readability.syllables import syllable_table

PYPHEN = pyphen.Pyphen(lang="en_US")


def test_equal_to_pyphen_on_every_dictionary_word() -> None:
    different = [w for w in syllable_table() if hyphenation_points(w) != len(PYPHEN.positions(w))]
    assert different == []


def test_equal_to_pyphen_on_made_up_words() -> None:
    rng = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyzéïç'"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 24))) for _ in range(5000)]
    words += ["PPIs", "COVID", "Ozempic", "naïve", "x", "ab", "abc"]
    assert [hyphenation_points(w) for w in words] == [len(PYPHEN.positions(w)) for w in words]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Ll", "Lu"]), min_size=1, max_size=30))
def test_equal_to_pyphen_on_any_letters(word: str) -> None:
    assert hyphenation_points(word) == len(PYPHEN.positions(word))


def test_patterns_are_read_from_pyphens_own_file() -> None:
    patterns = parse_patterns(dictionary_path())
    assert len(patterns) > 4000
    assert all(values.strip("0") for values in patterns.values())
