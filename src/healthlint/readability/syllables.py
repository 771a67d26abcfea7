"""English syllable counts, equal to textstat's, without any run-time download.

textstat counts a word's syllables as the number of stressed-vowel phones in the
word's first CMU Pronouncing Dictionary pronunciation and falls back to Pyphen
hyphenation points + 1 for words the dictionary lacks.  textstat fetches the
dictionary through ``nltk.download`` at run time; healthlint instead ships a table
derived from the dictionary data (``data/syllables.txt``, built by
``scripts/build_syllable_table.py``) and reproduces the same per-word rule here.

Building the whole ``word -> syllables`` dict (126,052 words) takes about 25 ms,
paid by every fresh process, while an article needs a few hundred words.  So the
table is also kept, in healthlint's artifact cache, in a compact form that loads
in about a millisecond::

    (chunk_size, chunks, counts)

* ``chunks``: every word of the table, sorted (code-point order), cut into runs
  of ``chunk_size`` words (the last run may be shorter); each run is one string
  with a space before every word and after the last one (``" ache aches ached "``);
  table words contain no space and no character below it;
* ``counts``: one byte per word, the syllable counts in the same sorted order, so
  the counts of chunk ``i`` are ``counts[i * chunk_size:(i + 1) * chunk_size]``.

Loading that is little more than a memory copy: a few thousand string objects
instead of 126,052 words, integers and hash-table inserts.  A lookup memoises into
one shared ``word -> syllables`` dict, so every word after its first lookup costs a
dict lookup.  The first lookup finds the word's chunk by binary search and the
word in the chunk with ``str.find``; a word the chunk lacks (a number, a typo, a
rare drug name) instead splits the whole chunk into the dict and marks it, so
later misses in that chunk cost the binary search and a flag, never a new scan.
:func:`syllable_table` splits every chunk.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from functools import cache, lru_cache

from .hyphenation import LANGUAGE, hyphenation_points

__all__ = [
    "PYPHEN_LANGUAGE",
    "TABLE_PATH",
    "dictionary_syllables",
    "fallback_syllables",
    "known_syllables",
    "lowered_syllable_count",
    "syllable_count",
    "syllable_table",
]

PYPHEN_LANGUAGE = LANGUAGE

# os.path rather than importlib.resources/pathlib: neither is imported by a bare
# interpreter and this module sits on the CLI's cold-start path.
TABLE_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "syllables.txt")

# The artifact-cache key covers the source file and healthlint's version, not this
# module: bump the number whenever the compact form's layout changes.
_ARTIFACT_NAME = "syllables-chunks-1"
# Measured in fresh processes on ~400 distinct words of typical articles: smaller
# chunks load more string objects, larger ones make first lookups and misses scan
# or split more words; 24 to 48 words per chunk cost the same within 0.1 ms.
CHUNK_SIZE = 32
# Follows the word in the binary-search key.  " word" alone sorts before its own
# chunk " word next ... " (a prefix sorts first); " word " + U+10FFFF sorts after
# it, since no table word holds U+10FFFF, yet before the next chunk, whose first
# word is greater than "word" at a character above the space.
_AFTER_CHUNK_START = " " + chr(0x10FFFF)

Compact = tuple[int, list[str], bytes]

# Every word looked up so far and every word of a split chunk: the only structure a
# warm process consults for a known word.  syllable_table() completes it.
_known: dict[str, int] = {}


def _read_table() -> dict[str, int]:
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


def build_compact(table: dict[str, int], chunk_size: int = CHUNK_SIZE) -> Compact:
    """The compact form (see the module docstring) of ``table``."""
    words = sorted(table)
    joined = "".join(words)
    # The chunk search and the splitting rely on this; a table that breaks it must
    # fail here, not answer "not in the dictionary" for some of its words.
    if "" in table or " " in joined or not joined.isprintable():
        raise ValueError("syllable table words must be non-empty, printable and space-free")
    chunks = [
        f" {' '.join(words[start : start + chunk_size])} "
        for start in range(0, len(words), chunk_size)
    ]
    return chunk_size, chunks, bytes(map(table.__getitem__, words))


def _valid(value: object) -> bool:
    # A cheap shape check, so that a damaged or foreign entry is rebuilt, not trusted.
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    chunk_size, chunks, counts = value
    return (
        isinstance(chunk_size, int)
        and chunk_size > 0
        and isinstance(chunks, list)
        and isinstance(counts, bytes)
        and 0 < len(counts) <= len(chunks) * chunk_size < len(counts) + chunk_size
        and isinstance(chunks[0], str)
        and chunks[0].startswith(" ")
        and chunks[0].endswith(" ")
    )


@cache
def _compact() -> tuple[int, list[str], bytes, bytearray]:
    """The compact table plus one "split into ``_known``" flag per chunk, loaded once."""
    from ..artifacts import cached_data

    value = cached_data(_ARTIFACT_NAME, [TABLE_PATH], lambda: build_compact(_read_table()))
    if not _valid(value):
        value = build_compact(_read_table())
    chunk_size, chunks, counts = value
    return chunk_size, chunks, counts, bytearray(len(chunks))


def _split(index: int) -> None:
    chunk_size, chunks, counts, split = _compact()
    start = index * chunk_size
    _known.update(zip(chunks[index].split(), counts[start : start + chunk_size], strict=True))
    split[index] = 1


def _first_lookup(word: str) -> int | None:
    """``word``'s count from the compact table, remembered in ``_known``; ``None`` if absent."""
    if " " in word:
        # The search below would match it across two neighbouring table words.
        return None
    chunk_size, chunks, counts, split = _compact()
    index = bisect_right(chunks, f" {word}{_AFTER_CHUNK_START}") - 1
    if index < 0 or split[index]:
        # A split chunk's words are all in _known already.
        return None
    chunk = chunks[index]
    found = chunk.find(f" {word} ")
    if found < 0:
        _split(index)
        return None
    # Each word in the chunk is preceded by exactly one space.
    count = counts[index * chunk_size + chunk.count(" ", 0, found)]
    _known[word] = count
    return count


def dictionary_syllables(word: str) -> int | None:
    """The table's count for a lower-cased word, or ``None`` if the dictionary lacks it.

    Equal to ``syllable_table().get(word)`` without building the whole table.
    """
    count = _known.get(word)
    return _first_lookup(word) if count is None else count


def known_syllables() -> dict[str, int]:
    """The table's words found so far, for hot loops: ``.get`` on it is a C call.

    A word missing from it may still be in the table: ask :func:`dictionary_syllables`.
    Do not modify it.
    """
    return _known


@cache
def syllable_table() -> dict[str, int]:
    """The whole ``word -> syllables`` table (first pronunciation), built once.

    The returned dict is the one :func:`dictionary_syllables` reads; do not modify it.
    """
    split = _compact()[3]
    for index, done in enumerate(split):
        if not done:
            _split(index)
    return _known


@lru_cache(maxsize=65536)
def fallback_syllables(word: str) -> int:
    """textstat's estimate for a lower-case word missing from the dictionary."""
    if not any(char.isalpha() for char in word):
        # Hyphenation patterns are made of letters: a number never has a hyphenation point,
        # and skipping Pyphen here spares loading its dictionary for "911" or "2.5 mg".
        return 1
    return hyphenation_points(word) + 1


@lru_cache(maxsize=65536)
def lowered_syllable_count(word: str) -> int:
    """:func:`syllable_count` of a word that is already lower-case, remembered.

    Hot loops call it for words :func:`known_syllables` lacks, mostly numbers and
    words the dictionary lacks, which then cost one C-level cache hit each time
    instead of a binary search and two calls.
    """
    count = dictionary_syllables(word)
    return fallback_syllables(word) if count is None else count


def syllable_count(word: str) -> int:
    """Syllables in one word token, exactly as textstat counts them.

    ``word`` must be a single token as textstat tokenises text (punctuation other
    than contraction apostrophes already removed); it is lower-cased here.  Digits
    are not in the dictionary and have no hyphenation points, so a number such as
    ``911`` counts as one syllable.
    """
    lowered = word.lower()
    count = _known.get(lowered)
    return lowered_syllable_count(lowered) if count is None else count
