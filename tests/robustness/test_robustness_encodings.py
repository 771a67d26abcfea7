"""Files in the encodings health libraries really have: Windows-1252, BOMs, UTF-16, mojibake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from healthlint.cli import main

if TYPE_CHECKING:
    from conftest import Check


@pytest.fixture
def inspect(capsys: pytest.CaptureFixture[str], files: Path) -> Any:
    """``healthlint inspect FILE`` as JSON."""

    def run(name: str) -> dict[str, Any]:
        assert main(["inspect", str(files / name)]) == 0
        document: dict[str, Any] = json.loads(capsys.readouterr().out)
        return document

    return run


def test_windows_1252_is_read_with_a_warning(inspect: Any, check: Check) -> None:
    article = inspect("windows-1252.txt")
    assert article["encoding"] == "cp1252"
    assert article["title"] == "Athlete\u2019s Foot"
    text = " ".join(b["text"] for b in article["blocks"])
    assert "cr\u00e8me" in text and "dry \u2013 and" in text
    run = check("windows-1252.txt", "--select", "input,freshness", "--format", "json")
    assert run.rules_at("windows-1252.txt") == [("HL003", 1)]
    assert "Windows-1252" in run.findings[0]["message"]
    assert run.code == 0  # a warning: the article is checked, and the editor told


def test_utf8_with_bom_keeps_its_front_matter(inspect: Any, check: Check) -> None:
    article = inspect("utf8-bom.md")
    assert article["encoding"] == "utf-8"
    assert article["metadata"]["title"] == "Chickenpox"
    assert [(d["raw"], d["line"]) for d in article["credits"]["dates"]] == [("2026-04-20", 3)]
    run = check("utf8-bom.md", "--select", "input,freshness", "--format", "json")
    assert run.findings == []  # the BOM is neither garbled text nor broken front matter


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("utf16-le-bom.txt", "utf-16-le"), ("utf16-be-bom.html", "utf-16-be")],
)
def test_utf16_with_bom(name: str, encoding: str, inspect: Any, check: Check) -> None:
    article = inspect(name)
    assert (article["encoding"], article["title"]) == (encoding, "Hiccups")
    assert [d["raw"] for d in article["credits"]["dates"]] == ["February 10, 2026"]
    run = check(name, "--select", "input,freshness", "--format", "json")
    assert run.findings == [] and run.code == 0


def test_mojibake_is_reported_where_it_is(check: Check) -> None:
    run = check("mojibake.md", "--select", "input", "--format", "json")
    assert [(f["rule"], f["line"], f["column"]) for f in run.findings] == [("HL003", 5, 3)]
    assert "\u00e2\u20ac\u2122" in run.findings[0]["message"]


def test_invalid_utf8_names_the_line_of_the_first_bad_byte(check: Check) -> None:
    run = check("invalid-utf8.md", "--select", "input")
    assert run.out.startswith(
        "invalid-utf8.md:5:1: warning HL003 the file is not valid UTF-8 (first bad byte on line 5)"
    )
    assert run.code == 0
    assert check("invalid-utf8.md", "--select", "input", "--fail-level", "warning").code == 1


def test_a_stray_byte_in_a_utf8_file_with_bom(inspect: Any, check: Check) -> None:
    # The BOM says UTF-8: the curly quotes stay right, and only the stray byte is lost.
    article = inspect("utf8-bom-stray-byte.md")
    assert article["encoding"] == "utf-8"
    assert "\u201csmall\u201d" in " ".join(b["text"] for b in article["blocks"])
    run = check("utf8-bom-stray-byte.md", "--select", "input,freshness", "--format", "json")
    assert run.rules_at("utf8-bom-stray-byte.md") == [("HL003", 5), ("HL003", 5)]
    assert "first bad byte on line 5" in run.findings[0]["message"]
    assert run.code == 0


def test_double_encoded_text_is_flagged_with_its_repair() -> None:
    from healthlint.reading import text_problems

    (problem,) = text_problems("Talk to your child\u00e2\u20ac\u2122s doctor.")
    assert problem.code == "mojibake"
    assert "'child\u00e2\u20ac\u2122s' was probably 'child\u2019s'" in problem.message


def test_twice_garbled_and_decomposed_text_is_flagged() -> None:
    from healthlint.reading import text_problems

    (problem,) = text_problems("Espan\u0049\u0300\u00c6\u2019ol (Spanish)")
    assert (problem.line, problem.code) == (1, "mojibake")


def test_accented_spanish_and_french_text_is_not_garbled() -> None:
    from healthlint.reading import text_problems

    assert text_problems("¿Qué es? Niño, señora, café–bar, résumé—yes, naïve, “Ñandú”") == []


def test_every_line_with_garbled_text_is_reported_with_the_whole_word() -> None:
    from healthlint.reading import text_problems

    text = (
        "[EspanII\u0300\u20ac\u00c6\u2019ol](/es/)\n\n"
        "A childaI\u0300\u201aa\u0302\u201a\u00acTMs iron needs grow.\n"
        "The baby\u00e2\u20ac\u2122s and the mother\u00e2\u20ac\u2122s sleep.\n"
    )
    problems = text_problems(text)
    assert [(p.line, p.column) for p in problems] == [(1, 8), (3, 9), (4, 9)]
    assert "'EspanII\u0300\u20ac\u00c6\u2019ol' was probably 'Espa\u00f1ol'" in problems[0].message
    assert "was probably 'child\u2019s'" in problems[1].message
    assert "'baby\u00e2\u20ac\u2122s' was probably 'baby\u2019s'" in problems[2].message


def test_a_file_garbled_throughout_lists_twenty_lines_and_counts_the_rest() -> None:
    from healthlint.reading import MAX_GARBLED_LINES, text_problems

    text = "".join(f"Line {n}: the baby\u00e2\u20ac\u2122s cot.\n" for n in range(50))
    problems = text_problems(text)
    assert len(problems) == MAX_GARBLED_LINES
    assert "30 more lines below have garbled characters too" in problems[-1].message
