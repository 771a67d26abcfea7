"""Readability statistics and formulas, equal to textstat's, computed in one pass.

``TextStatistics`` measures the text ``join_sentences(sentences)`` (the cleaned
sentences joined by single spaces) and reproduces textstat 0.7's counting rules
and formulas operation for operation, so each score is the float textstat's
(unrounded) function returns for that text, given the same pronunciation data:

* words: tokens left after removing punctuation except apostrophes in
  contractions (``don't``), split on whitespace; hyphenated words are one word;
* sentences: textstat's rule, not ``len(sentences)``: runs of text ending in
  ``.``/``!``/``?``, ignoring runs of two words or fewer (min. 1 for non-empty
  text).  For cleaned sentences this is the number of sentences with three or
  more words;
* syllables: :func:`healthlint.readability.syllables.syllable_count` per word;
  polysyllables have three or more;
* letters: word characters (``\\w``); characters: non-whitespace characters, over
  whitespace-separated tokens (ARI);
* difficult words (Gunning fog): 3+ syllables and not on textstat's list of easy
  words; unfamiliar words (Dale-Chall): not on that list; long words: more than
  six letters, apostrophes excluded.

textstat's easy-word list ships with healthlint (``data/easy_words_en.txt``, under textstat's
MIT licence), so textstat itself is needed only by the tests that compare against it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Final, NamedTuple

from ..lazy_regex import lazy
from .prose import Sentence, join_sentences
from .syllables import lowered_syllable_count, syllable_count

__all__ = [
    "FORMULAS",
    "MIN_WORDS",
    "SMOG_MIN_SENTENCES",
    "SentenceDifficulty",
    "TextStatistics",
    "easy_words",
    "hardest_sentences",
    "sentence_difficulty",
]

FORMULAS: Final = (
    "smog",
    "flesch-kincaid",
    "flesch-reading-ease",
    "gunning-fog",
    "coleman-liau",
    "dale-chall",
    "ari",
)

# SMOG was calibrated on 30-sentence samples; fewer sentences make it unreliable.
SMOG_MIN_SENTENCES: Final = 30
# Common guidance for Flesch-Kincaid and the other word-ratio formulas.
MIN_WORDS: Final = 100

# textstat's remove_punctuation(rm_apostrophe=False): apostrophes survive only
# before contraction endings, then all other non-word, non-space characters go.
_NON_CONTRACTION_APOSTROPHE = lazy(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = lazy(r"[^\w\s\']")
# Both removals in one pass: the apostrophe test looks at the original text either way.
_NOT_IN_WORDS = lazy(_NON_CONTRACTION_APOSTROPHE.pattern + "|" + _PUNCTUATION.pattern)
# textstat's count_sentences pattern.
_SENTENCE_RUN = lazy(r"\b[^.!?]+[.!?]*", re.UNICODE)

_EDGE_PUNCTUATION = lazy(r"^[^\w']+|[^\w']+$")

_GUNNING_FOG_SYLLABLES = 3
_POLYSYLLABLE = 3
_LONG_WORD_LETTERS = 6


@cache
def easy_words() -> frozenset[str]:
    """textstat's English easy-word list (Dale-Chall familiar words), shipped with healthlint
    as ``data/easy_words_en.txt`` under textstat's MIT licence (``data/TEXTSTAT-LICENSE``)."""
    path = os.path.join(os.path.dirname(__file__), "data", "easy_words_en.txt")
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh)


def _words(text: str) -> list[str]:
    return _NOT_IN_WORDS.sub("", text).split()


def _relowered_syllables(word: str) -> int:
    """textstat's syllable count for a lower-cased word on its difficult-word path.

    There textstat lower-cases first and strips punctuation afterwards, and
    lower-casing can create punctuation ("İ" -> "i" + U+0307), so the count can
    differ from the word's own for non-ASCII words.
    """
    return sum(lowered_syllable_count(part.lower()) for part in _words(word))


class Counts(NamedTuple):
    """Additive counts of one text: the counts of joined sentences are their sums."""

    sentence_runs: int  # textstat's runs of more than two words, before its minimum of 1
    words: int
    raw_words: int
    characters: int
    letters: int
    syllables: int
    polysyllables: int
    long_words: int
    difficult_words: int
    unfamiliar_words: int


_NO_COUNTS = Counts(*[0] * len(Counts._fields))

# What a whitespace-separated token adds to a text's counts depends on the token alone: textstat's
# punctuation removal never crosses whitespace (an apostrophe's lookahead needs letters), so each
# raw token becomes one of its words or none. An article repeats most of its tokens, so each
# token's counts are worked out once and packed into one integer, one field per count, and a
# text's counts are one C-level sum over its tokens.
_FIELD_BITS = 32
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_WORDS_SHIFT = 0
_CHARACTERS_SHIFT = 1 * _FIELD_BITS
_LETTERS_SHIFT = 2 * _FIELD_BITS
_SYLLABLES_SHIFT = 3 * _FIELD_BITS
_POLYSYLLABLES_SHIFT = 4 * _FIELD_BITS
_LONG_WORDS_SHIFT = 5 * _FIELD_BITS
_DIFFICULT_SHIFT = 6 * _FIELD_BITS
_UNFAMILIAR_SHIFT = 7 * _FIELD_BITS
# A field can only reach the next one in a text of this many characters or more: no count
# exceeds 255 (the table's largest syllable count, or a hyphenated word's) per character.
_PACKED_TEXT_LIMIT = 1 << 24
_TOKEN_FACTS: dict[str, int] = {}
_MAX_TOKEN_FACTS = 200_000
# What may follow a sentence's last terminator without starting one of textstat's runs: only a
# word character can start a run, and none of these is one.
_TRAILING_MARKS = ".!?\"'”’)]»"


def _word_facts(token: str) -> int:
    """The packed counts of one of textstat's words."""
    word = token.lower()
    count = syllable_count(word)
    difficult = unfamiliar = 0
    if word not in easy_words():
        unfamiliar = 1
        count_as_difficult = count if word.isascii() else _relowered_syllables(word)
        if count_as_difficult >= _GUNNING_FOG_SYLLABLES:
            difficult = 1
    return (
        1 << _WORDS_SHIFT
        | (len(token) - token.count("'")) << _LETTERS_SHIFT
        | count << _SYLLABLES_SHIFT
        | int(count >= _POLYSYLLABLE) << _POLYSYLLABLES_SHIFT
        | int(len(token) - token.count("'") > _LONG_WORD_LETTERS) << _LONG_WORDS_SHIFT
        | difficult << _DIFFICULT_SHIFT
        | unfamiliar << _UNFAMILIAR_SHIFT
    )


def _token_facts(raw: str) -> int:
    """The packed counts of a whitespace-separated token, remembered."""
    words = _words(raw)
    facts = len(raw) << _CHARACTERS_SHIFT
    if words:
        facts |= _word_facts(words[0])
    if len(_TOKEN_FACTS) >= _MAX_TOKEN_FACTS:
        _TOKEN_FACTS.clear()
    _TOKEN_FACTS[raw] = facts
    return facts


def _field(packed: int, shift: int) -> int:
    return packed >> shift & _FIELD_MASK


def clear_word_caches() -> None:
    """Forget every remembered word (for measurements that must start from nothing)."""
    _TOKEN_FACTS.clear()
    lowered_syllable_count.cache_clear()


def _sentence_runs(text: str, words: int) -> int:
    """textstat's sentence runs of more than two words in ``text``, which has ``words``
    words."""
    body = text.rstrip(_TRAILING_MARKS)
    if "." not in body and "!" not in body and "?" not in body:
        # A run starts at the first word character and stops only at a terminator, so with
        # none before the trailing marks there is one run holding every word, or none.
        return 1 if words > 2 else 0
    runs = _SENTENCE_RUN.findall(text)
    if len(runs) == 1:
        # A single run holds all of the text's words: what precedes it is punctuation only.
        return 0 if words <= 2 else 1
    return len(runs) - sum(1 for run in runs if len(_words(run)) <= 2)


def sentence_counts(text: str) -> Counts:
    """textstat's counts for one text (a cleaned sentence, or any text)."""
    raw_tokens = text.split()
    if len(text) >= _PACKED_TEXT_LIMIT:
        return _unpacked_counts(text, raw_tokens)
    facts = _TOKEN_FACTS
    try:
        packed = sum(map(facts.__getitem__, raw_tokens))
    except KeyError:
        # A full table is emptied before a new token goes in, so take each as it comes.
        packed = sum(facts.get(raw) or _token_facts(raw) for raw in raw_tokens)
    words = packed & _FIELD_MASK
    return Counts(
        _sentence_runs(text, words),
        words,
        len(raw_tokens),
        packed >> _CHARACTERS_SHIFT & _FIELD_MASK,
        packed >> _LETTERS_SHIFT & _FIELD_MASK,
        packed >> _SYLLABLES_SHIFT & _FIELD_MASK,
        packed >> _POLYSYLLABLES_SHIFT & _FIELD_MASK,
        packed >> _LONG_WORDS_SHIFT & _FIELD_MASK,
        packed >> _DIFFICULT_SHIFT & _FIELD_MASK,
        packed >> _UNFAMILIAR_SHIFT,
    )


def _unpacked_counts(text: str, raw_tokens: list[str]) -> Counts:
    """The counts of a text too long for packed fields, token by token."""
    totals = [0] * 8
    for raw in raw_tokens:
        packed = _TOKEN_FACTS.get(raw) or _token_facts(raw)
        for index in range(8):
            totals[index] += packed >> (index * _FIELD_BITS) & _FIELD_MASK
    words, characters, letters, syllables, polysyllables, long_words, difficult, unfamiliar = totals
    return Counts(
        _sentence_runs(text, words),
        words,
        len(raw_tokens),
        characters,
        letters,
        syllables,
        polysyllables,
        long_words,
        difficult,
        unfamiliar,
    )


def _per(numerator: int, denominator: int) -> float:
    try:
        return numerator / denominator
    except ZeroDivisionError:
        return 0.0


def _flesch_kincaid(words_per_sentence: float, syllables_per_word: float) -> float:
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59


class TextStatistics:
    """Counts for one text, computed once; every formula is derived from them.

    Build it from the sentences returned by
    :func:`healthlint.readability.prose.split_sentences` (concatenated over the
    article); scores equal textstat's on ``join_sentences(sentences)``.
    """

    __slots__ = (
        "character_count",
        "difficult_word_count",
        "letter_count",
        "long_word_count",
        "polysyllable_count",
        "raw_word_count",
        "sentence_count",
        "sentences",
        "syllable_count",
        "text",
        "unfamiliar_word_count",
        "word_count",
    )

    text: str
    sentences: tuple[Sentence, ...]
    sentence_count: int
    word_count: int
    raw_word_count: int
    syllable_count: int
    polysyllable_count: int
    letter_count: int
    character_count: int
    long_word_count: int
    difficult_word_count: int
    unfamiliar_word_count: int

    def __init__(
        self, sentences: Iterable[Sentence] = (), *, counts: Sequence[Counts] | None = None
    ) -> None:
        """Statistics of the sentences; ``counts`` (one per sentence, from
        :func:`sentence_counts`) lets a caller that measured them already reuse the work."""
        self.sentences = tuple(sentences)
        self.text = join_sentences(self.sentences)
        # Every count is a sum over words or over sentence runs, and each cleaned sentence is
        # exactly one of textstat's runs, so the counts of the joined text are the sums of the
        # sentences' counts.
        if counts is None:
            counts = [sentence_counts(sentence.text) for sentence in self.sentences]
        totals = Counts(*map(sum, zip(*counts, strict=True))) if counts else _NO_COUNTS
        self._set(totals, bool(self.text))

    @classmethod
    def from_text(cls, text: str) -> TextStatistics:
        """Statistics of ``text`` taken as is (no sentence splitting or cleaning)."""
        stats = cls.__new__(cls)
        stats.sentences = ()
        stats._measure(text)
        return stats

    def _measure(self, text: str) -> None:
        self.text = text
        self._set(sentence_counts(text), bool(text))

    def _set(self, counts: Counts, has_text: bool) -> None:
        # textstat's sentence count is at least 1 for any non-empty text.
        self.sentence_count = max(1, counts.sentence_runs) if has_text else 0
        self.word_count = counts.words
        self.raw_word_count = counts.raw_words
        self.character_count = counts.characters
        self.letter_count = counts.letters
        self.syllable_count = counts.syllables
        self.polysyllable_count = counts.polysyllables
        self.long_word_count = counts.long_words
        self.difficult_word_count = counts.difficult_words
        self.unfamiliar_word_count = counts.unfamiliar_words

    def __repr__(self) -> str:
        return (
            f"TextStatistics(sentences={self.sentence_count}, words={self.word_count}, "
            f"syllables={self.syllable_count}, polysyllables={self.polysyllable_count})"
        )

    @property
    def words_per_sentence(self) -> float:
        return _per(self.word_count, self.sentence_count)

    @property
    def syllables_per_word(self) -> float:
        return _per(self.syllable_count, self.word_count)

    def smog(self) -> float:
        """SMOG grade; textstat applies no 30-sentence minimum (see SMOG_MIN_SENTENCES)."""
        try:
            per_sentence = self.polysyllable_count / self.sentence_count
        except ZeroDivisionError:
            return 0.0
        # ``** 0.5`` as textstat writes it (not math.sqrt) keeps results bit-identical.
        root: float = (30 * per_sentence) ** 0.5
        return (1.043 * root) + 3.1291

    def flesch_kincaid_grade(self) -> float:
        return _flesch_kincaid(self.words_per_sentence, self.syllables_per_word)

    def flesch_reading_ease(self) -> float:
        words_per_sentence = self.words_per_sentence
        syllables_per_word = self.syllables_per_word
        if words_per_sentence == 0 or syllables_per_word == 0:
            return 0.0
        return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word

    def gunning_fog(self) -> float:
        try:
            percent_difficult = 100 * self.difficult_word_count / self.word_count
        except ZeroDivisionError:
            return 0.0
        return 0.4 * (self.words_per_sentence + percent_difficult)

    def coleman_liau(self) -> float:
        letters = _per(self.letter_count, self.word_count) * 100
        sentences = _per(self.sentence_count, self.word_count) * 100
        if letters == 0 or sentences == 0:
            return 0.0
        return (0.058 * letters) - (0.296 * sentences) - 15.8

    def dale_chall(self) -> float:
        try:
            percent_unfamiliar = 100 * self.unfamiliar_word_count / self.word_count
        except ZeroDivisionError:
            return 0.0
        score = (0.1579 * percent_unfamiliar) + (0.0496 * self.words_per_sentence)
        if percent_unfamiliar > 5:
            score += 3.6365
        return score

    def ari(self) -> float:
        characters_per_word = _per(self.character_count, self.raw_word_count)
        words_per_sentence = self.words_per_sentence
        if characters_per_word == 0 or words_per_sentence == 0:
            return 0.0
        return (4.71 * characters_per_word) + (0.5 * words_per_sentence) - 21.43

    def score(self, formula: str) -> float:
        """The score of one of :data:`FORMULAS`, e.g. ``score("smog")``."""
        method = _FORMULA_METHODS.get(formula)
        if method is None:
            raise ValueError(
                f"unknown readability formula {formula!r}; expected one of {', '.join(FORMULAS)}"
            )
        return method(self)

    def hardest_sentences(self, limit: int = 3) -> list[SentenceDifficulty]:
        """The ``limit`` sentences with the highest Flesch-Kincaid grade."""
        return hardest_sentences(self.sentences, limit)


_FORMULA_METHODS: Final[dict[str, Callable[[TextStatistics], float]]] = {
    "smog": TextStatistics.smog,
    "flesch-kincaid": TextStatistics.flesch_kincaid_grade,
    "flesch-reading-ease": TextStatistics.flesch_reading_ease,
    "gunning-fog": TextStatistics.gunning_fog,
    "coleman-liau": TextStatistics.coleman_liau,
    "dale-chall": TextStatistics.dale_chall,
    "ari": TextStatistics.ari,
}


class SentenceDifficulty(NamedTuple):
    """Why one sentence is hard to read.

    ``grade`` is the Flesch-Kincaid grade of the sentence alone (textstat's value
    for ``sentence.text``).  ``polysyllables`` lists its distinct words of three or
    more syllables and ``long_words`` those of more than six letters, as written.
    """

    sentence: Sentence
    words: int
    syllables: int
    grade: float

    @property
    def polysyllables(self) -> tuple[str, ...]:
        return self._listed()[0]

    @property
    def long_words(self) -> tuple[str, ...]:
        return self._listed()[1]

    def _listed(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        # Only the sentences a rule reports need their words listed, so this runs on demand.
        polysyllables: dict[str, None] = {}
        long_words: dict[str, None] = {}
        # Raw tokens map one-to-one onto textstat's words (or vanish when they are all
        # punctuation), which lets the lists show words as written: "long-term".
        for raw in self.sentence.text.split():
            facts = _TOKEN_FACTS.get(raw) or _token_facts(raw)
            if not facts & _FIELD_MASK:
                continue  # all punctuation: no word
            shown = raw if raw.isalpha() else _EDGE_PUNCTUATION.sub("", raw)
            if _field(facts, _POLYSYLLABLES_SHIFT):
                polysyllables[shown] = None
            if _field(facts, _LONG_WORDS_SHIFT):
                long_words[shown] = None
        return tuple(polysyllables), tuple(long_words)

    def reasons(self, *, long_sentence_words: int = 25, max_listed: int = 5) -> list[str]:
        """Short explanations, e.g. ``["34 words", "long words: a, b (+2 more)"]``.

        "Long words" are the words of three or more syllables, the ones that raise
        SMOG and Flesch-Kincaid.
        """
        reasons: list[str] = []
        if self.words >= long_sentence_words:
            reasons.append(f"{self.words} words")
        polysyllables = self.polysyllables
        if polysyllables:
            listed = ", ".join(polysyllables[:max_listed])
            more = len(polysyllables) - max_listed
            reasons.append(f"long words: {listed}" + (f" (+{more} more)" if more > 0 else ""))
        return reasons


def sentence_difficulty(sentence: Sentence, counts: Counts | None = None) -> SentenceDifficulty:
    """Word and syllable counts and the grade of one sentence."""
    if counts is None:
        counts = sentence_counts(sentence.text)
    words, syllables = counts.words, counts.syllables
    sentences = max(1, counts.sentence_runs) if sentence.text else 0
    # _flesch_kincaid(_per(words, sentences), _per(syllables, words)) written out, the same
    # operations in the same order (one sentence's grade is asked for every sentence).
    if sentences and words and syllables:
        grade = (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
    else:
        grade = 0.0
    return SentenceDifficulty(sentence, words, syllables, grade)


def hardest_sentences(sentences: Sequence[Sentence], limit: int = 3) -> list[SentenceDifficulty]:
    """The ``limit`` hardest sentences by Flesch-Kincaid grade, hardest first.

    Ties keep document order, so reports are stable.
    """
    ranked = sorted(
        (sentence_difficulty(s) for s in sentences), key=lambda d: d.grade, reverse=True
    )
    return ranked[:limit]
