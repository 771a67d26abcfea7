"""What users of ruff, yamllint and markdownlint expect of the command line: standard input,
--quiet, colour, --show-source, glob patterns and a warning when nothing was checked."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from healthlint.cli import main
from sample_articles import GOOD_MD

TODAY = "2026-11-26"
# One heading, a promise no treatment keeps (HL602, warning) and no disclaimer (HL501, error).
PROMISE_MD = "# Knee pain\n\nThis miracle cure helps.\n"
PROMISE_TXT = "Knee pain\n\nThis miracle cure helps.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def command(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    base = {
        key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")
    }
    base["HEALTHLINT_CACHE_DIR"] = str(cwd / "cache")
    return subprocess.run(
        [sys.executable, "-m", "healthlint", *args],
        cwd=cwd,
        env={**base, **(env or {})},
        input=stdin,
        capture_output=True,
        check=False,
    )


# standard input ----------------------------------------------------------------------------
def test_dash_reads_one_markdown_article_from_stdin(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, PROMISE_MD.encode())
    code, out, _ = run(["check", "-", "--today", TODAY], capsys)
    assert code == 1
    assert "<stdin>:3:6: warning HL602 " in out
    assert "<stdin>:1:1: error HL501 " in out
    assert out.splitlines()[-1].startswith("1 file checked, 1 with findings")


def test_stdin_without_a_name_is_read_as_markdown(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No extension, no Markdown marks at the top: a file of this name would be sniffed as
    # plain text, where "**Risks**" is not a heading.
    page = "Knee surgery\n\n**Risks**\n\nThis miracle cure helps.\n"

    def findings(args: list[str], data: bytes | None = None) -> list[tuple[int, str]]:
        if data is not None:
            feed(monkeypatch, data)
        main(["check", *args, "-f", "json", "--today", TODAY, "--no-cache"])
        out = capsys.readouterr().out
        return [(f["line"], f["rule"]) for f in json.loads(out)["findings"]]

    for name in ("knee.md", "knee.txt", "knee"):
        (workdir / name).write_text(page, encoding="utf-8")
    assert findings(["knee.md"]) != findings(["knee.txt"])
    assert findings(["knee"]) == findings(["knee.txt"])
    assert findings(["-"], page.encode()) == findings(["knee.md"])
    assert findings(["-", "--stdin-filename", "knee.txt"], page.encode()) == findings(["knee.txt"])


def test_stdin_filename_names_the_format_the_report_and_the_configuration(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "news").mkdir()
    (workdir / "news" / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL602"]\n', encoding="utf-8"
    )
    feed(monkeypatch, PROMISE_TXT.encode())
    code, out, _ = run(["check", "-", "--stdin-filename", "news/knee.txt"], capsys)
    assert code == 0  # the folder's configuration selects only the warning
    assert out.splitlines() == [
        'news/knee.txt:3:6: warning HL602 "miracle" promises more than any treatment can. '
        'Say what the evidence shows, for example "may help", "works for many people" or '
        '"is usually safe".',
        "1 file checked, 1 with findings: 1 warning.",
    ]


def test_stdin_filename_selects_the_overrides_for_its_folder(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL602", "HL501"]\n'
        '[[overrides]]\nfiles = ["archive/**"]\nignore = ["HL602"]\n',
        encoding="utf-8",
    )
    feed(monkeypatch, PROMISE_MD.encode())
    _, current, _ = run(["check", "-", "--stdin-filename", "current/knee.md"], capsys)
    feed(monkeypatch, PROMISE_MD.encode())
    _, archived, _ = run(["check", "-", "--stdin-filename", "archive/2019/knee.md"], capsys)
    assert "HL602" in current and "HL501" in current
    assert "HL602" not in archived and "HL501" in archived


def test_stdin_named_as_an_excluded_or_repository_file_is_not_checked(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, PROMISE_MD.encode())
    code, out, _ = run(["check", "-", "--stdin-filename", "README.md", "--today", TODAY], capsys)
    assert code == 0 and "0 files checked" in out
    feed(monkeypatch, PROMISE_MD.encode())
    code, out, _ = run(
        [
            "check",
            "-",
            "--stdin-filename",
            "drafts/knee.md",
            "--exclude",
            "drafts",
            "--today",
            TODAY,
        ],
        capsys,
    )
    assert code == 0 and "0 files checked" in out


def test_empty_or_oversized_stdin_is_reported_as_unreadable(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, b"")
    code, out, _ = run(["check", "-"], capsys)
    assert code == 1 and "<stdin>:1:1: error HL001 " in out and "empty" in out
    feed(monkeypatch, PROMISE_MD.encode() * 100)
    code, out, _ = run(["check", "-", "--max-file-size", "100"], capsys)
    assert code == 1 and "HL001" in out and "100-byte limit" in out


def test_dash_with_other_paths_or_a_name_without_dash_is_a_usage_error(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "-", "other.md"], capsys)
    assert code == 2 and "cannot be combined" in err
    code, _, err = run(["check", "a.md", "--stdin-filename", "b.md"], capsys)
    assert code == 2 and "--stdin-filename" in err


def test_checking_stdin_writes_nothing(tmp_path: Path) -> None:
    done = command(
        "check",
        "-",
        "--stdin-filename",
        "knee.md",
        "--today",
        TODAY,
        cwd=tmp_path,
        stdin=PROMISE_MD.encode(),
    )
    assert done.returncode == 1, done.stderr
    assert b"knee.md:3:6: warning HL602" in done.stdout
    assert list(tmp_path.iterdir()) == []  # no cache folder, no file of the name given


def test_stdin_filename_alone_reads_stdin(tmp_path: Path) -> None:
    done = command(
        "check",
        "--stdin-filename",
        "knee.md",
        "--today",
        TODAY,
        cwd=tmp_path,
        stdin=PROMISE_MD.encode(),
    )
    assert b"knee.md:3:6: warning HL602" in done.stdout


# --quiet -----------------------------------------------------------------------------------
def test_quiet_prints_only_the_findings_and_keeps_the_exit_code(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "knee.md").write_text(PROMISE_MD, encoding="utf-8")
    code, loud, _ = run(["check", "knee.md", "--today", TODAY], capsys)
    for flag in ("--quiet", "-q"):
        quiet_code, out, err = run(["check", "knee.md", "--today", TODAY, flag], capsys)
        assert quiet_code == code == 1
        assert out.splitlines() == loud.splitlines()[:-1]
        assert "file checked" not in out and err == ""
    code, out, _ = run(
        ["check", "knee.md", "--today", TODAY, "-q", "--fail-level", "info", "--select", "HL602"],
        capsys,
    )
    assert code == 1 and out.splitlines() == [
        line for line in loud.splitlines() if " HL602 " in line
    ]


def test_quiet_with_no_findings_prints_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "sprained-ankle.md").write_text(GOOD_MD, encoding="utf-8")
    (workdir / "empty").mkdir()
    for path in ("sprained-ankle.md", "empty"):
        code, out, err = run(
            [
                "check",
                path,
                "--today",
                TODAY,
                "--select",
                "sections,freshness",
                "-q",
                "--statistics",
            ],
            capsys,
        )
        assert (code, out, err) == (0, "", "")


def test_quiet_leaves_the_other_formats_whole(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "knee.md").write_text(PROMISE_MD, encoding="utf-8")
    for fmt in ("json", "sarif", "junit", "github"):
        code, out, _ = run(["check", "knee.md", "--today", TODAY, "-f", fmt], capsys)
        assert run(["check", "knee.md", "--today", TODAY, "-f", fmt, "-q"], capsys)[:2] == (
            code,
            out,
        )


# colour ------------------------------------------------------------------------------------
RED, YELLOW, BOLD, RESET = "\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[0m"
COLOURED_HL602 = f"{YELLOW}warning{RESET} {BOLD}HL602{RESET} "
COLOURED_HL501 = f"{RED}error{RESET} {BOLD}HL501{RESET} "


@pytest.fixture
def knee(tmp_path: Path) -> Path:
    (tmp_path / "knee.md").write_text(PROMISE_MD, encoding="utf-8")
    return tmp_path


def in_terminal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    """What the command prints when its stdout is a terminal."""
    import pty

    base = {
        key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")
    }
    base["HEALTHLINT_CACHE_DIR"] = str(cwd / "cache")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "healthlint", *args],
        cwd=cwd,
        env={**base, **(env or {})},
        stdout=follower,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed when the command ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


CHECK = ("check", "knee.md", "--today", TODAY, "--select", "HL602,HL501")


def test_colour_in_a_terminal_and_not_in_a_pipe(knee: Path) -> None:
    out = in_terminal(*CHECK, cwd=knee)
    assert f"knee.md:3:6: {COLOURED_HL602}" in out
    assert f"knee.md:1:1: {COLOURED_HL501}" in out
    assert out.splitlines()[-1] == "1 file checked, 1 with findings: 1 error, 1 warning."
    piped = command(*CHECK, cwd=knee)
    assert piped.returncode == 1 and b"\x1b" not in piped.stdout
    assert piped.stdout.decode().splitlines() == [
        line.replace(YELLOW, "").replace(RED, "").replace(BOLD, "").replace(RESET, "")
        for line in out.splitlines()
    ]


@pytest.mark.parametrize("value", ["", "1", "0"])
def test_no_color_of_any_value_turns_colour_off(knee: Path, value: str) -> None:
    assert "\x1b" not in in_terminal(*CHECK, cwd=knee, env={"NO_COLOR": value})
    assert (
        b"\x1b" not in command(*CHECK, cwd=knee, env={"NO_COLOR": value, "FORCE_COLOR": "1"}).stdout
    )


def test_force_color_colours_a_pipe(knee: Path) -> None:
    assert COLOURED_HL602.encode() in command(*CHECK, cwd=knee, env={"FORCE_COLOR": "1"}).stdout
    assert b"\x1b" not in command(*CHECK, cwd=knee, env={"FORCE_COLOR": ""}).stdout


def test_the_color_flag_wins_over_the_environment(knee: Path) -> None:
    assert "\x1b" not in in_terminal(*CHECK, "--color", "never", cwd=knee, env={"FORCE_COLOR": "1"})
    always = command(*CHECK, "--color", "always", cwd=knee, env={"NO_COLOR": "1"})
    assert COLOURED_HL501.encode() in always.stdout
    assert COLOURED_HL602 in in_terminal(*CHECK, "--color", "auto", cwd=knee)


def test_no_colour_in_machine_formats_even_when_forced(knee: Path) -> None:
    for fmt in ("json", "sarif", "junit", "github"):
        for extra in ((), ("--color", "always")):
            done = command(*CHECK, "-f", fmt, *extra, cwd=knee, env={"FORCE_COLOR": "1"})
            assert done.returncode == 1 and done.stdout, fmt
            assert b"\x1b" not in done.stdout, fmt
        assert "\x1b" not in in_terminal(*CHECK, "-f", fmt, cwd=knee)


def test_no_colour_in_an_output_file_unless_always(knee: Path) -> None:
    command(*CHECK, "-o", "report.txt", cwd=knee, env={"FORCE_COLOR": "1"})
    assert "\x1b" not in (knee / "report.txt").read_text(encoding="utf-8")
    in_terminal(*CHECK, "-o", "report.txt", cwd=knee)
    assert "\x1b" not in (knee / "report.txt").read_text(encoding="utf-8")
    command(*CHECK, "-o", "report.txt", "--color", "always", cwd=knee)
    assert COLOURED_HL602 in (knee / "report.txt").read_text(encoding="utf-8")


def test_colour_never_lets_a_file_name_or_article_inject_escapes(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "knee\x1b[2J\x1b]8;;x\x07.md"
    (workdir / name).write_text(
        "# Knee \x1b[31mpain\n\nThis miracle cure helps.\n", encoding="utf-8"
    )
    code, out, _ = run(["check", name, "--today", TODAY, "--color", "always"], capsys)
    assert code == 1 and COLOURED_HL602 in out
    for ours in (RED, YELLOW, "\x1b[34m", BOLD, RESET):
        out = out.replace(ours, "")
    assert "\x1b" not in out and "\x07" not in out
    assert "knee\\x1b[2J\\x1b]8;;x\\x07.md:" in out


# --show-source -----------------------------------------------------------------------------
def caret_column(out: str, rule: str) -> tuple[str, int]:
    """The source line shown under the finding of ``rule`` and the column of its caret."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if f" {rule} " in line)
    shown, caret = lines[at + 1], lines[at + 2]
    assert re.fullmatch(r"  \d+ \| .*", shown) and re.fullmatch(r"  +\| +\^", caret)
    bar = shown.index(" | ") + 3
    return shown[bar:], caret.index("^") - bar


def test_show_source_puts_a_caret_under_the_column(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "knee.md").write_text(PROMISE_MD, encoding="utf-8")
    code, out, _ = run(["check", "knee.md", "--today", TODAY, "--show-source"], capsys)
    assert code == 1
    lines = out.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("knee.md:3:6: ")))
    assert lines[at + 1 : at + 3] == ["  3 | This miracle cure helps.", "    |      ^"]
    assert lines[-1].startswith("1 file checked")
    plain = run(["check", "knee.md", "--today", TODAY], capsys)[1].splitlines()
    assert [line for line in lines if not line.startswith("  ")] == plain


def test_show_source_escapes_the_line_and_keeps_the_caret_under_the_word(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "# Knee pain\n\nSome\tsay \x1b[2J\u65e5\u672c a miracle cure helps.\r\n"
    (workdir / "knee.md").write_text(page, encoding="utf-8", newline="")
    _, out, _ = run(["check", "knee.md", "--today", TODAY, "--show-source"], capsys)
    shown, column = caret_column(out, "HL602")
    assert "\x1b" not in out and "\r" not in out
    assert shown == "Some\\tsay \\x1b[2J\u65e5\u672c a miracle cure helps."
    # Each escape is as wide as its text, each of the two wide characters two columns.
    assert column == len("Some\\tsay \\x1b[2J") + 4 + len(" a ")


def test_show_source_cuts_a_long_line_around_the_column(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "# Knee pain\n\n" + "Rest the knee. " * 30 + "A miracle cure. " + "Ice it. " * 30 + "\n"
    (workdir / "knee.md").write_text(page, encoding="utf-8")
    _, out, _ = run(["check", "knee.md", "--today", TODAY, "--show-source"], capsys)
    shown, column = caret_column(out, "HL602")
    assert shown.startswith("...") and shown.endswith("...") and len(shown) <= 100
    assert shown[column:].startswith("miracle cure.")


def test_show_source_for_stdin_and_only_in_the_text_format(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, PROMISE_MD.encode())
    _, out, _ = run(["check", "-", "--today", TODAY, "--show-source"], capsys)
    assert caret_column(out, "HL602") == ("This miracle cure helps.", 5)
    (workdir / "knee.md").write_text(PROMISE_MD, encoding="utf-8")
    for fmt in ("json", "sarif", "junit", "github"):
        with_source = run(
            ["check", "knee.md", "--today", TODAY, "-f", fmt, "--show-source"], capsys
        )
        assert with_source == run(["check", "knee.md", "--today", TODAY, "-f", fmt], capsys)


def test_show_source_skips_what_has_no_line(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "empty.md").write_text("", encoding="utf-8")
    code, out, _ = run(["check", "empty.md", "missing.md", "--show-source"], capsys)
    assert code == 1
    assert [line for line in out.splitlines() if "HL001" in line] == out.splitlines()[:2]
    assert len(out.splitlines()) == 3


# glob patterns -----------------------------------------------------------------------------
@pytest.fixture
def tree(workdir: Path) -> Path:
    for name in (
        "articles/knee.md",
        "articles/joints/hip/hip.md",
        "articles/joints/hip.txt",
        "articles/.drafts/draft.md",
        "other/elbow.md",
    ):
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / name).write_text(PROMISE_MD, encoding="utf-8")
    (workdir / "articles" / "notes.json").write_text("{}", encoding="utf-8")
    return workdir


def checked(out: str) -> list[str]:
    return sorted({line.split(":")[0] for line in out.splitlines() if " HL602 " in line})


def test_a_quoted_recursive_glob_is_expanded_by_healthlint(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "articles/**/*.md", "--select", "HL602"], capsys)
    assert code == 0
    assert checked(out) == [str(Path("articles/joints/hip/hip.md")), str(Path("articles/knee.md"))]
    assert out.splitlines()[-1].startswith("2 files checked")
    _, out, _ = run(
        [
            "check",
            "articles/*.md",
            "other/elb?w.md",
            "articles/joints/hip.[tx]*",
            "--select",
            "HL602",
        ],
        capsys,
    )
    assert checked(out) == [
        str(Path("articles/joints/hip.txt")),
        str(Path("articles/knee.md")),
        str(Path("other/elbow.md")),
    ]


def test_an_expanded_glob_still_obeys_exclude_and_dedupes(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(
        ["check", "articles/**/*.md", "articles/knee.md", "--select", "HL602", "--exclude", "hip"],
        capsys,
    )
    assert checked(out) == [str(Path("articles/knee.md"))]
    assert out.splitlines()[-1].startswith("1 file checked")


def test_a_glob_that_matches_nothing_is_reported_like_a_missing_path(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "articles/**/*.rst", "--select", "HL602"], capsys)
    missing_code, missing, _ = run(["check", "nowhere/x.rst", "--select", "HL602"], capsys)
    assert code == missing_code == 1
    assert out == missing.replace("nowhere/x.rst", "articles/**/*.rst")
    assert "articles/**/*.rst:1:1: error HL001 " in out


def test_a_file_whose_name_looks_like_a_glob_is_read_by_its_name(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "knee[1].md").write_text(PROMISE_MD, encoding="utf-8")
    (workdir / "knee1.md").write_text(PROMISE_MD, encoding="utf-8")
    _, out, _ = run(["check", "knee[1].md", "--select", "HL602"], capsys)
    assert checked(out) == ["knee[1].md"]


# no articles found -------------------------------------------------------------------------
NOTHING = "healthlint: no articles found in "


def test_an_empty_folder_or_one_without_articles_is_a_warning_and_exit_zero(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "empty").mkdir()
    (workdir / "repo").mkdir()
    for name in ("README.md", "LICENSE.txt", "notes.json", "logo.png"):
        (workdir / "repo" / name).write_text("x\n", encoding="utf-8")
    code, out, err = run(["check", "empty", "--today", TODAY], capsys)
    assert (code, err) == (0, NOTHING + "empty\n")
    assert out == "0 files checked: no problems found.\n"
    code, _, err = run(["check", "empty", "repo", "repo/README.md"], capsys)
    assert (code, err) == (0, NOTHING + "empty repo repo/README.md\n")
    code, _, err = run(["check", "--exclude", "knee.md", "knee.md"], capsys)
    assert (code, err) == (0, NOTHING + "knee.md\n")


def test_the_warning_names_the_glob_and_the_default_folder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "docs").mkdir()
    (workdir / "docs" / "notes.json").write_text("{}", encoding="utf-8")
    _, out, err = run(["check", "docs/*"], capsys)
    assert "docs/notes.json:1:1: " in out and err == ""  # a file named is read, as by the shell
    code, _, err = run(["check"], capsys)
    assert (code, err) == (0, NOTHING + ".\n")
    code, _, err = run(["check", "do?s"], capsys)
    assert (code, err) == (0, NOTHING + "do?s\n")


def test_a_missing_path_stays_an_error_finding_without_the_warning(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "empty").mkdir()
    code, out, err = run(["check", "empty", "missing"], capsys)
    assert code == 1 and "missing:1:1: error HL001 " in out and err == ""
    code, out, err = run(["check", "empty/*.md"], capsys)
    assert code == 1 and "empty/*.md:1:1: error HL001 " in out and err == ""


def test_quiet_and_stdin_leave_the_warning_out(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "empty").mkdir()
    assert run(["check", "empty", "-q"], capsys) == (0, "", "")
    feed(monkeypatch, PROMISE_MD.encode())
    code, _, err = run(["check", "-", "--stdin-filename", "README.md"], capsys)
    assert (code, err) == (0, "")


def test_the_warning_escapes_the_path(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "e\x1b[2Jmpty").mkdir()
    _, _, err = run(["check", "e\x1b[2Jmpty"], capsys)
    assert err == NOTHING + "e\\x1b[2Jmpty\n"


def test_closed_stdin_is_a_usage_error(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    code, out, err = run(["check", "-"], capsys)
    assert (code, out) == (2, "") and "standard input is closed" in err
