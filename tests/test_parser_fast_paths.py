"""The parsers' shortcuts only skip work that would have found nothing: each screen passes
every line the expression it guards matches, on the real pages, the examples and generated
lines."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.language import word_counts
from healthlint.parsers import credits
from healthlint.parsers.builder import count_words
from healthlint.parsers.html import _SPACES, collapse_spaces

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}


def _lines() -> list[str]:
    folders = [
        ROOT / "tests" / "realpages" / "pages",
        ROOT / "tests" / "realpages" / "extra" / "pages",
        ROOT / "examples",
    ]
    lines: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix in SUFFIXES:
                text = path.read_bytes().decode("utf-8", errors="replace")
                lines.update(line.strip() for line in text.splitlines())
    return sorted(lines)


LINES = _lines()


def assert_screens_pass_matches(line: str) -> None:
    if credits._BOARD_RE.search(line):
        assert credits._may_name_board(line)
    if credits._CITATION_AUTHOR.match(line):
        assert any(word in line for word in credits._CITATION_WORDS)
    if credits._REVIEWED_BY_BOARD.search(line):
        assert "reviewed" in line


def test_screens_pass_every_matching_line_of_the_real_pages() -> None:
    matched = 0
    for line in LINES:
        assert_screens_pass_matches(line)
        matched += bool(credits._BOARD_RE.search(line))
    assert matched  # the pages do name boards


WORDS = [
    "Clinical", "MEDICAL", "editorial", "Physician", "expert", "Review", "board", "Panel",
    "COMMITTEE", "team", "Team", "reviewed", "by", "the", "PDQ", "Board.", "Staff", "Society",
    "Institute", "Association", "Bethesda,", "MD:", "National", "Cancer", "K", "\u212a",
    "\u017f", "\u0130", "\u0131", "Édito",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", "\t", ". "]))
def test_screens_pass_every_matching_generated_line(words: list[str], separator: str) -> None:
    assert_screens_pass_matches(separator.join(words))


@pytest.mark.parametrize(
    "line", ["phy\u017fician board", "cl\u0131nical team", "cl\u0130nical team"]
)
def test_non_ascii_lines_are_not_screened(line: str) -> None:
    # A case-blind match pairs the long s with "s" and the dotless and dotted i with "i", which
    # lowering the line does not: only ASCII lines are screened.
    assert credits._BOARD_RE.search(line)
    assert credits._may_name_board(line)


_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def test_count_words_equals_the_word_expression_on_the_real_pages() -> None:
    for line in LINES:
        assert count_words(line) == len(_WORD.findall(line))


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ab", "C9", "9", "_", "-", "'", "’", "s", "é", " ", "\n", "\t", ".", "x_y"]
        ),
        max_size=16,
    )
)
def test_count_words_equals_the_word_expression(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert count_words(text) == len(_WORD.findall(text))


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def test_word_counts_equal_the_letter_expression_on_the_real_pages() -> None:
    for line in LINES:
        assert word_counts(line.lower()) == Counter(_LETTER_RUN.findall(line.lower()))


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ab", "C9", "9", "_", "-", "'", "s", "é", "ñ", " ", "\n", "\t", ".", "x_y"]
        ),
        max_size=16,
    )
)
def test_word_counts_equal_the_letter_expression(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert word_counts(text) == Counter(_LETTER_RUN.findall(text))


def _collapsed(raw: str) -> str:
    return "\n".join(part.strip() for part in _SPACES.sub(" ", raw.strip()).split("\n"))


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Rest", " ", "  ", "\t", "\f", "\v", "\u00a0", "\n", "\r", "\u2003", "."]),
        max_size=16,
    )
)
def test_collapsed_spaces_equal_the_substitution(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert collapse_spaces(text) == _collapsed(text)


def test_collapsed_spaces_equal_the_substitution_on_the_real_pages() -> None:
    for folder in ("pages", "extra/pages"):
        for path in (ROOT / "tests" / "realpages" / folder).glob("*.htm*"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for chunk in text.split("<"):
                assert collapse_spaces(chunk) == _collapsed(chunk)
