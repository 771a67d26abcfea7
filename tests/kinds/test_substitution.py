"""substitution: jargon and wordy phrases with their plain words (HL601)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from healthlint.kinds import substitution
from healthlint.kinds.base import Hit
from healthlint.models import Finding
from healthlint.packs import load_rules
from healthlint.validation import validate

from .checks import kind_hits, rule_findings

SWAPS: dict[str, str] = load_rules(["default"]).rules["HL601"].options["swap"]


def findings(text: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, "HL601", filename)


def hits(text: str, **options: Any) -> list[Hit]:
    return kind_hits(substitution, text, **options)


def test_each_occurrence_is_reported_with_the_plain_word() -> None:
    text = "# Checkups\n\nYour physician checks you.\n\nPhysicians use a cuff to\nutilize it.\n"
    found = findings(text)
    assert [(f.line, f.column) for f in found] == [(3, 6), (5, 1), (6, 1)]
    assert [f.suggestion for f in found] == ["doctor", "doctor", "use"]
    assert 'Use "doctor" instead of "physician"' in found[0].message
    assert '"Physicians"' in found[1].message
    assert '"utilize"' in found[2].message


def test_multi_word_phrases_match_across_a_line_break() -> None:
    [finding] = findings("# Heart\n\nA myocardial\ninfarction damages the heart.\n")
    assert (finding.line, finding.end_line, finding.suggestion) == (3, 4, "heart attack")


def test_word_endings_are_found() -> None:
    found = findings("# Care\n\nShe was administered fluids and ambulating helps.\n")
    assert [f.suggestion for f in found] == ["give", "walk"]


def test_a_term_explained_in_parentheses_is_not_jargon() -> None:
    text = (
        "# Blood Pressure\n\nHypertension (high blood pressure) is common. "
        "High blood pressure (hypertension) has no symptoms.\n"
    )
    assert findings(text) == []
    # Only the explained use is accepted; a later bare use is still reported.
    [finding] = findings(text + "\nHypertension is treated with pills.\n")
    assert finding.line == 5


def test_names_that_contain_a_key_are_kept() -> None:
    text = (
        "# Care Team\n\nA physician assistant sees you. Pulmonary hypertension is a lung "
        "disease. She lives in assisted living.\n"
    )
    assert findings(text) == []


def test_headings_count_but_credits_and_chrome_do_not() -> None:
    text = (
        "Approximately 20 clinics near you.\n\nChecking Blood\n\nWhen Physicians Check You\n\n"
        "They take a sample.\n\nCredits\n\nReviewed by: a team of physicians and nurses\n"
    )
    [finding] = findings(text, "checking-blood.txt")
    assert (finding.line, finding.suggestion) == (5, "doctor")


def test_ordinary_words_are_not_reported() -> None:
    text = (
        "# Neck Pain\n\nMassage can help relax muscles and ease pain. Talk to your doctor "
        "before you try it. Most people feel better in about a week. Take the medicine "
        "before meals. Ask for help when you need it.\n"
    )
    assert findings(text) == []


def test_the_cap_per_file() -> None:
    text = "# A\n\n" + " ".join(["The physician came."] * 30) + "\n"
    assert len(findings(text)) == 20
    assert len(hits(text, swap={"physician": "doctor"}, max_per_file=2)) == 2


def test_case_can_be_made_to_matter() -> None:
    text = "# A\n\nThe Physician came. The physician went.\n"
    assert len(hits(text, swap={"physician": "doctor"}, ignore_case=False)) == 1


@pytest.mark.parametrize("jargon", sorted(SWAPS))
def test_every_default_entry_is_found_and_its_plain_words_are_clean(jargon: str) -> None:
    [finding] = findings(f"# Health\n\nWe say {jargon} here.\n")
    assert finding.suggestion == SWAPS[jargon]
    assert findings(f"# Health\n\nWe say {SWAPS[jargon]} here.\n") == []


def test_the_default_list_is_a_usable_size() -> None:
    assert 30 <= len(SWAPS) <= 80


@pytest.mark.parametrize(
    "options",
    [{"swap": {}}, {"swap": {"": "x"}}, {"swap": {"utilize": " "}}, {"swap": {"a": "b"}, "x": 1}],
)
def test_bad_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        validate(substitution.Options, options)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your outlook depends on many things, and the prognosis (how things may go) can change.",
        "Babies often get ear pain (otitis media) after a cold.",
    ],
)
def test_a_term_glossed_in_any_words_is_not_jargon(sentence: str) -> None:
    assert findings(f"# Outlook\n\n{sentence}\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ask your physician (or nurse) about it.",
        "Ask your physician (including the one at the clinic) about it.",
        "Take the pills prior to (at least 2 hours before) the test.",
    ],
)
def test_brackets_that_add_examples_or_numbers_are_no_explanation(sentence: str) -> None:
    assert len(findings(f"# Care\n\n{sentence}\n")) == 1


def test_a_definition_teaches_the_term_for_the_rest_of_its_section() -> None:
    text = (
        "# Outlook\n\n## What to expect\n\nHow an illness is likely to go is called prognosis. "
        "Your prognosis depends on your age.\n\nAsk about your prognosis.\n\n"
        "## Treatment\n\nThe prognosis is good with treatment.\n"
    )
    [finding] = findings(text)
    assert finding.line == 11
    assert findings("# Swelling\n\nEdema means swelling. Edema is common in the legs.\n") == []


def test_a_heading_that_explains_the_term_teaches_it_for_its_section() -> None:
    text = (
        "# Outlook\n\n## Things that affect the prognosis (chance of recovery)\n\n"
        "The prognosis depends on the size of the tumor.\n\n## Next steps\n\n"
        "Ask about your prognosis.\n"
    )
    [finding] = findings(text)
    assert finding.line == 9


def test_a_key_inside_a_name_given_with_its_abbreviation_is_kept() -> None:
    text = (
        "# Care\n\nCall the Physician Answer Line (PAL) at night. The Rural Physician Access "
        "Program (RPAP) pays for visits.\n"
    )
    assert findings(text) == []
    # Initials that do not reach the key do not make it part of the name.
    [finding] = findings("# Care\n\nEach Physician Data Group (DG) meets.\n")
    assert '"Physician"' in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Robot-assisted surgery leaves small scars.",
        "A non-optimal dose may not work.",
        "The panel rated the proof “sufficient” for a change.",
        'The panel called it "sufficient."',
        "Subjects: Heart Disease/Hypertension, Stroke/Prevention",
    ],
)
def test_keys_the_plain_words_cannot_replace_are_left_alone(sentence: str) -> None:
    assert findings(f"# Care\n\n{sentence}\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Approximately half of people get better.",
        "The proof was sufficient for a change.",
        "People with diabetes/hypertension need checks.",
        "A physician - or a nurse - will call you.",
    ],
)
def test_ordinary_uses_around_those_shapes_are_still_reported(sentence: str) -> None:
    assert len(findings(f"# Care\n\n{sentence}\n")) == 1


def test_an_english_word_list_leaves_spanish_articles_alone() -> None:
    from healthlint.config import Config
    from healthlint.engine import Linter

    linter = Linter(Config(select=["HL601"]))
    spanish = "---\nlanguage: es\n---\n# Agresión\n\nPuede tener contusiones en los brazos.\n"
    english = "# Falls\n\nYou may have contusions on your arms.\n"
    assert linter.lint_text(spanish, filename="es.md") == []
    assert [f.rule for f in linter.lint_text(english, filename="en.md")] == ["HL601"]
