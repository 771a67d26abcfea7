"""SARIF and GitHub annotations give paths from the repository's top folder, wherever in the
repository healthlint runs (or from --root)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthlint.cli import main

ARTICLE = "# Knee pain\n\nRest and ice help.\n"


@pytest.fixture()
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "library" / "bones").mkdir(parents=True)
    (tmp_path / "library" / "bones" / "knee.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "library")
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def test_a_run_from_a_subfolder_reports_paths_from_the_repository_top(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--select", "HL501", "--format", "github", "bones"])
    assert "::error file=library/bones/knee.md,line=1," in capsys.readouterr().out
    main(["check", "--select", "HL501", "--format", "sarif", "bones"])
    sarif = json.loads(capsys.readouterr().out)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "library/bones/knee.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (
        repository.resolve().as_uri() + "/"
    )


def test_root_names_the_folder(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--select", "HL501", "--format", "github", "--root", ".", "bones"])
    assert "::error file=bones/knee.md,line=1," in capsys.readouterr().out
