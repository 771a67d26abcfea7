"""caveat: "if the article talks about X it must say Y", through the default rules and alone."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.kinds import caveat
from healthlint.kinds.base import Hit
from healthlint.models import Finding
from healthlint.parsers import parse_article
from healthlint.validation import validate

from .checks import TODAY, kind_hits, rule_findings

DISCLAIMER = "This information does not replace the advice of a doctor."


def findings(text: str, rule: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, rule, filename)


def hits(text: str, filename: str = "article.md", **options: Any) -> list[Hit]:
    return kind_hits(caveat, text, filename, **options)


# --- HL502 emergency-911 ---------------------------------------------------------------------


def test_warning_sign_without_911_points_at_the_first_sign() -> None:
    text = "# Heartburn\n\nHeartburn burns.\n\nSome people feel chest pain after meals.\n"
    [finding] = findings(text, "HL502")
    assert (finding.line, finding.column) == (5, 18)
    assert '"chest pain"' in finding.message
    assert "911" in finding.message
    assert finding.suggestion and finding.suggestion.startswith("Call 911")


@pytest.mark.parametrize(
    "answer",
    [
        "Call 911 if you have chest pain.",
        "Call 9-1-1 if you have chest pain.",
        "Call your local emergency number.",
        "Go to the emergency room right away.",
    ],
)
def test_any_way_of_saying_call_911_satisfies(answer: str) -> None:
    text = f"# Heartburn\n\nSome people feel chest pain after meals.\n\n{answer}\n"
    assert findings(text, "HL502") == []


def test_trigger_matches_plurals_line_wraps_and_curly_apostrophes() -> None:
    wrapped = "# Asthma\n\nSome people get chest\npains at night.\n"
    [finding] = findings(wrapped, "HL502")
    assert (finding.line, finding.column) == (3, 17)
    assert '"chest pains"' in finding.message
    curly = "# Asthma\n\nIf you can’t breathe, sit up.\n"
    [finding] = findings(curly, "HL502")
    assert "can’t breathe" in finding.message


def test_trigger_matches_whole_words_only() -> None:
    # "seizures" is a trigger; "preseizure" and "chest painting" are not the same words.
    text = "# Art Class\n\nPreseizure auras. Chest painting is a hobby.\n"
    assert findings(text, "HL502") == []


def test_a_trigger_in_a_heading_counts() -> None:
    text = "# Chest Pain\n\nMany things can cause it.\n"
    [finding] = findings(text, "HL502")
    assert finding.line == 1


def test_a_trigger_only_in_the_navigation_menu_does_not_count() -> None:
    html = (
        "<html><body>\n"
        '<nav><ul><li><a href="/chest-pain">Chest pain</a></li></ul></nav>\n'
        "<main><h1>Sore Throat</h1>\n"
        "<p>A sore throat hurts when you swallow.</p></main>\n"
        "</body></html>\n"
    )
    assert findings(html, "HL502", "page.html") == []


# --- HL501 disclaimer ------------------------------------------------------------------------


def test_missing_disclaimer_points_at_the_title() -> None:
    text = "Intro line.\n\n# Pink Eye\n\nTalk to your doctor if it gets worse.\n"
    [finding] = findings(text, "HL501")
    assert finding.line == 3
    assert "does not replace" in (finding.suggestion or "")


def test_talk_to_your_doctor_alone_is_not_a_disclaimer() -> None:
    text = "# Pink Eye\n\nTalk to your doctor. Ask your doctor. Call your doctor.\n"
    assert len(findings(text, "HL501")) == 1


def test_a_footer_link_named_disclaimer_does_not_satisfy_it() -> None:
    html = (
        "<html><body><main><h1>Pink Eye</h1>\n"
        "<p>Pink eye makes the eye red.</p></main>\n"
        '<footer><a href="/disclaimer">Disclaimer</a> | <a href="/privacy">Privacy</a></footer>\n'
        "</body></html>\n"
    )
    assert len(findings(html, "HL501", "page.html")) == 1


def test_a_disclaimer_in_page_chrome_satisfies_it() -> None:
    above_title = (
        "Our health library does not replace the advice of a doctor.\n\n"
        "Pink Eye\n\nOverview\n\nPink eye makes the eye red.\n"
    )
    assert findings(above_title, "HL501", "pink-eye.txt") == []
    footer = (
        "<html><body><main><h1>Pink Eye</h1><p>Pink eye makes the eye red.</p></main>\n"
        "<footer><p>This site is for informational purposes only.</p></footer></body></html>\n"
    )
    assert findings(footer, "HL501", "page.html") == []


@pytest.mark.parametrize(
    "sentence",
    [
        DISCLAIMER,
        "It is not a substitute for professional medical advice.",
        "This page is not intended to replace your doctor’s care.",
        "It does not replace your doctor's advice.",
    ],
)
def test_common_disclaimer_wordings(sentence: str) -> None:
    assert findings(f"# Pink Eye\n\nRed eyes.\n\n{sentence}\n", "HL501") == []


# --- HL503 medicine-ask-doctor ---------------------------------------------------------------


def test_medicine_advice_needs_a_doctor_or_pharmacist() -> None:
    text = "# Colds\n\nTake medicines for a fever.\n"
    [finding] = findings(text, "HL503")
    assert '"Take medicines"' in finding.message
    assert findings(text + "\nAsk your pharmacist which one is right.\n", "HL503") == []
    assert findings(text + "\nTalk with your health care provider first.\n", "HL503") == []


def test_credits_lines_do_not_trigger_medicine_rules() -> None:
    text = (
        "# Colds\n\nRest and drink fluids.\n\n"
        "Medically reviewed by: Jane Smith, MD - Family Medicine\n"
    )
    assert findings(text, "HL503") == []


# --- HL504 aspirin-reye (when + when_all) -----------------------------------------------------


def test_aspirin_alone_does_not_need_the_reye_warning() -> None:
    assert findings("# Heart Health\n\nAspirin can prevent a heart attack.\n", "HL504") == []


def test_aspirin_with_teenagers_needs_reye_and_points_at_aspirin() -> None:
    text = "# Flu\n\nRest helps.\n\nFor aches, aspirin works.\n\nTeenagers need more sleep.\n"
    [finding] = findings(text, "HL504")
    assert (finding.line, finding.column) == (5, 12)
    ok = text + "\nDo not give aspirin to teens: it can cause Reye’s syndrome.\n"
    assert findings(ok, "HL504") == []


# --- HL505 / HL507 ---------------------------------------------------------------------------


def test_suicide_needs_988_in_any_spelling() -> None:
    text = "# Depression\n\nSome people have suicidal thoughts.\n"
    assert len(findings(text, "HL505")) == 1
    assert findings(text + "\nCall or text 9-8-8 any time.\n", "HL505") == []


def test_neck_manipulation_needs_the_stroke_risk() -> None:
    text = "# Neck Pain\n\nMassage can help.\n\nManipulation.\n\nA firm push on a joint.\n"
    [finding] = findings(text, "HL507")
    assert (finding.line, finding.column) == (5, 1)
    ok = text + "\nIn rare cases it can cause a tear in an artery in the neck.\n"
    assert findings(ok, "HL507") == []


def test_low_back_manipulation_does_not_need_the_stroke_risk() -> None:
    text = "# Low Back Pain\n\nSpinal manipulation may ease low back pain.\n"
    assert findings(text, "HL507") == []


# --- HL508 medicine-pregnancy (no trigger, article type medicine) ----------------------------


def test_medicine_articles_need_a_pregnancy_caveat() -> None:
    text = "---\ntype: medicine\n---\n# Ibuprofen\n\nIt eases pain. Nursing homes stock it.\n"
    [finding] = findings(text, "HL508")
    assert finding.line == 4
    assert findings(text + "\nAsk first if you are nursing.\n", "HL508") == []
    assert findings(text.replace("medicine", "condition"), "HL508") == []


# --- the kind on its own ---------------------------------------------------------------------


def test_without_triggers_the_rule_applies_to_every_article() -> None:
    [hit] = hits("# Title\n\nText.\n", require=["disclaimer text"])
    assert hit.line == 1
    assert hit.params["required"] == '"disclaimer text"'


def test_when_all_alone_points_at_the_first_group() -> None:
    text = "# A\n\nalpha one.\n\nbeta two.\n"
    [hit] = hits(text, when_all=[["beta"], ["alpha"]], require=["gamma"])
    assert (hit.line, hit.params["trigger"]) == (5, "beta")
    assert hits(text, when_all=[["beta"], ["delta"]], require=["gamma"]) == []


def test_scopes_can_be_narrowed() -> None:
    text = "# Chest pain\n\nNothing else.\n"
    assert hits(text, when=["chest pain"], require=["911"], when_in=["prose"]) == []
    assert len(hits(text, when=["chest pain"], require=["chest pain"], require_in=["prose"])) == 1


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("chest pain", "CHEST PAINS", True),
        ("self-harm", "self harm", True),
        ("self harm", "self-harm", True),
        ("breast-feeding", "breastfeeding", True),
        ("artery", "arteries", True),
        ("cure", "curing", True),
        ("guarantee", "guaranteed", True),
        ("utilize", "utilized", True),
        ("can't breathe", "cant breathe", True),
        ("reye's", "Reye’s", True),
        ("911", "9-1-1", True),
        ("100% safe", "100%  safe", True),
        ("drug", "drugstore", False),
        ("911", "19112", False),
        ("chest pains", "chest pain", False),
        ("cure", "secure", False),
    ],
)
def test_phrase_matching(phrase: str, text: str, found: bool) -> None:
    result = hits(f"# A\n\nSay {text} here.\n", when=[phrase], require=["zzz"])
    assert bool(result) is found


def test_wildcard_stands_for_up_to_four_words() -> None:
    base = "# A\n\nzeta here.\n\n"
    assert hits(base + "talk to your doctor.\n", when=["zeta"], require=["talk * doctor"]) == []
    far = base + "talk about this with a new doctor.\n"
    assert len(hits(far, when=["zeta"], require=["talk * doctor"])) == 1


@pytest.mark.parametrize(
    "options",
    [
        {"require": []},
        {"require": [""]},
        {"require": ["* doctor"]},
        {"require": ["..."]},
        {"require": ["x"], "when_in": ["code"]},
        {"require": ["x"], "when_all": [[]]},
        {"require": ["x"], "unknown": 1},
    ],
)
def test_bad_options_are_refused_when_the_pack_loads(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        validate(caveat.Options, options)


def test_a_one_megabyte_article_is_checked_quickly() -> None:
    paragraph = (
        "Some people feel tired after a long day at work and need to rest for a while "
        "before they can cook dinner for the family. "
    )
    text = "# Tiredness\n\n" + "\n\n".join(paragraph * 3 for _ in range(3000)) + "\n"
    assert len(text) > 1_000_000
    linter = Linter(Config(select=["caveats"]), today=TODAY)
    article = parse_article(text, filename="big.md")
    found = linter.check_article(article, path="big.md")
    assert [f.rule for f in found] == ["HL501"]
