"""credits: author (HL201) and medical reviewer or review board (HL202)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from healthlint.kinds import credits
from healthlint.kinds.base import Hit
from healthlint.models import Finding
from healthlint.validation import validate

from .checks import kind_hits, rule_findings

BODY = "# Pink Eye\n\nPink eye makes the white of the eye look red.\n\n"


def findings(text: str, rule: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, rule, filename)


def hits(text: str, **options: Any) -> list[Hit]:
    return kind_hits(credits, text, **options)


def test_no_author_points_at_the_credits() -> None:
    text = BODY + "Medically reviewed by: Jane Smith, MD\n"
    [finding] = findings(text, "HL201")
    assert finding.line == 5
    assert "an author" in finding.message
    assert findings(BODY, "HL201")[0].line == 1  # no credits at all: the title


@pytest.mark.parametrize(
    "credit",
    ["Author: Health Library Staff", "Written by: Jane Smith", "By Jane Smith, RN"],
)
def test_any_author_line_satisfies_hl201(credit: str) -> None:
    assert findings(BODY + credit + "\n", "HL201") == []


def test_author_in_front_matter() -> None:
    text = "---\nauthors: [Jane Smith]\n---\n" + BODY
    assert findings(text, "HL201") == []


@pytest.mark.parametrize(
    "credit",
    [
        "Medically reviewed by: Jane Smith, MD",
        "Reviewed by: Dr. Jane Smith",
        "Medical reviewer: Sam Lee, PharmD",
        "Clinical Review Board",
        "Reviewed by: the Medical Review Board",
    ],
)
def test_credentialed_reviewer_or_review_board_satisfies_hl202(credit: str) -> None:
    assert findings(BODY + credit + "\n", "HL202") == []


def test_reviewer_without_credentials_is_named_in_the_finding() -> None:
    text = BODY + "Author: Staff\n\nReviewed by: Jane Smith\n"
    [finding] = findings(text, "HL202")
    assert finding.line == 5
    assert "(Jane Smith is listed without a credential)" in finding.message
    assert "MD" in finding.message


def test_a_plain_text_credits_section_with_a_review_board() -> None:
    text = (
        "Pink Eye\n\nOverview\n\nPink eye makes the eye red.\n\nCredits\n\n"
        "Current as of: July 31, 2026\n\nAuthor: Health Library Staff\n"
        "Clinical Review Board\nAll articles are reviewed by doctors and nurses.\n"
    )
    assert findings(text, "HL201", "pink-eye.txt") == []
    assert findings(text, "HL202", "pink-eye.txt") == []


def test_strict_reviewer_requirement_does_not_accept_a_board() -> None:
    text = BODY + "Author: Staff\n\nClinical Review Board\n"
    [hit] = hits(text, require=["reviewer"])
    assert hit.params["missing"].startswith("a medical reviewer")
    assert hits(text, require=["review-board-or-reviewer"]) == []


def test_credentials_can_be_chosen() -> None:
    text = BODY + "Reviewed by: Sam Lee, RD\n"
    assert hits(text, require=["reviewer"]) == []
    assert len(hits(text, require=["reviewer"], credentials=["MD", "DO"])) == 1


def test_each_requirement_reports_separately() -> None:
    found = hits(BODY, require=["author", "reviewer"])
    assert [h.snippet for h in found] == ["author", "reviewer"]


@pytest.mark.parametrize("options", [{"require": []}, {"require": ["editor"]}, {}])
def test_bad_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        validate(credits.Options, options)
