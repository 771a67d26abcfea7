"""The fast sentence splitter and counts equal the slow ones they replaced, on every block of
the real pages, the examples and a generated library, and on generated blocks full of what
the splitter decides on (abbreviations, initials, ellipses, closers, odd whitespace)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import slow_prose
import slow_stats
from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.parsers import parse_article
from healthlint.readability import prose, stats

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}


def _real_files() -> list[Path]:
    folders = [
        ROOT / "tests" / "realpages" / "pages",
        ROOT / "tests" / "realpages" / "extra" / "pages",
        ROOT / "examples",
    ]
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in SUFFIXES)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return list(corpus.generate(tmp_path_factory.mktemp("library"), 150, seed=11))


def _blocks(path: Path) -> Iterator[tuple[str, int, int, tuple[int, ...]]]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    for block in parse_article(text, filename=path.name).blocks:
        yield block.text, block.line, block.column, tuple(block.breaks)


def assert_same_split(
    text: str, *, line: int = 1, column: int = 1, breaks: tuple[int, ...] = ()
) -> None:
    for language in ("en", "es"):
        for list_item in (False, True):
            options = {
                "line": line,
                "column": column,
                "list_item": list_item,
                "language": language,
                "breaks": breaks,
            }
            fast = prose.split_sentences(text, **options)  # type: ignore[arg-type]
            assert fast == slow_prose.split_sentences(text, **options)  # type: ignore[arg-type]
            for sentence in fast:
                assert_same_counts(sentence.text)


def assert_same_counts(text: str) -> None:
    counts = stats.sentence_counts(text)
    assert counts == slow_stats.sentence_counts(text)
    raw_tokens = text.split()
    assert stats._unpacked_counts(text, raw_tokens) == counts
    difficulty = stats.sentence_difficulty(prose.Sentence(text, 1, 1), counts)
    assert (difficulty.polysyllables, difficulty.long_words) == slow_stats.listed_words(text)
    runs = max(1, counts.sentence_runs) if text else 0
    per_sentence = stats._per(counts.words, runs)
    assert difficulty.grade == stats._flesch_kincaid(
        per_sentence, stats._per(counts.syllables, counts.words)
    )


@pytest.mark.parametrize("path", _real_files(), ids=lambda p: p.name)
def test_real_blocks_split_and_count_as_before(path: Path) -> None:
    for text, line, column, breaks in _blocks(path):
        assert_same_split(text, line=line, column=column, breaks=breaks)
        assert_same_counts(text)


def test_generated_library_splits_and_counts_as_before(generated: list[Path]) -> None:
    for path in generated:
        for text, line, column, breaks in _blocks(path):
            assert_same_split(text, line=line, column=column, breaks=breaks)


PIECES = [
    "Dr", "dr", "Dra", "Ud", "e.g", "i.e", "U.S", "u.s.a", "No", "no", "5", "2.5", "0.5%",
    "J", "A", "B", "D", "x", "p", "vitamin", "Hepatitis", "type", "by", "etc", "a.m", "p.m",
    "núm", "Mrs", "Approx", "NO", "Etc", "Srta",
    "Hello", "world", "Then", "it's", "don't", "'tis", "rock'n'roll", "you're", "o'", "İstanbul",
    "ǅ", "Ⅻ", "٣", "_", "__init__", "911", "long-term", "nhs.uk", "www.x.org",
    "—", "–", "-", "--", "…", "...", ".", "!", "?", "?!", "..", "”", '"', "'", ")", "(", "»",
    "«", "¿", "¡", "“", ":", ";", ",", "·", "and", "or", "AND", "Chest pain:", "Sputum test:",
    # Longer than the window a terminator's word is looked for in.
    "x" * 60, "Dr" * 30, " " * 60, "\n" * 3 + " " * 50, "https://example.org/a-long-path/of-many-words",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "\n", "  ", "\t", "\u00a0", "\u2003", "\x1c", "\r\n", " \n "]


@st.composite
def blocks(draw: st.DrawFn) -> tuple[str, tuple[int, ...]]:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS))))
    text = "".join(piece + separator for piece, separator in parts)
    if draw(st.booleans()):
        text = text.strip()
    rows = text.count("\n") + 1
    breaks = draw(st.lists(st.integers(-1, rows), max_size=3))
    return text, tuple(breaks)


@settings(max_examples=1500, deadline=None)
@given(block=blocks(), line=st.integers(1, 40), column=st.integers(1, 9))
def test_generated_blocks_split_and_count_as_before(
    block: tuple[str, tuple[int, ...]], line: int, column: int
) -> None:
    text, breaks = block
    assert_same_split(text, line=line, column=column, breaks=breaks)
    assert_same_counts(text)


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=120))
def test_any_text_counts_as_before(text: str) -> None:
    assert_same_counts(text)
    assert_same_split(text)
