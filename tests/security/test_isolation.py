"""Row 8 of the threat model: one hostile file cannot end the run for every other file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from healthlint import engine
from healthlint.cli import main

GOOD = "Knee pain\n\nThis miracle cure helps most people feel better.\n"


@pytest.fixture()
def project(workdir: Path) -> Path:
    (workdir / "good.txt").write_text(GOOD, encoding="utf-8")
    return workdir


def test_a_far_future_review_date_is_a_finding(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "far.md").write_text(
        "---\nreviewed: 9997-06-01\n---\n\n# Knee\n\nText.\n", encoding="utf-8"
    )
    assert main(["check", "--no-cache", "--today", "2026-11-26", "."]) == 1
    out = capsys.readouterr().out
    assert "far.md:2:1: error HL303" in out and "good.txt" in out


def test_a_year_below_100_is_not_read_as_this_century(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "old.md").write_text(
        "---\nreviewed: 0024-06-01\n---\n\n# Knee\n\nText.\n", encoding="utf-8"
    )
    main(["check", "--no-cache", "--today", "2026-11-26", "--select", "HL3", "old.md"])
    out = capsys.readouterr().out
    assert "2 years" not in out and "HL30" in out


def test_an_exception_checking_one_file_is_a_finding_on_it(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "bad.txt").write_text("Knee pain\n\nBOOM\n", encoding="utf-8")
    real = engine.Linter._checked

    def explode(
        self: engine.Linter, source: engine.SourceText, filename: str, **options: bool
    ) -> object:
        if "BOOM" in source.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, source, filename, **options)

    monkeypatch.setattr(engine.Linter, "_checked", explode)
    assert main(["check", "--no-cache", "--today", "2026-11-26", "."]) == 1
    out = capsys.readouterr().out
    assert "bad.txt:1:1: error HL001" in out and "RecursionError" in out
    assert "good.txt:3:6: warning HL602" in out


def test_a_findings_entry_of_the_wrong_shape_is_a_miss(project: Path) -> None:
    class Shapeless:
        def get_with_extra(self, key: str, *, extra: bool = True) -> tuple[object, object]:
            return {"readable": "yes", "rows": 7}, {"facts": [1, 2]}

        def key(self, shown: str, data: bytes) -> str:
            return "k"

        def put(self, key: str, entry: object, extra: object = None) -> None:
            pass

    from healthlint.config import Config

    linter = engine.Linter(Config())
    findings, readable = linter._lint_target(("good.txt", project / "good.txt", None), Shapeless())  # type: ignore[arg-type]
    assert readable and any(f.rule == "HL602" for f in findings)


@pytest.mark.skipif(sys.platform != "linux", reason="needs fork")
def test_a_dead_worker_ends_the_run_cleanly(tmp_path: Path) -> None:
    for index in range(80):
        (tmp_path / f"a{index:03}.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a040.txt").write_text("Knee pain\n\nKILLME\n", encoding="utf-8")
    probe = (
        "import os, signal, sys\n"
        "from healthlint import engine\n"
        "real = engine.Linter._checked\n"
        "def die(self, source, filename, **options):\n"
        "    if 'KILLME' in source.text: os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(self, source, filename, **options)\n"
        "engine.Linter._checked = die\n"
        "from healthlint.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--no-cache", "--jobs", "2", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HEALTHLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode == 2
    assert "worker process died" in done.stderr and "Traceback" not in done.stderr
