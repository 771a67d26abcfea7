"""Row 2 of the threat model: ``--output`` never writes through a link planted in the tree, and
a report replaces its file whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from healthlint.cli import main

ARTICLE = "Knee pain\n\nThis miracle cure helps most people feel better.\n"


@pytest.fixture()
def project(workdir: Path) -> Path:
    (workdir / "knee.txt").write_text(ARTICLE, encoding="utf-8")
    return workdir


def test_a_planted_symlink_is_not_written_through(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = project / "bashrc"
    victim.write_text("precious\n", encoding="utf-8")
    (project / "report.txt").symlink_to(victim)
    assert main(["check", "--today", "2026-11-26", "-o", "report.txt", "knee.txt"]) == 2
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert "symbolic link" in capsys.readouterr().err


def test_the_report_replaces_its_file_whole(project: Path) -> None:
    report = project / "report.txt"
    report.write_text("old report\n", encoding="utf-8")
    main(["check", "--today", "2026-11-26", "-o", "report.txt", "knee.txt"])
    assert "knee.txt" in report.read_text(encoding="utf-8")
    assert "old report" not in report.read_text(encoding="utf-8")
    assert [path.name for path in project.iterdir() if path.name.endswith(".tmp")] == []


def test_no_cache_writes_no_cache_at_all(project: Path) -> None:
    main(["check", "--no-cache", "--today", "2026-11-26", "knee.txt"])
    assert not os.path.exists(project / "cache" / "artifacts")
