"""A Spanish article in each format is read as Spanish: its language, Spanish grades, its
sections (and its type from Spanish headings), credits and dates, and Spanish caveats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from healthlint.config import Config
from healthlint.engine import Linter, article_from
from healthlint.figures import article_figures
from healthlint.reading import read_source

GOOD = Path(__file__).resolve().parents[1] / "examples" / "good"
TODAY = dt.date(2026, 11, 26)
PAGES = ["gripe-es.md", "resfriado-es.txt", "varicela-es.html"]


@pytest.mark.parametrize("name", PAGES)
def test_a_spanish_page_is_read_as_spanish(name: str) -> None:
    path = GOOD / name
    article = article_from(read_source(path, max_size=10**6), name)
    linter = Linter(Config(), today=TODAY)
    linter.resolve_type(article, path=name)
    assert article.language == "es"
    assert article.article_type == "condition"
    assert [s.title for s in article.sections][-4:] == [
        "Síntomas",
        "Causas",
        "Tratamiento",
        "Cuándo llamar al médico",
    ]
    dates = {d.kind: d.value for d in article.credits.dates}
    assert dates["reviewed"] == dt.date(2026, 9, 10)
    assert dates["next_review"] == dt.date(2028, 9, 1)
    assert [r.credentials for r in article.credits.reviewers] == [["MD"]]
    figures = article_figures(article)["article"]
    assert figures["szigriszt_pazos"] > 55 and figures["inflesz"] in (
        "normal",
        "bastante fácil",
        "muy fácil",
    )
    assert figures["flesch_kincaid_grade"] is None  # no English grade for Spanish prose
    assert linter.lint_file(path, shown=name) == []


@pytest.mark.parametrize("name", PAGES)
def test_spanish_caveats_are_checked_in_every_format(name: str, tmp_path: Path) -> None:
    text = (GOOD / name).read_text(encoding="utf-8")
    broken = tmp_path / name
    broken.write_text(
        text.replace("Esta información no sustituye el consejo de su médico.", "").replace(
            "Llame al 911 si", "Preste atención si"
        ),
        encoding="utf-8",
    )
    rules = {f.rule for f in Linter(Config(), today=TODAY).lint_file(broken, shown=name)}
    assert {"HL501", "HL502"} <= rules


def test_a_missing_spanish_section_is_reported_in_plain_text(tmp_path: Path) -> None:
    text = (GOOD / "resfriado-es.txt").read_text(encoding="utf-8")
    start = text.index("Causas\n")
    end = text.index("Tratamiento\n")
    page = tmp_path / "resfriado-es.txt"
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    (finding,) = [f for f in Linter(Config(), today=TODAY).lint_file(page) if f.rule == "HL101"]
    assert finding.message.startswith('This condition article has no "Causes" section')
