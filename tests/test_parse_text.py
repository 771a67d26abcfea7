"""Plain-text articles in the layout health libraries publish."""

import datetime as dt

from healthlint import parse_article

ARTICLE = """\
NOTICE: Our offices close early on Friday

This information does not replace the advice of a doctor.

Cast Care for Children

Treatment Overview

A cast keeps a broken bone still while it heals. Most casts stay on for four to six weeks.

Plaster.

Plaster casts are heavy but easy to shape.

Fiberglass.

Fiberglass casts are light and come in many colors.

Why It Is Done

Your child's doctor uses a cast to:

  • Hold the bone in place.
  - Ease pain.
  * Protect the arm from bumps.

Related Information

Credits

Current as of: March 10, 2026

Author: Health Library Staff
Medical Review: Ana Ruiz MD - Pediatrics
Clinical Review Board
"""


def test_title_sections_and_chrome() -> None:
    article = parse_article(ARTICLE, filename="cast-care-for-children.txt")
    assert article.format == "text"
    assert article.title == "Cast Care for Children"
    assert article.title_line == 5
    assert [(s.title, s.line) for s in article.sections] == [
        ("Treatment Overview", 7),
        ("Why It Is Done", 19),
        ("Related Information", 27),
        ("Credits", 29),
    ]
    chrome = article.blocks_with_role("chrome")
    assert [b.line for b in chrome] == [1, 3]


def test_term_lines_are_prose_not_headings() -> None:
    article = parse_article(ARTICLE, filename="cast-care-for-children.txt")
    titles = {s.title for s in article.sections}
    assert "Plaster." not in titles and "Fiberglass." not in titles
    prose = [b.text for b in article.blocks_with_role("prose")]
    assert "Plaster." in prose


def test_bullets_of_every_kind_are_list_items() -> None:
    article = parse_article(ARTICLE, filename="cast-care-for-children.txt")
    items = [(b.text, b.line) for b in article.blocks if b.list_item]
    assert items == [
        ("Hold the bone in place.", 23),
        ("Ease pain.", 24),
        ("Protect the arm from bumps.", 25),
    ]


def test_empty_section_has_no_words() -> None:
    article = parse_article(ARTICLE, filename="cast-care-for-children.txt")
    related = next(s for s in article.sections if s.title == "Related Information")
    assert related.word_count == 0
    overview = article.sections[0]
    assert overview.word_count > 30


def test_credits_block() -> None:
    article = parse_article(ARTICLE, filename="cast-care-for-children.txt")
    credits = article.credits
    assert [(p.name, p.line) for p in credits.authors] == [("Health Library Staff", 33)]
    assert [(p.name, p.credentials, p.line) for p in credits.reviewers] == [
        ("Ana Ruiz", ["MD"], 34)
    ]
    assert [b.name for b in credits.review_boards] == ["Clinical Review Board"]
    (date,) = credits.dates
    assert (date.kind, date.value, date.line) == ("reviewed", dt.date(2026, 3, 10), 31)
    assert all(b.role == "credits" for b in article.blocks if b.line >= 31)


def test_title_found_without_filename() -> None:
    article = parse_article(ARTICLE)
    assert article.title == "Cast Care for Children"
