"""existence: phrases that must not appear (HL602 absolute claims, HL506 "committed suicide")."""

from __future__ import annotations

from typing import Any

import pytest

from healthlint.kinds import existence
from healthlint.kinds.base import Hit
from healthlint.models import Finding

from .checks import kind_hits, rule_findings


def findings(text: str, rule: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, rule, filename)


def hits(text: str, **options: Any) -> list[Hit]:
    return kind_hits(existence, text, **options)


@pytest.mark.parametrize(
    ("sentence", "match"),
    [
        ("This tea cures colds.", "cures"),
        ("Good sleep is guaranteed.", "guaranteed"),
        ("The cream is 100% safe.", "100% safe"),
        ("It is completely\nsafe for babies.", "completely safe"),
        ("A risk free way to lose weight.", "risk free"),
        ("This pill has no side effects.", "has no side effects"),
        ("A miracle diet.", "miracle"),
    ],
)
def test_absolute_claims_are_reported_where_they_stand(sentence: str, match: str) -> None:
    [finding] = findings(f"# Sleep\n\n{sentence}\n", "HL602")
    assert (finding.line, finding.column) == (3, sentence.index(match.split()[0]) + 1)
    assert f'"{match}"' in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no cure for the common cold.",
        "There are no cures for a cold yet.",
        "No medicine is completely safe.",
        "Surgery is not 100% safe.",
        "We cannot guarantee that it will work.",
        "Most people have no side effects.",
        "Doctors look for a cure.",
    ],
)
def test_honest_statements_are_not_claims(sentence: str) -> None:
    assert findings(f"# Colds\n\n{sentence}\n", "HL602") == []


def test_negation_in_an_earlier_sentence_does_not_hide_a_claim() -> None:
    text = "# Colds\n\nIt is not hard. This tea cures colds.\n"
    assert len(findings(text, "HL602")) == 1


def test_page_chrome_and_credits_are_not_searched() -> None:
    text = "Guaranteed parking for patients.\n\nSleep\n\nOverview\n\nSleep helps you heal.\n"
    assert findings(text, "HL602", "sleep.txt") == []


def test_committed_suicide_suggests_died_by_suicide() -> None:
    text = "# Grief\n\nHer brother committed\nsuicide last year.\n"
    [finding] = findings(text, "HL506")
    assert (finding.line, finding.column) == (3, 13)
    assert finding.end_line == 4
    assert finding.suggestion == "died by suicide"
    assert '"committed suicide"' in finding.message
    assert findings("# Grief\n\nHer brother died by suicide.\n", "HL506") == []


def test_every_occurrence_is_reported_with_its_own_fingerprint() -> None:
    text = "# Tea\n\nThis tea cures colds.\n\nThat tea cures flu.\n"
    found = findings(text, "HL602")
    assert [f.line for f in found] == [3, 5]
    assert found[0].fingerprint != found[1].fingerprint


def test_max_per_file_caps_the_findings() -> None:
    text = "# A\n\n" + " ".join(["It is a miracle."] * 30) + "\n"
    assert len(hits(text, phrases=["miracle"])) == 20
    assert len(hits(text, phrases=["miracle"], max_per_file=3)) == 3


def test_negations_count_only_when_asked() -> None:
    text = "# A\n\nThere is no miracle.\n"
    assert len(hits(text, phrases=["miracle"])) == 1
    assert hits(text, phrases=["miracle"], skip_negated=True) == []
