"""Row 5 of the threat model: with --no-inline-directives, a comment in a contributed article
cannot silence the mandatory safety rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.cli import main

ARTICLE = "<!-- healthlint-disable-file -->\n\n# Knee pain\n\nRest and ice help.\n"


@pytest.fixture()
def project(workdir: Path) -> Path:
    (workdir / "knee.md").write_text(ARTICLE, encoding="utf-8")
    return workdir


def test_a_disable_file_comment_hides_the_disclaimer_rule(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--today", "2026-11-26", "knee.md"])
    assert "HL501" not in capsys.readouterr().out


def test_no_inline_directives_reports_it_anyway(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--today", "2026-11-26", "--no-inline-directives", "knee.md"]) == 1
    assert "knee.md:3:1: error HL501" in capsys.readouterr().out
