"""The pre-commit hook, run for real by pre-commit in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sample_articles import BAD_TXT, GOOD_MD

PROJECT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def editor_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("library")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "editor@example.org")
    _git(repo, "config", "user.name", "Editor")
    (repo / "healthlint.toml").write_text('today = "2026-11-26"\n', encoding="utf-8")
    (repo / "sprained-ankle.md").write_text(GOOD_MD, encoding="utf-8")
    (repo / "knee-arthroscopy.txt").write_text(BAD_TXT, encoding="utf-8")
    (repo / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    # The files every repository has beside its articles.
    (repo / "README.md").write_text("# Health library\n\nOur articles.\n", encoding="utf-8")
    (repo / "CHANGELOG.md").write_text("# Changes\n\n- New articles.\n", encoding="utf-8")
    (repo / "LICENSE").write_text("Copyright the library's authors.\n", encoding="utf-8")
    (repo / "requirements.txt").write_text("healthlint\n", encoding="utf-8")
    _git(repo, "add", ".")
    return repo


def _try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(PROJECT),
            "healthlint",
            "--files",
            *files,
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_hook_fails_on_a_bad_article(editor_repo: Path) -> None:
    done = _try_repo(editor_repo, "knee-arthroscopy.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "knee-arthroscopy.txt:13:1: error HL302" in done.stdout
    assert "Failed" in done.stdout


def test_hook_passes_on_a_good_article_and_skips_other_files(editor_repo: Path) -> None:
    done = _try_repo(editor_repo, "sprained-ankle.md", "notes.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_hook_leaves_the_repository_s_own_files_alone(editor_repo: Path) -> None:
    done = _try_repo(
        editor_repo, "sprained-ankle.md", "README.md", "CHANGELOG.md", "LICENSE", "requirements.txt"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "README" not in done.stdout and "LICENSE" not in done.stdout
