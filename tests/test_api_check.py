"""The Python API offers what the command does: a whole check run (configuration per file,
settings over it, a baseline) and its report in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import healthlint
from healthlint.cli import main

ARTICLE = "# Knee pain\n\nThis miracle cure works for everyone.\n"


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    (tmp_path / "strict").mkdir()
    (tmp_path / "relaxed").mkdir()
    for folder in ("strict", "relaxed"):
        (tmp_path / folder / "knee.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "relaxed" / "healthlint.toml").write_text('ignore = ["HL6"]\n', encoding="utf-8")
    return tmp_path


def test_check_groups_files_by_their_configuration_as_the_command_does(
    library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(library)
    run = healthlint.check(["."], flags=healthlint.Flags(today=None, select=["HL6", "HL2"]))
    from_api = json.loads(healthlint.render(run, "json"))
    main(["check", "--no-cache", "--format", "json", "--select", "HL6,HL2", "."])
    from_command = json.loads(capsys.readouterr().out)
    assert from_api["findings"] == from_command["findings"]
    rules = {(Path(f["path"]).parts[-2], f["rule"]) for f in from_api["findings"]}
    assert ("strict", "HL602") in rules and ("relaxed", "HL602") not in rules
    assert run.fails(next(f for f in run.result.findings if f.rule == "HL201"))


def test_a_baseline_is_written_and_applied(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(library)
    baseline = library / "baseline.json"
    written = healthlint.check(["strict"], write_baseline=baseline)
    assert written.result.findings == [] and baseline.is_file()
    (library / "strict" / "new.md").write_text(ARTICLE, encoding="utf-8")
    again = healthlint.check(["strict"], baseline=baseline)
    assert {Path(f.path).name for f in again.result.findings} == {"new.md"}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_format_renders(library: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(library)
    output = healthlint.render(healthlint.check(["strict"]), fmt, root=library)
    assert "HL602" in output
