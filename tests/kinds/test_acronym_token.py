"""The acronym expression, written to start with its capital, finds exactly what it found
when its look-behind tests came first."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.kinds.acronym import _TOKEN

ROOT = Path(__file__).resolve().parents[2]
BEFORE = re.compile(
    r"(?<![\w/.])(?<!\d-)(?P<acronym>[A-Z][A-Z0-9]{1,5})(?:s|['’]s)?(?![\w/]|-\d|-[A-Z][a-z]|\.\w)"
)


def found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group("acronym")) for m in pattern.finditer(text)]


def test_real_pages() -> None:
    for folder in ("tests/realpages/pages", "tests/realpages/extra/pages", "examples"):
        for path in sorted((ROOT / folder).rglob("*.*")):
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert found(_TOKEN, text) == found(BEFORE, text), path.name


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(["A", "B", "CDC", "9", "-", "/", ".", "x", "_", " ", "s", "'s", "é"]))
)
def test_generated_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert found(_TOKEN, text) == found(BEFORE, text)
