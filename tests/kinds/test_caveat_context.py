"""Caveats read for their meaning: real wordings satisfy them, look-alike triggers do not count."""

from __future__ import annotations

import pytest

from healthlint.kinds import caveat
from healthlint.models import Finding

from .checks import kind_hits, rule_findings

DISCLAIMER = "This information does not replace the advice of a doctor."


def findings(text: str, rule: str) -> list[Finding]:
    return rule_findings(text, rule, "article.md")


@pytest.mark.parametrize(
    "warning",
    [
        "Don't give aspirin to anyone under 19.",
        "Do not use aspirin or products that contain it in anyone age 18 years or younger.",
        "Avoid salicylates in children.",
    ],
)
def test_reye_warning_without_the_word_reye(warning: str) -> None:
    text = (
        f"# Fever\n\nAspirin can lower a fever in adults. {warning} Children need care."
        f"\n\n{DISCLAIMER}\n"
    )
    assert findings(text, "HL504") == []


def test_aspirin_for_children_without_any_warning_is_reported() -> None:
    text = f"# Fever\n\nAspirin can lower a fever in children.\n\n{DISCLAIMER}\n"
    assert len(findings(text, "HL504")) == 1


@pytest.mark.parametrize(
    "advice",
    [
        "Go to the doctor if it gets worse.",
        "Work closely with your doctor.",
        "Contact your health care provider before you start.",
    ],
)
def test_ask_a_clinician_in_other_words(advice: str) -> None:
    text = f"# Colds\n\nSome medicines ease a cough. {advice}\n\n{DISCLAIMER}\n"
    assert findings(text, "HL503") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Food and Drug Administration checks infant formula.",
        "Your baby gets the first vaccine dose at 2 months.",
    ],
)
def test_look_alike_medicine_words_do_not_trigger(sentence: str) -> None:
    text = f"# Baby care\n\n{sentence}\n\n{DISCLAIMER}\n"
    assert findings(text, "HL503") == []


def test_medicine_advice_without_a_clinician_is_still_reported() -> None:
    text = (
        "# Colds\n\nTake a cough medicine at night. The Food and Drug Administration"
        f" approves it.\n\n{DISCLAIMER}\n"
    )
    assert len(findings(text, "HL503")) == 1


def test_stroke_fast_signs_trigger_the_emergency_caveat() -> None:
    text = (
        "# Stroke\n\nSigns of stroke include numbness or weakness in the face, arm, or leg,"
        " confusion or difficulty in talking, and trouble seeing.\n\n" + DISCLAIMER + "\n"
    )
    assert len(findings(text, "HL502")) == 1


def test_anti_seizure_medicines_are_no_warning_sign() -> None:
    text = f"# Epilepsy\n\nAnti-seizure medicines help most people.\n\n{DISCLAIMER}\n"
    assert findings(text, "HL502") == []


@pytest.mark.parametrize("number", ["999", "112", "000"])
def test_another_region_s_emergency_number_satisfies(number: str) -> None:
    text = (
        f"# Chest pain\n\nChest pain can be a heart attack. Call {number} at once."
        f"\n\n{DISCLAIMER}\n"
    )
    assert findings(text, "HL502") == []


@pytest.mark.parametrize(
    "wording",
    [
        "This content should not be considered medical advice.",
        "The site does not provide medical advice.",
        "It should not be used as a substitute for the medical care and advice of your doctor.",
        "You should not use it to replace any relationship with a physician.",
        "It is not intended as a substitute for professional medical advice.",
    ],
)
def test_real_disclaimer_wordings(wording: str) -> None:
    assert findings(f"# Colds\n\nColds pass in a week.\n\n{wording}\n", "HL501") == []


@pytest.mark.parametrize("trap", ["[Disclaimer](/disclaimer)", "Consult your doctor."])
def test_disclaimer_traps_are_refused(trap: str) -> None:
    assert len(findings(f"# Colds\n\nColds pass in a week.\n\n{trap}\n", "HL501")) == 1


def test_not_within_masks_only_the_enclosed_trigger() -> None:
    options = {"when": ["drug"], "require": ["pharmacist"], "not_within": ["Drug Administration"]}
    assert kind_hits(caveat, "# A\n\nThe Food and Drug Administration.\n", "a.md", **options) == []
    text = "# A\n\nThe Drug Administration. Take this drug.\n"
    found = kind_hits(caveat, text, "a.md", **options)
    assert len(found) == 1 and found[0].line == 3


def test_mojibake_apostrophe_does_not_break_a_wildcard() -> None:
    text = (
        "# Formula\n\nBabies can get over-the-counter vitamin D drops. Talk with your"
        " child\u0061I\u0300\u201aa\u0302\u201a\u00acTMs doctor.\n\n" + DISCLAIMER + "\n"
    )
    assert findings(text, "HL503") == []


def test_trouble_speaking_as_a_lasting_symptom_is_no_warning_sign() -> None:
    text = (
        "# Brain tumours\n\nA slow-growing tumour can cause headaches, double vision or"
        f" trouble speaking over many months.\n\n{DISCLAIMER}\n"
    )
    assert findings(text, "HL502") == []
    sudden = text.replace("trouble speaking over many months", "sudden trouble speaking")
    assert len(findings(sudden, "HL502")) == 1


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("HL502", "Si nota entumecimiento o debilidad en un lado del cuerpo, acuda a un médico."),
        ("HL502", "Cuando alguien se esté asfixiando, una acción rápida puede salvarle la vida."),
        ("HL505", "Algunas personas piensan en suicidarse cuando empiezan el tratamiento."),
        ("HL503", "Los medicamentos de venta sin receta alivian muchos tipos de dolor."),
    ],
)
def test_spanish_triggers(rule: str, text: str) -> None:
    disclaimer = "Esta información no sustituye el consejo de su médico."
    page = f"---\nlanguage: es\n---\n# Salud\n\n{text}\n\n{disclaimer}\n"
    assert [f.rule for f in findings(page, rule)] == [rule]


def test_a_spanish_emergency_instruction_counts_as_the_disclaimer() -> None:
    page = (
        "# Ataque al corazón\n\nEs importante conocer los síntomas y llamar al 911 si usted u"
        " otra persona los presenta.\n"
    )
    assert findings(page, "HL501") == []


def test_a_symptom_of_a_long_term_illness_is_not_an_emergency_sign() -> None:
    text = (
        "# Long COVID\n\n## Symptoms\n\nSymptoms can last for months. They include tiredness "
        f"and trouble breathing.\n\n{DISCLAIMER}\n"
    )
    assert findings(text, "HL502") == []
    spanish = (
        "# COVID persistente\n\n## Síntomas\n\nLos síntomas pueden durar semanas o meses, como "
        f"la dificultad para respirar.\n\n{DISCLAIMER}\n"
    )
    assert findings(spanish, "HL502") == []


def test_a_warning_sign_in_another_section_of_the_same_page_still_counts() -> None:
    text = (
        "# Asthma\n\n## Living with it\n\nAsthma is a chronic illness.\n\n## Warning signs\n\n"
        f"Sudden trouble breathing or lips turning blue need help now.\n\n{DISCLAIMER}\n"
    )
    (finding,) = findings(text, "HL502")
    assert finding.line == 9


def test_sections_saying_option_on_the_kind() -> None:
    text = "# Page\n\n## Old news\n\nThis is archived. It mentions aspirin.\n"
    assert caveat_hits(text, when=["aspirin"], require=["Reye"]) != []
    assert (
        caveat_hits(text, when=["aspirin"], require=["Reye"], not_in_sections_with=["archived"])
        == []
    )


def caveat_hits(text: str, **options: object) -> list[object]:
    return list(kind_hits(caveat, text, **options))
