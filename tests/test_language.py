"""An article's language: front matter, markup, configuration, else its own words."""

from __future__ import annotations

import healthlint
from healthlint.language import detect_language, resolve_language

SPANISH = (
    "La gripe es una infección de la nariz y la garganta. Se puede prevenir con una "
    "vacuna cada año. Hable con su médico si tiene fiebre alta."
)
ENGLISH = (
    "The flu is an infection of the nose and throat. You can prevent it with a shot "
    "each year. Talk with your doctor if you have a high fever."
)


def test_detects_spanish_and_english() -> None:
    assert detect_language(SPANISH) == "es"
    assert detect_language(ENGLISH) == "en"


def test_too_little_text_is_undecided() -> None:
    assert detect_language("Ibuprofeno 200 mg") is None


def test_order_of_sources() -> None:
    assert resolve_language({"lang": "es-MX"}, "en", ENGLISH) == ("es", "front-matter")
    assert resolve_language({}, "es", ENGLISH) == ("es", "markup")
    assert resolve_language({}, None, "", configured="es") == ("es", "config")
    assert resolve_language({}, None, SPANISH) == ("es", "detected")
    assert resolve_language({}, None, "") == ("en", "default")


_HARD_ES = (
    "La hipertensión arterial, caracterizada por una elevación persistente de la presión "
    "sanguínea, incrementa considerablemente la morbilidad cardiovascular. El tratamiento "
    "farmacológico frecuentemente requiere una combinación terapéutica individualizada según "
    "las comorbilidades, la tolerabilidad y las preferencias del paciente. La restricción de "
    "sodio, la actividad física regular y la moderación del consumo de alcohol constituyen "
    "intervenciones fundamentales sobre el estilo de vida. Los medicamentos antihipertensivos, "
    "incluidos los diuréticos, los inhibidores de la enzima convertidora de angiotensina y los "
    "antagonistas del calcio, demuestran una eficacia considerable en la reducción de "
    "complicaciones cardiovasculares. La monitorización sistemática facilita la titulación "
    "adecuada y la identificación de reacciones adversas que requieren modificaciones del "
    "régimen terapéutico."
)


def _rules(text: str) -> set[str]:
    findings = healthlint.lint_text(text, filename="a.md", today="2026-11-26")
    return {f.rule for f in findings}


def test_spanish_article_gets_spanish_grade_never_english() -> None:
    for header in ("---\nlanguage: es\n---\n", ""):
        rules = _rules(header + "# Presión arterial alta\n\n" + _HARD_ES + "\n")
        assert "HL406" in rules
        assert not rules & {"HL401", "HL402", "HL403", "HL405"}


def test_article_carries_language_and_its_source() -> None:
    article = healthlint.parse_article("---\nlang: es\n---\n# Gripe\n\n" + SPANISH, filename="a.md")
    assert (article.language, article.language_source) == ("es", "front-matter")
    article = healthlint.parse_article("# Gripe\n\n" + SPANISH + "\n", filename="a.md")
    assert (article.language, article.language_source) == ("es", "detected")
    html = f'<html lang="es-US"><body><main><h1>Gripe</h1><p>{ENGLISH}</p></main></body></html>'
    article = healthlint.parse_article(html, filename="a.html")
    assert (article.language, article.language_source) == ("es-US", "markup")


def test_the_configuration_names_the_language_when_the_page_does_not() -> None:
    from healthlint.config import Config, PathOverride
    from healthlint.engine import Linter

    # Too few words to tell the language: English rules apply unless the configuration says.
    page = "# Notas\n\nPrognosis: buena.\n"

    def jargon(config: Config, path: str, text: str = page) -> list[str]:
        linter = Linter(
            Config(select=["HL601"], language=config.language, overrides=config.overrides)
        )
        return [f.rule for f in linter.lint_text(text, filename=path)]

    assert jargon(Config(), "notas.md") == ["HL601"]
    assert jargon(Config(language="es"), "notas.md") == []
    by_folder = Config(overrides=[PathOverride(files=["es/"], language="es")])
    assert jargon(by_folder, "es/notas.md") == [] and jargon(by_folder, "en/notas.md") == ["HL601"]
    # The page's own tag wins over the configuration.
    tagged = "---\nlanguage: en\n---\n" + page
    assert jargon(Config(language="es"), "notas.md", tagged) == ["HL601"]
