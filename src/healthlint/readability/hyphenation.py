"""Hyphenation points, as Pyphen finds them, without Pyphen's start-up cost.

textstat counts a word missing from the pronouncing dictionary as its number of hyphenation
points plus one, using Pyphen's ``en_US`` patterns. Reading and parsing that pattern file takes
Pyphen about 40 ms at every start; here the parsed patterns are kept in healthlint's artifact
cache and Liang's algorithm (the one TeX and Pyphen use) runs on them directly. A test compares
the result with Pyphen's on every dictionary word.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache

from ..lazy_regex import lazy

_HEX = lazy(r"\^{2}([0-9a-f]{2})")
_PIECES = lazy(r"(\d?)(\D?)")
# Header and comment lines of the hunspell hyphenation format.
_IGNORED = (
    "%",
    "#",
    "LEFTHYPHENMIN",
    "RIGHTHYPHENMIN",
    "COMPOUNDLEFTHYPHENMIN",
    "COMPOUNDRIGHTHYPHENMIN",
)
# Pyphen's defaults: no break within the first two or the last two letters.
LEFT_MIN = 2
RIGHT_MIN = 2

# letters -> their inter-letter values as digits, e.g. "ab" -> "0102": the i-th digit is the
# value at the i-th position of the letters (trailing zeros dropped). Strings rather than
# tuples of ints: the artifact cache reads them in half the time.
Patterns = dict[str, str]


# textstat's default language; it builds Pyphen(lang=<that>), so the fallback must hyphenate
# with the same patterns to give the same counts.
LANGUAGE = "en_US"


def dictionary_path(language: str = LANGUAGE) -> str:
    """Pyphen's pattern file for ``language``, found without importing Pyphen."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("the pyphen package is not installed")
    folder = next(iter(spec.submodule_search_locations))
    return os.path.join(folder, "dictionaries", f"hyph_{language}.dic")


def parse_patterns(path: str) -> Patterns:
    """``letters -> values`` for every pattern with a non-zero value."""
    with open(path, "rb") as handle:
        encoding = handle.readline().decode().strip() or "utf-8"
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    with open(path, encoding=encoding) as handle:
        lines = handle.read().split("\n")[1:]
    patterns: Patterns = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(_IGNORED):
            continue
        line = _HEX.sub(lambda match: chr(int(match.group(1), 16)), line)
        if "/" in line and "=" in line:
            # Non-standard hyphenation ("ff=f"): the English patterns have none, and a count
            # of points does not depend on the replacement text.
            line = line.split("/", 1)[0]
        letters: list[str] = []
        values: list[int] = []
        for digit, letter in _PIECES.findall(line):
            values.append(int(digit or "0"))
            letters.append(letter)
        if not values or max(values) == 0:
            continue
        end = len(values)
        while not values[end - 1]:
            end -= 1
        patterns["".join(letters)] = "".join(map(str, values[:end]))
    return patterns


@cache
def _loaded() -> tuple[Patterns, int]:
    from ..artifacts import cached_data

    path = dictionary_path()

    def build() -> tuple[Patterns, int]:
        patterns = parse_patterns(path)
        return patterns, max(len(key) for key in patterns)

    patterns, longest = cached_data(f"hyphenation-{LANGUAGE}-2", [path], build)
    return patterns, longest


def hyphenation_points(word: str) -> int:
    """How many places Pyphen (``en_US``, default margins) would hyphenate ``word``."""
    patterns, longest = _loaded()
    lowered = word.lower()
    dotted = f".{lowered}."
    scores = [0] * (len(dotted) + 1)
    for i in range(len(dotted) - 1):
        stop = min(i + longest, len(dotted)) + 1
        for j in range(i + 1, stop):
            found = patterns.get(dotted[i:j])
            if found is None:
                continue
            for k, digit in enumerate(found, start=i):
                value = ord(digit) - 48
                if value > scores[k]:
                    scores[k] = value
    right = len(word) - RIGHT_MIN
    return sum(
        1 for index, score in enumerate(scores) if score % 2 and LEFT_MIN <= index - 1 <= right
    )
