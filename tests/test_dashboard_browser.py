"""The dashboard as a reader sees it: opened in headless Chromium, its numbers, sorting,
filtering and console checked. Skipped when no Chromium is installed."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthlint.dashboard import render_html
from healthlint.library import Library, build_library

ROOT = Path(__file__).parent.parent
TODAY = dt.date(2026, 11, 26)

pytest.importorskip("websocket", reason="websocket-client is not installed (the test extra)")
from cache_isolation import private_cache  # noqa: E402, F401  (autouse)
from cdp import Browser, find_chromium  # noqa: E402

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium, or set HEALTHLINT_CHROMIUM)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as opened:
        yield opened


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = tmp_path_factory.mktemp("library")
    corpus.generate(out, 2000)
    return out


# The table is marked busy until the page has read its data and can sort and filter it.
READY = """new Promise(done => { const wait = () =>
    document.getElementById('articles').hasAttribute('aria-busy') ? setTimeout(wait, 5) : done();
    wait(); })"""


def _open(browser: Browser, library: Library, folder: Path) -> Path:
    page = folder / "report.html"
    page.write_text(render_html(library), encoding="utf-8")
    browser.open(page)
    browser.evaluate(READY)
    return page


SHOWN_SUMMARY = """Object.fromEntries([...document.querySelectorAll('#summary [data-key]')]
  .map(e => [e.dataset.key, Number(e.textContent)]))"""
ROWS = "[...document.querySelectorAll('#articles tbody tr')]"
# One column of the table as a reader pages through it with "Next page", from the first page.
COLUMN = """(() => {{ const out = [], next = document.getElementById('next');
  for (;;) {{
    out.push(...[...document.querySelectorAll('#articles tbody tr')]
      .map(r => r.cells[{index}].dataset.v));
    if (next.disabled) return out;
    next.click();
  }} }})()"""


def _check_page(browser: Browser, library: Library) -> None:
    data = json.loads(json.dumps(library.to_data()))
    shown = browser.evaluate(SHOWN_SUMMARY)
    assert shown == {k: v for k, v in data["summary"].items() if k in shown}
    assert len(shown) >= 5
    expected = [a["title"] or a["path"] for a in data["articles"]]
    # A page of rows at a time, and every row on request.
    page = min(len(expected), 100)
    assert browser.evaluate(f"{ROWS}.length") == page
    assert browser.evaluate("document.getElementById('rows').textContent") == (
        f"Rows 1–{page} of {len(expected)}"
    )
    assert browser.evaluate(COLUMN.format(index=0)) == expected
    browser.evaluate("document.getElementById('all-rows').click()")
    assert browser.evaluate(f"{ROWS}.map(r => r.cells[0].dataset.v)") == expected
    assert browser.evaluate("document.getElementById('next').disabled")
    browser.evaluate("document.getElementById('all-rows').click()")
    assert browser.evaluate(f"{ROWS}.length") == page
    assert browser.console_errors() == []


def _sort_and_filter(browser: Browser, library: Library) -> None:
    # Sort by findings, then again for the reverse order.
    browser.evaluate("document.querySelectorAll('#articles th button')[6].click()")
    counts = [int(v) for v in browser.evaluate(COLUMN.format(index=6))]
    assert counts == sorted(len(a.findings) for a in library.articles)
    assert (
        browser.evaluate("document.querySelectorAll('#articles th')[6].getAttribute('aria-sort')")
        == "ascending"
    )
    browser.evaluate("document.querySelectorAll('#articles th button')[6].click()")
    counts = [int(v) for v in browser.evaluate(COLUMN.format(index=6))]
    assert counts == sorted((len(a.findings) for a in library.articles), reverse=True)
    # Sort by grade: articles without one go last.
    browser.evaluate("document.querySelectorAll('#articles th button')[5].click()")
    grades = browser.evaluate(COLUMN.format(index=5))
    numbers = [float(g) for g in grades if g]
    assert numbers == sorted(numbers)
    assert grades[len(numbers) :] == [""] * (len(grades) - len(numbers))
    # Filter by a word of one title.
    word = next(a.title for a in library.articles if a.title).split()[0].lower()
    expected = sum(
        word in " ".join(str(v) for v in (a.title, a.type, a.owner, a.path) if v).lower()
        for a in library.articles
    )
    browser.evaluate(f"""(() => {{ const f = document.getElementById('filter');
        f.value = {json.dumps(word)}; f.dispatchEvent(new Event('input')); }})()""")
    assert browser.evaluate("Number(document.getElementById('shown').textContent)") == expected
    assert len(browser.evaluate(COLUMN.format(index=0))) == expected
    assert expected > 0
    assert browser.console_errors() == []


def test_examples_report(browser: Browser, tmp_path: Path) -> None:
    library = build_library([str(ROOT / "examples")], today=TODAY)
    _open(browser, library, tmp_path)
    _check_page(browser, library)
    _sort_and_filter(browser, library)
    # A title links to its article's own view on the same page, built when it is opened.
    first = next(i for i, a in enumerate(library.articles) if a.findings)
    link = f"document.querySelector('#articles a[href=\"#a{first}\"]')"
    assert browser.evaluate(f"document.getElementById('a{first}') === null")
    browser.evaluate(f"{link}.click()")
    shown = browser.evaluate(
        f"[...document.querySelectorAll('#a{first} li')].map(li => li.textContent)"
    )
    expected = library.articles[first].findings
    assert len(shown) == len(expected)
    assert expected[0].message in shown[0] and f"line {expected[0].line}" in shown[0]
    # Every article at once, in order, for printing.
    browser.evaluate("document.getElementById('show-all').click()")
    ids = browser.evaluate("[...document.querySelectorAll('#details section')].map(s => s.id)")
    assert ids == [f"a{i}" for i in range(len(library.articles))]
    assert browser.console_errors() == []


def test_generated_library_report(browser: Browser, generated: Path, tmp_path: Path) -> None:
    library = build_library([str(generated)], today=TODAY)
    assert len(library.articles) == 2000
    page = _open(browser, library, tmp_path)
    # A library this size has its data packed; the page shows the same numbers from it.
    assert browser.evaluate("document.getElementById('data').type") == "application/gzip"
    assert page.stat().st_size < 1_000_000
    _check_page(browser, library)
    _sort_and_filter(browser, library)


def test_printing_holds_every_row_and_article(
    browser: Browser, generated: Path, tmp_path: Path
) -> None:
    library = build_library([str(generated)], today=TODAY)
    _open(browser, library, tmp_path)
    browser.evaluate("document.querySelectorAll('#articles th button')[6].click()")
    browser.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    counts = [int(v) for v in browser.evaluate(f"{ROWS}.map(r => r.cells[6].dataset.v)")]
    assert counts == sorted(len(a.findings) for a in library.articles)
    ids = browser.evaluate("[...document.querySelectorAll('#details section')].map(s => s.id)")
    assert ids == [f"a{i}" for i in range(len(library.articles))]
    browser.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert browser.evaluate(f"{ROWS}.length") == 100
    assert browser.console_errors() == []


def test_findings_come_from_the_check_cache(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthlint.cache import FindingCache
    from healthlint.engine import Linter

    folder = tmp_path / "lib"
    folder.mkdir()
    for source in sorted(generated.iterdir())[:40]:
        (folder / source.name).write_bytes(source.read_bytes())
    cache_dir = tmp_path / "cache"
    linter = Linter(today=TODAY)
    linter.lint_paths([folder], cache=FindingCache(cache_dir, linter.salt))
    fresh = build_library([str(folder)], today=TODAY, use_cache=False).to_data()

    def no_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(Linter, "check_article", no_check)
    after_check = build_library([str(folder)], today=TODAY, cache_dir=str(cache_dir))
    assert after_check.to_data() == fresh
    again = build_library([str(folder)], today=TODAY, cache_dir=str(cache_dir))
    assert again.to_data() == fresh


def test_hostile_titles_do_not_run(browser: Browser, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "x.md").write_text(
        "---\ntitle: '<img src=x onerror=\"window.pwned=1\">'\nreviewed: 2025-01-01\n---\n"
        "# <script>window.pwned=1</script>\n\nText.\n",
        encoding="utf-8",
    )
    _open(browser, build_library([str(folder)], today=TODAY), tmp_path)
    browser.evaluate("document.getElementById('show-all').click()")
    assert browser.evaluate("window.pwned === undefined")
    assert browser.evaluate("document.querySelector('#details img') === null")
