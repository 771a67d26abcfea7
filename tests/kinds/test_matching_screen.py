"""Screening blocks by word starts is only a shortcut: it never changes what a rule finds."""

from __future__ import annotations

import datetime as dt
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.engine import Linter
from healthlint.kinds.base import CheckContext
from healthlint.kinds.matching import (
    PhraseMatcher,
    _compile_body,
    article_words,
    compile_phrase,
    fold_case,
    starts_with_word,
)
from healthlint.parsers import parse_article


def _phrase_lists() -> list[list[str]]:
    lists = []
    for spec in Linter(today=dt.date(2026, 11, 26)).ruleset.rules.values():
        options = spec.options
        for key in ("phrases", "when", "require"):
            if options.get(key):
                lists.append(list(options[key]))
        if options.get("swap"):
            lists.append(list(options["swap"]))
        for group in options.get("when_all", []):
            lists.append(list(group))
    return lists


PHRASE_LISTS = _phrase_lists()
FILLER = ["the", "and", "you", "may", "feel", "a", "of", "9-1-1", "—", "(", ")", ",", ".", "\n"]


def _variants(phrase: str) -> st.SearchStrategy[str]:
    def vary(parts: tuple[bool, bool, str, str]) -> str:
        upper, curly, separator, suffix = parts
        text = phrase.replace("*", "very").replace(" ", separator) + suffix
        if curly:
            text = text.replace("'", "’")
        return text.upper() if upper else text

    return st.tuples(
        st.booleans(),
        st.booleans(),
        st.sampled_from([" ", "\n", "-", "  "]),
        st.sampled_from(["", "s", "es", "ed", "ing", "ies"]),
    ).map(vary)


@st.composite
def article_text(draw: st.DrawFn) -> tuple[list[str], str]:
    phrases = draw(st.sampled_from(PHRASE_LISTS))
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(FILLER), st.sampled_from(phrases).flatmap(_variants)),
            min_size=1,
            max_size=30,
        )
    )
    return phrases, "# Title\n\n" + " ".join(pieces) + "\n\nMore text.\n"


@settings(max_examples=400, deadline=None)
@given(article_text())
def test_screened_and_unscreened_searches_agree(case: tuple[list[str], str]) -> None:
    phrases, text = case
    article = parse_article(text, filename="a.md")
    context = CheckContext(article=article, today=dt.date(2026, 11, 26), path="a.md")
    matcher = PhraseMatcher(phrases)
    blocks = article.blocks
    screened = [(id(b), m) for b, m in matcher.in_blocks(blocks, article_words(context))]
    plain = [(id(b), m) for b, m in matcher.in_blocks(blocks)]
    assert screened == plain


def _one_alternation(phrases: list[str]) -> re.Pattern[str]:
    """The reference: every phrase in one regular expression, longer phrases first."""
    ordered = sorted(
        range(len(phrases)),
        key=lambda i: (not _compile_body(phrases[i])[1], -len(phrases[i]), i),
    )
    return re.compile(
        "|".join(f"(?P<p{i}>{compile_phrase(phrases[i])})" for i in ordered), re.IGNORECASE
    )


@settings(max_examples=400, deadline=None)
@given(article_text())
def test_phrase_by_phrase_search_equals_one_alternation(case: tuple[list[str], str]) -> None:
    phrases, text = case
    unique = list(dict.fromkeys(p.strip() for p in phrases if p.strip()))
    reference = [
        (unique[int((m.lastgroup or "p0")[1:])], m.start(), m.end())
        for m in _one_alternation(unique).finditer(text)
    ]
    # The same answer phrase by phrase (a cold matcher) and with the matcher's own grouped
    # alternation (a warm one).
    for warm_after in (10**9, 0):
        matcher = PhraseMatcher(phrases, alternation_after=warm_after)
        ours = [(m.phrase, m.start, m.end) for m in matcher.finditer(text)]
        assert ours == reference


def test_a_matcher_compiles_its_alternation_only_once_it_is_busy() -> None:
    phrases = [f"term{n} word" for n in range(20)]
    text = " ".join(f"term{n} word" for n in range(20))
    matcher = PhraseMatcher(phrases, alternation_after=4)
    expected = [m.phrase for m in matcher.finditer(text)]
    for _ in range(3):
        assert [m.phrase for m in matcher.finditer(text)] == expected
    assert matcher._alternation is None
    assert [m.phrase for m in matcher.finditer(text)] == expected
    assert matcher._alternation is not None


@given(st.text(min_size=1, max_size=12))
def test_a_phrase_opens_with_a_word_exactly_when_its_expression_does(phrase: str) -> None:
    assert starts_with_word(phrase) == _compile_body(phrase)[1]


def test_case_folding_covers_every_character_that_matches_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char):
            assert re.fullmatch("[a-z]", fold_case(char)), (hex(code), char)


def test_a_phrase_is_found_whatever_the_case_of_unusual_letters() -> None:
    matcher = PhraseMatcher(["kidney stones", "sick"])
    text = "Kidney ſtones and İllness make you ſıcK."
    assert [m.phrase for m in matcher.finditer(text)] == ["kidney stones", "sick"]
