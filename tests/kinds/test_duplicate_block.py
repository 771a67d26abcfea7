"""duplicate-block: text pasted twice (HL105) and repeated headings (HL106)."""

from __future__ import annotations

from typing import Any

from healthlint.kinds import duplicate_block
from healthlint.kinds.base import CheckContext, Hit
from healthlint.models import Finding
from healthlint.parsers import parse_article

from .checks import TODAY, kind_hits, rule_findings

CREDITS = (
    "Current as of: July 31, 2026\n\n"
    "Author: Example Health Staff\n"
    "Clinical Review Board\n"
    "Every article is checked by doctors, nurses and pharmacists.\n"
)


def findings(text: str, rule: str, filename: str = "article.md") -> list[Finding]:
    return rule_findings(text, rule, filename)


def hits(text: str, filename: str = "article.md", **options: Any) -> list[Hit]:
    return kind_hits(duplicate_block, text, filename, **options)


def test_a_credits_block_pasted_twice_with_different_blank_lines() -> None:
    second_copy = CREDITS.replace("Staff\n", "Staff\n\n")  # a blank line more
    text = "Flu\n\nOverview\n\nFlu is an infection.\n\nCredits\n\n" + CREDITS + "\n" + second_copy
    [finding] = findings(text, "HL105", "flu.txt")
    assert (finding.line, finding.end_line) == (15, 20)
    assert finding.message.startswith(
        "The text here (4 lines) repeats the text that starts on line 9."
    )


def test_a_paragraph_pasted_twice_ignoring_case_and_spacing() -> None:
    paragraph = "Rest your ankle and keep it raised on a pillow when you sit."
    text = f"# Sprain\n\n{paragraph}\n\nIce helps.\n\n{paragraph.upper().replace(' ', '  ')}\n"
    [finding] = findings(text, "HL105")
    assert (finding.line, finding.column) == (7, 1)
    assert "line 3" in finding.message


def test_short_repeats_are_ordinary() -> None:
    text = "# Flu\n\n## Adults\n\nCall your doctor.\n\n## Children\n\nCall your doctor.\n"
    assert findings(text, "HL105") == []


def test_three_copies_give_one_finding_over_both_extra_copies() -> None:
    paragraph = "Rest your ankle and keep it raised on a pillow when you sit."
    text = "# Sprain\n\n" + "\n\n".join([paragraph] * 3) + "\n"
    [hit] = hits(text)
    assert (hit.line, hit.end_line, hit.params["first_line"]) == (5, 7, 3)


def test_a_long_run_of_identical_short_lines_is_one_finding() -> None:
    text = "# A\n\n" + "\n\n".join(["Yes."] * 500) + "\n"
    [hit] = hits(text)
    assert (hit.line, hit.params["first_line"]) == (5, 3)


def test_page_chrome_repeated_above_and_below_is_not_reported() -> None:
    notice = "This information does not replace the advice of a doctor or nurse."
    html = (
        f"<html><body><header><p>{notice}</p></header>\n"
        "<main><h1>Flu</h1><p>Flu is an infection.</p></main>\n"
        f"<footer><p>{notice}</p></footer></body></html>\n"
    )
    assert findings(html, "HL105", "flu.html") == []


def test_min_words() -> None:
    text = "# A\n\nCall your doctor today.\n\nRest.\n\nCall your doctor today.\n"
    assert hits(text) == []
    assert len(hits(text, min_words=4)) == 1


def test_same_heading_twice_under_the_same_parent() -> None:
    text = "# Flu\n\n## Treatment\n\nRest.\n\n## Outlook\n\nGood.\n\n## treatment:\n\nFluids.\n"
    [finding] = findings(text, "HL106")
    assert finding.line == 11
    assert '"treatment:" already appears on line 3' in finding.message


def test_same_heading_under_different_parents_is_structure() -> None:
    text = (
        "# Flu\n\n## Adults\n\n### Symptoms\n\nFever.\n\n"
        "## Children\n\n### Symptoms\n\nFever and fussiness.\n"
    )
    assert findings(text, "HL106") == []


def test_a_one_megabyte_article_is_checked_in_linear_time() -> None:
    # Every line distinct except a few repeated blocks: the worst case for a naive scan is
    # many lines that share their first words.
    lines = [f"Line {number} says the same few words again and again." for number in range(20000)]
    lines += lines[100:110]
    text = "# Big\n\n" + "\n\n".join(lines) + "\n"
    text += "\n".join(["Short line."] * 20000) + "\n"
    assert len(text) > 1_000_000
    article = parse_article(text, filename="big.md")
    ctx = CheckContext(article=article, today=TODAY, path="big.md")
    found = list(duplicate_block.check(ctx, duplicate_block.Options(), None))
    assert [(h.params["count"], h.params["first_line"]) for h in found][:1] == [(10, 203)]
    assert len(found) == 2  # the ten pasted lines, and the run of "Short line."


def test_a_section_pasted_again_is_reported_across_sections() -> None:
    section = "## Caring for a sprain at home\n\nRest your ankle and raise it on a pillow.\n\n"
    text = "# Sprain\n\n" + section + "## Outlook\n\nMost sprains heal.\n\n" + section
    [hit] = hits(text)
    assert (hit.line, hit.params["first_line"]) == (11, 3)


def test_template_paragraphs_closing_each_section_are_not_reported() -> None:
    closing = (
        "Ask your care team which of these treatments fits you best.\n\n"
        "Your team can also tell you about studies of new treatments that are open to you.\n\n"
    )
    text = "# Sprain\n\n## Stage one\n\nRest.\n\n" + closing
    text += "## Stage two\n\nBrace.\n\n" + closing
    assert hits(text) == []


def test_the_same_items_in_two_lists_are_not_reported() -> None:
    items = "- soft cooked carrot sticks and slices of ripe pear\n- plain unsweetened yoghurt\n"
    text = "# Food\n\n## Meals\n\n" + items + "\n## Snacks\n\n" + items
    assert hits(text) == []


def test_key_points_taken_up_again_as_headings_are_not_reported() -> None:
    point = "Radiation therapy uses strong beams of energy to kill the cancer cells."
    text = f"# Cancer\n\n## Key points\n\n- {point}\n\n## {point}\n\nThis is how it works.\n"
    assert hits(text) == []


def test_an_item_repeated_in_the_same_list_as_a_pair_is_reported() -> None:
    pair = "- soft cooked carrot sticks and slices of ripe pear\n- plain unsweetened yoghurt\n"
    text = "# Food\n\n" + pair + "- rice cakes\n" + pair
    [hit] = hits(text)
    assert hit.params["first_line"] == 3
