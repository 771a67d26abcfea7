"""``healthlint report`` reads the findings cache ``check --cache-dir`` wrote, and
``--no-cache`` reads and writes none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def command(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cache / "default")}
    return subprocess.run(
        [sys.executable, "-m", "healthlint", *args, "--today", "2026-11-26"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def test_the_report_uses_the_checks_cache_folder_and_no_cache_leaves_none(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    command("check", "--cache-dir", str(chosen), "-q", str(EXAMPLES / "good"), cache=tmp_path)
    before = sorted(p.name for p in chosen.rglob("*") if p.is_file())
    assert before
    cached = command(
        "report",
        "--format",
        "json",
        "--cache-dir",
        str(chosen),
        str(EXAMPLES / "good"),
        cache=tmp_path,
    )
    fresh = command(
        "report", "--format", "json", "--no-cache", str(EXAMPLES / "good"), cache=tmp_path
    )
    assert cached.returncode == fresh.returncode == 0, cached.stderr + fresh.stderr
    assert json.loads(cached.stdout) == json.loads(fresh.stdout)
    assert not (tmp_path / "default").exists() or not any((tmp_path / "default").rglob("*.json"))
