"""English syllable counts, equal to textstat's, without any run-time download.

textstat counts a word's syllables as the number of stressed-vowel phones in the
word's first CMU Pronouncing Dictionary pronunciation and falls back to Pyphen
hyphenation points + 1 for words the dictionary lacks.  textstat fetches the
dictionary through ``nltk.download`` at run time; healthlint instead ships a table
derived from the dictionary data (``data/syllables.txt``, built by
``scripts/build_syllable_table.py``) and reproduces the same per-word rule here.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache

from .hyphenation import hyphenation_points

__all__ = [
    "PYPHEN_LANGUAGE",
    "TABLE_PATH",
    "fallback_syllables",
    "syllable_count",
    "syllable_table",
]

# textstat's default language is "en_US" and it builds Pyphen(lang=<that>); the
# fallback must hyphenate with the same patterns to give the same counts.
PYPHEN_LANGUAGE = "en_US"

# os.path rather than importlib.resources/pathlib: neither is imported by a bare
# interpreter and this module sits on the CLI's cold-start path.
TABLE_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "syllables.txt")


@cache
def syllable_table() -> dict[str, int]:
    """Load ``word -> syllables`` (first pronunciation) from the packaged table, once."""
    table: dict[str, int] = {}
    with open(TABLE_PATH, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            count_text, _, words = line.partition("\t")
            count = int(count_text)
            # A plain loop beats dict.update(dict.fromkeys(...)): no temporary dicts.
            for word in words.split():
                table[word] = count
    return table


@lru_cache(maxsize=65536)
def fallback_syllables(word: str) -> int:
    """textstat's estimate for a lower-case word missing from the dictionary."""
    if not any(char.isalpha() for char in word):
        # Hyphenation patterns are made of letters: a number never has a hyphenation point,
        # and skipping Pyphen here spares loading its dictionary for "911" or "2.5 mg".
        return 1
    return hyphenation_points(word) + 1


def syllable_count(word: str) -> int:
    """Syllables in one word token, exactly as textstat counts them.

    ``word`` must be a single token as textstat tokenises text (punctuation other
    than contraction apostrophes already removed); it is lower-cased here.  Digits
    are not in the dictionary and have no hyphenation points, so a number such as
    ``911`` counts as one syllable.
    """
    lowered = word.lower()
    count = syllable_table().get(lowered)
    return fallback_syllables(lowered) if count is None else count
