"""Hostile or wrong input: a clear message naming the file, the right exit code, and every
other file still checked."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.parsers import parse_article

if TYPE_CHECKING:
    from conftest import Check

TODAY = "2026-11-26"
# The clean article has no findings, so the last line of a report says what else happened.
CLEAN = "clean-article.md"

UNREADABLE = [
    ("binary-image.md", "this is a PNG image, not a Markdown, HTML or plain-text article"),
    ("nul-bytes.txt", "contains NUL bytes: a binary file, not a text article"),
    (
        "utf16-no-bom.txt",
        "contains NUL bytes: looks like UTF-16 (little-endian) text without "
        "a byte-order mark; save it as UTF-8",
    ),
    ("empty.md", "the file is empty"),
    ("feed.xml", "this is an XML document, not a Markdown, HTML or plain-text article"),
    ("leaflet.pdf", "this is a PDF document, not a Markdown, HTML or plain-text article"),
    ("leaflet.docx", "this is a Word document, not a Markdown, HTML or plain-text article"),
]


@pytest.mark.parametrize(("name", "reason"), UNREADABLE, ids=[n for n, _ in UNREADABLE])
def test_a_file_that_cannot_be_read_is_named_with_the_reason(
    name: str, reason: str, check: Check
) -> None:
    run = check(name, CLEAN)
    assert run.out.splitlines() == [
        f"{name}:1:1: error HL001 Cannot check this file: {reason}.",
        "1 file checked, 1 could not be read, 1 with findings: 1 error.",
    ]
    assert run.code == 1


def test_every_other_file_in_a_folder_is_still_checked(
    files: Path, check: Check, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    for name in [n for n, _ in UNREADABLE] + [CLEAN, "month-only-date.md", "mojibake.md"]:
        shutil.copy(files / name, library / name)
    # Folders are walked for article extensions; the XML, PDF and Word files are named.
    run = check(
        "library",
        "library/feed.xml",
        "library/leaflet.pdf",
        "library/leaflet.docx",
        "--select",
        "input,freshness",
        "--format",
        "json",
        cwd=tmp_path,
        today="2026-12-05",
    )
    by_file: dict[str, list[str]] = {}
    for finding in run.findings:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding["rule"])
    assert by_file == {
        **{name: ["HL001"] for name, _ in UNREADABLE},
        "month-only-date.md": ["HL302"],  # checked as usual next to all the broken files
        "mojibake.md": ["HL003"],
    }
    assert run.report["summary"]["files_checked"] == 3
    assert run.report["summary"]["files_unreadable"] == len(UNREADABLE)
    assert run.code == 1


def test_a_path_that_does_not_exist(check: Check) -> None:
    run = check("no-such-article.md", "no-such-folder", CLEAN)
    assert run.out.splitlines() == [
        "no-such-article.md:1:1: error HL001 Cannot check this file: no such file or folder.",
        "no-such-folder:1:1: error HL001 Cannot check this file: no such file or folder.",
        "1 file checked, 2 could not be read, 2 with findings: 2 errors.",
    ]
    assert run.code == 1


def test_a_file_over_the_default_size_limit(files: Path, check: Check, tmp_path: Path) -> None:
    with (tmp_path / "huge.md").open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)  # sparse: the size is refused before reading
    shutil.copy(files / CLEAN, tmp_path / CLEAN)
    run = check("huge.md", CLEAN, cwd=tmp_path)
    assert run.out.splitlines()[0] == (
        "huge.md:1:1: error HL001 Cannot check this file: file is 5,242,881 bytes, over the "
        "5,242,880-byte limit (max-file-size)."
    )
    assert run.code == 1


def test_the_size_limit_comes_from_the_configuration(
    files: Path, check: Check, tmp_path: Path
) -> None:
    (tmp_path / "healthlint.toml").write_text("max-file-size = 2000\n", encoding="utf-8")
    (tmp_path / "long.md").write_text("# Long\n\n" + "Rest well. " * 200, encoding="utf-8")
    shutil.copy(files / CLEAN, tmp_path / CLEAN)
    run = check("long.md", CLEAN, cwd=tmp_path, isolated=False)
    assert run.out.splitlines() == [
        "long.md:1:1: error HL001 Cannot check this file: file is 2,208 bytes, over the "
        "2,000-byte limit (max-file-size).",
        "1 file checked, 1 could not be read, 1 with findings: 1 error.",
    ]


def test_front_matter_with_a_python_tag(check: Check) -> None:
    run = check("yaml-python-tag.md", "--select", "input,freshness", "--format", "json")
    assert run.rules_at("yaml-python-tag.md") == [("HL002", 3), ("HL301", 5)]
    assert "the tag !!python/object/apply:os.system is not allowed" in run.findings[0]["message"]


def test_front_matter_alias_bomb(check: Check) -> None:
    started = time.monotonic()
    run = check("yaml-alias-bomb.md", "--select", "input", "--format", "json")
    assert run.rules_at("yaml-alias-bomb.md") == [("HL002", 4)]
    assert "aliases (*name) are not allowed" in run.findings[0]["message"]
    assert time.monotonic() - started < 20  # 9**4 expanded lists would take far longer


def test_front_matter_that_is_not_a_mapping(check: Check) -> None:
    run = check("yaml-not-a-mapping.md", "--select", "input", "--format", "json")
    assert run.rules_at("yaml-not-a-mapping.md") == [("HL002", 2)]
    assert "must be a mapping of keys to values, not a list" in run.findings[0]["message"]


@pytest.mark.parametrize(
    ("front_matter", "line", "detail"),
    [
        pytest.param(
            "x: " + "[" * 3000 + "]" * 3000,
            2,
            "nested more than 50 levels deep",
            id="deeply-nested",
        ),
        pytest.param(
            "notes: " + "Rest. " * 12000, 2, "over the 65,536-character limit", id="too-large"
        ),
        pytest.param(
            "title: Mumps\nimage: !!binary aGVsbG8=", 3, "the tag !!binary", id="binary-tag"
        ),
        pytest.param("title: Mumps\nlogo: !local thing", 3, "the tag !local", id="local-tag"),
        pytest.param(
            "title: Mumps\nbad: \x07",
            3,
            "special characters are not allowed",
            id="control-character",
        ),
    ],
)
def test_more_front_matter_that_cannot_be_read(
    front_matter: str, line: int, detail: str, check: Check, tmp_path: Path
) -> None:
    text = f"---\n{front_matter}\n---\n# Mumps\n\nMumps makes the cheeks swell.\n"
    (tmp_path / "mumps.md").write_text(text, encoding="utf-8")
    run = check("mumps.md", "--select", "input", "--format", "json", cwd=tmp_path)
    assert run.rules_at("mumps.md") == [("HL002", line)]
    assert detail in run.findings[0]["message"]


def test_an_impossible_front_matter_date_is_an_unreadable_date(
    check: Check, tmp_path: Path
) -> None:
    # YAML reads 2026-02-30 as a date and fails; it is the date that is wrong, not the YAML.
    text = "---\ntitle: Mumps\nreviewed: 2026-02-30\n---\n# Mumps\n\nMumps makes cheeks swell.\n"
    (tmp_path / "mumps.md").write_text(text, encoding="utf-8")
    run = check("mumps.md", "--select", "input,freshness", "--format", "json", cwd=tmp_path)
    assert run.rules_at("mumps.md") == [("HL304", 3)]


def test_an_unreadable_file(files: Path, check: Check, tmp_path: Path) -> None:
    locked = tmp_path / "locked.md"
    shutil.copy(files / CLEAN, locked)
    shutil.copy(files / CLEAN, tmp_path / CLEAN)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: a file with mode 000 can still be read")
        run = check("locked.md", CLEAN, cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    assert run.out.splitlines() == [
        "locked.md:1:1: error HL001 Cannot check this file: cannot read: Permission denied.",
        "1 file checked, 1 could not be read, 1 with findings: 1 error.",
    ]
    assert run.code == 1


def test_a_read_refused_by_the_system(
    files: Path, check: Check, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same as above for a user who is root: the system refuses the read itself.
    shutil.copy(files / CLEAN, tmp_path / "locked.md")
    shutil.copy(files / CLEAN, tmp_path / CLEAN)
    from healthlint import reading

    read_whole = reading.read_whole

    def refuse(path: Path | str, expected_size: int = 0) -> bytes:
        if os.path.basename(path) == "locked.md":
            raise PermissionError(13, "Permission denied", str(path))
        return read_whole(path, expected_size)

    monkeypatch.setattr(reading, "read_whole", refuse)
    run = check(".", cwd=tmp_path)
    assert run.out.splitlines() == [
        "locked.md:1:1: error HL001 Cannot check this file: cannot read: Permission denied.",
        "1 file checked, 1 could not be read, 1 with findings: 1 error.",
    ]


def _subprocess_check(*args: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    """The real command in its own process, so a walk that never ends fails the test."""
    environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cwd / ".cache")}
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "healthlint",
            "check",
            *args,
            "--today",
            TODAY,
            "--isolated",
            "--no-cache",
            "--format",
            "json",
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )
    report: dict[str, Any] = json.loads(process.stdout)
    return process.returncode, report


def test_a_folder_linked_into_itself(files: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    (library / "sub").mkdir(parents=True)
    shutil.copy(files / CLEAN, library / "sub" / CLEAN)
    (library / "sub" / "loop").symlink_to(".", target_is_directory=True)
    (library / "sub" / "up").symlink_to("..", target_is_directory=True)
    (library / "a.md").symlink_to("b.md")
    (library / "b.md").symlink_to("a.md")
    code, report = _subprocess_check("library", cwd=tmp_path)
    assert sorted((f["path"], f["rule"], f["message"]) for f in report["findings"]) == [
        (f"library/{name}", "HL001", "Cannot check this file: broken or looping symbolic link.")
        for name in ("a.md", "b.md")
    ]
    assert report["summary"]["files_checked"] == 1  # the article, once, not once per loop
    assert code == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_in_a_folder_is_not_waited_on(files: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(files / CLEAN, library / CLEAN)
    os.mkfifo(library / "pipe.md")  # reading it would wait for a writer forever
    code, report = _subprocess_check("library", cwd=tmp_path)
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [("library/pipe.md", "HL001")]
    assert report["summary"]["files_checked"] == 1
    assert code == 1
    # Through the Python API too, where the folder walk hands the pipe straight to the reader.
    program = (
        "from healthlint.engine import Linter; "
        "print([f.message for f in Linter().lint_paths(['library']).findings])"
    )
    api = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert api.stdout.strip() == (
        "['Cannot check this file: is not a regular file (a pipe, socket or device).']"
    )


def _headings(count: int) -> str:
    sections = "".join(f"## Question {i}\n\nAnswer number {i} is short.\n\n" for i in range(count))
    return f"# Frequently Asked Questions\n\n{sections}Last reviewed: May 2, 2026\n"


# How the cost grows with the number of headings is measured by `benchmarks/run.py --only
# scaling`; these tests check that such a page is read and checked correctly.


def test_thousands_of_headings_are_read() -> None:
    article = parse_article(_headings(8000), filename="faq.md")
    assert len(article.sections) == 8000
    assert article.sections[-1].line == 2 + 4 * 7999 + 1


def test_thousands_of_headings_are_checked() -> None:
    linter = Linter(Config(today=dt.date.fromisoformat(TODAY)))
    findings = linter.lint_text(_headings(8000), filename="faq.md")
    assert [f.rule for f in findings if f.rule.startswith("HL1")] == []
