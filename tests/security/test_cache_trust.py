"""Row 1 of the threat model: a cache entry planted by a contribution or by another user is
a miss, never code run and never a pass."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """Knee pain after running

Knee pain is common in runners. This miracle cure helps most people feel better.
"""


def run(folder: Path, cache: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cache), "XDG_CONFIG_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--today", "2026-11-26", *args],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


class Payload:
    """Unpickling this creates the file named: proof that loading ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "knee.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_a_planted_artifact_runs_no_code(project: Path, tmp_path: Path) -> None:
    cache, home = tmp_path / "cache", tmp_path / "home"
    first = run(project, cache, home, "knee.txt")
    entries = list((cache / "artifacts").iterdir())
    assert entries, first.stderr
    marker = tmp_path / "owned"
    for entry in entries:
        entry.write_bytes(pickle.dumps(Payload(marker)))
    second = run(project, cache, home, "knee.txt")
    assert not marker.exists()
    assert second.stdout == first.stdout


def test_an_entry_sealed_with_another_users_key_is_a_miss(project: Path, tmp_path: Path) -> None:
    # Two users sharing one cache folder: the second never trusts what the first wrote.
    cache = tmp_path / "cache"
    first = run(project, cache, tmp_path / "alice", "knee.txt")
    second = run(project, cache, tmp_path / "mallory", "knee.txt")
    assert second.stdout == first.stdout
    assert (tmp_path / "alice" / "healthlint" / "cache-key").stat().st_mode & 0o077 == 0


def test_a_planted_findings_entry_does_not_pass_an_article(project: Path, tmp_path: Path) -> None:
    cache, home = tmp_path / "cache", tmp_path / "home"
    first = run(project, cache, home, "knee.txt")
    assert first.stdout.strip(), first.stderr
    planted = [path for path in cache.rglob("*.json") if "artifacts" not in path.parts]
    assert planted
    for path in planted:
        path.write_text('{"readable": true, "findings": []}', encoding="utf-8")
    assert run(project, cache, home, "knee.txt").stdout == first.stdout


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_may_write_is_not_used(project: Path, tmp_path: Path) -> None:
    cache, home = tmp_path / "cache", tmp_path / "home"
    cache.mkdir(mode=0o700)
    os.chmod(cache, 0o777)
    done = run(project, cache, home, "knee.txt")
    assert done.stdout.strip(), done.stderr
    assert not list(cache.iterdir())


def test_a_cache_restored_without_the_secret_is_a_miss(project: Path, tmp_path: Path) -> None:
    # A CI runner starts empty: the key comes from a secret a fork's pull request never sees.
    cache = tmp_path / "cache"
    secret = {"HEALTHLINT_CACHE_KEY": "s" * 40}
    first = run_with(project, cache, tmp_path / "run1", secret, "knee.txt")
    again = run_with(project, cache, tmp_path / "run2", secret, "knee.txt")
    assert again.stdout == first.stdout
    assert not (tmp_path / "run2" / "healthlint").exists()
    marker = tmp_path / "owned"
    for entry in (cache / "artifacts").iterdir():
        entry.write_bytes(pickle.dumps(Payload(marker)))
    fork = run_with(project, cache, tmp_path / "run3", {}, "knee.txt")
    assert not marker.exists() and fork.stdout == first.stdout


def run_with(
    folder: Path, cache: Path, home: Path, extra: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "HEALTHLINT_CACHE_DIR": str(cache),
        "XDG_CONFIG_HOME": str(home),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--today", "2026-11-26", *args],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_entry_sealed_with_the_right_key_still_runs_no_code(
    project: Path, tmp_path: Path
) -> None:
    # Even someone who holds the key (the seal proves who wrote an entry, not what it holds)
    # can only make the cache rebuild: entries are plain data naming healthlint's data types.
    import hashlib
    import hmac
    import marshal

    cache, home = tmp_path / "cache", tmp_path / "home"
    first = run(project, cache, home, "knee.txt")
    key = (home / "healthlint" / "cache-key").read_bytes()
    rules = list((cache / "artifacts").glob("rules-*.marshal"))
    assert rules and not list((cache / "artifacts").glob("*.pickle"))
    marker = tmp_path / "owned"
    for hostile in [
        ("o", "os:system", [], []),
        ("o", "subprocess:Popen", [], []),
        ("o", "healthlint.__main__:run", [], []),
    ]:
        for entry in rules:
            stamps, _ = marshal.loads(entry.read_bytes()[32:])
            payload = marshal.dumps((stamps, hostile))
            entry.write_bytes(hmac.new(key, payload, hashlib.sha256).digest() + payload)
        again = run(project, cache, home, "knee.txt")
        assert again.stdout == first.stdout, again.stderr
        assert not marker.exists()
