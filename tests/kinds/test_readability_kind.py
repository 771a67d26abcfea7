"""The readability rule kind: grades on prose only, equal to textstat, down to the sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.kinds.base import CheckContext
from healthlint.kinds.readability import prose_of
from healthlint.parsers import parse_article
from healthlint.readability.prose import join_sentences
from healthlint.readability.stats import TextStatistics

TODAY = dt.date(2026, 11, 26)

EASY = "You can rest at home. Drink lots of water. Sleep when you feel tired. "
HARD = (
    "Pharmacological interventions necessitate individualized consideration of "
    "contraindications and comorbidities in elderly patients. "
)

ARTICLE = f"""\
---
title: Colds
type: condition
---
# Colds

This information does not replace the advice of a doctor. Institutional disclaimers
necessitate comprehensive acknowledgement of informational limitations.

## Overview

{EASY * 6}

## Treatment

{EASY * 4}

- Honey can ease a cough in children over one year old
- Saline spray can help a stuffy nose

## Credits

Last reviewed: March 2, 2026
Author: Health Library Staff, with comprehensive institutional collaboration
"""


def findings(text: str, select: str, filename: str = "a.md") -> list[tuple[str, int, str]]:
    linter = Linter(Config(select=[select]), today=TODAY)
    return [(f.rule, f.line, f.message) for f in linter.lint_text(text, filename=filename)]


def test_only_prose_is_measured() -> None:
    article = parse_article(ARTICLE, filename="colds.md")
    context = CheckContext(article=article, today=TODAY, path="colds.md")
    prose = prose_of(context, ["does not replace the advice"])
    measured = join_sentences(prose.sentences)
    assert "disclaimer" not in measured.lower()  # the disclaimer paragraph is left out
    assert "Credits" not in measured and "Reviewed" not in measured
    assert "Colds" not in measured and "Overview" not in measured  # headings
    assert "Honey can ease a cough in children over one year old." in measured  # list item


def test_grade_equals_textstat_on_the_same_prose() -> None:
    from healthlint.readability.textstat_adapter import textstat_scores

    article = parse_article(ARTICLE + "\n" + HARD * 3, filename="colds.md")
    context = CheckContext(article=article, today=TODAY, path="colds.md")
    sentences = prose_of(context, []).sentences
    ours = TextStatistics(sentences)
    reference = textstat_scores(join_sentences(sentences))
    assert ours.flesch_kincaid_grade() == pytest.approx(reference["flesch-kincaid"], abs=0.01)
    assert ours.smog() == pytest.approx(reference["smog"], abs=0.01)


def test_easy_article_has_no_grade_finding() -> None:
    assert findings(ARTICLE, "HL401") == []


def test_hard_article_gets_a_grade_finding() -> None:
    hard = ARTICLE.replace(EASY * 6, HARD * 12)
    (finding,) = findings(hard, "HL401")
    assert finding[0] == "HL401"
    assert "Flesch-Kincaid" in finding[2] and "above the grade 8 target" in finding[2]


def test_small_sample_is_said_not_graded() -> None:
    from healthlint.kinds import readability

    from .checks import kind_hits

    short = "# Colds\n\n" + HARD + HARD
    (hit,) = kind_hits(readability, short, check="grade")
    assert "sample too small" in hit.params["sample"]
    assert "estimate" in hit.params["grades"]
    assert hit.severity is not None and hit.severity.value == "info"
    assert kind_hits(readability, short, check="grade", estimate=False) == []
    assert findings(short, "HL401") == []  # HL401 grades only a sample big enough


def test_hardest_sentence_is_reported_at_its_line() -> None:
    text = "# Colds\n\n" + EASY + "\n\n" + EASY + "\n" + HARD + "\n\n" + EASY
    (finding,) = findings(text, "HL403")
    assert finding[1] == 6
    assert "long words: Pharmacological, interventions" in finding[2]


def test_long_sentence_is_reported_with_its_length() -> None:
    long_sentence = " ".join(["word"] * 34) + "."
    text = f"Colds\n\n{EASY}\n\n{long_sentence}\n"
    (finding,) = findings(text, "HL404", filename="colds.txt")
    assert finding[1] == 5
    assert "34 words" in finding[2]


def test_long_words_are_reported_once_except_the_articles_own_subject() -> None:
    text = (
        "# Immunization Basics\n\nImmunization protects children. Your doctor can explain "
        "the recommendations. The recommendations change each year. Immunization is safe.\n"
    )
    messages = [m for _, _, m in findings(text, "HL405")]
    assert messages == [
        '"recommendations" has 5 syllables. Use a shorter, everyday word if there is one, '
        "or explain it the first time."
    ]


def test_require_all_reports_only_what_every_formula_puts_over_the_target() -> None:
    from healthlint.kinds import readability

    from .checks import kind_hits

    # Short sentences with one three-syllable word each: SMOG counts that word in every
    # sentence (about grade 8.8), Flesch-Kincaid sees short, easy sentences (about grade 3).
    fruit = ["banana", "tomato", "potato", "apricot", "avocado"]
    body = " ".join(f"Eat a {fruit[n % 5]} each day." for n in range(32))
    text = f"# Fruit\n\n{body}\n"
    options = {"check": "grade", "formulas": ["smog", "flesch-kincaid"]}
    (either,) = kind_hits(readability, text, **options)
    assert "SMOG 8." in either.params["grades"]
    assert kind_hits(readability, text, **options, require="all") == []
    hard = "# Drugs\n\n" + HARD * 32
    (both,) = kind_hits(readability, hard, **options, require="all")
    assert both.severity is not None and both.severity.value == "error"


def _measured(text: str, filename: str) -> list[str]:
    article = parse_article(text, filename=filename)
    context = CheckContext(article=article, today=TODAY, path=filename)
    return [s.text for s in prose_of(context, []).sentences]


def test_link_titles_are_not_prose() -> None:
    markdown = (
        "# Help\n\n"
        "You can manage your care online: <br>\n"
        "[Refill your prescriptions](/refill) <br>\n"
        "[Send a message to your health care provider](/message)\n\n"
        "Visit the [Comprehensive Interdisciplinary Rehabilitation Association website](/x).\n\n"
        "Read about [iron](/iron) and [zinc](/zinc) in the foods your child eats.\n"
    )
    assert _measured(markdown, "help.md") == [
        "You can manage your care online.",
        "Read about iron and zinc in the foods your child eats.",
    ]
    html = (
        "<h1>Help</h1><p>You can manage your care online:<br>\n<a href='/r'>Refill your "
        "prescriptions</a><br>\n<a href='/m'>Send a message</a></p>"
    )
    assert _measured(html, "help.html") == ["You can manage your care online."]


def test_garbled_words_are_measured_as_the_words_they_were() -> None:
    text = "# Iron\n\nIron supports a child\u00e2\u20ac\u2122s ability to learn.\n"
    assert _measured(text, "iron.md") == ["Iron supports a child\u2019s ability to learn."]


def test_the_closing_about_this_summary_section_is_not_graded() -> None:
    text = (
        "# Ginger\n\n## Overview\n\nGinger is a root. People eat it.\n\n"
        "## About This Summary\n\n### Permission to Use This Summary\n\n"
        "Reproduction of this summary is permitted provided that the content is reproduced "
        "verbatim with appropriate attribution to the institutional authors concerned.\n"
    )
    assert _measured(text, "ginger.md") == ["Ginger is a root.", "People eat it."]


@pytest.mark.parametrize(
    "disclaimer",
    [
        "This information DOES NOT   replace\nthe advice of a doctor.",
        "It is\tnot meant to replace your visit.",
        "Esta información no sustituye la consulta médica.",
        "This page doesn’t replace care; it is “for informational purposes only”.",
    ],
)
def test_a_block_with_an_excluded_phrase_is_left_out_whatever_its_spacing(
    disclaimer: str,
) -> None:
    text = f"# Colds\n\n{disclaimer}\n\n{EASY * 3}\n"
    article = parse_article(text, filename="colds.md")
    context = CheckContext(article=article, today=TODAY, path="colds.md")
    measured = join_sentences(
        prose_of(
            context,
            [
                "does not replace the advice",
                "not meant to replace",
                "no sustituye",
                "for informational purposes only",
            ],
        ).sentences
    )
    assert measured.startswith("You can rest at home.")
    assert "replace" not in measured and "sustituye" not in measured
