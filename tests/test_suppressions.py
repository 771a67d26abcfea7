"""Inline suppressions as editors write them: Markdown and HTML comments, the plain-text form."""

from __future__ import annotations

import datetime as dt

import pytest

from healthlint.config import Config, PathOverride
from healthlint.engine import Linter
from healthlint.models import Finding

TODAY = dt.date(2026, 11, 26)
# HL302: a review over 3 years old; HL304: a date label without a date; HL305: a numeric date
# that reads differently day-first; HL004/HL005: the suppression comments themselves.
RULES = ["HL302", "HL304", "HL305", "HL004", "HL005"]


def lint(text: str, filename: str, *, require_reason: bool = False) -> list[Finding]:
    config = Config(select=RULES, require_reason=require_reason)
    return Linter(config, today=TODAY).lint_text(text, filename=filename)


def found(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in findings]


STALE_MD = """\
# Pink Eye

Pink eye makes the white of the eye look red.

Last reviewed: January 5, 2022
"""


def test_without_a_comment_the_stale_date_is_reported() -> None:
    assert found(lint(STALE_MD, "pink-eye.md")) == [(5, "HL302")]


@pytest.mark.parametrize("selector", ["HL302", "review-date-stale", "freshness", "HL3"])
def test_markdown_comment_hides_the_next_line_by_id_name_category_or_prefix(
    selector: str,
) -> None:
    text = STALE_MD.replace(
        "Last reviewed:",
        f"<!-- healthlint-disable-next-line {selector} -- reviewed by phone -->\nLast reviewed:",
    )
    assert found(lint(text, "pink-eye.md")) == []


def test_a_comment_for_another_rule_hides_nothing_and_is_reported_unused() -> None:
    text = STALE_MD.replace(
        "Last reviewed:",
        "<!-- healthlint-disable-next-line HL305 -- not this one -->\nLast reviewed:",
    )
    findings = lint(text, "pink-eye.md")
    assert found(findings) == [(5, "HL004"), (6, "HL302")]
    unused = findings[0]
    assert "HL305" in unused.message and unused.severity.value == "warning"


def test_a_typo_in_the_rule_is_named_in_the_unused_report() -> None:
    text = STALE_MD.replace(
        "Last reviewed:", "<!-- healthlint-disable-next-line HL3O2 -->\nLast reviewed:"
    )
    findings = lint(text, "pink-eye.md")
    assert found(findings) == [(5, "HL004"), (6, "HL302")]
    assert "HL3O2 (no such rule)" in findings[0].message


def test_comment_without_rules_hides_every_rule_on_the_next_block() -> None:
    text = STALE_MD.replace(
        "Last reviewed:", "<!-- healthlint-disable-next-line -->\nLast reviewed:"
    )
    assert found(lint(text, "pink-eye.md")) == []


def test_next_line_covers_a_whole_wrapped_block_only() -> None:
    text = """\
# Pink Eye

<!-- healthlint-disable-next-line HL304 -- dates arrive with the print edition -->
Last reviewed: spring
Updated: autumn

Last reviewed: winter
"""
    # The comment covers the credits block under it (two lines), not the later one.
    assert found(lint(text, "pink-eye.md")) == [(7, "HL304")]


def test_inline_comment_at_the_end_of_a_line_disables_that_line() -> None:
    text = STALE_MD.replace(
        "January 5, 2022", "January 5, 2022 <!-- healthlint-disable-line HL302 -- on file -->"
    )
    assert found(lint(text, "pink-eye.md")) == []


def test_inline_comment_inside_a_wrapped_paragraph_keeps_its_own_line() -> None:
    text = """\
# Pink Eye

Pink eye makes the white of the eye look red.
It spreads easily. <!-- healthlint-disable-line HL302 -->
"""
    findings = lint(text, "pink-eye.md")
    assert found(findings) == [(4, "HL004")]


def test_block_disable_and_enable() -> None:
    text = """\
# Pink Eye

<!-- healthlint-disable HL304 -- the print edition fills these in -->

Last reviewed: spring

<!-- healthlint-enable HL304 -->

Last reviewed: winter
"""
    assert found(lint(text, "pink-eye.md")) == [(9, "HL304")]


def test_enable_of_one_rule_leaves_the_others_of_a_wider_disable_off() -> None:
    text = """\
# Pink Eye

<!-- healthlint-disable freshness -- legacy page -->

Last reviewed: spring

<!-- healthlint-enable HL304 -->

Last reviewed: winter

Last reviewed: 4/5/2025
"""
    # After the enable, HL304 is on again but HL305 (also freshness) stays off.
    assert found(lint(text, "pink-eye.md")) == [(9, "HL304")]


def test_disable_without_enable_runs_to_the_end_of_the_file() -> None:
    text = (
        "# Pink Eye\n\n<!-- healthlint-disable HL304 -->\n\nLast reviewed: spring\n\n"
        "Last reviewed: winter\n"
    )
    assert found(lint(text, "pink-eye.md")) == []


def test_disable_file_anywhere_in_the_file() -> None:
    text = STALE_MD + "\n<!-- healthlint-disable-file HL302 -- archived article -->\n"
    assert found(lint(text, "pink-eye.md")) == []


def test_plain_text_bracket_form() -> None:
    text = """\
Pink Eye

Pink eye makes the white of the eye look red.

[healthlint-disable-next-line HL302 -- reviewed by phone, record pending]
Current as of: January 5, 2022
"""
    assert found(lint(text, "pink-eye.txt")) == []
    unrelated = text.replace("HL302 -- reviewed", "HL305 -- reviewed")
    assert found(lint(unrelated, "pink-eye.txt")) == [(5, "HL004"), (6, "HL302")]


def test_plain_text_bracket_form_for_a_whole_file() -> None:
    text = (
        "[healthlint-disable-file freshness -- reference copy]\n\nPink Eye\n\n"
        "Pink eye makes the white of the eye look red.\n\nCurrent as of: January 5, 2022\n"
    )
    assert found(lint(text, "pink-eye.txt")) == []


def test_html_comments() -> None:
    text = """\
<html><body><main>
<h1>Pink Eye</h1>
<p>Pink eye makes the white of the eye look red.</p>
<!-- healthlint-disable-next-line HL302 -- reviewed by phone -->
<p>Last reviewed: January 5, 2022</p>
</main></body></html>
"""
    assert found(lint(text, "pink-eye.html")) == []
    inline = text.replace(
        "<!-- healthlint-disable-next-line HL302 -- reviewed by phone -->\n", ""
    ).replace("2022</p>", "2022 <!-- healthlint-disable-line review-date-stale --></p>")
    assert found(lint(inline, "pink-eye.html")) == []


def test_comments_inside_code_are_not_directives() -> None:
    text = STALE_MD + "\n```html\n<!-- healthlint-disable-file -->\n```\n"
    assert found(lint(text, "pink-eye.md")) == [(5, "HL302")]


def test_require_reason_reports_suppressions_without_one() -> None:
    text = STALE_MD.replace(
        "Last reviewed:", "<!-- healthlint-disable-next-line HL302 -->\nLast reviewed:"
    )
    # Without require-reason a bare suppression is fine.
    assert found(lint(text, "pink-eye.md")) == []
    findings = lint(text, "pink-eye.md", require_reason=True)
    assert found(findings) == [(5, "HL005")]
    assert "HL302" in findings[0].message and "-- reason" in findings[0].message
    # The finding itself stays hidden: the comment works, it only lacks a reason.
    with_reason = text.replace("HL302 -->", "HL302 -- reviewed by phone -->")
    assert found(lint(with_reason, "pink-eye.md", require_reason=True)) == []


def test_empty_reason_counts_as_none() -> None:
    text = STALE_MD.replace(
        "Last reviewed:", "<!-- healthlint-disable-next-line HL302 -- -->\nLast reviewed:"
    )
    assert found(lint(text, "pink-eye.md", require_reason=True)) == [(5, "HL005")]


def test_unused_suppressions_of_rules_that_did_not_run_are_not_reported() -> None:
    text = STALE_MD.replace(
        "Last reviewed:", "<!-- healthlint-disable-next-line HL305 -->\nLast reviewed:"
    )
    # HL305 is not selected for this run, so nothing can say whether the comment is needed.
    findings = Linter(Config(select=["HL302", "HL004"]), today=TODAY).lint_text(
        text, filename="pink-eye.md"
    )
    assert found(findings) == [(6, "HL302")]


def test_overrides_can_turn_off_unused_suppression_reports_for_a_folder() -> None:
    text = STALE_MD.replace(
        "Last reviewed:", "<!-- healthlint-disable-next-line HL305 -->\nLast reviewed:"
    )
    config = Config(
        select=RULES, overrides=[PathOverride(files=["legacy/"], ignore=["unused-suppression"])]
    )
    linter = Linter(config, today=TODAY)
    assert found(linter.lint_text(text, filename="legacy/pink-eye.md")) == [(6, "HL302")]
    assert found(linter.lint_text(text, filename="current/pink-eye.md")) == [
        (5, "HL004"),
        (6, "HL302"),
    ]


def test_a_used_suppression_is_not_reported_even_when_others_are() -> None:
    text = """\
# Pink Eye

<!-- healthlint-disable-next-line HL304 -- print edition -->
Last reviewed: spring

<!-- healthlint-disable-next-line HL304 -->
Pink eye makes the white of the eye look red.
"""
    assert found(lint(text, "pink-eye.md")) == [(6, "HL004")]
