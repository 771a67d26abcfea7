"""Whole web pages and broken HTML, as saved from a browser or exported by a CMS."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthlint.models import to_data
from healthlint.parsers import parse_article

if TYPE_CHECKING:
    from conftest import Check


def _article(path: Path) -> dict[str, Any]:
    """What ``healthlint inspect`` shows for a file."""
    article = parse_article(path.read_text(encoding="utf-8"), filename=path.name)
    return to_data(article)


def _text(article: dict[str, Any], *roles: str) -> str:
    return "\n".join(b["text"] for b in article["blocks"] if b["role"] in roles)


def test_only_the_main_content_is_the_article(files: Path) -> None:
    article = _article(files / "whole-web-page.html")
    assert article["title"] == "Shingles"
    assert [(s["title"], s["line"]) for s in article["sections"]] == [
        ("Check if you have shingles", 18),
        ("When to get help", 21),
    ]
    body = _text(article, "prose", "heading", "credits", "links")
    for chrome in (
        "cookies",
        "Skip to main content",
        "Health A to Z",
        "Live well",
        "Privacy",
        "not the article",
    ):
        assert chrome not in body
    # Navigation, breadcrumbs, the cookie banner and the footer are kept, as page chrome.
    assert "Accept all cookies" in _text(article, "chrome")
    assert "Disclaimer" in _text(article, "chrome")


def test_a_footer_link_named_disclaimer_is_not_a_disclaimer(files: Path, check: Check) -> None:
    run = check("whole-web-page.html", "--select", "HL501", "--format", "json")
    assert run.rules_at("whole-web-page.html") == [("HL501", 16)]
    assert run.code == 1


def test_comment_thread_dates_are_not_review_dates(files: Path, check: Check) -> None:
    article = _article(files / "whole-web-page.html")
    assert [(d["kind"], d["raw"], d["line"]) for d in article["credits"]["dates"]] == [
        ("reviewed", "14 March 2025", 24),
        ("next_review", "14 March 2027", 24),
    ]
    # "Pat said on 25 October 2014" and the posts under it are readers' words, not the page's.
    assert "25 October 2014" not in _text(article, "prose", "credits", "chrome", "links")
    run = check("whole-web-page.html", "--select", "freshness", "--format", "json")
    assert run.rules_at("whole-web-page.html") == []


def test_comments_do_not_stand_in_for_a_missing_review_date(check: Check) -> None:
    # The page has no date of its own; a comment "Reviewed on 25 October 2014" must not be one.
    run = check("page-without-main.html", "--select", "freshness", "--format", "json")
    assert run.rules_at("page-without-main.html") == [("HL301", 7)]


def test_media_last_reviewed_next_to_page_last_reviewed(files: Path, check: Check) -> None:
    article = _article(files / "whole-web-page.html")
    raws = [d["raw"] for d in article["credits"]["dates"]]
    assert "2 February 2019" not in raws and "2 February 2022" not in raws
    # Only the page date counts: 14 March 2025 is recent; the 2019 media date would be stale.
    run = check("whole-web-page.html", "--select", "HL302", "--format", "json")
    assert run.findings == []


def test_a_line_break_inside_a_line_keeps_source_lines(files: Path, check: Check) -> None:
    # "Page last reviewed: …<br>Next review due: …" on line 24: both dates are on line 24.
    page = (files / "whole-web-page.html").read_text(encoding="utf-8")
    assert "<br>Next review due" in page.splitlines()[23]
    run = check("whole-web-page.html", "--select", "HL306", "--format", "json", today="2027-06-01")
    assert run.rules_at("whole-web-page.html") == [("HL306", 24)]


def test_unclosed_tags_stray_end_tags_and_text_after_html(files: Path, check: Check) -> None:
    article = _article(files / "broken-markup.html")
    assert article["title"] == "Pink Eye"
    assert [s["title"] for s in article["sections"]] == ["What is pink eye?", "Home care"]
    items = [b["text"] for b in article["blocks"] if b["list_item"]]
    assert items == ["Wash your hands often.", "Use a clean towel each time."]
    # The credits come after </html>; browsers show them, and so are they read.
    run = check("broken-markup.html", "--select", "credits,freshness", "--format", "json")
    assert run.rules_at("broken-markup.html") == [("HL202", 15)]
    assert [(p["name"], p["line"]) for p in article["credits"]["authors"]] == [
        ("Clinic Health Team", 15)
    ]


def test_a_duplicated_chunk_is_reported_where_the_copy_starts(check: Check) -> None:
    run = check("duplicated-chunk.html", "--select", "sections", "--format", "json")
    assert run.rules_at("duplicated-chunk.html") == [("HL105", 7), ("HL106", 7)]
    assert "line 5" in run.findings[0]["message"]


def test_markup_never_closed_hides_the_rest_and_is_noted(tmp_path: Path) -> None:
    page = "<h1>Burns</h1>\n<p>Cool the burn under running water.</p>\n<!-- draft <p>Old advice"
    article = parse_article(page, filename="burns.html")
    assert "Old advice" not in " ".join(b.text for b in article.blocks)
    assert [(p.code, p.line) for p in article.problems] == [("structure", 3)]


def _nested(depth: int) -> str:
    opening = "".join(f"<div class='level{i}'>\n" for i in range(depth))
    return (
        "<h1>Deep Page</h1>\n"
        + opening
        + "<p>Last reviewed: May 2, 2026</p>\n"
        + "</div>" * depth
        + "\n"
    )


def test_five_thousand_nested_divs(check: Check, tmp_path: Path) -> None:
    # Deeper than Python's recursion limit: a recursive reader would fail here.
    (tmp_path / "deep.html").write_text(_nested(5000), encoding="utf-8")
    run = check("deep.html", "--select", "freshness", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and run.findings == []


def test_an_empty_comment_hides_nothing() -> None:
    # "<!-->" is a whole (empty) comment in HTML5, not the start of one running to the next "-->".
    page = "<h1>Burns</h1>\n<!-->\n<p>Cool the burn under running water.</p>\n<!-- note -->\n"
    article = parse_article(page, filename="burns.html")
    assert [b.text for b in article.blocks] == ["Burns", "Cool the burn under running water."]
    assert article.problems == []
