"""Caches are kept out of the checked tree, keyed by content, and pruned."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthlint import artifacts

ARTICLE = "Knee pain\n\nKnee pain is common in runners. This miracle cure helps most people.\n"


def run(folder: Path, environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--today", "2026-11-26", *args],
        cwd=folder,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / ".git").mkdir(parents=True)
    (folder / "articles").mkdir()
    (folder / "articles" / "knee.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_a_findings_cache_inside_the_repository_is_not_used(
    repository: Path, tmp_path: Path
) -> None:
    environment = {
        "HEALTHLINT_CACHE_DIR": str(tmp_path / "outside"),
        "XDG_CONFIG_HOME": str(tmp_path / "home"),
    }
    reference = run(repository, environment, "articles")
    done = run(repository, environment, "--cache-dir", ".healthlint-cache", "articles")
    assert done.stdout == reference.stdout
    assert "not using the findings cache .healthlint-cache" in done.stderr
    assert not (repository / ".healthlint-cache").exists()


def test_an_artifact_cache_inside_the_checked_folder_is_not_used(
    repository: Path, tmp_path: Path
) -> None:
    environment = {
        "HEALTHLINT_CACHE_DIR": str(repository / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "home"),
    }
    done = run(repository, environment, "articles/knee.txt")
    assert "not using the artifact cache" in done.stderr, done.stderr
    assert "HL602" in done.stdout
    assert not (repository / "cache" / "artifacts").exists()


def test_a_same_size_pack_edit_with_its_time_kept_is_seen(repository: Path, tmp_path: Path) -> None:
    pack = repository / "house.yaml"
    pack.write_text(
        "pack: house\nextends: [default]\nchange:\n  - id: HL602\n    severity: error\n",
        encoding="utf-8",
    )
    (repository / "healthlint.toml").write_text('packs = ["house.yaml"]\n', encoding="utf-8")
    environment = {
        "HEALTHLINT_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "home"),
    }
    assert "error HL602" in run(repository, environment, "articles").stdout
    stat = pack.stat()
    pack.write_text(pack.read_text(encoding="utf-8").replace("error", "info "), encoding="utf-8")
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert pack.stat().st_size == stat.st_size
    assert "info HL602" in run(repository, environment, "articles").stdout


def test_old_entries_are_pruned_when_a_new_one_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "artifacts"
    folder.mkdir()
    old, recent, leftover = (
        folder / "rules-old.marshal",
        folder / "rules-recent.marshal",
        folder / "rules-1234.pickle",
    )
    for entry in (old, recent, leftover):
        entry.write_bytes(b"x")
    month_and_more = time.time() - 40 * 86400
    os.utime(old, (month_and_more, month_and_more))
    artifacts.prune(str(folder), keep="rules-new.marshal")
    assert sorted(p.name for p in folder.iterdir()) == ["rules-recent.marshal"]


def test_an_installed_package_is_stamped_by_its_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site-packages"
    package = site / "healthlint"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    record = site / "healthlint-1.0.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("healthlint/__init__.py,sha256=abc,0\n", encoding="utf-8")
    monkeypatch.setattr(artifacts, "_PACKAGE", str(package))
    stamp = artifacts.code_stamp.__wrapped__()
    assert stamp.startswith("record:")
    os.utime(package / "__init__.py", (1, 1))  # a new install: other times, same files
    assert artifacts.code_stamp.__wrapped__() == stamp
    record.write_text("healthlint/__init__.py,sha256=def,0\n", encoding="utf-8")
    assert artifacts.code_stamp.__wrapped__() != stamp


def test_an_editable_install_is_stamped_by_its_files_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "src" / "healthlint"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(artifacts, "_PACKAGE", str(package))
    stamp = artifacts.code_stamp.__wrapped__()
    os.utime(package / "__init__.py", (1, 1))
    assert artifacts.code_stamp.__wrapped__() != stamp
