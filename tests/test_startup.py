"""What a fresh ``healthlint check`` process loads: validated packs and configuration come from
the artifact cache while their files are unchanged, so checking a new article imports neither
pydantic nor a YAML parser for the packs; an edited pack or configuration is read again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """Knee pain after running

Knee pain is common in runners. Rest, ice and gentle stretches help most people feel better
within a few weeks. Call your doctor if the knee is swollen, hot or cannot bear weight.

Last reviewed: March 3, 2026
"""

PACK = """pack: house
extends: [default]
rules:
  - id: HX101
    name: no-miracle
    kind: existence
    category: plain-language
    severity: warning
    message: "Avoid {match!r}: MESSAGE-ONE"
    summary: Words that promise too much.
    source: House style.
    options:
      phrases: [miracle]
"""

# Runs the command line in-process and reports which heavy modules it imported.
PROBE = """
import sys
from healthlint.cli import main
code = main(sys.argv[1:])
loaded = sorted(m for m in ("pydantic", "yaml", "annotated_types") if m in sys.modules)
print("LOADED=" + ",".join(loaded))
sys.exit(code)
"""


def run(project: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cache)}
    return subprocess.run(
        # A fresh findings cache each run, so only the artifact cache can be hit.
        [
            sys.executable,
            "-c",
            PROBE,
            "check",
            "--today",
            "2026-11-26",
            "--cache-dir",
            str(cache.parent / f"findings-{os.urandom(6).hex()}"),
            *args,
        ],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def report(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in done.stdout.splitlines() if not line.startswith("LOADED=")]


def loaded(done: subprocess.CompletedProcess[str]) -> list[str]:
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED="))
    return [name for name in line.removeprefix("LOADED=").split(",") if name]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    (root / "house.yaml").write_text(PACK, encoding="utf-8")
    (root / "healthlint.toml").write_text('packs = ["house.yaml"]\n', encoding="utf-8")
    (root / "knee.txt").write_text(ARTICLE + "\nA miracle cure.\n", encoding="utf-8")
    return root


def test_second_run_validates_nothing_again(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run(project, cache, "knee.txt")
    assert "MESSAGE-ONE" in first.stdout
    assert "pydantic" in loaded(first)  # the packs and the configuration were validated

    second = run(project, cache, "knee.txt")
    assert second.returncode == first.returncode
    assert report(second) == report(first)
    assert loaded(second) == []  # a plain-text article needs neither pydantic nor YAML


def test_an_edited_pack_or_configuration_is_read_again(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert "MESSAGE-ONE" in run(project, cache, "knee.txt").stdout

    pack = project / "house.yaml"
    pack.write_text(PACK.replace("MESSAGE-ONE", "MESSAGE-TWO"), encoding="utf-8")
    again = run(project, cache, "knee.txt")
    assert "MESSAGE-TWO" in again.stdout and "MESSAGE-ONE" not in again.stdout

    pack.write_text(PACK.replace("severity: warning", "severity: fatal"), encoding="utf-8")
    broken = run(project, cache, "knee.txt")
    assert broken.returncode == 2
    assert "house.yaml" in broken.stderr and "severity" in broken.stderr

    pack.write_text(PACK, encoding="utf-8")
    (project / "healthlint.toml").write_text(
        'packs = ["house.yaml"]\nignore = ["HX101"]\n', encoding="utf-8"
    )
    ignored = run(project, cache, "knee.txt")
    assert "HX101" not in ignored.stdout
    (project / "healthlint.toml").write_text('packs = ["house.yaml"]\n', encoding="utf-8")
    assert "MESSAGE-ONE" in run(project, cache, "knee.txt").stdout


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(
    project: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    for _ in range(2):
        done = run(project, blocked, "knee.txt")
        assert "MESSAGE-ONE" in done.stdout, done.stderr
        assert "pydantic" in loaded(done)
    assert blocked.read_text(encoding="utf-8") == "a file where the cache folder should be"


def test_a_damaged_cache_entry_is_rebuilt(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = report(run(project, cache, "knee.txt"))
    entries = list((cache / "artifacts").glob("*.marshal"))
    assert any(entry.name.startswith("rules-") for entry in entries)
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:40] + b"\x00damaged")
    assert report(run(project, cache, "knee.txt")) == expected
    assert loaded(run(project, cache, "knee.txt")) == []


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is taken on Linux only")
@pytest.mark.parametrize("xdg", [None, "/srv/cache-home"])
def test_the_default_cache_folder_is_the_one_platformdirs_names(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_dir

    from healthlint.cache import ENV_VAR, default_location

    monkeypatch.delenv(ENV_VAR, raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert default_location() == Path(user_cache_dir("healthlint", appauthor=False))


@pytest.mark.parametrize("columns", [None, "60", "200", "junk"])
def test_help_is_laid_out_for_the_terminal_as_argparse_would(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from healthlint.cli import arguments

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    arguments.terminal_columns.cache_clear()
    assert arguments.Formatter("healthlint")._width == argparse.HelpFormatter("healthlint")._width
    arguments.terminal_columns.cache_clear()


def test_building_the_command_line_measures_the_terminal_without_shutil() -> None:
    code = (
        "import sys; from healthlint.cli import build_parser; build_parser(); "
        "print('shutil' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_every_data_type_documents_itself() -> None:
    # A dataclass without a docstring gets one made from its signature by inspect, at import
    # time, on the hook's start-up path; a written one also serves the reader and the schemas.
    import dataclasses
    import importlib
    import inspect
    import pkgutil

    import healthlint

    undocumented = []
    for info in pkgutil.walk_packages(healthlint.__path__, "healthlint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and dataclasses.is_dataclass(value)
                and value.__module__ == module.__name__
                and (value.__doc__ or "").startswith(f"{name}(")
            ):
                undocumented.append(f"{module.__name__}.{name}")
    assert undocumented == []


def test_the_command_exits_without_teardown_yet_loses_no_output(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "bad"
    command = [
        sys.executable,
        "-m",
        "healthlint",
        "check",
        "--today",
        "2026-11-26",
        "--no-cache",
        str(examples),
    ]
    report = tmp_path / "report.txt"
    with report.open("w", encoding="utf-8") as handle:
        done = subprocess.run(
            command, stdout=handle, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert done.returncode == 1, done.stderr
    lines = report.read_text(encoding="utf-8").splitlines()
    as_json = subprocess.run(
        [*command, "--format", "json"], capture_output=True, text=True, timeout=120
    )
    import json

    expected = len(json.loads(as_json.stdout)["findings"])
    assert len(lines) == expected + 1  # every finding, then the summary line
    assert "files checked" in lines[-1]

    # A reader that stops early: no traceback, the exit code still says there were errors.
    piped = subprocess.run(
        f"{' '.join(command)} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        executable="/bin/bash",
    )
    assert piped.stdout.count("\n") == 1
    assert "Traceback" not in piped.stderr


def test_yaml_is_read_only_for_front_matter_that_needs_it(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    body = "# Knee pain after running\n\n" + ARTICLE.split("\n", 1)[1]
    (project / "plain.md").write_text(body, encoding="utf-8")
    simple = "---\ntype: condition\nreviewed: 2026-03-01\nauthors: [Sam Roe]\n---\n"
    (project / "simple.md").write_text(simple + body, encoding="utf-8")
    nested = "---\ntype: condition\nauthors:\n  - Sam Roe\n---\n"
    (project / "nested.md").write_text(nested + body, encoding="utf-8")
    run(project, cache, "plain.md")  # the packs and configuration validated once
    assert "yaml" not in loaded(run(project, cache, "plain.md"))
    assert "yaml" not in loaded(run(project, cache, "simple.md"))
    assert "yaml" in loaded(run(project, cache, "nested.md"))
