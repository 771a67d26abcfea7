"""The library report: the data equals the check's, and the HTML is self-contained and safe."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from healthlint import lint_paths
from healthlint.cli import main
from healthlint.dashboard import render_html, safe_json
from healthlint.library import build_library

EXAMPLES = Path(__file__).parent.parent / "examples"
TODAY = dt.date(2026, 11, 26)


def test_library_findings_equal_check() -> None:
    library = build_library([str(EXAMPLES)], today=TODAY)
    result = lint_paths([EXAMPLES], today=TODAY)
    mine = sorted((a.path, f.line, f.rule) for a in library.articles for f in a.findings)
    theirs = sorted((f.path, f.line, f.rule) for f in result.findings)
    assert mine == theirs
    assert library.summary["articles"] == result.files_checked
    assert library.summary["errors"] == sum(f.severity.value == "error" for f in result.findings)
    assert library.summary["with_findings"] == len({f.path for f in result.findings})
    assert (
        sum(m["count"] for m in library.due_by_month) + library.summary["no_review_date"]
        == library.summary["articles"]
    )


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLES), "--today", "2026-11-26", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["articles"] == len(data["articles"])
    overdue = [a for a in data["articles"] if a["overdue"]]
    assert data["summary"]["overdue"] == len(overdue)
    assert all(a["days_left"] < 0 for a in overdue)


def test_html_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(EXAMPLES), "--today", "2026-11-26", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<svg" in html and "<script>" in html and "@media print" in html
    articles = len(build_library([str(EXAMPLES)], today=TODAY).articles)
    # Each article's view is built in the page from its data: every article and finding is
    # there, as rows of numbers into one table of strings.
    embedded = re.search(r'<script type="application/json" id="data">(.*?)</script>', html)
    assert embedded is not None
    data = json.loads(embedded.group(1))
    assert len(data["articles"]) == articles
    library = build_library([str(EXAMPLES)], today=TODAY)
    assert [len(a[5]) for a in data["articles"]] == [len(a.findings) for a in library.articles]
    first = next(a for a in library.articles if a.findings)
    row = data["articles"][library.articles.index(first)]
    assert data["strings"][row[5][0][3]] == first.findings[0].message


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    (tmp_path / "x.md").write_text(
        f"---\ntitle: '{hostile}'\nowner: '\"><img src=x onerror=alert(1)>'\n"
        f"reviewed: 2025-01-01\n---\n# {hostile}\n\nText </script> here.\n",
        encoding="utf-8",
    )
    html = render_html(build_library([str(tmp_path)], today=TODAY))
    assert hostile not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Only the two script elements of the page itself.
    assert html.count("<script") == 2


def test_safe_json_cannot_close_a_script() -> None:
    text = safe_json({"a": "</script><!--", "b": "\u2028"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"a": "</script><!--", "b": "\u2028"}
