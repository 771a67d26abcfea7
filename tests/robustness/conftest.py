"""Shared fixtures for the robustness tests: the messy articles in ``files/`` and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from healthlint.cli import main

FILES = Path(__file__).parent / "files"
TODAY = "2026-11-26"


@dataclass(frozen=True)
class Run:
    """What a user sees after one ``healthlint check``: exit code, stdout, stderr."""

    code: int
    out: str
    err: str

    @property
    def report(self) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(self.out)
        return document

    @property
    def findings(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.report["findings"]
        return found

    def rules_at(self, path: str) -> list[tuple[str, int]]:
        """``(rule, line)`` of each finding about ``path``, in report order."""
        return [(f["rule"], f["line"]) for f in self.findings if f["path"] == path]


Check = Callable[..., Run]


@pytest.fixture
def files() -> Path:
    return FILES


@pytest.fixture
def check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Check:
    """Run ``healthlint check`` in this process, from ``cwd`` (default: the fixtures folder).

    Paths are passed as given, so reports name files as a user typed them. Configuration files
    and the findings cache are left out (``--isolated --no-cache``) unless a test asks for them.
    """

    def run(*args: str | Path, cwd: Path = FILES, isolated: bool = True, today: str = TODAY) -> Run:
        monkeypatch.chdir(cwd)
        argv = ["check", *map(str, args), "--today", today, "--no-cache", "--jobs", "1"]
        if isolated:
            argv.append("--isolated")
        code = main(argv)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
