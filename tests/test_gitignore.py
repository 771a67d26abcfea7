"""Folder walks leave out the untracked files git ignores, never a tracked one."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from healthlint.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
ARTICLE = "# Knee pain\n\nRest helps.\n"


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / "articles").mkdir(parents=True)
    (folder / "drafts").mkdir()
    git(folder, "init", "-q")
    (folder / ".gitignore").write_text("drafts/\n*.tmp.md\n", encoding="utf-8")
    for name in (
        "articles/knee.md",
        "drafts/idea.md",
        "articles/scratch.tmp.md",
        "articles/kept.tmp.md",
    ):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    git(folder, "add", ".gitignore", "articles/knee.md")
    git(folder, "add", "-f", "articles/kept.tmp.md")  # tracked although the pattern matches
    git(folder, "commit", "-q", "-m", "articles")
    return folder


def checked(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    main(["check", "--no-cache", "--format", "json", "--select", "HL201", *args, str(folder)])
    report = json.loads(capsys.readouterr().out)
    return sorted(Path(f["path"]).relative_to(folder).as_posix() for f in report["findings"])


def test_ignored_untracked_files_are_left_out_and_tracked_ones_kept(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert checked(repository, capsys) == ["articles/kept.tmp.md", "articles/knee.md"]


def test_a_contributed_gitignore_cannot_hide_committed_articles(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repository / "articles" / ".gitignore").write_text("*\n", encoding="utf-8")
    git(repository, "add", "-f", "articles/.gitignore")
    git(repository, "commit", "-q", "-m", "hide everything")
    assert checked(repository, capsys) == ["articles/kept.tmp.md", "articles/knee.md"]


def test_the_flag_walks_everything(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert checked(repository, capsys, "--no-respect-gitignore") == [
        "articles/kept.tmp.md",
        "articles/knee.md",
        "articles/scratch.tmp.md",
        "drafts/idea.md",
    ]


def test_outside_a_repository_every_file_is_walked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / ".gitignore").write_text("*.md\n", encoding="utf-8")
    (tmp_path / "plain" / "knee.md").write_text(ARTICLE, encoding="utf-8")
    assert checked(tmp_path / "plain", capsys) == ["knee.md"]
