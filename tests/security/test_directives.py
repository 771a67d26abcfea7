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


def test_a_disable_file_comment_hides_the_disclaimer_rule_outside_ci(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    main(["check", "--today", "2026-11-26", "knee.md"])
    assert "HL501" not in capsys.readouterr().out


def test_in_ci_no_comment_hides_a_safety_caveat(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    assert main(["check", "--today", "2026-11-26", "--select", "caveats,credits", "knee.md"]) == 1
    out = capsys.readouterr().out
    assert "knee.md:3:1: error HL501" in out
    assert "HL201" not in out  # the rest of the file's comment still holds


def test_configured_unsuppressible_rules(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    (project / "healthlint.toml").write_text(
        'unsuppressible = ["author-missing"]\n', encoding="utf-8"
    )
    main(["check", "--today", "2026-11-26", "--select", "caveats,credits", "knee.md"])
    out = capsys.readouterr().out
    assert "error HL201" in out and "HL501" not in out
    main(
        [
            "check",
            "--today",
            "2026-11-26",
            "--select",
            "caveats,credits",
            "--unsuppressible",
            "HL501",
            "knee.md",
        ]
    )
    assert "error HL501" in capsys.readouterr().out


def test_an_empty_list_in_ci_obeys_the_comments_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    (project / "healthlint.toml").write_text("unsuppressible = []\n", encoding="utf-8")
    main(["check", "--today", "2026-11-26", "knee.md"])
    assert "HL501" not in capsys.readouterr().out


def test_a_comment_aimed_at_an_unsuppressible_rule_is_reported_unused(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    (workdir / "knee.md").write_text(
        "# Knee pain\n\n<!-- healthlint-disable HL501 -->\nRest and ice help.\n", encoding="utf-8"
    )
    main(["check", "--today", "2026-11-26", "--select", "HL501,HL004", "knee.md"])
    out = capsys.readouterr().out
    assert "error HL501" in out and "warning HL004" in out


def test_no_inline_directives_reports_it_anyway(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--today", "2026-11-26", "--no-inline-directives", "knee.md"]) == 1
    assert "knee.md:3:1: error HL501" in capsys.readouterr().out
