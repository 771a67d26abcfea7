"""The shipped examples do what examples/README.md says: good ones are clean, each bad one
triggers exactly the rules listed for it and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from healthlint import lint_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = "2026-11-26"
_ROW = re.compile(r"^\|\s*(bad/[^|]+?)\s*\|\s*([^|]+?)\s*\|")


def expectations() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            table[match.group(1)] = {r.strip() for r in match.group(2).split(",") if r.strip()}
    return table


def test_every_bad_example_is_listed_and_every_listed_file_exists() -> None:
    listed = set(expectations())
    present = {f"bad/{p.name}" for p in (EXAMPLES / "bad").iterdir() if p.is_file()}
    assert listed == present
    assert len(listed) >= 10


def test_good_examples_are_clean() -> None:
    result = lint_paths([EXAMPLES / "good"], today=TODAY)
    assert result.files_checked >= 6
    assert [(f.path, f.line, f.rule, f.message) for f in result.findings] == []


@pytest.mark.parametrize(("name", "rules"), sorted(expectations().items()))
def test_bad_example_triggers_exactly_its_rules(name: str, rules: set[str]) -> None:
    result = lint_paths([EXAMPLES / name], today=TODAY)
    assert {f.rule for f in result.findings} == rules, [
        (f.line, f.rule, f.message) for f in result.findings
    ]


def test_examples_cover_formats_and_article_types() -> None:
    suffixes = {p.suffix for p in EXAMPLES.rglob("*") if p.parent.name in ("good", "bad")}
    assert {".md", ".txt", ".html"} <= suffixes
