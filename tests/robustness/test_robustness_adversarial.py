"""A guard against catastrophic regular expressions and quadratic parsing.

Each input is what makes a badly written pattern backtrack (a long run of what it almost
matches) or a tokenizer retry (markup that is never closed). All three parsers read it in a
separate process under a generous time limit: a regression shows up as a timeout, not as a
flaky timing assertion. Linear parsing takes well under a second per input.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ADVERSARIAL: dict[str, str] = {
    "stars": "*" * 100_000,
    "less-than": "<" * 100_000,
    "dashes": "-" * 100_000,
    "a-line-of-200000-a": "a" * 200_000,
    "date-of-50000-digits": "Last reviewed: " + "1" * 50_000,
    "label-then-spaces": "By" + " " * 50_000 + "-",
    "reviewer-then-spaces": "Reviewed by: Jane" + " " * 50_000 + "Doe",
    "bullet-marks-around-spaces": "_" + " " * 100_000 + "_x",
    "commas-and-spaces": "Author: Jane " + " ," * 50_000,
    "non-breaking-spaces": "&nbsp;" * 20_000 + "x",
    "unclosed-suppressions": "<!-- healthlint-disable -- " * 8_000,
    "suppression-reason-of-spaces": "<!-- healthlint-disable -- " + " " * 50_000 + "x -->",
    "unclosed-tags": "<a" * 50_000,
    "unclosed-comments-with-gt": "<!-- >" * 40_000,
    "unclosed-marked-sections": "<![" * 30_000,
    "never-closed-divs": "<div>\n" * 20_000,
    "nested-list-markers": "  - " * 25_000,
    "brackets": "[" * 100_000,
    "link-openings": "[a](" * 25_000,
    "emphasis": "*a" * 50_000,
    "hashes": "#" * 100_000,
    "ampersands": "&#" * 50_000,
    "month-names": "January " * 20_000,
    "deep-front-matter": "---\nx: " + "[" * 10_000 + "\n---\n",
}

# Reads the input from stdin, in every format, and reports the blocks found (so the work is
# not optimised away and a crash is visible).
_PROGRAM = """
import sys
from healthlint.parsers import parse_article
text = sys.stdin.read()
print([len(parse_article(text, fmt=fmt).blocks) for fmt in ("markdown", "text", "html")])
"""


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_every_parser_reads_it_without_hanging(text: str) -> None:
    process = subprocess.run(
        [sys.executable, "-X", "utf8", "-c", _PROGRAM],
        input=text,
        capture_output=True,
        encoding="utf-8",
        timeout=20,
        check=False,
    )
    assert process.returncode == 0, process.stderr[-2000:]
    assert process.stdout.startswith("[")


# Every rule on every input, each input under its own alarm, so a timeout names the input.
_CHECK_PROGRAM = """
import datetime as dt, json, signal, sys
from healthlint.engine import Linter
cases, seconds = json.load(sys.stdin)
linter = Linter(today=dt.date(2026, 11, 26))
current = ""
def timeout(signum, frame):
    raise TimeoutError(f"checking {current!r} took over {seconds} seconds")
signal.signal(signal.SIGALRM, timeout)
for current, text in cases.items():
    signal.alarm(seconds)
    for filename in ("article.md", "article.txt", "article.html"):
        linter.lint_text(text, filename=filename)
    signal.alarm(0)
print("checked", len(cases))
"""


def _check_all(cases: dict[str, str], seconds: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "utf8", "-c", _CHECK_PROGRAM],
        input=json.dumps([cases, seconds]),
        capture_output=True,
        encoding="utf-8",
        timeout=seconds * len(cases) + 60,
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGALRM")
def test_every_rule_runs_on_it_without_hanging() -> None:
    cases = {k: v for k, v in ADVERSARIAL.items() if k != "nested-list-markers"}
    process = _check_all(cases, seconds=20)
    assert process.returncode == 0, process.stderr[-2000:]
    assert process.stdout.strip() == f"checked {len(cases)}"


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGALRM")
def test_every_rule_runs_on_a_list_of_dashes_without_hanging() -> None:
    # 80,000 characters: linear code takes well under a second; the quadratic pattern, more
    # than 10 seconds even on a fast machine.
    process = _check_all({"dashes-and-spaces": "- " * 40_000}, seconds=5)
    assert process.returncode == 0, process.stderr[-2000:]
