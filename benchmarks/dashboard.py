"""Measure the library report on a generated library.

    python benchmarks/dashboard.py [--count 10000]

Prints the time of a check of the library (lint_paths: one process, no cache), the time of
building the report's data (each article parsed and checked once, one process), the time of
rendering the HTML, the page's size, and, when Chromium is installed, the time to open the page
and to sort its table in headless Chromium.
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

from healthlint import lint_paths  # noqa: E402
from healthlint.config import Config  # noqa: E402
from healthlint.dashboard import render_html  # noqa: E402
from healthlint.library import build_library  # noqa: E402

TODAY = dt.date(2026, 11, 26)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library_dir = Path(folder) / "library"
        corpus.generate(library_dir, args.count)
        config = Config()
        start = time.perf_counter()
        lint_paths([library_dir], today=TODAY, config=config)
        check = time.perf_counter() - start

        start = time.perf_counter()
        library = build_library([str(library_dir)], config, today=TODAY)
        data = time.perf_counter() - start

        start = time.perf_counter()
        html = render_html(library)
        render = time.perf_counter() - start
        size = len(html.encode("utf-8"))
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")

        print(f"articles                     {args.count}")
        print(f"check (lint_paths)           {check:8.2f} s")
        print(f"report data (parse + check)  {data:8.2f} s   {data / check:.2f} of the check")
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
            opened = time.perf_counter() - start
            sort_ms = browser.evaluate("""(() => {
                const b = document.querySelectorAll('#articles th button')[5];
                const t = performance.now(); b.click(); return performance.now() - t; })()""")
            filter_ms = browser.evaluate("""(() => {
                const f = document.getElementById('filter'); const t = performance.now();
                f.value = 'asthma'; f.dispatchEvent(new Event('input'));
                return performance.now() - t; })()""")
            errors = browser.console_errors()
        print(f"browser open (to load event) {opened:8.2f} s")
        print(f"browser sort by grade        {sort_ms / 1000:8.3f} s")
        print(f"browser filter               {filter_ms / 1000:8.3f} s")
        print(f"console errors               {len(errors)}")


if __name__ == "__main__":
    main()
