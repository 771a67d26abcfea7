"""Measure the library report on a generated library.

    python benchmarks/dashboard.py [--count 10000]

Prints the time of a check of the library (lint_paths: one process, filling a fresh findings
cache, as ``healthlint check`` does), the time of building the report's data after it (findings
from that cache; each article parsed for its dates and grades), and again once the report has
kept its own records, the time of rendering the HTML, the page's size, and, when Chromium is
installed, the time to open the page (to its load event, and until the table can be sorted)
and to sort and filter its table in headless Chromium. ``--no-cache`` adds the report's data
built with no cache at all (every article parsed and checked).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from healthlint.cache import FindingCache  # noqa: E402
from healthlint.config import Config  # noqa: E402
from healthlint.dashboard import render_html  # noqa: E402
from healthlint.engine import Linter  # noqa: E402
from healthlint.library import build_library  # noqa: E402

TODAY = dt.date(2026, 11, 26)
# The table is busy until the page has unpacked its data and can sort and filter it.
READY = """new Promise(done => { const wait = () =>
    document.getElementById('articles').hasAttribute('aria-busy') ? setTimeout(wait, 5) : done();
    wait(); })"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--no-cache", action="store_true", help="also time a report, no cache")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library_dir = Path(folder) / "library"
        corpus.generate(library_dir, args.count)
        config = Config()
        cache_dir = Path(folder) / "cache"
        start = time.perf_counter()
        linter = Linter(config, today=TODAY)
        linter.lint_paths([library_dir], cache=FindingCache(cache_dir, linter.salt))
        check = time.perf_counter() - start

        def report_data(*, use_cache: bool) -> float:
            start = time.perf_counter()
            build_library(
                [str(library_dir)],
                config,
                today=TODAY,
                use_cache=use_cache,
                cache_dir=str(cache_dir),
            )
            return time.perf_counter() - start

        after_check = report_data(use_cache=True)
        start = time.perf_counter()
        library = build_library([str(library_dir)], config, today=TODAY, cache_dir=str(cache_dir))
        again = time.perf_counter() - start
        uncached = report_data(use_cache=False) if args.no_cache else None

        start = time.perf_counter()
        html = render_html(library)
        render = time.perf_counter() - start
        size = len(html.encode("utf-8"))
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")

        print(f"articles                     {args.count}")
        print(f"check (lint_paths, cache)    {check:8.2f} s")
        print(
            f"report data after the check  {after_check:8.2f} s   {after_check / check:.3f} of it"
        )
        print(f"report data again            {again:8.2f} s   {again / check:.3f} of the check")
        if uncached is not None:
            print(f"report data, no cache        {uncached:8.2f} s   {uncached / check:.2f}")
        print(f"HTML rendering               {render:8.2f} s   {render / check:.3f} of the check")
        print(f"page size                    {size / 1e6:8.2f} MB")
        try:
            from cdp import Browser, find_chromium
        except ImportError:
            print("browser                      websocket-client not installed")
            return
        binary = find_chromium()
        if binary is None:
            print("browser                      Chromium not installed")
            return
        with Browser(binary) as browser:
            start = time.perf_counter()
            browser.open(page)
            loaded = time.perf_counter() - start
            browser.evaluate(READY)
            opened = time.perf_counter() - start
            sort_ms = browser.evaluate("""(() => {
                const b = document.querySelectorAll('#articles th button')[5];
                const t = performance.now(); b.click(); return performance.now() - t; })()""")
            filter_ms = browser.evaluate("""(() => {
                const f = document.getElementById('filter'); const t = performance.now();
                f.value = 'asthma'; f.dispatchEvent(new Event('input'));
                return performance.now() - t; })()""")
            errors = browser.console_errors()
        print(f"browser open (to load event) {loaded:8.2f} s")
        print(f"browser open (table ready)   {opened:8.2f} s")
        print(f"browser sort by grade        {sort_ms / 1000:8.3f} s")
        print(f"browser filter               {filter_ms / 1000:8.3f} s")
        print(f"console errors               {len(errors)}")


if __name__ == "__main__":
    main()
