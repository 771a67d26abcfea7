"""empty-section: headings with nothing under them (HL104)."""

from __future__ import annotations

from typing import Any

from healthlint.kinds import empty_section
from healthlint.kinds.base import CheckContext, Hit
from healthlint.models import Finding
from healthlint.parsers import parse_article

from .checks import TODAY, kind_hits, rule_findings


def findings(text: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, "HL104", filename)


def hits(text: str, **options: Any) -> list[Hit]:
    return kind_hits(empty_section, text, **options)


def test_a_heading_followed_by_a_heading_of_the_same_level() -> None:
    text = "# Sore Throat\n\n## Symptoms\n\n## Treatment\n\nRest.\n"
    [finding] = findings(text)
    assert (finding.line, finding.column) == (3, 1)
    assert '"Symptoms"' in finding.message


def test_the_last_section_of_a_plain_text_article() -> None:
    text = (
        "Sore Throat\n\nOverview\n\nIt hurts.\n\nRelated Information\n\n"
        "Credits\n\nAuthor: Health Library Staff\n"
    )
    [finding] = findings(text, "sore-throat.txt")
    assert finding.line == 7
    assert '"Related Information"' in finding.message
    assert findings("# A\n\nText.\n\n## Last\n") != []


def test_a_heading_directly_followed_by_its_own_subheadings_is_not_empty() -> None:
    text = "# Flu\n\n## Treatment\n\n### At Home\n\nRest.\n\n### Medicines\n\nTake them.\n"
    assert findings(text) == []


def test_an_empty_subsection_is_reported_alone() -> None:
    text = "# Flu\n\n## Treatment\n\n### At Home\n\n### Medicines\n\nTake them.\n"
    [finding] = findings(text)
    assert '"At Home"' in finding.message


def test_a_section_whose_subsections_are_all_empty_is_reported_once() -> None:
    text = "# Flu\n\n## Treatment\n\n### At Home\n\n### Medicines\n\n## Outlook\n\nGood.\n"
    [finding] = findings(text)
    assert (finding.line, '"Treatment"' in finding.message) == (3, True)


def test_page_chrome_after_the_heading_is_not_content() -> None:
    html = (
        "<html><body><main><h1>Flu</h1><p>Flu is an infection.</p>\n"
        "<h2>Related Information</h2></main>\n"
        "<footer><p>Copyright 2026 Example Health. All rights reserved.</p></footer>\n"
        "</body></html>\n"
    )
    [finding] = findings(html, "flu.html")
    assert finding.line == 2


def test_min_words() -> None:
    text = "# Flu\n\n## Symptoms\n\nFever.\n\n## Treatment\n\nRest and fluids help most people.\n"
    assert hits(text) == []
    assert [h.params["section"] for h in hits(text, min_words=3)] == ["Symptoms"]


def test_many_sections_are_checked_in_linear_time() -> None:
    parts = ["# Big"]
    for index in range(20000):
        parts.append(f"{'#' * (2 + index % 4)} Part {index}")
        if index % 3 == 0:
            parts.append("Some words here.")
    article = parse_article("\n\n".join(parts) + "\n", filename="big.md")
    ctx = CheckContext(article=article, today=TODAY, path="big.md")
    found = list(empty_section.check(ctx, empty_section.Options(), None))
    assert found
