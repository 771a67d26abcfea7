"""Rows 3 and 4 of the threat model: a configuration file in a contributed folder cannot switch
the gate off in CI (or below a ``root = true`` configuration), and no configuration or pack can
load a file from outside its own tree into the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TODAY = "2026-11-26"
# No disclaimer: HL501 (an error) fails the gate.
ARTICLE = "# Knee pain\n\nRest and ice help a sore knee heal.\n"
SECRET = "root-password-is-hunter2"
GATE_OFF = 'ignore = ["ALL"]\nfail-level = "error"\nexclude = ["*"]\n[severity]\nALL = "info"\n'


def healthlint(folder: Path, *args: str, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["HEALTHLINT_CACHE_DIR"] = str(folder / ".cache")
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--today", TODAY, *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    """A repository whose maintainer's configuration selects the caveat rules, with a
    contributed folder that carries its own configuration turning everything off."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "healthlint.toml").write_text('select = ["caveats"]\n', encoding="utf-8")
    contributed = repo / "contrib" / "pr-42"
    contributed.mkdir(parents=True)
    (contributed / "knee.md").write_text(ARTICLE, encoding="utf-8")
    (contributed / "healthlint.toml").write_text(GATE_OFF, encoding="utf-8")
    return repo


def test_outside_ci_the_folder_s_own_configuration_applies(repository: Path) -> None:
    done = healthlint(repository, ".", ci=False)
    assert done.returncode == 0
    assert "HL501" not in done.stdout


def test_in_ci_a_contributed_configuration_is_not_read(repository: Path) -> None:
    done = healthlint(repository, ".", ci=True)
    assert done.returncode == 1
    assert "contrib/pr-42/knee.md:1:1: error HL501" in done.stdout
    ignored = repository / "contrib" / "pr-42" / "healthlint.toml"
    assert f"not reading {ignored}" in done.stderr


def test_checking_the_contributed_folder_alone_changes_nothing(repository: Path) -> None:
    done = healthlint(repository / "contrib" / "pr-42", ".", ci=True)
    assert done.returncode == 1 and "knee.md:1:1: error HL501" in done.stdout


def test_root_true_ignores_nested_configuration_outside_ci_too(repository: Path) -> None:
    (repository / "healthlint.toml").write_text(
        'root = true\nselect = ["caveats"]\n', encoding="utf-8"
    )
    done = healthlint(repository, ".", ci=False)
    assert done.returncode == 1 and "error HL501" in done.stdout


def test_root_false_obeys_the_folders_own_configuration_in_ci(repository: Path) -> None:
    (repository / "healthlint.toml").write_text(
        'root = false\nselect = ["caveats"]\n', encoding="utf-8"
    )
    done = healthlint(repository, ".", ci=True)
    assert done.returncode == 0 and "HL501" not in done.stdout


def test_a_configuration_cannot_load_a_pack_from_outside_its_tree(
    repository: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"{SECRET}: [\n", encoding="utf-8")  # not even valid YAML
    contributed = repository / "contrib" / "pr-42" / "healthlint.toml"
    contributed.write_text(f'packs = ["../../../{secret.name}"]\n', encoding="utf-8")
    done = healthlint(repository / "contrib" / "pr-42", ".", ci=False)
    assert done.returncode == 2
    assert "outside" in done.stderr and str(contributed) in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_a_pack_cannot_extend_a_file_outside_its_tree(repository: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"{SECRET}: [\n", encoding="utf-8")
    folder = repository / "contrib" / "pr-42"
    (folder / "pack.yaml").write_text(
        f"pack: mine\nextends: [../../../{secret.name}]\nrules: []\n", encoding="utf-8"
    )
    (folder / "healthlint.toml").write_text('packs = ["pack.yaml"]\n', encoding="utf-8")
    done = healthlint(folder, ".", ci=False)
    assert done.returncode == 2
    assert "outside the pack's folder" in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_a_pack_in_the_configuration_s_tree_still_loads(repository: Path) -> None:
    folder = repository / "contrib" / "pr-42"
    (folder / "rules").mkdir()
    (folder / "rules" / "house.yaml").write_text(
        "pack: house\nextends: [core]\nrules: []\n", encoding="utf-8"
    )
    (folder / "healthlint.toml").write_text('packs = ["rules/house.yaml"]\n', encoding="utf-8")
    done = healthlint(folder, ".", ci=False)
    assert done.returncode == 1 and "error HL501" in done.stdout
