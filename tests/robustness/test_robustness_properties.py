"""Properties that hold for any input at all, in every format healthlint reads.

For arbitrary text (and arbitrary bytes through ``Linter.lint_bytes``): no exception, every
line healthlint names lies within the file, and a second run gives exactly the same result.
Inputs mix random text with the pieces each format is made of, so that headings, front matter,
credits, dates, comments and suppressions are reached, not only plain words.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.models import Article, ArticleFormat, Finding
from healthlint.parsers import parse_article
from healthlint.reading import ReadError, decode
from healthlint.validation import validate

LINTER = Linter(Config(today=dt.date(2026, 11, 26)))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

COMMON = [
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "\r",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "â€™",
    "\ufffd",
    "Last reviewed:",
    "Last Reviewed: ",
    "Current as of: July 31, 2024",
    "Page last reviewed: ",
    "Media last reviewed: 2 February 2019",
    "Next review due: 6/9/2011",
    "Updated: 29/01/2015",
    "October 2011",
    "2026-13-45",
    "Author: ",
    "Written by Jane Roe, RN",
    "Reviewed by: ",
    "Jane Doe, MD, and John Roe, PhD",
    "Clinical Review Board",
    "Credits",
    "Treatment Overview",
    "Why It Is Used",
    "Call 911 if you have chest pain.",
    "aspirin",
    "This information does not replace the advice of a doctor.",
    "Dr. A. B. Smith",
    "healthlint-disable",
    "healthlint-disable-next-line HL302 -- reason",
    "healthlint-enable",
    ":",
    "-",
    "*",
    "_",
]
MARKDOWN = [
    *COMMON,
    "# ",
    "## ",
    "###### ",
    "####### ",
    "---\n",
    "...\n",
    "===\n",
    "**",
    "__",
    "\\",
    "`",
    "```\n",
    "~~~\n",
    "> ",
    "- ",
    "* ",
    "1. ",
    "   ",
    "    ",
    "|",
    "| a | b |\n|---|---|\n",
    "[",
    "](",
    ")",
    "![",
    "<http://example.org>",
    "<!--",
    "-->",
    "<!-- healthlint-disable HL301 -->",
    "<div>",
    "</div>",
    "<br>",
    "&amp;",
    "&#",
    "&nbsp;",
    "title: Flu\n",
    "reviewed: 2026-02-30\n",
    "type: [x]\n",
    "a: &a [1]\nb: *a\n",
    "!!python/object:os.system\n",
    "- [ ] ",
    "---\ntitle: Flu\nreviewed: 2026-02-30\nauthors: [Ann Lee, RN]\n---\n",
    "**Last Reviewed:**",
    "Heading\n-------\n",
    "**Symptoms**\n=========\n",
]
HTML = [
    *COMMON,
    "<html>",
    "</html>",
    "<head>",
    "<title>",
    "</title>",
    "<body>",
    "<main>",
    "</main>",
    "<article>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h7>",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div class='cookie-banner'>",
    "<div id='comments'>",
    "<div>",
    "</div>",
    "<nav>",
    "</nav>",
    "<footer>",
    "<ul>",
    "<li>",
    "</li>",
    "<dl><dt>",
    "</dt><dd>",
    "</dd>",
    "<table><tr><td>",
    "<pre>",
    "<script>",
    "</script>",
    "<style>",
    "<a href='/disclaimer'>",
    "</a>",
    "<!--",
    "-->",
    "<!-- healthlint-disable-file -->",
    "<![CDATA[",
    "<![if x]>",
    "]]>",
    "<?php ",
    "<!",
    "</",
    "<",
    ">",
    "&",
    "&amp;",
    "&#x0;",
    "&#xD800;",
    "&nbsp;",
    "<b>",
    "<i>",
    '"',
    "'",
    "=",
    "<![",
    "<!DOCTYPE html>",
    "<?xml version='1.0'?>",
    "<svg><title>",
    "<textarea>",
    "<a",
]
TEXT = [
    *COMMON,
    "• ",
    "- ",
    "– ",
    "1) ",
    "12. ",
    "   ",
    "Massage.",
    "[healthlint-disable-next-line HL302]",
    "[healthlint-disable HL501 -- reason]",
    "URGENT: Click here",
    "Related Information",
]


def _mixed(pieces: list[str]) -> st.SearchStrategy[str]:
    fragments = st.one_of(st.sampled_from(pieces), st.text(max_size=12))
    return st.one_of(st.text(), st.lists(fragments, max_size=60).map("".join))


FORMATS: dict[ArticleFormat, tuple[str, st.SearchStrategy[str]]] = {
    "markdown": ("article.md", _mixed(MARKDOWN)),
    "text": ("article.txt", _mixed(TEXT)),
    "html": ("article.html", _mixed(HTML)),
}


def _line_count(text: str) -> int:
    """Lines of a file as an editor shows them (BOM dropped; CRLF and CR are line breaks)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def _assert_article_within(article: Article, lines: int) -> None:
    # Parsers build articles without validation (for speed); validating a copy checks every
    # field constraint: lines from 1, heading levels 1 to 6, known roles and codes.
    validate(Article, dataclasses.asdict(article))
    assert article.line_count == lines
    spans = [(b.line, b.end_line) for b in article.blocks]
    spans += [(s.line, s.end_line) for s in article.sections]
    for span in spans:
        assert 1 <= span[0] <= span[1] <= lines, (span, lines)
    credits = article.credits
    points = [d.line for d in credits.dates]
    points += [p.line for p in credits.authors + credits.reviewers + credits.review_boards]
    points += [d.line for d in article.directives] + [p.line for p in article.problems]
    points += [article.title_line] if article.title_line is not None else []
    for point in points:
        assert 1 <= point <= lines, (point, lines)


def _assert_findings_within(findings: list[Finding], lines: int) -> None:
    for finding in findings:
        validate(Finding, dataclasses.asdict(finding))
        assert 1 <= finding.line <= lines, (finding.rule, finding.line, lines)
        if finding.end_line is not None:
            assert finding.line <= finding.end_line <= lines, (finding.rule, finding.end_line)


def _dump(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.to_data() for f in findings]


def _check_text(fmt: ArticleFormat, text: str) -> None:
    name, _ = FORMATS[fmt]
    lines = _line_count(text)
    article = parse_article(text, filename=name)
    assert article.format == fmt
    _assert_article_within(article, lines)
    assert parse_article(text, filename=name) == article
    first = LINTER.lint_text(text, filename=name)
    _assert_findings_within(first, lines)
    assert _dump(LINTER.lint_text(text, filename=name)) == _dump(first)


@SETTINGS
@given(FORMATS["markdown"][1])
def test_any_markdown(text: str) -> None:
    _check_text("markdown", text)


@SETTINGS
@given(FORMATS["text"][1])
def test_any_plain_text(text: str) -> None:
    _check_text("text", text)


@SETTINGS
@given(FORMATS["html"][1])
def test_any_html(text: str) -> None:
    _check_text("html", text)


_ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16-le", "utf-16-be", "utf-32"]
_BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


@st.composite
def _file_bytes(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, or an article in some encoding, maybe behind a mismatched BOM."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    text: str = draw(st.one_of(*(strategy for _, strategy in FORMATS.values())))
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), errors="replace")
    return draw(st.sampled_from(_BOMS)) + data


@SETTINGS
@given(_file_bytes(), st.sampled_from(["article.md", "article.txt", "article.html", "notes"]))
def test_any_bytes(data: bytes, name: str) -> None:
    try:
        lines = _line_count(decode(data).text)
    except ReadError:
        lines = 1  # unreadable: one HL001 finding, on line 1
    first = LINTER.lint_bytes(data, filename=name)
    _assert_findings_within(first, lines)
    assert _dump(LINTER.lint_bytes(data, filename=name)) == _dump(first)
