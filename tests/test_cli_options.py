"""``healthlint check`` options a CI gate and a pre-commit hook rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cache_isolation import private_cache  # noqa: F401  (autouse)
from healthlint.cli import main

TODAY = "2026-11-26"

CLEAN = """\
# Pink Eye

Pink eye makes the white of the eye look red.

Last reviewed: October 1, 2026
"""
ERROR = CLEAN.replace("October 1, 2026", "January 5, 2022")  # HL302, error: over 3 years
WARNING = CLEAN.replace("October 1, 2026", "January 5, 2024")  # HL302, warning: over 2 years
UNDATED = CLEAN.replace("October 1, 2026", "spring")  # HL304 unparseable, error
AMBIGUOUS = CLEAN.replace("October 1, 2026", "4/5/2026")  # HL305 ambiguous, warning


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in (
        ("clean.md", CLEAN),
        ("stale.md", ERROR),
        ("ageing.md", WARNING),
        ("undated.md", UNDATED),
        ("ambiguous.md", AMBIGUOUS),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rules(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    code, out, err = run(["check", *args, "--today", TODAY, "-f", "json"], capsys)
    assert code in (0, 1), err
    return [(f["path"], f["rule"]) for f in json.loads(out)["findings"]]


def test_fail_level(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["check", "ageing.md", "--today", TODAY, "--select", "HL302"]
    assert run(base, capsys)[0] == 0  # a warning does not fail by default
    assert run([*base, "--fail-level", "warning"], capsys)[0] == 1
    assert run([*base, "--fail-level", "error"], capsys)[0] == 0
    as_info = [*base, "--severity", "HL302=info"]
    assert run([*as_info, "--fail-level", "warning"], capsys)[0] == 0
    assert run([*as_info, "--fail-level", "info"], capsys)[0] == 1
    with pytest.raises(SystemExit) as exit_info:
        main([*base, "--fail-level", "fatal"])
    assert exit_info.value.code == 2


def test_exit_zero_reports_but_passes(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["check", "stale.md", "--today", TODAY, "--select", "HL302", "--exit-zero"], capsys
    )
    assert code == 0 and "error HL302" in out
    # --exit-zero never hides a broken setup.
    assert run(["check", "stale.md", "--exit-zero", "--select", "HL9999"], capsys)[0] == 2


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("HL302", {"HL302"}),
        ("hl302", {"HL302"}),
        ("HL30", {"HL302", "HL304", "HL305"}),
        ("review-date-unparseable", {"HL304"}),
        ("freshness", {"HL302", "HL304", "HL305"}),
        ("HL302,HL304", {"HL302", "HL304"}),
    ],
)
def test_select_by_id_prefix_name_or_category(
    library: Path, capsys: pytest.CaptureFixture[str], selector: str, expected: set[str]
) -> None:
    assert {rule for _, rule in rules([".", "--select", selector], capsys)} == expected


def test_ignore_and_repeated_flags(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = rules([".", "--select", "freshness", "--ignore", "review-date-ambiguous"], capsys)
    assert {rule for _, rule in found} == {"HL302", "HL304"}
    found = rules([".", "--select", "HL302", "--select", "HL305"], capsys)
    assert {rule for _, rule in found} == {"HL302", "HL305"}
    found = rules([".", "--select", "HL302", "--extend-select", "HL304"], capsys)
    assert {rule for _, rule in found} == {"HL302", "HL304"}
    found = rules([".", "--select", "freshness", "--ignore", "HL302", "--ignore", "HL305"], capsys)
    assert {rule for _, rule in found} == {"HL304"}


def test_unknown_rule_selector_is_a_usage_error(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for flag in ("--select", "--ignore", "--extend-select"):
        code, out, err = run(["check", ".", flag, "HL3O2"], capsys)
        assert code == 2 and out == ""
        assert flag in err and "HL3O2" in err
    code, _, err = run(["check", ".", "--severity", "review-date=error"], capsys)
    assert code == 2 and "review-date" in err
    with pytest.raises(SystemExit):
        main(["check", ".", "--severity", "HL302=loud"])
    assert "RULE=LEVEL" in capsys.readouterr().err
    # An empty selection would run no rule and pass everything.
    with pytest.raises(SystemExit) as exit_info:
        main(["check", ".", "--select", ""])
    assert exit_info.value.code == 2


def test_statistics(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["check", ".", "--today", TODAY, "--select", "freshness", "--statistics"], capsys
    )
    assert code == 1
    table = out.split("\n\n")[-1].splitlines()
    assert table == [
        "1  HL302  review-date-stale (error)",
        "1  HL302  review-date-stale (warning)",
        "1  HL304  review-date-unparseable (error)",
        "1  HL305  review-date-ambiguous (warning)",
    ]
    # For machine formats the table goes to stderr, so stdout stays parseable.
    code, out, err = run(
        ["check", ".", "--today", TODAY, "--select", "freshness", "--statistics", "-f", "json"],
        capsys,
    )
    assert len(json.loads(out)["findings"]) == 4
    assert "HL304  review-date-unparseable (error)" in err


def test_statistics_count_repeated_findings(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (library / "more.md").write_text(ERROR, encoding="utf-8")
    _, out, _ = run(["check", ".", "--today", TODAY, "--select", "HL302", "--statistics"], capsys)
    assert "2  HL302  review-date-stale (error)" in out.splitlines()


def test_only_the_files_named_are_checked(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What pre-commit does: the staged files by name, nothing else.
    code, out, _ = run(
        ["check", "clean.md", "ageing.md", "--today", TODAY, "--select", "freshness"], capsys
    )
    assert code == 0
    assert "2 files checked" in out
    assert "stale.md" not in out and "undated.md" not in out
    assert "ageing.md:5:1: warning HL302" in out


def test_named_file_of_another_type_is_read_not_skipped(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (library / "notes.rst").write_text(ERROR, encoding="utf-8")
    assert rules(["notes.rst", "--select", "HL302"], capsys) == [("notes.rst", "HL302")]


def test_exclude_flag_and_max_file_size(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert rules(
        ["stale.md", "undated.md", "--select", "freshness", "--exclude", "stale*"], capsys
    ) == [("undated.md", "HL304")]
    (library / "big.md").write_text(CLEAN + "word " * 400, encoding="utf-8")
    assert rules(["big.md", "--select", "HL001", "--max-file-size", "1KB"], capsys) == [
        ("big.md", "HL001")
    ]
    with pytest.raises(SystemExit):
        main(["check", "big.md", "--max-file-size", "lots"])


def test_require_reason_flag(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (library / "suppressed.md").write_text(
        ERROR.replace(
            "Last reviewed:", "<!-- healthlint-disable-next-line HL302 -->\nLast reviewed:"
        ),
        encoding="utf-8",
    )
    assert rules(["suppressed.md", "--select", "HL302,HL005"], capsys) == []
    assert rules(["suppressed.md", "--select", "HL302,HL005", "--require-reason"], capsys) == [
        ("suppressed.md", "HL005")
    ]


def test_pack_on_the_command_line_is_relative_to_the_working_folder(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (library / "healthlint.toml").write_text(f"today = {TODAY}\n", encoding="utf-8")
    sub = library / "team"
    sub.mkdir()
    (sub / "yearly.yaml").write_text(
        "pack: yearly\nextends: [default]\nrules:\n  - id: HX301\n    name: yearly-review\n"
        "    kind: freshness\n    category: freshness\n    severity: error\n"
        "    summary: Reviewed every year.\n    message: 'Reviewed {age} ago.'\n"
        "    source: House style\n    options: {check: stale, warn_after_days: 365}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(sub)
    code, out, err = run(
        ["check", "../ageing.md", "--pack", "yearly.yaml", "--select", "HX301"], capsys
    )
    assert code == 1, err
    assert "HX301 Reviewed 2 years" in out


def test_cache_and_jobs_do_not_change_the_report(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [".", "--select", "freshness"]
    first = rules(args, capsys)
    assert rules(args, capsys) == first  # from the cache
    assert rules([*args, "--no-cache", "--jobs", "1"], capsys) == first
    assert rules([*args, "--cache-dir", str(library / ".cache"), "-j", "2"], capsys) == first


def test_the_findings_cache_folder_comes_from_flag_environment_or_configuration(
    library: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    monkeypatch.delenv("HEALTHLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    (library / "healthlint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    args = ["clean.md", "--select", "freshness"]

    def entries(folder: Path) -> int:
        return sum(1 for _ in folder.rglob("*.json")) if folder.exists() else 0

    rules(args, capsys)
    assert entries(library / "build" / "lint-cache") == 1  # relative to the configuration

    environment = tmp_path_factory.mktemp("from-environment")
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(environment))
    rules(args, capsys)
    assert entries(environment) == 1

    flag = library / "from-flag"
    rules([*args, "--cache-dir", str(flag)], capsys)
    assert entries(flag) == 1
    assert entries(library / "build" / "lint-cache") == 1


def test_unwritable_output_is_a_clear_error(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", ".", "--select", "HL302", "-o", "no/such/folder/out.txt"], capsys)
    assert code == 2 and "no/such/folder/out.txt" in err
    assert "Traceback" not in err


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0 and json.loads(out)["title"] == "healthlint configuration"
    code, out, _ = run(["schema", "pack"], capsys)
    assert code == 0 and json.loads(out)["title"] == "healthlint rule pack"


def test_as_a_subprocess_with_sarif_and_exit_codes(library: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "healthlint",
            "check",
            "stale.md",
            "clean.md",
            "--today",
            TODAY,
            "--select",
            "HL302",
            "--format",
            "sarif",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 1, done.stderr
    results = json.loads(done.stdout)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["HL302"]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "healthlint",
            "check",
            "clean.md",
            "--today",
            TODAY,
            "--select",
            "HL302",
            "--format",
            "github",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0 and done.stdout == ""
    done = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "clean.md", "--format", "nope"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_repository_files_are_not_articles_and_include_names_the_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from healthlint.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    (tmp_path / "README.md").write_text("# Library\n\nOur articles.\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Copyright.\n", encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "flu.md").write_text("# Flu\n\nRest.\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo-list.md").write_text("# Plans\n\nWrite more.\n", encoding="utf-8")
    main(["check", "-v", "--select", "HL501", "README.md", "LICENSE", "articles", "notes"])
    captured = capsys.readouterr()
    assert "articles/flu.md" in captured.out and "notes/todo-list.md" in captured.out
    assert "README" not in captured.out and "LICENSE" not in captured.out
    assert "skipping README.md: not an article" in captured.err
    (tmp_path / "healthlint.toml").write_text('include = ["articles/"]\n', encoding="utf-8")
    main(["check", "--select", "HL501", "README.md", "articles", "notes"])
    out = capsys.readouterr().out
    assert "articles/flu.md" in out and "notes" not in out and "README" not in out
