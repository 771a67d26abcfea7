"""acronym: abbreviations used before they are spelled out (HL603)."""

from __future__ import annotations

from typing import Any

import pytest

from healthlint.kinds import acronym
from healthlint.kinds.base import Hit
from healthlint.models import Finding

from .checks import kind_hits, rule_findings


def findings(text: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, "HL603", filename)


def hits(text: str, **options: Any) -> list[Hit]:
    return kind_hits(acronym, text, **options)


def test_an_acronym_never_spelled_out_is_reported_once_at_first_use() -> None:
    text = "# Lungs\n\nPeople with COPD cough.\n\nCOPD gets worse with smoke. COPD lasts.\n"
    [finding] = findings(text)
    assert (finding.line, finding.column, finding.end_column) == (3, 13, 17)
    assert finding.message.startswith('"COPD" is not spelled out where it is first used.')


def test_used_before_it_is_spelled_out() -> None:
    text = "# Bladder\n\nYou may have a UTI.\n\nA urinary tract infection (UTI) burns.\n"
    [finding] = findings(text)
    assert finding.line == 3
    assert "spelled out later, on line 5" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "A urinary tract infection (UTI) burns. A UTI is common.",
        "A UTI (urinary tract infection) burns. UTIs are common.",
        "Urinary tract infections (UTIs) burn. A UTI is common.",
    ],
)
def test_spelled_out_at_first_use(sentence: str) -> None:
    assert findings(f"# Bladder\n\n{sentence}\n") == []


def test_plural_and_possessive_forms_are_the_same_acronym() -> None:
    [finding] = findings("# Bladder\n\nUTIs hurt. A UTI's pain is sharp.\n")
    assert finding.message.startswith('"UTI"')


@pytest.mark.parametrize(
    "sentence",
    [
        "You may need an MRI or a CT scan in the ICU or the ER.",
        "Do NOT drive. STOP taking it and CALL us.",
        "DO NOT TAKE MORE THAN TWO PILLS A DAY.",
        "People with type II diabetes and Stage IV cancer.",
        "Ask Jane Smith, MD, or an RN.",
        "COVID-19 and HIV are viruses. It is OK to rest.",
        "Take it at 8 AM and 8 PM.",
        "See www.example.org/ABC or call 555-0100.",
        "Use 2 mg. Vitamin B12 helps.",
    ],
)
def test_known_or_emphatic_capitals_are_not_reported(sentence: str) -> None:
    assert findings(f"# Care\n\n{sentence}\n") == []


def test_headings_do_not_count_as_uses_but_can_spell_out() -> None:
    heading_use = (
        "# Lungs\n\n## What Is COPD?\n\nChronic obstructive pulmonary disease (COPD) is.\n"
    )
    assert findings(heading_use) == []
    heading_defines = "# Chronic Obstructive Pulmonary Disease (COPD)\n\nCOPD makes it hard.\n"
    assert findings(heading_defines) == []


def test_credits_and_chrome_are_not_checked() -> None:
    text = (
        "NEWS: Visit the HHC clinic.\n\nSore Throat\n\nOverview\n\nIt hurts.\n\n"
        "Credits\n\nAuthor: ACME Health Staff\n"
    )
    assert findings(text, "sore-throat.txt") == []


def test_allow_lists() -> None:
    text = "# A\n\nThe BP and the BMI.\n"
    assert [h.params["acronym"] for h in hits(text)] == ["BP", "BMI"]
    assert [h.params["acronym"] for h in hits(text, also_allow=["BP"])] == ["BMI"]
    assert [h.params["acronym"] for h in hits(text, allow=["BMI"])] == ["BP"]
    assert hits("# A\n\nAn MRI.\n", allow=[]) != []


def test_min_length_counts_letters() -> None:
    text = "# A\n\nThe A1C test and the HbA1c and the TB test.\n"
    assert [h.params["acronym"] for h in hits(text)] == ["A1C", "TB"]
    assert [h.params["acronym"] for h in hits(text, min_length=3)] == []


def test_words_in_capitals_are_emphasis_but_word_like_acronyms_are_not() -> None:
    assert findings("# Asthma\n\nIt can be HARD to breathe. NEVER smoke ALWAYS.\n") == []
    found = findings("# Heartburn\n\nGERD is common. The FDA approves it.\n")
    assert [f.message.split('"')[1] for f in found] == ["GERD", "FDA"]


def test_a_paragraph_in_capitals_is_emphasis() -> None:
    assert findings("# A\n\nWARNING: KEEP THIS MEDICINE AWAY FROM PETS AND KIDS.\n") == []
