"""readability: reading grade of the article's prose, and the sentences that make it hard.

What is measured: paragraphs and list items of the article body only. Headings, credits, the
closing "About this summary" section (what the article says about itself), page chrome,
tables, code, link lists, blocks whose words are mostly link text (the entries of a resource
list, "Visit …" pointers), lines of nothing but a link set apart by line breaks, and any block
containing one of the ``exclude`` phrases (the disclaimer) are left out; list items count as
sentences; abbreviations ("Dr.", "e.g.", "a.m.") and decimals ("2.5 mg") do not end sentences;
"911" is one word of one syllable every time.
Grades equal textstat's on that cleaned prose (the syllable table is derived from the CMU
Pronouncing Dictionary and ships with healthlint, so nothing is downloaded).

A formula is only trusted on a large enough sample: SMOG needs 30 sentences, the others
``min_words`` words. Formulas below their sample are named in the message as "sample too
small" instead of given a grade; when no formula has its sample, a Flesch-Kincaid estimate over
target is reported with the rule's severity lowered to info, unless ``estimate: false``.

Each rule instance picks one ``check``:
    grade           the whole article's grade is above ``target_grade`` (an error above
                    ``error_grade``); ``flesch-reading-ease`` is compared with
                    ``min_reading_ease`` instead, since higher means easier. With
                    ``require: all`` only when every formula measured is over the target
                    (and an error only when every one is over ``error_grade``): formulas
                    disagree by two grades or more on the same text (SMOG is normed on full
                    comprehension, Flesch-Kincaid on three quarters), and text that one
                    formula alone puts over the line is usually plain
    section-grade   the same, section by section
    hard-sentences  the hardest sentences (Flesch-Kincaid grade above ``sentence_grade``), at
                    most ``max_findings``, each with what makes it hard; sentences longer than
                    ``long_sentence_words`` are left to long-sentences
    long-sentences  sentences of more than ``long_sentence_words`` words
    long-words      words of ``long_word_syllables`` syllables or more (5 by default), each
                    reported once at its first use, at most ``max_findings``, except ``allow``
                    and the words of the title and headings (the article's own subject)

Options: check, formulas [smog, flesch-kincaid, flesch-reading-ease, gunning-fog,
coleman-liau, dale-chall, ari, fernandez-huerta, szigriszt-pazos, gutierrez-polini, crawford]
(default [smog, flesch-kincaid]), require (any or all formulas over the target; any),
estimate (true), target_grade (8), error_grade (12), min_reading_ease (60), min_words (100),
min_sentences (30, SMOG's sample), sentence_grade (14), sentence_min_words (10),
long_sentence_words (30), max_findings (5), exclude (phrases), languages (default [en]).

Languages: a rule applies only to articles whose language (front matter ``language``/``lang``,
``<html lang>``, else told from the text by a stop-word test) is in ``languages`` (default
[en]), so an English grade is never given to a Spanish article. The Spanish formulas
(fernandez-huerta, szigriszt-pazos and gutierrez-polini, higher is easier, compared with
``min_reading_ease``; crawford, in school years, compared with ``target_grade``) count syllables
with healthlint's Spanish syllabifier; a Szigriszt-Pazos score is shown with its INFLESZ band.
They support the grade and section-grade checks.

Message parameters: {grades}, {target}, {sample}, {section} for grades; {grade}, {words},
{reasons}, {sentence} for sentences; {word}, {syllables} for long words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ..models import Severity
from ..readability.stats import MIN_WORDS, SMOG_MIN_SENTENCES
from .base import CheckContext, Hit, Kind, KindOptions, normalize

if TYPE_CHECKING:
    from pydantic import Field

if TYPE_CHECKING:
    from ..readability.prose import Sentence
    from ..readability.stats import Counts, SentenceDifficulty, TextStatistics

Formula = Literal[
    "smog",
    "flesch-kincaid",
    "flesch-reading-ease",
    "gunning-fog",
    "coleman-liau",
    "dale-chall",
    "ari",
    "fernandez-huerta",
    "szigriszt-pazos",
    "gutierrez-polini",
    "crawford",
]
# Spanish formulas read on a scale where higher is easier, except Crawford (school years).
SPANISH_EASE = frozenset({"fernandez-huerta", "szigriszt-pazos", "gutierrez-polini"})
SPANISH = SPANISH_EASE | {"crawford"}
FORMULA_NAMES = {
    "smog": "SMOG",
    "flesch-kincaid": "Flesch-Kincaid",
    "flesch-reading-ease": "Flesch reading ease",
    "gunning-fog": "Gunning fog",
    "coleman-liau": "Coleman-Liau",
    "dale-chall": "Dale-Chall",
    "ari": "ARI",
    "fernandez-huerta": "Fernández Huerta",
    "szigriszt-pazos": "Szigriszt-Pazos",
    "gutierrez-polini": "Gutiérrez de Polini",
    "crawford": "Crawford",
}
DEFAULT_EXCLUDE = [
    "does not replace the advice",
    "not a substitute for professional",
    "not intended to replace",
    "for informational purposes only",
    "not meant to replace",
    "no sustituye",
    "no reemplaza",
    "no pretende sustituir",
    "solo con fines informativos",
]


class Options(KindOptions):
    """Options of the readability kind (see the module documentation)."""

    check: Literal["grade", "section-grade", "hard-sentences", "long-sentences", "long-words"]
    formulas: Annotated[list[Formula], Field(min_length=1)] = field(
        default_factory=lambda: ["smog", "flesch-kincaid"]
    )
    require: Literal["any", "all"] = "any"
    estimate: Annotated[
        bool, Field(description="an info finding with an estimate when no sample is big enough")
    ] = True
    target_grade: float = 8
    error_grade: float = 12
    min_reading_ease: float = 60
    min_words: Annotated[int, Field(ge=1)] = MIN_WORDS
    min_sentences: Annotated[int, Field(ge=1)] = SMOG_MIN_SENTENCES
    sentence_grade: float = 14
    sentence_min_words: Annotated[int, Field(ge=1)] = 10
    long_sentence_words: Annotated[int, Field(ge=5)] = 30
    long_word_syllables: Annotated[int, Field(ge=3)] = 5
    allow: Annotated[list[str], Field(description="long words that are fine")] = field(
        default_factory=list
    )
    max_findings: Annotated[int, Field(ge=1)] = 3
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    languages: Annotated[
        list[str], Field(min_length=1, description="article languages the rule applies to")
    ] = field(default_factory=lambda: ["en"])


@dataclass
class _Prose:
    """The article's sentences, each with the section it belongs to and its counts."""

    sentences: list[Sentence]
    sections: list[int | None]
    counts: list[Counts]

    def by_section(self) -> dict[int, list[int]]:
        """Section index → positions of its sentences, in one pass."""
        positions: dict[int, list[int]] = {}
        for position, owner in enumerate(self.sections):
            if owner is not None:
                positions.setdefault(owner, []).append(position)
        return positions


def _end_matter(ctx: CheckContext) -> set[int]:
    """The sections of the article's closing "About this summary" section and below it."""
    from ..parsers.chrome import is_colophon

    found: set[int] = set()
    rank = 0
    for index, section in enumerate(ctx.article.sections):
        if rank and section.level <= rank:
            break
        if rank:
            found.add(index)
        elif is_colophon(section.title):
            rank = section.level
            found.add(index)
    return found


def prose_of(ctx: CheckContext, exclude: Sequence[str]) -> _Prose:
    """Sentences of the article body, computed once per article and exclusion list."""
    language = ctx.language
    key = ("readability.prose", tuple(exclude), language)
    cached = ctx.memo.get(str(key))
    if isinstance(cached, _Prose):
        return cached
    from ..readability.prose import split_sentences
    from ..reading import has_garbled_text, repair_garbled

    lowered = [normalize(phrase) for phrase in exclude]
    # A word of each phrase that ASCII text must hold, as it is once lower-cased, to hold the
    # phrase: normalize only collapses its whitespace and lowers it.
    needed = [max(phrase.split(), key=len) if phrase.strip() else "" for phrase in lowered]
    sentences: list[Sentence] = []
    sections: list[int | None] = []
    end_matter = _end_matter(ctx)
    for block in ctx.prose_blocks:
        if block.section in end_matter:
            continue  # what the article says about itself is not prose to grade
        if block.link_words and not block.breaks and block.link_words * 2 > len(block.text.split()):
            continue  # a link list's entries and "Visit …" pointers are titles, not prose
        if lowered:
            raw = block.text
            folded = raw.lower()
            if not raw.isascii() or any(word in folded for word in needed):
                text = normalize(raw)
                if any(phrase in text for phrase in lowered):
                    continue
        garbled = has_garbled_text(block.text)
        link_lines = {block.line + row for row in block.link_lines}
        for sentence in split_sentences(
            block.text,
            line=block.line,
            column=block.column,
            list_item=block.list_item,
            language=language,
            breaks=block.breaks,
        ):
            if sentence.line in link_lines and block.breaks:
                continue  # a line of nothing but a link, set apart by a line break
            if garbled:
                # "childâ€™s" is one short word to its reader, not a long one with symbols.
                sentence = sentence._replace(text=repair_garbled(sentence.text))
            sentences.append(sentence)
            sections.append(block.section)
    from ..readability.stats import sentence_counts

    prose = _Prose(sentences, sections, [sentence_counts(s.text) for s in sentences])
    ctx.memo[str(key)] = prose
    return prose


def difficulties_of(ctx: CheckContext, prose: _Prose) -> list[SentenceDifficulty]:
    """Per-sentence figures, shared by the hard- and long-sentence rules."""
    key = f"readability.difficulties.{id(prose)}"
    cached = ctx.memo.get(key)
    if isinstance(cached, list):
        return cached
    from ..readability.stats import sentence_difficulty

    difficulties = [
        sentence_difficulty(sentence, counts)
        for sentence, counts in zip(prose.sentences, prose.counts, strict=True)
    ]
    ctx.memo[key] = difficulties
    return difficulties


def statistics_of(
    ctx: CheckContext, sentences: list[Sentence], counts: list[Counts], key: str
) -> TextStatistics:
    cached = ctx.memo.get(key)
    from ..readability.stats import TextStatistics

    if isinstance(cached, TextStatistics):
        return cached
    stats = TextStatistics(sentences, counts=counts)
    ctx.memo[key] = stats
    return stats


def _grade_hit(
    stats: TextStatistics,
    options: Options,
    line: int,
    section: str | None,
    *,
    estimate_small_samples: bool = True,
) -> Hit | None:
    grades: list[str] = []
    skipped: list[str] = []
    overs: list[float] = []
    any_sample = False
    for formula in options.formulas:
        name = FORMULA_NAMES[formula]
        needed_sentences = options.min_sentences if formula == "smog" else 1
        if stats.sentence_count < needed_sentences:
            skipped.append(
                f"{name} not measured: sample too small "
                f"({stats.sentence_count} of {needed_sentences} sentences)"
            )
            continue
        if stats.word_count < options.min_words:
            skipped.append(
                f"{name} not measured: sample too small "
                f"({stats.word_count} of {options.min_words} words)"
            )
            continue
        any_sample = True
        value = stats.score(formula)
        grades.append(f"{name} {value:.1f}")
        if formula == "flesch-reading-ease":
            overs.append((options.min_reading_ease - value) / 10)
        else:
            overs.append(value - options.target_grade)
    if not any_sample:
        if not estimate_small_samples:
            return None
        estimate = stats.flesch_kincaid_grade() if stats.word_count else 0.0
        if estimate <= options.target_grade:
            return None
        return Hit(
            line=line,
            severity=Severity.INFO,
            params={
                "grades": f"about {estimate:.1f} (Flesch-Kincaid estimate)",
                "target": f"{options.target_grade:g}",
                "section": section or "",
                "sample": "; " + "; ".join(skipped),
            },
            snippet=f"{section or ''} estimate",
        )
    worst_over = max(overs) if options.require == "any" else min(overs)
    if worst_over <= 0:
        return None
    over_error = worst_over > options.error_grade - options.target_grade
    return Hit(
        line=line,
        severity=Severity.ERROR if over_error else None,
        params={
            "grades": ", ".join(grades),
            "target": f"{options.target_grade:g}",
            "section": section or "",
            "sample": ("; " + "; ".join(skipped)) if skipped else "",
        },
        snippet=section or "article",
    )


def _spanish_grade_hit(
    sentences: list[Sentence], options: Options, line: int, section: str | None
) -> Hit | None:
    from ..readability.spanish import SpanishStatistics, inflesz_band

    stats = SpanishStatistics(sentences)
    if stats.word_count < options.min_words:
        return None
    grades: list[str] = []
    worst_over = 0.0
    for formula in options.formulas:
        if formula not in SPANISH:
            continue
        value = stats.score(formula)
        shown = f"{FORMULA_NAMES[formula]} {value:.1f}"
        if formula == "szigriszt-pazos":
            shown += f' (INFLESZ "{inflesz_band(value)}")'
        grades.append(shown)
        if formula in SPANISH_EASE:
            worst_over = max(worst_over, (options.min_reading_ease - value) / 10)
        else:
            worst_over = max(worst_over, value - options.target_grade)
    if worst_over <= 0:
        return None
    return Hit(
        line=line,
        severity=Severity.ERROR
        if worst_over > options.error_grade - options.target_grade
        else None,
        params={
            "grades": ", ".join(grades),
            "target": f"{options.min_reading_ease:g}",
            "section": section or "",
            "sample": "",
        },
        snippet=section or "article",
    )


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    if ctx.language not in options.languages:
        return
    prose = prose_of(ctx, options.exclude)
    if not prose.sentences:
        return
    if any(formula in SPANISH for formula in options.formulas):
        if options.check == "grade":
            hit = _spanish_grade_hit(prose.sentences, options, prose.sentences[0].line, None)
            if hit is not None:
                yield hit
        elif options.check == "section-grade":
            by_section = prose.by_section()
            for index, section in enumerate(ctx.article.sections):
                own = [prose.sentences[i] for i in by_section.get(index, [])]
                hit = _spanish_grade_hit(own, options, section.line, section.title)
                if hit is not None:
                    yield hit
        return
    if options.check == "grade":
        stats = statistics_of(
            ctx, prose.sentences, prose.counts, f"readability.stats.{options.exclude!r}"
        )
        hit = _grade_hit(
            stats, options, prose.sentences[0].line, None, estimate_small_samples=options.estimate
        )
        if hit is not None:
            yield hit
        return
    if options.check == "section-grade":
        by_section = prose.by_section()
        for index, section in enumerate(ctx.article.sections):
            mine = by_section.get(index, [])
            counts = [prose.counts[i] for i in mine]
            # A section short of min_words is never graded: its statistics are not worth taking.
            if sum(c.words for c in counts) < options.min_words:
                continue
            own = [prose.sentences[i] for i in mine]
            stats = statistics_of(
                ctx, own, counts, f"readability.section.{index}.{options.exclude!r}"
            )
            # A short section's grade is noise; only sections with a real sample are judged.
            hit = _grade_hit(
                stats, options, section.line, section.title, estimate_small_samples=False
            )
            if hit is not None:
                yield hit
        return

    difficulties = difficulties_of(ctx, prose)
    if options.check == "long-words":
        # The article's own subject ("Spinal Manipulation") cannot be avoided: words of the
        # title and headings are not reported.
        topic = {
            word.lower()
            for block in ctx.article.blocks_with_role("heading")
            for word in re.findall(r"[\w'-]+", block.text)
        }
        yield from _long_words(prose, difficulties, options, topic)
        return

    if options.check == "long-sentences":
        for sentence, difficulty in zip(prose.sentences, difficulties, strict=True):
            if difficulty.words > options.long_sentence_words:
                yield _sentence_hit(sentence, difficulty, options)
        return

    candidates = []
    for sentence, difficulty in zip(prose.sentences, difficulties, strict=True):
        if (
            options.sentence_min_words <= difficulty.words <= options.long_sentence_words
            and difficulty.grade > options.sentence_grade
        ):
            candidates.append((difficulty.grade, sentence, difficulty))
    candidates.sort(key=lambda item: (-item[0], item[1].line))
    for _, sentence, difficulty in candidates[: options.max_findings]:
        yield _sentence_hit(sentence, difficulty, options)


def _long_words(
    prose: _Prose, difficulties: list[SentenceDifficulty], options: Options, topic: set[str]
) -> Iterator[Hit]:
    from ..readability.syllables import syllable_count

    allowed = {word.lower() for word in options.allow} | topic
    reported: set[str] = set()
    for sentence, difficulty in zip(prose.sentences, difficulties, strict=True):
        # Long words are a subset of the sentence's words of three or more syllables.
        for word in difficulty.polysyllables:
            key = word.lower()
            if key in reported or key in allowed:
                continue
            if "-" in key:
                continue
            syllables = syllable_count(key)
            if syllables < options.long_word_syllables:
                continue
            reported.add(key)
            yield Hit(
                line=sentence.line,
                column=sentence.column,
                params={"word": word, "syllables": syllables, "sentence": sentence.text[:80]},
                snippet=key,
            )
            if len(reported) >= options.max_findings:
                return


def _sentence_hit(sentence: Sentence, difficulty: SentenceDifficulty, options: Options) -> Hit:
    reasons = difficulty.reasons(long_sentence_words=options.long_sentence_words)
    preview = sentence.text if len(sentence.text) <= 80 else sentence.text[:77] + "…"
    return Hit(
        line=sentence.line,
        column=sentence.column,
        params={
            "grade": f"{difficulty.grade:.1f}",
            "words": difficulty.words,
            "reasons": ", ".join(reasons) or f"{difficulty.words} words",
            "sentence": preview,
        },
        snippet=sentence.text,
    )


KIND = Kind(
    name="readability",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=(
        "grades",
        "target",
        "sample",
        "section",
        "grade",
        "words",
        "reasons",
        "sentence",
        "word",
        "syllables",
    ),
)
