"""The word beginnings each block is screened by equal what the word expression gave, on the
real pages, the examples and generated text (ASCII and not)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.kinds import matching
from healthlint.kinds.base import CheckContext
from healthlint.parsers import parse_article

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
_ALNUM_RUN = re.compile(r"[^\W_]+")


def reference_starts(text: str) -> frozenset[str]:
    starts: set[str] = set()
    for word in set(_ALNUM_RUN.findall(text.lower())):
        starts.update(word[:length] for length in range(3, min(len(word), 6) + 1))
    return frozenset(starts)


def assert_same_starts(text: str, name: str = "page.md") -> None:
    article = parse_article(text, filename=name)
    context = CheckContext(article=article, today=dt.date(2026, 11, 26), path=name)
    starts = matching.word_starts(context)
    for block in article.blocks:
        assert starts[id(block)] == reference_starts(block.text)


def _pages() -> list[Path]:
    folders = [
        ROOT / "tests" / "realpages" / "pages",
        ROOT / "tests" / "realpages" / "extra" / "pages",
        ROOT / "examples",
    ]
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in SUFFIXES)


@pytest.mark.parametrize("path", _pages(), ids=lambda p: p.name)
def test_word_starts_of_real_pages(path: Path) -> None:
    assert_same_starts(path.read_bytes().decode("utf-8", errors="replace"), path.name)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Chest",
                "pain",
                "911",
                "a_b",
                "x",
                "İstanbul",
                "Ⅻ",
                "٣",
                "ǅ",
                "-",
                "'",
                ".",
                " ",
                "\n",
            ]
        ),
        max_size=20,
    )
)
def test_word_starts_of_generated_text(pieces: list[str]) -> None:
    assert_same_starts("".join(pieces), "page.txt")


def test_every_remembered_word_forgotten_mid_article() -> None:
    # A full table is emptied while a block's words are looked up; the starts stay whole.
    limit = matching._MAX_WORD_PREFIXES
    matching._WORD_PREFIXES.clear()
    try:
        matching._MAX_WORD_PREFIXES = 3
        assert_same_starts("Alpha beta gamma delta epsilon zeta eta theta.\n\nAlpha iota.", "a.txt")
    finally:
        matching._MAX_WORD_PREFIXES = limit
        matching._WORD_PREFIXES.clear()
