"""Rows 8 and 9 of the threat model: a file name or article text cannot forge a report line,
send terminal escapes, or crash a report because it is not UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Knee pain\n\nThis miracle cure helps most people feel better.\n"
FORGED = "a\nx.txt:1:1: error HL999 forged\x1b[2J\n::error file=a::pwned\nk"


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    environment = {
        **os.environ,
        "HEALTHLINT_CACHE_DIR": str(folder.parent / "cache"),
        "XDG_CONFIG_HOME": str(folder.parent / "home"),
    }
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--today", "2026-11-26", *args, "."],
        cwd=folder,
        env=environment,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / f"{FORGED}.txt").write_text(ARTICLE, encoding="utf-8")
    if sys.platform == "linux":
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
            handle.write(ARTICLE.encode())
    return folder


@pytest.mark.parametrize("form", ["text", "github", "json", "sarif", "junit"])
def test_no_file_name_forges_a_line_or_breaks_a_report(project: Path, form: str) -> None:
    done = run(project, "--format", form)
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode("utf-8")
    assert b"\x1b" not in done.stdout
    assert not any(line.startswith(("x.txt:", "::error file=a::")) for line in out.splitlines())
    if sys.platform == "linux":
        assert any(escape in out for escape in ("\\xe9", "\\udce9", "%E9", "%5Cxe9"))


@pytest.mark.parametrize("form", ["text", "sarif"])
def test_a_report_file_with_a_non_utf8_name_in_it_is_written(project: Path, form: str) -> None:
    done = run(project, "--format", form, "-o", "../report")
    assert done.returncode == 1, done.stderr
    (project.parent / "report").read_bytes().decode("utf-8")
