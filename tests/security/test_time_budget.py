"""Bounded cost: a file that takes too long is stopped and reported, the others are checked;
a flood of emphasis marks is read as plain text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from healthlint.budget import OverBudget, time_budget
from healthlint.parsers import parse_article
from healthlint.parsers.markdown import MOST_EMPHASIS_MARKS

GOOD = Path(__file__).resolve().parents[2] / "examples" / "good"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--no-cache", "--today", "2026-11-26", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_file_over_its_budget_is_stopped_and_the_others_are_checked(tmp_path: Path) -> None:
    hostile = tmp_path / "flood.md"
    hostile.write_text("# Flood\n\n" + "**a " * 1_250_000, encoding="utf-8")  # 5 MB
    for article in GOOD.glob("*.md"):
        (tmp_path / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("--time-budget", "0.5", "--jobs", "1", ".", cwd=tmp_path)
    assert done.returncode == 1
    assert (
        "flood.md:1:1: error HL001 Cannot check this file: checking took longer than "
        "0.5 s (time-budget) and was stopped."
    ) in done.stdout
    others = [line for line in done.stdout.splitlines() if line.startswith("flood.md")]
    assert len(others) == 1
    assert f"{len(list(GOOD.glob('*.md')))} files checked, 1 could not be read" in done.stdout


def test_the_budget_is_set_in_the_configuration_and_zero_is_no_limit(tmp_path: Path) -> None:
    (tmp_path / "healthlint.toml").write_text("time-budget = 0\n", encoding="utf-8")
    article = next(GOOD.glob("*.md"))
    (tmp_path / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(article.name, cwd=tmp_path).returncode == 0
    (tmp_path / "healthlint.toml").write_text("time-budget = -1\n", encoding="utf-8")
    refused = run(article.name, cwd=tmp_path)
    assert refused.returncode == 2 and "time-budget" in refused.stderr


def test_a_flood_of_emphasis_marks_is_read_as_plain_text() -> None:
    text = "# Flood\n\nSome **bold** words. " + "*a " * (MOST_EMPHASIS_MARKS + 1)
    article = parse_article(text, filename="flood.md")
    (problem,) = [p for p in article.problems if p.code == "structure"]
    assert "emphasis marks" in problem.message and problem.line == 1
    assert "**bold**" in article.blocks[1].text
    plain = parse_article("# Short\n\nSome **bold** words.\n", filename="short.md")
    assert plain.problems == [] and "**" not in plain.blocks[1].text


def test_the_budget_interrupts_the_body_and_restores_the_previous_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(OverBudget), time_budget(0.05):
        while True:
            time.sleep(0.001)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    with time_budget(0.05):
        pass  # a quick body is not interrupted later either
    time.sleep(0.1)


def test_outside_the_main_thread_there_is_no_budget() -> None:
    outcome: list[str] = []

    def body() -> None:
        with time_budget(0.01):
            time.sleep(0.05)
        outcome.append("finished")

    worker = threading.Thread(target=body)
    worker.start()
    worker.join()
    assert outcome == ["finished"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX")
def test_a_timer_already_in_use_is_left_alone() -> None:
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        with time_budget(0.01):
            time.sleep(0.05)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 50
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
