"""textstat's counts of one text as healthlint computed them before packing each token's
counts into one integer, kept as the reference the fast path must equal
(``test_fast_paths.py``). Do not speed it up."""

from __future__ import annotations

import re

from healthlint.readability.stats import Counts, easy_words
from healthlint.readability.syllables import lowered_syllable_count, syllable_count

_NOT_IN_WORDS = re.compile(r"\'(?![tsd]|ve|ll|re)|[^\w\s\']")
_SENTENCE_RUN = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_EDGE_PUNCTUATION = re.compile(r"^[^\w']+|[^\w']+$")


def words(text: str) -> list[str]:
    return _NOT_IN_WORDS.sub("", text).split()


def _relowered_syllables(word: str) -> int:
    return sum(lowered_syllable_count(part.lower()) for part in words(word))


def token_facts(token: str) -> tuple[int, int, int, int, int]:
    """(syllables, polysyllable, long word, difficult word, unfamiliar word) of one word."""
    word = token.lower()
    count = syllable_count(word)
    difficult = unfamiliar = 0
    if word not in easy_words():
        unfamiliar = 1
        count_as_difficult = count if word.isascii() else _relowered_syllables(word)
        if count_as_difficult >= 3:
            difficult = 1
    return (
        count,
        int(count >= 3),
        int(len(token) - token.count("'") > 6),
        difficult,
        unfamiliar,
    )


def sentence_counts(text: str) -> Counts:
    runs = _SENTENCE_RUN.findall(text) if text else []
    raw_tokens = text.split()
    tokens = words(text)
    if len(runs) == 1:
        sentence_runs = 0 if len(tokens) <= 2 else 1
    else:
        sentence_runs = len(runs) - sum(1 for run in runs if len(words(run)) <= 2)
    joined = "".join(tokens)
    syllables = polysyllables = long_words = difficult = unfamiliar = 0
    for token in tokens:
        known = token_facts(token)
        syllables += known[0]
        polysyllables += known[1]
        long_words += known[2]
        difficult += known[3]
        unfamiliar += known[4]
    return Counts(
        sentence_runs=sentence_runs,
        words=len(tokens),
        raw_words=len(raw_tokens),
        characters=sum(map(len, raw_tokens)),
        letters=len(joined) - joined.count("'"),
        syllables=syllables,
        polysyllables=polysyllables,
        long_words=long_words,
        difficult_words=difficult,
        unfamiliar_words=unfamiliar,
    )


def listed_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A sentence's distinct words of three or more syllables and of more than six letters,
    as written."""
    polysyllables: dict[str, None] = {}
    long_words: dict[str, None] = {}
    for raw in text.split():
        if raw.isalpha():
            token = shown = raw
        else:
            cleaned = words(raw)
            if not cleaned:
                continue
            token = cleaned[0]
            shown = _EDGE_PUNCTUATION.sub("", raw)
        facts = token_facts(token)
        if facts[1]:
            polysyllables[shown] = None
        if facts[2]:
            long_words[shown] = None
    return tuple(polysyllables), tuple(long_words)
