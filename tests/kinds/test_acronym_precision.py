"""acronym: capitals that are not abbreviations a reader must learn are left alone."""

from __future__ import annotations

import pytest

from .checks import rule_findings


def acronyms(text: str) -> list[str]:
    return [f.message.split('"')[1] for f in rule_findings(text, "HL603")]


@pytest.mark.parametrize("text", [
    "# Zinc\n\nWrite to us at 1600 Clifton Road, Atlanta, GA 30329-4027.\n",
    "# Zinc\n\nCall 1-800-232-4636 (TTY 888-232-6348).\n",
    "# Zinc\n\nYour childaÌ‚â‚¬TMs doctor knows best.\n",
    "# Zinc\n\nHighly active antiretroviral therapy (HAART.) is used.\n",
    "---\ntitle: Zinc | Nutrition | CDC\n---\n# Zinc\n\nThe CDC gives advice.\n",
])
def test_not_reported(text: str) -> None:
    assert acronyms(text) == []


@pytest.mark.parametrize(("text", "acronym"), [
    ("# Lungs\n\nYou may have COPD. It makes breathing hard.\n", "COPD"),
    ("# Zinc\n\nGA 12 is a gene.\n", "GA"),
    ("---\ntitle: What is COPD\n---\n# COPD\n\nCOPD makes breathing hard.\n", "COPD"),
])
def test_still_reported(text: str, acronym: str) -> None:
    assert acronyms(text) == [acronym]
