"""``normalize`` collapses whitespace without a regular expression: it must give what
substituting ``\\s+`` gave, for every character Python counts as whitespace."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.kinds.base import normalize

_SPACE = re.compile(r"\s+")
WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if _SPACE.match(chr(c))]


def by_substitution(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("\u00ad", "").replace("–", "-").replace("—", "-")
    return _SPACE.sub(" ", text).lower()


def test_regex_and_str_agree_on_whitespace() -> None:
    assert [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()] == WHITESPACE


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*WHITESPACE, "a", "B", "İ", "\u00ad", "–", "—", "’", "“", "x y", "911"]),
        max_size=12,
    )
)
def test_normalize_equals_substitution(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert normalize(text) == by_substitution(text)


@given(st.text(max_size=60))
def test_normalize_equals_substitution_on_any_text(text: str) -> None:
    assert normalize(text) == by_substitution(text)
