"""Front matter of plain "key: text" and "key: date" lines is read without PyYAML: whenever
the shortcut answers, its mapping is the one the safe loader builds, value and type alike, and
every other block still goes to the loader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from healthlint.parsers import front_matter
from healthlint.parsers.front_matter import _loader, _simple_mapping, split_front_matter

ROOT = Path(__file__).resolve().parent.parent


def loaded(lines: list[str]) -> object:
    return yaml.load("\n".join(lines), Loader=_loader())


def assert_same_as_the_loader(lines: list[str]) -> bool:
    """True when the shortcut answered (and agreed with the loader)."""
    simple = _simple_mapping(lines)
    if simple is None:
        return False
    try:
        expected = loaded(lines)
    except yaml.YAMLError as error:
        message = f"the shortcut read {lines!r}, which the loader refuses: {error}"
        raise AssertionError(message) from error
    assert simple == (expected or {}), lines
    assert [type(v) for v in simple.values()] == [type(v) for v in (expected or {}).values()]
    return True


KEYS = ["title", "type", "owner", "last_reviewed", "x-y", "_k", "on", "Yes", "a1", "null"]
PIECES = [
    "Back", " ", "  ", "pain", "Dolor", "ñ", "É", "2", "2026", "-", "–", ".", ",", ";", "(", ")",
    "/", "&", "'", "’", "+", "?", "!", ":", ": ", " #", "#", '"', "\t", "*", "[", "]", "{", "}",
    "|", ">", "%", "@", "`", "~", "no", "true", "Off", "NULL", "_", "\u2028", "\x85", "\ufeff",
    "²", "٣",
]  # fmt: skip
DATES = ["2026-03-01", "2026-02-30", "0000-01-01", "2026-3-1", "2026-03-01 ", "2026-03-01T10:00"]


@st.composite
def entries(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:
        return ""
    key = draw(st.sampled_from(KEYS))
    spaces = draw(st.sampled_from([" ", "  ", "", "\t"]))
    return f"{key}:{spaces}{draw(values())}"


def texts() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(PIECES), min_size=0, max_size=8).map("".join)


def values() -> st.SearchStrategy[str]:
    quoted = st.tuples(st.sampled_from(['"', "'", ""]), texts()).map(lambda q: q[0] + q[1] + q[0])
    listed = st.lists(quoted, max_size=4).map(lambda items: "[" + ",".join(items) + "]")
    return st.one_of(st.sampled_from(DATES), texts(), quoted, listed)


@settings(max_examples=3000, deadline=None)
@given(st.lists(entries(), max_size=6))
@example(["title: Back pain", "type: condition", "last_reviewed: 2026-03-01"])
@example(["title: Back pain", "title: Neck pain"])
@example(["reviewed: 2026-02-30"])
def test_the_shortcut_reads_what_the_loader_reads(lines: list[str]) -> None:
    assert_same_as_the_loader(lines)


def test_usual_front_matter_takes_the_shortcut() -> None:
    lines = [
        "title: Knee pain, after running",
        "type: condition",
        "",
        "reviewed: 2026-03-01",
        "authors: [Health Library Staff, 'Sam Roe']",
        'reviewers: ["Anna Brooks, MD: Ophthalmology"]',
        "owner: 'Team #2'",
    ]
    assert assert_same_as_the_loader(lines)
    assert _simple_mapping(lines) == {
        "title": "Knee pain, after running",
        "type": "condition",
        "reviewed": dt.date(2026, 3, 1),
        "authors": ["Health Library Staff", "Sam Roe"],
        "reviewers": ["Anna Brooks, MD: Ophthalmology"],
        "owner": "Team #2",
    }


@pytest.mark.parametrize(
    "line",
    [
        "draft: no",  # a boolean
        "title: Back pain # old",  # a comment
        "title: 'it''s'",  # a quote inside quotes
        'title: "Back\\tpain"',  # an escape
        'title: "Back pain" # old',
        "authors: [Jane Roe, [Sam Roe]]",  # nested
        "authors: [Jane Roe,]",
        "authors: [Jane Roe, , Sam Roe]",
        "authors: [no]",
        "authors: [Jane Roe",
        "authors:",  # a list or a null follows
        "  - Jane Roe",
        "title: Pain: a guide",  # a nested mapping's colon
        "version: 2",  # a number
        "title: *anchor",
        "reviewed: 2026-03-01T10:00:00",  # a timestamp, not a date
    ],
)
def test_anything_else_goes_to_the_loader(line: str) -> None:
    assert _simple_mapping(["title: Back pain", line]) is None


def test_front_matter_of_the_examples_and_pages_is_read_as_the_loader_reads_it() -> None:
    answered = 0
    folders = [ROOT / "examples", ROOT / "tests" / "realpages", ROOT / "tests" / "data"]
    for folder in folders:
        for path in folder.rglob("*.md"):
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
            if not lines or lines[0].strip() != "---":
                continue
            end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
            if end is None:
                continue
            try:
                answered += assert_same_as_the_loader(lines[1:end])
            except yaml.YAMLError:
                continue  # deliberately broken front matter: the shortcut declined it above
    assert answered  # the examples do use plain front matter


def test_split_front_matter_keeps_lines_and_refusals() -> None:
    lines = ["---", "title: Back pain", "reviewed: 2026-02-30", "---", "# Back pain"]
    result = split_front_matter(lines)
    assert result.data == {"title": "Back pain", "reviewed": "2026-02-30"}
    assert result.key_lines == {"title": 2, "reviewed": 3}
    assert result.end_line == 4 and result.error is None
    broken = split_front_matter(["---", "title: Back pain", "  bad: [", "---"])
    assert broken.error and broken.error.startswith("front matter is not valid YAML")


def test_the_shortcut_needs_no_yaml_module(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the loader was asked")

    monkeypatch.setattr(front_matter, "_loader", refuse)
    assert split_front_matter(["---", "title: Back pain", "---"]).data == {"title": "Back pain"}
