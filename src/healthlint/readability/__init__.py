"""Reading-level measurement for healthlint, offline and equal to textstat.

* :func:`split_sentences` turns a paragraph or list item into cleaned
  :class:`Sentence` objects (with source line/column);
* :class:`TextStatistics` computes the counts once for a list of sentences and
  scores SMOG, Flesch-Kincaid, Flesch reading ease, Gunning fog, Coleman-Liau,
  Dale-Chall and ARI exactly as textstat does on ``join_sentences(sentences)``;
* :func:`sentence_difficulty` / :func:`hardest_sentences` explain which sentences
  are hard and why;
* :func:`syllable_count` counts syllables from a packaged CMU dictionary table.

Names are imported lazily so that importing one submodule (for example
``syllables`` on the CLI's start-up path) does not load the others.
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing costs start-up time (mypy honours this).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .prose import Sentence, join_sentences, split_sentences
    from .stats import (
        FORMULAS,
        MIN_WORDS,
        SMOG_MIN_SENTENCES,
        SentenceDifficulty,
        TextStatistics,
        hardest_sentences,
        sentence_difficulty,
    )
    from .syllables import syllable_count

_EXPORTS = {
    "Sentence": "prose",
    "join_sentences": "prose",
    "split_sentences": "prose",
    "FORMULAS": "stats",
    "MIN_WORDS": "stats",
    "SMOG_MIN_SENTENCES": "stats",
    "SentenceDifficulty": "stats",
    "TextStatistics": "stats",
    "hardest_sentences": "stats",
    "sentence_difficulty": "stats",
    "syllable_count": "syllables",
}

__all__ = [
    "FORMULAS",
    "MIN_WORDS",
    "SMOG_MIN_SENTENCES",
    "Sentence",
    "SentenceDifficulty",
    "TextStatistics",
    "hardest_sentences",
    "join_sentences",
    "sentence_difficulty",
    "split_sentences",
    "syllable_count",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
