"""The word beginnings an article is screened by equal what the word expression gave for its
blocks, on the real pages, the examples and generated text (ASCII and not)."""

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
    starts = matching.article_words(context).starts
    assert starts == frozenset().union(*(reference_starts(b.text) for b in article.blocks))
    for block in article.blocks:
        assert matching.word_starts([block]) == reference_starts(block.text)


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


def _pack_phrases() -> list[str]:
    from healthlint.engine import Linter

    phrases: set[str] = set()
    for spec in Linter(today=dt.date(2026, 11, 26)).ruleset.rules.values():
        for key in ("phrases", "when", "require", "keep", "not_within", "not_in_sections_with"):
            phrases.update(spec.options.get(key) or [])
        phrases.update(spec.options.get("swap") or {})
        for group in spec.options.get("when_all", []):
            phrases.update(group)
    return sorted(phrases)


PHRASES = _pack_phrases()


def _texts() -> list[str]:
    texts: list[str] = []
    for path in _pages():
        text = path.read_bytes().decode("utf-8", errors="replace")
        texts.extend(block.text for block in parse_article(text, filename=path.name).blocks)
    return texts


def test_phrase_expressions_find_what_a_leading_boundary_found() -> None:
    texts = "\n".join(_texts())
    found = 0
    for phrase in PHRASES:
        body, starts_word = matching._compile_body(phrase)
        before = r"(?<!\w)" + body if starts_word else body
        for flags in (re.IGNORECASE, 0):
            now = [m.span() for m in re.finditer(matching.compile_phrase(phrase), texts, flags)]
            assert now == [m.span() for m in re.finditer(before, texts, flags)], phrase
            found += len(now)
    assert found


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(PHRASES),
    st.lists(st.sampled_from(["x", "_", "9", "-", " ", "\n", "İ", "K", "é", "'"]), max_size=4),
)
def test_phrase_expressions_at_word_edges(phrase: str, around: list[str]) -> None:
    body, starts_word = matching._compile_body(phrase)
    before = r"(?<!\w)" + body if starts_word else body
    example = phrase.replace("*", "very")
    for glue in ("", *around):
        text = f"{glue}{example}{glue} {example.upper()}"
        now = [m.span() for m in re.finditer(matching.compile_phrase(phrase), text, re.I)]
        assert now == [m.span() for m in re.finditer(before, text, re.I)]
