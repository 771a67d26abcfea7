"""Spanish readability: Fernández Huerta, Szigriszt-Pazos (INFLESZ), Gutiérrez de Polini, Crawford.

Counts follow textstat 0.7's rules on the same cleaned sentences as the English formulas
(words: tokens left after removing punctuation; sentences: textstat's runs of three or more
words, at least 1), so each score equals textstat's function with its language set to ``es``
given the same syllable counts.  Syllables come from
:func:`healthlint.readability.syllables_es.spanish_syllable_count`, never from Pyphen.

Formulas, as textstat writes them (and legible.es documents them):

* Fernández Huerta (1959): ``206.84 - 60 * syllables/word - 1.02 * words/sentence``;
* Szigriszt-Pazos (1993): ``206.84 - 62.3 * syllables/word - words/sentence`` (published with
  206.835; textstat with language ``es`` takes its Spanish base, 206.84, and healthlint follows
  it so that the two agree);
* Gutiérrez de Polini (1972): ``95.2 - 9.7 * letters/word - 0.35 * words/sentence``;
* Crawford (1989), in school years: ``-0.205 * sentences/100 words + 0.049 * syllables/100
  words - 3.407``.

The INFLESZ scale reads a Szigriszt-Pazos score (Barrio-Cantalejo IM, Simón-Lorda P, Melguizo
M et al., "Validación de la Escala INFLESZ para evaluar la legibilidad de los textos dirigidos
a pacientes", *Anales del Sistema Sanitario de Navarra* 2008;31(2):135-152): below 40 "muy
difícil", 40-55 "algo difícil", 55-65 "normal", 65-80 "bastante fácil", above 80 "muy fácil";
patient information should score 55 or more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ..lazy_regex import lazy
from .prose import Sentence
from .stats import sentence_counts
from .syllables_es import spanish_syllable_count

__all__ = ["INFLESZ_BANDS", "SPANISH_FORMULAS", "SpanishStatistics", "inflesz_band"]

SPANISH_FORMULAS: Final = ("fernandez-huerta", "szigriszt-pazos", "gutierrez-polini", "crawford")

# (lower bound, band), highest first.
INFLESZ_BANDS: Final = (
    (80.0, "muy fácil"),
    (65.0, "bastante fácil"),
    (55.0, "normal"),
    (40.0, "algo difícil"),
    (float("-inf"), "muy difícil"),
)

_SZIGRISZT_BASE: Final = 206.84
_NOT_IN_WORDS = lazy(r"\'(?![tsd]|ve|ll|re)|[^\w\s\']")


def inflesz_band(score: float) -> str:
    """The INFLESZ band of a Szigriszt-Pazos score ("normal", "bastante fácil", ...)."""
    for bound, band in INFLESZ_BANDS:
        if score >= bound:
            return band
    return INFLESZ_BANDS[-1][1]


class SpanishStatistics:
    """Sentence, word, syllable and letter counts of Spanish prose, and the Spanish formulas."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        runs = words = syllables = letters = 0
        for sentence in sentences:
            counts = sentence_counts(sentence.text)
            runs += counts.sentence_runs
            tokens = _NOT_IN_WORDS.sub("", sentence.text).split()
            words += len(tokens)
            for token in tokens:
                syllables += spanish_syllable_count(token)
                letters += len(token) - token.count("'")
        self.sentence_count = max(1, runs) if words else 0
        self.word_count = words
        self.syllable_count = syllables
        self.letter_count = letters

    def _ratios(self) -> tuple[float, float]:
        if not self.word_count or not self.sentence_count:
            return 0.0, 0.0
        return self.word_count / self.sentence_count, self.syllable_count / self.word_count

    def fernandez_huerta(self) -> float:
        per_sentence, per_word = self._ratios()
        if per_sentence == 0 or per_word == 0:
            return 0.0
        return 206.84 - (60 * per_word) - (1.02 * per_sentence)

    def szigriszt_pazos(self) -> float:
        if not self.word_count or not self.sentence_count:
            return 0.0
        return (
            _SZIGRISZT_BASE
            - 62.3 * (self.syllable_count / self.word_count)
            - (self.word_count / self.sentence_count)
        )

    def gutierrez_polini(self) -> float:
        if not self.word_count or not self.sentence_count:
            return 0.0
        per_word = self.letter_count / self.word_count
        per_sentence = self.word_count / self.sentence_count
        return 95.2 - 9.7 * per_word - 0.35 * per_sentence

    def crawford(self) -> float:
        if not self.word_count:
            return 0.0
        sentences = 100 * self.sentence_count / self.word_count
        syllables = 100 * self.syllable_count / self.word_count
        if sentences == 0 or syllables == 0:
            return 0.0
        return -0.205 * sentences + 0.049 * syllables - 3.407

    def score(self, formula: str) -> float:
        method = {
            "fernandez-huerta": self.fernandez_huerta,
            "szigriszt-pazos": self.szigriszt_pazos,
            "gutierrez-polini": self.gutierrez_polini,
            "crawford": self.crawford,
        }.get(formula)
        if method is None:
            raise ValueError(f"unknown Spanish readability formula {formula!r}")
        return method()
