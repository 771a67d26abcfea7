"""Spanish wordings are a pack of their own (rules/es.yaml) that changes the English rules by id:
the same rule in both languages, and ``core`` alone stays English."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.models import Finding
from healthlint.packs import builtin_dir

TODAY = dt.date(2026, 11, 26)
DISCLAIMER = "Esta información no sustituye el consejo de su médico."


def findings(text: str, rule: str, packs: list[str] | None = None) -> list[Finding]:
    config = Config(select=[rule], **({"packs": packs} if packs else {}))
    return [
        f for f in Linter(config, today=TODAY).lint_text(text, filename="a.md") if f.rule == rule
    ]


def test_the_pack_only_changes_english_rules_by_id() -> None:
    pack = yaml.safe_load((builtin_dir() / "es.yaml").read_text(encoding="utf-8"))
    assert pack["extends"] == ["core"] and "rules" not in pack
    core = yaml.safe_load((builtin_dir() / "core.yaml").read_text(encoding="utf-8"))
    ids = {rule["id"] for rule in core["rules"]}
    assert {change["id"] for change in pack["change"]} <= ids


def test_core_alone_does_not_read_spanish_and_the_default_does() -> None:
    page = f"# Infarto\n\nEl dolor en el pecho puede ser un infarto.\n\n{DISCLAIMER}\n"
    assert findings(page, "HL502", packs=["core"]) == []
    (finding,) = findings(page, "HL502")
    assert "dolor en el pecho" in finding.message
    assert findings(page, "HL502", packs=["core", "es"])
    assert findings(page.replace("infarto.", "infarto. Llame al 911."), "HL502") == []


def test_aspirin_and_children_in_spanish_need_the_reye_warning() -> None:
    page = f"# Fiebre\n\nLa aspirina baja la fiebre de los niños.\n\n{DISCLAIMER}\n"
    assert len(findings(page, "HL504")) == 1
    warned = page.replace("niños.", "niños. No dé aspirina a menores de 19 años.")
    assert findings(warned, "HL504") == []
    named = page.replace("niños.", "niños, pero puede causar el síndrome de Reye.")
    assert findings(named, "HL504") == []


@pytest.mark.parametrize(
    "text, suggestion",
    [
        (
            "---\nlanguage: es\n---\n# Duelo\n\nSu hermano se suicidó el año pasado.\n",
            "murió por suicidio",
        ),
        ("# Grief\n\nHer brother committed suicide last year.\n", "died by suicide"),
    ],
)
def test_the_suicide_wording_is_suggested_in_the_article_language(
    text: str, suggestion: str
) -> None:
    (finding,) = findings(text, "HL506")
    assert finding.suggestion == suggestion


def test_neck_manipulation_in_spanish_needs_the_stroke_risk() -> None:
    page = (
        f"# Dolor de cuello\n\nLa manipulación del cuello puede aliviar el dolor.\n\n{DISCLAIMER}\n"
    )
    assert len(findings(page, "HL507")) == 1
    told = page.replace("el dolor.", "el dolor. Rara vez causa un accidente cerebrovascular.")
    assert findings(told, "HL507") == []


def test_english_articles_read_as_before() -> None:
    page = (
        "# Fever\n\nAspirin can lower a fever in children.\n\nThis does not replace the "
        "advice of a doctor.\n"
    )
    assert len(findings(page, "HL504")) == 1
    assert findings(page, "HL504", packs=["core"]) == findings(page, "HL504")


def test_a_page_from_spain_gets_spains_numbers() -> None:
    page = (
        f'<html lang="es-ES"><body><main><h1>Infarto</h1><p>El dolor en el pecho puede ser '
        f"un infarto. Pensar en el suicidio es una señal de alarma.</p><p>{DISCLAIMER}</p>"
        "</main></body></html>"
    )
    linter = Linter(Config(select=["HL502", "HL505"]), today=TODAY)
    found = {f.rule: f for f in linter.lint_text(page, filename="infarto.html")}
    assert "112" in found["HL502"].message and "911" not in found["HL502"].message
    assert "024" in found["HL505"].message and "988" not in found["HL505"].message
    told = page.replace("infarto.", "infarto: llame al 112.").replace(
        "alarma.", "alarma: llame al 024."
    )
    assert linter.lint_text(told, filename="infarto.html") == []
