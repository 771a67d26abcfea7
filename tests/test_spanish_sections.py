"""Spanish section names count as the sections an article type needs."""

from __future__ import annotations

import healthlint

_SPANISH_TEST = """---
type: test
language: es
---
# Examen de glucosa en la sangre
## Información general
Este examen mide el azúcar en la sangre.
## Por qué se realiza el examen
Sirve para buscar la diabetes.
## Preparación para el examen
No coma nada durante 8 horas antes del examen.
## Forma en que se realiza el examen
Una enfermera le saca un poco de sangre del brazo.
## Riesgos
Le puede quedar un pequeño moretón.
## Resultados
Su médico le explicará qué significan sus resultados.
"""

_SPANISH_TREATMENT = """---
type: treatment
language: es
---
# Cirugía de cataratas
## Tratamiento
La cirugía cambia el cristalino nublado por uno nuevo.
## Por qué se hace
Ayuda a ver mejor.
## Qué tener en cuenta
Hable con su médico sobre sus opciones.
## Beneficios
La mayoría de las personas ven mejor después.
## Riesgos y efectos secundarios
Puede haber una infección, pero es poco común.
"""


def _section_rules(text: str) -> list[str]:
    findings = healthlint.lint_text(text, filename="a.md", today="2026-11-26")
    return [f.message for f in findings if f.rule in {"HL101", "HL102"}]


def test_spanish_test_article_has_all_sections() -> None:
    assert _section_rules(_SPANISH_TEST) == []


def test_spanish_treatment_article_has_all_sections() -> None:
    assert _section_rules(_SPANISH_TREATMENT) == []


def test_missing_spanish_risks_section_is_reported() -> None:
    text = _SPANISH_TREATMENT.replace("## Riesgos y efectos secundarios\n", "")
    messages = _section_rules(text)
    assert any('"Risks"' in message for message in messages)
