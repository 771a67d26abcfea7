"""Each page is told its own country's emergency and crisis numbers, never another's."""

from __future__ import annotations

import datetime as dt

import pytest

from healthlint.config import Config, PathOverride
from healthlint.engine import Linter
from healthlint.models import Finding

TODAY = dt.date(2026, 11, 26)
DISCLAIMER = "This information does not replace the advice of a doctor."
CHEST = "# Heartburn\n\nChest pain can feel like heartburn.\n\n" + DISCLAIMER + "\n"
SUICIDE = "# Depression\n\nDepression can cause thoughts of suicide.\n\n" + DISCLAIMER + "\n"


def run(
    text: str, rule: str, config: Config | None = None, filename: str = "a.md"
) -> list[Finding]:
    linter = Linter(config or Config(select=[rule]), today=TODAY)
    return [f for f in linter.lint_text(text, filename=filename) if f.rule == rule]


def html(lang: str, body: str) -> str:
    return (
        f'<html lang="{lang}"><body><main><h1>Heartburn</h1><p>{body}</p>'
        f"<p>{DISCLAIMER}</p></main></body></html>"
    )


@pytest.mark.parametrize(
    ("region", "number"),
    [
        ("uk", "999"),
        ("ie", "112 or 999"),
        ("au", "000"),
        ("nz", "111"),
        ("ca", "911"),
        ("us", "911"),
    ],
)
def test_front_matter_region_names_its_number(region: str, number: str) -> None:
    found = run(f"---\nregion: {region}\n---\n" + CHEST, "HL502")
    assert len(found) == 1
    assert f"call {number}" in found[0].message
    if number != "911":
        assert "911" not in found[0].message and "911" not in (found[0].suggestion or "")


@pytest.mark.parametrize(
    ("lang", "number"),
    [
        ("en-GB", "999"),
        ("en-IE", "112 or 999"),
        ("en-AU", "000"),
        ("en-NZ", "111"),
        ("en-US", "911"),
        ("en", "911"),
    ],
)
def test_language_tag_chooses_the_region(lang: str, number: str) -> None:
    found = run(html(lang, "Chest pain can feel like heartburn."), "HL502", filename="a.html")
    assert len(found) == 1 and f"call {number}" in found[0].message


@pytest.mark.parametrize("lang", ["en-GB", "en-IE", "en-AU"])
def test_a_page_that_gives_its_own_number_is_not_told_911(lang: str) -> None:
    number = {"en-GB": "999", "en-IE": "112", "en-AU": "000"}[lang]
    body = f"Chest pain can feel like heartburn. Call {number} if you have chest pain."
    assert run(html(lang, body), "HL502", filename="a.html") == []


def test_configuration_region_and_per_path_override() -> None:
    config = Config(
        select=["HL502"], region="au", overrides=[PathOverride(files=["uk/"], region="uk")]
    )
    assert "call 000" in run(CHEST, "HL502", config, "a.md")[0].message
    assert "call 999" in run(CHEST, "HL502", config, "uk/a.md")[0].message
    # Front matter comes first.
    ie = "---\nregion: ie\n---\n" + CHEST
    assert "112 or 999" in run(ie, "HL502", config, "uk/a.md")[0].message


@pytest.mark.parametrize(
    ("region", "line"),
    [
        ("us", "988"),
        ("uk", "116 123"),
        ("ie", "116 123"),
        ("au", "13 11 14"),
        ("nz", "1737"),
    ],
)
def test_crisis_line_per_region(region: str, line: str) -> None:
    found = run(f"---\nregion: {region}\n---\n" + SUICIDE, "HL505")
    assert len(found) == 1 and line in found[0].message
    if region != "us":
        assert "988" not in found[0].message


def test_samaritans_satisfy_the_crisis_rule() -> None:
    text = SUICIDE.replace("suicide.", "suicide. Call Samaritans on 116 123.")
    assert run(text, "HL505") == []
