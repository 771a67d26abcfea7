"""Site chrome told from the article on whole pages converted to Markdown."""

from healthlint import parse_article

CONVERTED_PAGE = """\
Zinc | Nutrition | Example Agency

[Skip directly to site content](#content)

**Error processing SSI file**

**Official websites use .gov**

A .gov website belongs to an official government organization in the United States.

Zinc
====

[Top of Page](#)
What Does Zinc Do?
------------------

Zinc helps the body fight germs and heal cuts. Children need zinc to grow well.

##### [**Foods With Zinc**](#foods)

Foods With Zinc
---------------

Meat, beans and whole grains have zinc.

### Shop Simple

Find deals near you.

**[Learn more](https://example.org/shop)**

Support links
-------------

* [Home](/)
* [Contact](/contact)
"""


def _read():  # type: ignore[no-untyped-def]
    return parse_article(CONVERTED_PAGE, filename="zinc.md")


def test_the_title_is_the_h1_after_the_site_banner() -> None:
    assert _read().title == "Zinc"


def test_only_the_articles_own_headings_are_sections() -> None:
    assert [s.title for s in _read().sections] == ["What Does Zinc Do?", "Foods With Zinc"]


def test_chrome_is_never_prose_and_keeps_its_reason() -> None:
    article = _read()
    prose = " ".join(b.text for b in article.blocks if b.role == "prose")
    assert ".gov" not in prose and "Learn more" not in prose and "Find deals" not in prose
    reasons = {b.text: b.reason for b in article.blocks if b.role == "chrome"}
    assert reasons["Official websites use .gov"] == "before the article's title"
    assert reasons["Foods With Zinc"] == "a heading that is only a link: a navigation card"
    assert reasons["Shop Simple"].startswith("a promotion card")
    assert reasons["Support links"].startswith("a site widget heading")


def test_raw_html_alert_box_above_the_outline_is_chrome_but_still_read() -> None:
    text = """\
---
title: Mental Health Care
---

<div class="usa-alert">
<h4>How do I talk to someone right now?</h4>
<p>Call 911.</p>
</div>

## Getting Started

You can get care at any clinic near you, with or without an appointment, on any day.
"""
    article = parse_article(text, filename="care.md")
    assert [s.title for s in article.sections] == ["Getting Started"]
    call = next(b for b in article.blocks if b.text == "Call 911.")
    assert (call.role, call.line, call.reason) == ("chrome", 7, "an alert box above the article")


def test_a_block_of_widget_lines_is_chrome() -> None:
    page = "# Iron\n\n[Minus](#collapse_1)\nRelated Pages\n\nIron helps the blood carry oxygen.\n"
    article = parse_article(page, filename="iron.md")
    toggle = next(b for b in article.blocks if b.text.startswith("Minus"))
    assert toggle.role == "chrome"
    assert [b.text for b in article.blocks if b.role == "prose"] == [
        "Iron helps the blood carry oxygen."
    ]


def test_the_last_promotion_card_is_chrome_though_its_section_runs_into_the_footer() -> None:
    page = (
        "# Healthy Eating for Kids\n\n"
        "Children need fruit, vegetables and whole grains every day to grow well and stay"
        " healthy at school and at home.\n\n"
        "### Try the Snack Planner App\n\n"
        "Plan healthy snacks one week at a time! Download the planner today.\n\n"
        "**[Learn more](/apps/planner)**\n\n"
        "This site is based on the national dietary guidelines for families, 2020-2025\n\n"
        "**[Learn more](/guidelines)**\n"
    )
    article = parse_article(page, filename="kids.md")
    assert [s.title for s in article.sections] == []
    card = next(b for b in article.blocks if b.text == "Try the Snack Planner App")
    assert card.role == "chrome" and card.reason is not None
    assert "promotion card" in card.reason


def test_a_deep_heading_written_as_a_sentence_above_the_outline_is_a_notice() -> None:
    page = (
        "# Cow's Milk\n\n"
        "##### Help for families during the formula shortage can be found [here.](/help)\n\n"
        "Your growing child needs calcium and vitamin D to build strong bones.\n\n"
        "## When to start cow's milk\n\nAt about 12 months.\n"
    )
    article = parse_article(page, filename="milk.md")
    assert [s.title for s in article.sections] == ["When to start cow's milk"]
    intro = next(b for b in article.blocks if b.text.startswith("Your growing child"))
    assert intro.role == "prose"


def test_sections_after_the_closing_about_this_summary_section_are_the_site_s() -> None:
    page = (
        "# Ginger Tea\n\n## Overview\n\nGinger tea is a drink made from ginger root.\n\n"
        "## About This Summary\n\nThis summary is written and kept up to date by our editors.\n\n"
        "### Reviewers and Updates\n\nThe editors review it every year.\n\n"
        "## General Information About Herbal Products\n\n"
        "Herbal products are sold as teas, pills and powders in many shops.\n"
    )
    article = parse_article(page, filename="ginger.md")
    assert [s.title for s in article.sections] == [
        "Overview",
        "About This Summary",
        "Reviewers and Updates",
    ]
    appended = next(b for b in article.blocks if b.text.startswith("Herbal products"))
    assert appended.role == "chrome" and "About this" in (appended.reason or "")
