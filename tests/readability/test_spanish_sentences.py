"""Sentence splitting that knows Spanish punctuation and abbreviations."""

from __future__ import annotations

from healthlint.readability.prose import split_sentences


def _texts(text: str, language: str = "es") -> list[str]:
    return [s.text for s in split_sentences(text, language=language)]


def test_opening_marks_start_sentences() -> None:
    assert _texts("¿Qué es la gripe? Es una infección. ¡Llame al 911 ahora!") == [
        "¿Qué es la gripe?",
        "Es una infección.",
        "¡Llame al 911 ahora!",
    ]


def test_spanish_titles_do_not_end_sentences() -> None:
    assert len(_texts("La Dra. Ruiz atiende hoy. La Sra. Gómez y el Sr. Pérez esperan.")) == 2
    assert len(_texts("Pregunte a Ud. Martínez por la cita.")) == 1


def test_p_ej_and_etc() -> None:
    assert len(_texts("Coma frutas, p. ej. Manzanas o peras, cada día.")) == 1
    assert len(_texts("Traiga sus recetas, análisis, etc. El médico las revisará.")) == 2


def test_english_splitting_unchanged_by_default() -> None:
    assert len(_texts("Ask the Dra. Smith team.", language="en")) == 2
