import datetime as dt

from healthlint import parse_article

ARTICLE = """\
---
title: Strep Throat
type: condition
reviewed: 2026-02-14
next_review: 2028-02-01
authors: [Health Library Staff]
reviewers: ["Lee Park, MD, Family Medicine"]
---
# Strep Throat

## Overview
Strep throat is an infection
caused by bacteria.

Symptoms
--------
- Sore throat
- Fever

**When To Call a Doctor**

Call if you have trouble swallowing.

<!-- healthlint-disable-next-line HL601 -- quoted from the lab form -->
The lab runs a rapid antigen test.

| Test | Time |
|------|------|
| Rapid | 10 minutes |
"""


def test_front_matter_and_title() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    assert article.title == "Strep Throat"
    assert article.article_type == "condition"
    assert article.type_source == "front-matter"
    assert article.metadata["authors"] == ["Health Library Staff"]


def test_atx_and_setext_headings_with_lines() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    assert [(s.title, s.level, s.line) for s in article.sections] == [
        ("Overview", 2, 11),
        ("Symptoms", 2, 15),
    ]


def test_a_bold_line_is_emphasis_where_the_article_has_heading_markup() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    lead_in = next(b for b in article.blocks if b.text == "When To Call a Doctor")
    assert (lead_in.role, lead_in.line) == ("prose", 20)


def test_bold_lines_are_the_headings_of_an_article_without_heading_markup() -> None:
    text = "**Symptoms**\n\nA sore throat.\n\n**When To Call a Doctor**\n\nIf you cannot swallow.\n"
    article = parse_article(text, filename="strep.md")
    assert [s.title for s in article.sections] == ["Symptoms", "When To Call a Doctor"]


def test_paragraph_keeps_source_lines() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    paragraph = next(b for b in article.blocks if b.text.startswith("Strep throat"))
    assert (paragraph.line, paragraph.end_line) == (12, 13)
    assert paragraph.text == "Strep throat is an infection\ncaused by bacteria."


def test_list_items_and_tables() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    assert [b.text for b in article.blocks if b.list_item] == ["Sore throat", "Fever"]
    table = article.blocks_with_role("table")
    assert len(table) == 1 and "Rapid" in table[0].text


def test_front_matter_credits_point_at_their_keys() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    credits = article.credits
    assert [(p.name, p.line) for p in credits.authors] == [("Health Library Staff", 6)]
    assert [(p.name, p.credentials) for p in credits.reviewers] == [("Lee Park", ["MD"])]
    reviewed = credits.dates_of("reviewed")[0]
    assert (reviewed.value, reviewed.line) == (dt.date(2026, 2, 14), 4)
    assert credits.dates_of("next_review")[0].value == dt.date(2028, 2, 1)


def test_suppression_comment_is_read() -> None:
    article = parse_article(ARTICLE, filename="strep.md")
    (directive,) = article.directives
    assert directive.action == "disable-next-line"
    assert directive.rules == ["HL601"]
    assert directive.reason == "quoted from the lab form"
    assert directive.line == 24


def test_invalid_front_matter_is_a_problem_with_a_line() -> None:
    article = parse_article("---\ntitle: A\nreviewed: [2026\n---\n# A\n", filename="a.md")
    (problem,) = article.problems
    assert problem.code == "front-matter"
    assert problem.line >= 3


def test_front_matter_must_be_a_mapping_and_refuses_python_tags() -> None:
    listed = parse_article("---\n- a\n- b\n---\n# A\n", filename="a.md")
    assert listed.problems and "mapping" in listed.problems[0].message
    tagged = parse_article("---\nx: !!python/object/apply:os.system [echo]\n---\n", filename="a.md")
    assert tagged.problems and tagged.metadata == {}


def test_alias_bomb_is_refused() -> None:
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n# T\n"
    article = parse_article(bomb, filename="bomb.md")
    assert article.problems and "alias" in article.problems[0].message
