"""The command line as editors and CI use it: output, exit codes, JSON, inspect, rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from healthlint.cli import main
from sample_articles import BAD_TXT, GOOD_MD

TODAY = "2026-11-26"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    (tmp_path / "good" / "sprained-ankle.md").write_text(GOOD_MD, encoding="utf-8")
    (tmp_path / "bad" / "knee-arthroscopy.txt").write_text(BAD_TXT, encoding="utf-8")
    (tmp_path / "bad" / "notes.json").write_text("{}", encoding="utf-8")
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stale_review_date_reported_at_its_line(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(library / "bad"), "--today", TODAY], capsys)
    assert code == 1
    path = library / "bad" / "knee-arthroscopy.txt"
    assert f"{path}:13:1: error HL302 " in out
    assert "4 years and 10 months old" in out
    assert "HL102" in out  # a treatment article with no benefits or risks section
    assert "notes.json" not in out  # folders are walked for article extensions only
    assert out.rstrip().splitlines()[-1].startswith("1 file checked")


def test_clean_folder_exits_zero(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["check", str(library / "good"), "--today", TODAY, "--select", "sections,freshness"], capsys
    )
    assert code == 0, out
    assert "no problems found" in out


def test_json_findings_carry_the_documented_fields(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(library), "--today", TODAY, "--format", "json"], capsys)
    assert code == 1
    document = json.loads(out)
    assert document["findings"]
    for finding in document["findings"]:
        for key in ("path", "line", "column", "rule", "name", "category", "severity", "message"):
            assert key in finding
        assert finding["severity"] in ("info", "warning", "error")
    stale = [f for f in document["findings"] if f["rule"] == "HL302"]
    assert stale and stale[0]["line"] == 13 and stale[0]["category"] == "freshness"


def test_today_changes_the_verdict(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(library / "bad" / "knee-arthroscopy.txt")
    _, early, _ = run(["check", bad, "--today", "2022-06-01", "--select", "HL302"], capsys)
    _, late, _ = run(["check", bad, "--today", "2025-06-01", "--select", "HL302"], capsys)
    assert "HL302" not in early
    assert "HL302" in late


def test_fail_level_and_exit_zero(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(library / "bad" / "knee-arthroscopy.txt")
    only_warning = ["check", bad, "--today", "2024-06-01", "--select", "HL302"]
    assert run(only_warning, capsys)[0] == 0  # 2 years and 5 months: a warning only
    assert run([*only_warning, "--fail-level", "warning"], capsys)[0] == 1
    assert run(["check", bad, "--today", TODAY, "--exit-zero"], capsys)[0] == 0


def test_usage_errors_exit_two(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for bad_usage in (["check", str(library), "--today", "26/11/2026"], ["frobnicate"]):
        with pytest.raises(SystemExit) as exit_info:
            main(bad_usage)
        assert exit_info.value.code == 2
    assert "not a date in YYYY-MM-DD form" in capsys.readouterr().err


def test_broken_pack_exits_two_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\nrules:\n  - id: HX101\n    name: house-rule\n    kind: freshness\n"
        "    category: freshness\n    severity: loud\n    summary: s\n    message: m\n"
        "    source: s\n    options: {check: stale}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    article.write_text(GOOD_MD, encoding="utf-8")
    code, _, err = run(["check", str(article), "--pack", str(pack)], capsys)
    assert code == 2
    assert str(pack) in err
    assert "rules[0] (HX101).severity" in err


def test_pack_with_bad_kind_options_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\nextends: [default]\nrules:\n  - id: HX301\n    name: house-stale\n"
        "    kind: freshness\n    category: freshness\n    severity: error\n    summary: s\n"
        "    message: m\n    source: s\n    options: {check: stale, warn_after_days: soon}\n",
        encoding="utf-8",
    )
    code, _, err = run(["check", str(tmp_path), "--pack", str(pack)], capsys)
    assert code == 2
    assert "HX301" in err and "warn_after_days" in err


def test_user_pack_adds_a_rule_by_yaml_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "yearly.yaml"
    pack.write_text(
        "pack: yearly\nextends: [default]\nrules:\n  - id: HX301\n    name: yearly-review\n"
        "    kind: freshness\n    category: freshness\n    severity: error\n"
        "    summary: Our articles are reviewed every year.\n"
        "    message: 'Reviewed {age} ago; our policy is a yearly review.'\n"
        "    source: House style\n    options: {check: stale, warn_after_days: 365}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    article.write_text(GOOD_MD, encoding="utf-8")
    code, out, _ = run(
        ["check", str(article), "--pack", str(pack), "--today", "2027-09-01", "--select", "HX301"],
        capsys,
    )
    assert code == 1
    assert "HX301 Reviewed 1 year and 4 months ago; our policy is a yearly review." in out


def test_missing_and_unreadable_files_are_named_and_others_still_checked(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = library / "bad" / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, out, _ = run(
        ["check", str(library / "nope.md"), str(library / "bad"), "--today", TODAY], capsys
    )
    assert code == 1
    assert f"{library / 'nope.md'}:1:1: error HL001 Cannot check this file: no such file" in out
    assert f"{binary}:1:1: error HL001 Cannot check this file: contains NUL bytes" in out
    assert "knee-arthroscopy.txt:13:1" in out


def test_inspect_shows_sections_credits_and_dates(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["inspect", str(library / "bad" / "knee-arthroscopy.txt")], capsys)
    assert code == 0
    article = json.loads(out)
    assert article["title"] == "Knee Arthroscopy"
    assert article["article_type"] == "treatment"
    assert article["type_source"] == "headings"
    assert [(s["title"], s["line"]) for s in article["sections"]] == [
        ("Treatment Overview", 3),
        ("Why It Is Done", 7),
        ("Credits", 11),
    ]
    assert article["credits"]["dates"][0]["value"] == "2022-01-05"
    assert article["credits"]["authors"][0]["name"] == "Health Library Staff"


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("HL302"))
    assert "review-date-stale" in line and "freshness" in line and "warning" in line
    code, out, _ = run(["explain", "review-date-stale"], capsys)
    assert code == 0
    assert "HL302 review-date-stale" in out
    assert "Source:" in out and "Fails" in out and "Passes:" in out
    assert "-> line 3: error" in out  # the bad example really fails, past 3 years
    assert run(["explain", "HL999"], capsys)[0] == 2


def test_explain_runs_the_example_of_a_rule_from_a_pack_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: HX101\n    name: no-miracle\n    kind: existence\n"
        "    category: plain-language\n    severity: warning\n"
        "    message: 'Avoid {match!r}.'\n    summary: Words that promise too much.\n"
        "    source: House style.\n    options: {phrases: [miracle]}\n"
        '    example: {format: text, bad: "A miracle cure.\\n", good: "A cure.\\n"}\n',
        encoding="utf-8",
    )
    (tmp_path / "healthlint.toml").write_text('packs = ["house.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["explain", "HX101"], capsys)
    assert code == 0, err
    assert "-> line 1: warning Avoid 'miracle'." in out


def test_console_script_runs_as_a_subprocess(library: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", str(library / "bad"), "--today", TODAY],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "HL302" in done.stdout


def test_stats_prints_reading_figures_per_file_and_section(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["stats", str(library / "good"), "--sections", "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)
    article, *sections = rows
    assert article["path"].endswith("sprained-ankle.md") and article["section"] is None
    assert article["words"] > 50 and article["flesch_kincaid_grade"] is not None
    assert article["smog"] is None  # fewer than 30 sentences: no SMOG grade
    assert [s["section"] for s in sections][:2] == [
        "Your Care Instructions",
        "How Can You Care for Yourself at Home",
    ]
    code, out, _ = run(["stats", str(library / "good")], capsys)
    assert "F-K grade" in out.splitlines()[0] and "sprained-ankle.md" in out


def test_inspect_includes_readability_figures(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["inspect", str(library / "good" / "sprained-ankle.md")], capsys)
    assert code == 0
    figures = json.loads(out)["readability"]
    assert figures["article"]["words"] > 50
    assert {s["section"] for s in figures["sections"]} >= {"Your Care Instructions"}
