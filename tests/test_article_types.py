"""An article's type read from its first sentence when front matter, configuration and headings
are silent: "Antibiotics are medicines that…" brings the medicine caveats, not the medicine
section schema."""

from __future__ import annotations

import datetime as dt

import pytest

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.parsers import parse_article

TODAY = dt.date(2026, 11, 26)
DISCLAIMER = "This page does not replace the advice of your doctor."


def typed(text: str, filename: str = "page.md") -> tuple[str | None, str | None]:
    article = parse_article(text, filename=filename)
    Linter(Config(), today=TODAY).check_article(article)
    return article.article_type, article.type_source


def rules_reported(text: str, filename: str = "page.md") -> set[str]:
    linter = Linter(Config(), today=TODAY)
    return {f.rule for f in linter.lint_text(text, filename=filename)}


@pytest.mark.parametrize(
    "text",
    [
        "# Antibiotics\n\nAntibiotics are medicines that fight infections caused by bacteria.\n",
        "# Blood thinners\n\nBlood thinners are a type of medicine that stops clots forming.\n",
        "# Capecitabine - Cancer Institute\n\nPlaceholder\n\n(ka-peh-SY-tuh-been)\n\n"
        "Capecitabine is a type of chemotherapy called an antimetabolite, which is a drug that "
        "blocks cell growth.\n",
        "Analgésicos\n===========\n\nLos analgésicos son medicinas que alivian el dolor.\n",
        "# Antidepresivos\n\nLos antidepresivos son medicamentos que tratan la depresión.\n",
    ],
)
def test_a_page_that_defines_its_subject_as_a_medicine_is_a_medicine_article(text: str) -> None:
    assert typed(text) == ("medicine", "first-sentence")


@pytest.mark.parametrize(
    "text",
    [
        # The definition is not about the title's subject.
        "# High blood pressure\n\nHigh blood pressure is a condition that medicines can treat.\n",
        "# Asthma\n\nAsthma is a long-term disease of the lungs. Inhalers are medicines.\n",
        # The subject is a drug only in a later sentence.
        "# Flu\n\nFlu is an infection of the nose and throat. Antivirals are drugs.\n",
        "# Diabetes\n\nLa diabetes es una enfermedad en la que el azúcar en la sangre sube.\n",
        # Not in an opening paragraph: a list item.
        "# Pain\n\n- Pain is a drug side effect sometimes.\n",
    ],
)
def test_other_openings_give_no_type(text: str) -> None:
    assert typed(text) == (None, None)


def test_headings_still_decide_first() -> None:
    text = (
        "Knee Surgery\n\nTreatment Overview\n\nKnee surgery is a treatment, not a drug.\n\n"
        "Risks\n\nText.\n"
    )
    assert typed(text, "knee.txt") == ("treatment", "headings")


def test_a_type_from_the_first_sentence_brings_its_caveats_not_its_sections() -> None:
    page = (
        "# Antibiotics\n\nAntibiotics are medicines that fight infections caused by bacteria."
        " Take them as your doctor tells you.\n\n" + DISCLAIMER + "\n"
    )
    reported = rules_reported(page)
    assert "HL508" in reported  # nothing about pregnancy or breastfeeding
    assert not reported & {"HL101", "HL102"}
    told = page.replace("Take them", "If you are pregnant, ask before you take them. Take them")
    assert "HL508" not in rules_reported(told)


def test_a_declared_medicine_article_still_gets_its_sections() -> None:
    page = (
        "---\ntype: medicine\n---\n# Antibiotics\n\nAntibiotics are medicines that fight "
        "bacteria.\n\n" + DISCLAIMER + "\n"
    )
    assert "HL101" in rules_reported(page)
