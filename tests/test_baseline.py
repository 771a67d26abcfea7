"""Gradual adoption: record today's findings, then fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cache_isolation import private_cache  # noqa: F401  (autouse)
from healthlint.cli import main

TODAY = "2026-11-26"
SELECT = ["--select", "HL302,HL304", "--today", TODAY]

STALE = """\
# Pink Eye

Pink eye makes the white of the eye look red.

Last reviewed: January 5, 2022
"""

# Two identical defects in one file: both must be tracked.
TWO_UNDATED = """\
# Shingles

Shingles is a painful rash.

Last reviewed: spring

More about shingles.

Last reviewed: spring
"""


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "pink-eye.md").write_text(STALE, encoding="utf-8")
    (tmp_path / "articles" / "shingles.md").write_text(TWO_UNDATED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_baseline(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, _, err = run(["check", "articles", *SELECT, "--write-baseline", "baseline.json"], capsys)
    assert code == 0
    assert "recorded 3 findings in baseline.json" in err
    data: dict[str, object] = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    return data


def test_written_baseline_is_keyed_by_path_rule_and_fingerprint(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_baseline(capsys)
    assert data["version"] == 1
    entries = data["entries"]
    assert isinstance(entries, list)
    keys = [(e["path"], e["rule"], e["count"]) for e in entries]
    assert keys == [("articles/pink-eye.md", "HL302", 1), ("articles/shingles.md", "HL304", 2)]
    for entry in entries:
        assert len(entry["fingerprint"]) >= 8
        assert "line" not in entry  # line numbers would break on the first edit above


def test_baselined_findings_pass_and_an_edit_above_keeps_them_baselined(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    code, out, err = run(["check", "articles", *SELECT, "--baseline", "baseline.json"], capsys)
    assert code == 0, out
    assert "no problems found" in out and err == ""

    article = library / "articles" / "pink-eye.md"
    article.write_text(
        STALE.replace(
            "# Pink Eye\n",
            "# Pink Eye\n\nA new first paragraph.\n\nAnd a second one, added by an editor.\n",
        ),
        encoding="utf-8",
    )
    code, out, _ = run(["check", "articles", *SELECT, "--baseline", "baseline.json"], capsys)
    assert code == 0, out
    # Without the baseline the finding is still there, on a later line.
    code, out, _ = run(["check", "articles", *SELECT], capsys)
    assert code == 1 and "pink-eye.md:9:1: error HL302" in out


def test_a_new_defect_is_reported_and_fails(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    shingles = library / "articles" / "shingles.md"
    shingles.write_text(TWO_UNDATED + "\nLast reviewed: spring\n", encoding="utf-8")
    (library / "articles" / "new.md").write_text(STALE, encoding="utf-8")
    code, out, _ = run(
        ["check", "articles", *SELECT, "--baseline", "baseline.json", "-f", "json"], capsys
    )
    assert code == 1
    document = json.loads(out)
    reported = [(f["path"], f["line"], f["rule"]) for f in document["findings"]]
    # The third identical defect in shingles.md is new; so is everything in a new file.
    assert reported == [
        (str(Path("articles/new.md")), 5, "HL302"),
        (str(Path("articles/shingles.md")), 11, "HL304"),
    ]
    assert document["baseline"]["matched"] == 3
    assert document["baseline"]["gone"] == []
    assert document["summary"]["failed"] is True


def test_fixed_findings_are_reported_as_gone(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    (library / "articles" / "pink-eye.md").write_text(
        STALE.replace("January 5, 2022", "October 1, 2026"), encoding="utf-8"
    )
    shingles = library / "articles" / "shingles.md"
    shingles.write_text(TWO_UNDATED.replace("spring", "May 2, 2026", 1), encoding="utf-8")

    code, out, err = run(["check", "articles", *SELECT, "--baseline", "baseline.json"], capsys)
    assert code == 0
    assert "no problems found" in out
    gone_lines = [line for line in err.splitlines() if "entry no longer found:" in line]
    assert len(gone_lines) == 2
    assert any("articles/pink-eye.md: HL302 review-date-stale" in line for line in gone_lines)
    assert "--write-baseline baseline.json" in err

    code, out, err = run(
        ["check", "articles", *SELECT, "--baseline", "baseline.json", "-f", "json"], capsys
    )
    gone = json.loads(out)["baseline"]["gone"]
    assert sorted((g["path"], g["rule"], g["count"]) for g in gone) == [
        ("articles/pink-eye.md", "HL302", 1),
        ("articles/shingles.md", "HL304", 1),
    ]
    assert err == ""  # JSON carries it; stderr stays quiet for scripts

    # Rewriting the baseline shrinks it.
    run(["check", "articles", *SELECT, "--write-baseline", "baseline.json"], capsys)
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["count"]) for e in data["entries"]] == [("articles/shingles.md", 1)]


def test_checking_some_files_leaves_the_other_entries_alone(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    # pre-commit passes only the staged file: the other file's entries are not "gone".
    code, _, err = run(
        ["check", "articles/pink-eye.md", *SELECT, "--baseline", "baseline.json"], capsys
    )
    assert code == 0 and err == ""
    run(["check", "articles/pink-eye.md", *SELECT, "--write-baseline", "baseline.json"], capsys)
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in data["entries"]] == ["articles/pink-eye.md", "articles/shingles.md"]


def test_a_deleted_file_is_gone_from_the_baseline(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    (library / "articles" / "shingles.md").unlink()
    _, out, _ = run(
        ["check", "articles/pink-eye.md", *SELECT, "--baseline", "baseline.json", "-f", "json"],
        capsys,
    )
    gone = json.loads(out)["baseline"]["gone"]
    assert [(g["path"], g["count"]) for g in gone] == [("articles/shingles.md", 2)]


def test_baseline_works_from_a_subfolder(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    monkeypatch.chdir(library / "articles")
    code, out, err = run(["check", ".", *SELECT, "--baseline", "../baseline.json"], capsys)
    assert code == 0, out + err
    assert err == ""


def test_broken_or_missing_baseline_exits_two(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "articles", *SELECT, "--baseline", "nope.json"], capsys)
    assert code == 2 and "nope.json" in err and "--write-baseline" in err
    Path("bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = run(["check", "articles", *SELECT, "--baseline", "bad.json"], capsys)
    assert code == 2 and "bad.json" in err
    Path("future.json").write_text('{"version": 9, "entries": []}', encoding="utf-8")
    code, _, err = run(["check", "articles", *SELECT, "--baseline", "future.json"], capsys)
    assert code == 2 and "version 9" in err
    Path("wrong.json").write_text('{"version": 1, "entries": [{"path": "a.md"}]}', encoding="utf-8")
    code, _, err = run(["check", "articles", *SELECT, "--baseline", "wrong.json"], capsys)
    assert code == 2 and "wrong.json" in err and "entries.0.rule" in err


def test_a_baselined_finding_that_gets_worse_is_new(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # On 2026-11-26 a review of 2024-06-01 is stale (a warning); a year on it is past the
    # error age, and the baseline that accepted the warning does not accept the error.
    (library / "articles" / "pink-eye.md").write_text(
        STALE.replace("January 5, 2022", "June 1, 2024"), encoding="utf-8"
    )
    data = write_baseline(capsys)
    entries = data["entries"]
    assert isinstance(entries, list)
    assert {e["rule"]: e["severity"] for e in entries} == {"HL302": "warning", "HL304": "error"}
    code, out, _ = run(["check", "articles", *SELECT, "--baseline", "baseline.json"], capsys)
    assert code == 0 and "HL302" not in out
    later = ["--select", "HL302,HL304", "--today", "2027-11-26"]
    code, out, _ = run(["check", "articles", *later, "--baseline", "baseline.json"], capsys)
    assert code == 1 and "error HL302" in out


def test_front_matter_errors_have_fingerprints_of_their_own(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = library / "articles" / "sore-throat.md"
    broken.write_text("---\ntitle: [Sore Throat\n---\n# Sore Throat\n", encoding="utf-8")
    run(
        [
            "check",
            "articles/sore-throat.md",
            "--select",
            "HL002",
            "--write-baseline",
            "baseline.json",
        ],
        capsys,
    )
    # Another mistake in the same front matter is a new finding, not the baselined one.
    broken.write_text(
        "---\ntitle: Sore Throat\nreviewed: {2026\n---\n# Sore Throat\n", encoding="utf-8"
    )
    code, out, _ = run(
        ["check", "articles/sore-throat.md", "--select", "HL002", "--baseline", "baseline.json"],
        capsys,
    )
    assert code == 1 and "HL002" in out
