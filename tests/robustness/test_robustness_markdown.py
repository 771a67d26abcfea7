"""Markdown converted from HTML by tools such as html2text or pandoc, with their habits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthlint.models import to_data
from healthlint.parsers import parse_article

if TYPE_CHECKING:
    from conftest import Check


def _article(path: Path) -> dict[str, Any]:
    """What ``healthlint inspect`` shows for a file."""
    article = parse_article(path.read_text(encoding="utf-8"), filename=path.name)
    return to_data(article)


def _sections(article: dict[str, Any]) -> list[tuple[str, int, int]]:
    return [(s["title"], s["level"], s["line"]) for s in article["sections"]]


def test_setext_headings_wrapped_in_bold(files: Path) -> None:
    article = _article(files / "setext-bold-headings.md")
    assert (article["title"], article["title_line"]) == ("Heat Rash", 1)
    assert _sections(article) == [("Symptoms", 2, 6), ("How to ease it", 2, 11)]
    assert not any("*" in b["text"] for b in article["blocks"])


def test_escaped_characters_in_headings(files: Path) -> None:
    article = _article(files / "escaped-headings.md")
    assert article["title"] == "Cold Sores - Overview"
    assert [title for title, _, _ in _sections(article)] == [
        "Causes *and* triggers",
        "What's the best treatment?",
    ]


def test_headings_that_jump_levels_or_repeat(files: Path, check: Check) -> None:
    article = _article(files / "heading-levels-jump-and-repeat.md")
    assert _sections(article) == [("Symptoms", 4, 5), ("Treatment", 2, 9), ("Treatment", 2, 13)]
    # Each section keeps its own text, even under a repeated heading.
    bodies = [s["body"] for s in article["sections"]]
    assert bodies[1] == "Antihistamines can help."
    assert bodies[2].startswith("Nasal sprays can help too.")
    run = check("heading-levels-jump-and-repeat.md", "--select", "HL106", "--format", "json")
    assert run.rules_at("heading-levels-jump-and-repeat.md") == [("HL106", 13)]
    assert "line 9" in run.findings[0]["message"]


def test_a_heading_split_over_two_lines(files: Path) -> None:
    """Read as a Markdown renderer shows it.

    An ATX heading ("## …") is one line by definition, so its second line is a paragraph of
    its own: joining them would hide what readers see. A setext heading (underlined with
    "---") spans all its lines, and is one heading at the line where it starts.
    """
    article = _article(files / "heading-split-over-two-lines.md")
    assert _sections(article) == [("When to call", 2, 5), ("How to stop a nosebleed", 2, 10)]
    first = next(b for b in article["blocks"] if b["text"] == "a doctor")
    assert (first["role"], first["line"]) == ("prose", 6)
    setext = next(b for b in article["blocks"] if b["text"] == "How to stop a nosebleed")
    assert (setext["line"], setext["end_line"]) == (10, 12)


def test_a_bold_empty_review_label_is_a_credit_not_a_heading(files: Path, check: Check) -> None:
    article = _article(files / "converted-bold-review-label.md")
    assert _sections(article) == []
    run = check("converted-bold-review-label.md", "--select", "freshness", "--format", "json")
    assert run.rules_at("converted-bold-review-label.md") == [("HL304", 8)]
    assert "Last Reviewed" in run.findings[0]["message"]
