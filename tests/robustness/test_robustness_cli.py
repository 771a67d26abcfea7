"""The whole command, as a separate process: offline, and without touching what it reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TODAY = "2026-11-26"
# Readable and unreadable articles in every format, so that every reader and rule runs.
LIBRARY = [
    "clean-article.md",
    "whole-web-page.html",
    "broken-markup.html",
    "setext-bold-headings.md",
    "windows-1252.txt",
    "utf16-le-bom.txt",
    "mojibake.md",
    "empty-review-label.txt",
    "us-date-order.txt",
    "yaml-python-tag.md",
    "binary-image.md",
    "empty.md",
]


@pytest.fixture
def library(files: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    (folder / "conditions").mkdir(parents=True)
    for index, name in enumerate(LIBRARY):
        shutil.copy(files / name, (folder / "conditions" if index % 2 else folder) / name)
    return folder


def _healthlint(
    *args: str, cwd: Path, cache: Path, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cache)}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "healthlint", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _network_namespace_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        probe = subprocess.run(
            ["unshare", "-n", "true"], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def test_the_cli_gives_the_same_report_with_the_network_off(library: Path, tmp_path: Path) -> None:
    if not _network_namespace_works():
        pytest.skip(
            "`unshare -n` cannot make a network namespace here (needs root or user namespaces)"
        )
    # Inside the namespace nothing can be reached, not even by address.
    probe = subprocess.run(
        [
            "unshare",
            "-n",
            sys.executable,
            "-c",
            "import socket; socket.create_connection(('192.0.2.1', 80), timeout=5)",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert probe.returncode != 0
    command = ("check", "library", "--today", TODAY)
    online = _healthlint(*command, cwd=tmp_path, cache=tmp_path / "cache-online")
    offline = _healthlint(
        *command, cwd=tmp_path, cache=tmp_path / "cache-offline", prefix=("unshare", "-n")
    )
    assert (offline.returncode, offline.stdout, offline.stderr) == (
        online.returncode,
        online.stdout,
        online.stderr,
    )
    assert offline.returncode == 1
    assert "library/binary-image.md:1:1: error HL001" in offline.stdout
    assert offline.stdout.rstrip().splitlines()[-1].startswith("10 files checked")


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder under ``folder``: contents, modification time and mode."""
    found: dict[str, tuple[bytes, int, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        data = path.read_bytes() if path.is_file() else b""
        found[str(path.relative_to(folder))] = (data, info.st_mtime_ns, info.st_mode)
    return found


def test_check_never_modifies_the_files_it_reads(library: Path, tmp_path: Path) -> None:
    # Times in the past, so that a rewrite within the same second still shows.
    for path in [library, *library.rglob("*")]:
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = _snapshot(library)
    cache = tmp_path / "cache"
    for args in (
        ("check", "library", "--today", TODAY),
        ("check", "library", "--today", TODAY),  # a second run reads the cache
        ("check", "library", "--today", TODAY, "--format", "json", "--statistics"),
        ("inspect", "library/conditions/whole-web-page.html"),
    ):
        run = _healthlint(*args, cwd=tmp_path, cache=cache)
        assert run.returncode in (0, 1), run.stderr
    assert _snapshot(library) == before
    assert any(cache.rglob("*.json"))  # the cache was written, outside the library
