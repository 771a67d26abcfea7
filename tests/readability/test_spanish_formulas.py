"""Spanish formulas equal textstat's (language "es") when both count the same syllables."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from healthlint.readability.prose import join_sentences, split_sentences
from healthlint.readability.spanish import SpanishStatistics, inflesz_band
from healthlint.readability.syllables_es import spanish_syllable_count
from healthlint.readability.textstat_adapter import clear_textstat_caches, textstat_module

TEXTS = [
    "La diabetes es una enfermedad que dura toda la vida. Su cuerpo no produce suficiente "
    "insulina. Hable con su médico si tiene sed todo el tiempo.",
    "¿Qué es la presión arterial alta? Es cuando la sangre empuja con demasiada fuerza contra "
    "las paredes de las arterias. ¡Llame al 911 si siente un dolor fuerte en el pecho! "
    "La Dra. Ruiz recomienda caminar 30 minutos al día, p. ej. después de cenar.",
    "El tratamiento de la hipertensión arterial frecuentemente requiere la combinación de "
    "medicamentos antihipertensivos, individualizada según las comorbilidades, la tolerancia "
    "y las preferencias del paciente, así como modificaciones sostenidas del estilo de vida.",
]


@pytest.fixture()
def spanish_textstat(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """textstat in Spanish, counting each word's syllables with healthlint's syllabifier."""
    textstat = textstat_module()
    from textstat.backend.counts import _count_syllables
    from textstat.backend.metrics import _syllables_per_word, _szigriszt_pazos
    from textstat.backend.selections._list_words import list_words

    def count(text: str, lang: str) -> int:
        return sum(spanish_syllable_count(w) for w in list_words(text, lowercase=True))

    for module in (_count_syllables, _syllables_per_word, _szigriszt_pazos):
        monkeypatch.setattr(module, "count_syllables", count)
    clear_textstat_caches()
    textstat.set_lang("es")
    yield textstat
    textstat.set_lang("en_US")
    clear_textstat_caches()


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("fernandez-huerta", "fernandez_huerta"),
        ("szigriszt-pazos", "szigriszt_pazos"),
        ("gutierrez-polini", "gutierrez_polini"),
        ("crawford", "crawford"),
    ],
)
def test_equal_to_textstat(spanish_textstat: object, text: str, ours: str, theirs: str) -> None:
    sentences = split_sentences(text)
    expected = getattr(spanish_textstat, theirs)(join_sentences(sentences))
    assert SpanishStatistics(sentences).score(ours) == pytest.approx(expected, abs=1e-9)


def test_plain_text_scores_easier_than_technical() -> None:
    plain = SpanishStatistics(split_sentences(TEXTS[0])).szigriszt_pazos()
    hard = SpanishStatistics(split_sentences(TEXTS[2])).szigriszt_pazos()
    assert plain > 65 > 40 > hard


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (85, "muy fácil"),
        (70, "bastante fácil"),
        (55, "normal"),
        (54.9, "algo difícil"),
        (39.9, "muy difícil"),
    ],
)
def test_inflesz_bands(score: float, band: str) -> None:
    assert inflesz_band(score) == band
