"""Readability figures of an article and of each section, for people rather than rules: SMOG
and Flesch-Kincaid for English prose, Szigriszt-Pazos (with its INFLESZ band) and Fernández
Huerta for Spanish.

``healthlint inspect`` and ``healthlint stats`` show these. They are measured on the same prose
and with the same exclusions as the default readability rules, so the numbers an editor reads
are the ones the rules judge.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .models import Article
from .readability.prose import Sentence
from .readability.stats import SMOG_MIN_SENTENCES, Counts, TextStatistics

if TYPE_CHECKING:
    from .kinds.base import CheckContext


def _figures(sentences: list[Sentence], counts: list[Counts], language: str) -> dict[str, Any]:
    if language == "es":
        return _spanish_figures(sentences)
    stats = TextStatistics(sentences, counts=counts)
    figures: dict[str, Any] = {
        "words": stats.word_count,
        "sentences": stats.sentence_count,
        "flesch_kincaid_grade": round(stats.flesch_kincaid_grade(), 1)
        if stats.word_count
        else None,
        "flesch_reading_ease": round(stats.flesch_reading_ease(), 1) if stats.word_count else None,
        "smog": round(stats.smog(), 1) if stats.sentence_count >= SMOG_MIN_SENTENCES else None,
    }
    if figures["smog"] is None:
        figures["smog_note"] = (
            f"sample too small: {stats.sentence_count} of {SMOG_MIN_SENTENCES} sentences"
        )
    return figures


def _spanish_figures(sentences: list[Sentence]) -> dict[str, Any]:
    """The Spanish formulas HL406 reads, on the same counts; the English grades are not
    given for Spanish prose, where they mean nothing."""
    from .readability.spanish import SpanishStatistics, inflesz_band

    stats = SpanishStatistics(sentences)
    szigriszt = round(stats.szigriszt_pazos(), 1) if stats.word_count else None
    return {
        "words": stats.word_count,
        "sentences": stats.sentence_count,
        "flesch_kincaid_grade": None,
        "flesch_reading_ease": None,
        "smog": None,
        "smog_note": "English formulas are not used on Spanish prose",
        "szigriszt_pazos": szigriszt,
        "inflesz": inflesz_band(szigriszt) if szigriszt is not None else None,
        "fernandez_huerta": round(stats.fernandez_huerta(), 1) if stats.word_count else None,
    }


def _grade(counts: list[Counts]) -> float | None:
    """The Flesch-Kincaid grade ``_figures`` gives these sentences, rounded as it rounds, from
    the three sums the formula reads (Kincaid et al., 1975; textstat's form)."""
    words = syllables = runs = 0
    for one in counts:
        words += one.words
        syllables += one.syllables
        runs += one.sentence_runs
    if not words:
        return None
    # Sentences with words make a non-empty text, which textstat counts as one sentence at least.
    stats = TextStatistics.__new__(TextStatistics)
    stats.word_count, stats.syllable_count, stats.sentence_count = words, syllables, max(1, runs)
    return round(stats.flesch_kincaid_grade(), 1)


def reading_grades(
    article: Article, context: CheckContext
) -> tuple[float | None, list[tuple[str, int, float | None]]]:
    """The Flesch-Kincaid grade of the article and of each section with prose, as
    :func:`article_figures` gives them, without its other figures (None for Spanish prose)."""
    from .kinds.readability import DEFAULT_EXCLUDE, prose_of

    prose = prose_of(context, DEFAULT_EXCLUDE)
    english = context.language != "es"
    sections = []
    by_section = prose.by_section()
    for index, section in enumerate(article.sections):
        mine = by_section.get(index)
        if mine:
            grade = _grade([prose.counts[i] for i in mine]) if english else None
            sections.append((section.title, section.line, grade))
    return (_grade(prose.counts) if english else None), sections


def article_figures(article: Article, context: CheckContext | None = None) -> dict[str, Any]:
    """Words, sentences and grades of the whole article and of each section; with the
    ``context`` the article was checked in (``Linter.context_for``), the prose its rules split
    is reused, and its folder's language setting applies."""
    from .kinds.base import CheckContext
    from .kinds.readability import DEFAULT_EXCLUDE, prose_of

    if context is None:
        context = CheckContext(article=article, today=dt.date.today(), path=article.path or "")
    prose = prose_of(context, DEFAULT_EXCLUDE)
    language = context.language
    sections = []
    by_section = prose.by_section()
    for index, section in enumerate(article.sections):
        mine = by_section.get(index, [])
        if mine:
            figures = _figures(
                [prose.sentences[i] for i in mine], [prose.counts[i] for i in mine], language
            )
            sections.append({"section": section.title, "line": section.line, **figures})
    return {"article": _figures(prose.sentences, prose.counts, language), "sections": sections}
