"""The required-sections kind: schemas by article type, aliases, order, type recognition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.parsers import parse_article

TODAY = dt.date(2026, 11, 26)


def missing(text: str, rule: str = "HL101", filename: str = "a.md") -> list[str]:
    linter = Linter(Config(select=[rule]), today=TODAY)
    return [f.message for f in linter.lint_text(text, filename=filename)]


TEST_ARTICLE = """\
---
type: test
---
# Blood Sugar Test
## Overview
Text.
## Why It Is Done
Text.
## Before the Test
Text.
## During the Test
Text.
## Is It Safe?
Text.
"""


def test_aliases_count_and_the_missing_section_is_named() -> None:
    (message,) = missing(TEST_ARTICLE)
    assert message.startswith('This test article has no "Results" section')
    assert "'What Results Mean'" in message


def test_wildcard_alias_matches_a_topic_heading() -> None:
    text = TEST_ARTICLE.replace("## Overview", "## What Is a Blood Sugar Test?")
    assert len(missing(text)) == 1


def test_type_is_recognised_from_headings_when_front_matter_is_silent() -> None:
    text = "Knee Surgery\n\nTreatment Overview\n\nText here.\n\nRisks\n\nText here.\n"
    messages = missing(text, filename="knee.txt")
    assert any('"Why It Is Done"' in m for m in messages)
    linter = Linter(Config(), today=TODAY)
    article = parse_article(text, filename="knee.txt")
    linter.check_article(article)
    assert (article.article_type, article.type_source) == ("treatment", "headings")


def test_unknown_type_is_not_checked() -> None:
    assert missing("---\ntype: recipe\n---\n# Soup\n## Steps\nBoil.\n") == []


def test_benefits_and_risks_only_for_treatments_and_medicines() -> None:
    treatment = "---\ntype: treatment\n---\n# Knee\n## How Well It Works\nWell.\n"
    (message,) = missing(treatment, "HL102")
    assert '"Risks"' in message and "benefits and the risks" in message
    condition = "---\ntype: condition\n---\n# Flu\n## Overview\nA virus.\n"
    assert missing(condition, "HL102") == []


def test_order_option_reports_a_section_out_of_place(tmp_path: Path) -> None:
    pack = tmp_path / "ordered.yaml"
    pack.write_text(
        "pack: ordered\nrules:\n  - id: HX101\n    name: ordered-sections\n"
        "    kind: required-sections\n    category: sections\n    severity: warning\n"
        "    summary: s\n    source: s\n    message: '{section} is out of order{aliases}'\n"
        "    options:\n      order: true\n      schemas:\n        test:\n"
        "          - section: Overview\n          - section: Results\n",
        encoding="utf-8",
    )
    text = "---\ntype: test\n---\n# T\n## Results\nR.\n## Overview\nO.\n"
    linter = Linter(Config(packs=[str(pack)]), today=TODAY)
    (finding,) = linter.lint_text(text, filename="t.md")
    assert finding.line == 5
    assert finding.message == "Results is out of order (it should come after 'Overview')"
