"""Configuration files as a publishing team writes them: found, applied per folder, checked."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from cache_isolation import private_cache  # noqa: F401  (autouse)
from healthlint.cli import main
from healthlint.config import ConfigError, load_config
from healthlint.packs import builtin_dir

TODAY = "2026-11-26"

STALE_MD = """\
# Pink Eye

Pink eye makes the white of the eye look red.

Last reviewed: January 5, 2022
"""

# No front matter and no headings that give the type away: only configuration can type it.
UNTYPED_MD = """\
# Shingles

Shingles is a painful rash on one side of the body.

Last reviewed: May 2, 2026
"""


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests describe a check on an editor's machine, where each folder's own
    configuration is obeyed; in CI it is not (tests/security/test_trusted_root.py)."""
    monkeypatch.delenv("CI", raising=False)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rules_in(out: str) -> list[str]:
    return [finding["rule"] for finding in json.loads(out)["findings"]]


def test_config_is_found_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["freshness"]\nfail-level = "warning"\n', encoding="utf-8"
    )
    folder = tmp_path / "library" / "eyes"
    folder.mkdir(parents=True)
    (folder / "pink-eye.md").write_text(STALE_MD.replace("2022", "2024"), encoding="utf-8")
    monkeypatch.chdir(folder)
    code, out, _ = run(["check", "pink-eye.md"], capsys)
    # A 2 years and 10 months old review is only a warning, but the config's fail level is
    # warning; without the config (real date, every rule) the outcome would differ.
    assert code == 1
    assert "warning HL302" in out and "2 years and 10 months old" in out
    code, _, _ = run(["check", "pink-eye.md", "--fail-level", "error"], capsys)
    assert code == 0  # the flag wins over the file


def test_config_is_found_from_the_checked_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL302"]\n', encoding="utf-8"
    )
    (repo / "docs" / "pink-eye.md").write_text(STALE_MD, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # an editor plugin runs from anywhere, with a full path
    code, out, _ = run(["check", str(repo / "docs" / "pink-eye.md"), "-f", "json"], capsys)
    assert code == 1
    assert rules_in(out) == ["HL302"]


def test_pyproject_table_and_pyproject_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "site"\n\n[tool.healthlint]\ntoday = {TODAY}\nselect = ["HL302"]\n',
        encoding="utf-8",
    )
    sub = tmp_path / "tools"
    sub.mkdir()
    # A pyproject.toml without [tool.healthlint] is not a healthlint configuration: the search
    # goes on upward.
    (sub / "pyproject.toml").write_text('[project]\nname = "tools"\n', encoding="utf-8")
    (sub / "pink-eye.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(sub)
    code, out, _ = run(["check", "pink-eye.md", "-f", "json"], capsys)
    assert code == 1 and rules_in(out) == ["HL302"]
    assert load_config().source == (tmp_path / "pyproject.toml").resolve()


def test_nearest_config_applies_to_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL302"]\n', encoding="utf-8"
    )
    (tmp_path / "current").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "current" / "a.md").write_text(STALE_MD, encoding="utf-8")
    (tmp_path / "archive" / "b.md").write_text(STALE_MD, encoding="utf-8")
    (tmp_path / "archive" / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL302"]\nfail-level = "error"\n'
        '[severity]\nreview-date-stale = "info"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", ".", "-f", "json"], capsys)
    findings = {(f["path"], f["severity"]) for f in json.loads(out)["findings"]}
    assert findings == {(str(Path("archive/b.md")), "info"), (str(Path("current/a.md")), "error")}
    assert code == 1
    # The same file gets the same verdict whether checked alone or with the whole library.
    code, out, _ = run(["check", "archive/b.md", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["findings"][0]["severity"] == "info"


def test_override_gives_a_type_per_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL101"]\n\n'
        '[[overrides]]\nfiles = ["conditions/"]\ntype = "condition"\n',
        encoding="utf-8",
    )
    for folder in ("conditions", "news"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "shingles.md").write_text(UNTYPED_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", ".", "-f", "json"], capsys)
    document = json.loads(out)
    paths = {f["path"] for f in document["findings"]}
    # Typed as a condition article, it lacks the condition sections; the untyped one has no
    # section schema to meet.
    assert paths == {str(Path("conditions/shingles.md"))}
    assert code == 1
    inspected = run(["inspect", "conditions/shingles.md"], capsys)[1]
    assert json.loads(inspected)["article_type"] == "condition"
    assert json.loads(inspected)["type_source"] == "configuration"


def test_override_turns_rules_off_for_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["freshness"]\n\n'
        '[[overrides]]\nfiles = ["archive/**"]\nignore = ["freshness"]\n',
        encoding="utf-8",
    )
    for folder in ("archive/2019", "current"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "pink-eye.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(["check", ".", "-f", "json"], capsys)
    assert {f["path"] for f in json.loads(out)["findings"]} == {str(Path("current/pink-eye.md"))}
    # Also when pre-commit names the archived file explicitly.
    code, out, _ = run(["check", "archive/2019/pink-eye.md"], capsys)
    assert code == 0 and "no problems found" in out


def test_exclude_applies_to_named_files_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL302"]\nexclude = ["drafts"]\n', encoding="utf-8"
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "pink-eye.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", "drafts/pink-eye.md", "."], capsys)
    assert code == 0 and "0 files checked" in out


def test_packs_are_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "yearly.yaml").write_text(
        "pack: yearly\nextends: [default]\nrules:\n  - id: HX301\n    name: yearly-review\n"
        "    kind: freshness\n    category: freshness\n    severity: error\n"
        "    summary: Reviewed every year.\n    message: 'Reviewed {age} ago.'\n"
        "    source: House style\n    options: {check: stale, warn_after_days: 365}\n",
        encoding="utf-8",
    )
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\npacks = ["packs/yearly.yaml"]\nselect = ["HX301"]\n', encoding="utf-8"
    )
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "pink-eye.md").write_text(STALE_MD.replace("2022", "2025"), encoding="utf-8")
    monkeypatch.chdir(sub)
    code, out, _ = run(["check", "pink-eye.md"], capsys)
    assert code == 1 and "HX301 Reviewed 1 year" in out


def test_require_reason_and_max_file_size_from_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text(
        f'today = {TODAY}\nselect = ["HL001", "HL302", "HL005"]\nrequire-reason = true\n'
        "max-file-size = 2000\n",
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text(
        STALE_MD.replace(
            "Last reviewed:", "<!-- healthlint-disable-next-line HL302 -->\nLast reviewed:"
        ),
        encoding="utf-8",
    )
    (tmp_path / "big.md").write_text("# Big\n\n" + "word " * 1000, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(["check", ".", "-f", "json"], capsys)
    assert sorted((f["path"], f["rule"]) for f in json.loads(out)["findings"]) == [
        ("a.md", "HL005"),
        ("big.md", "HL001"),
    ]


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('fail-level = "fatal"\n', "fail-level"),
        ('max-file-size = "big"\n', "max-file-size"),
        ('select = "HL302"\n', "select"),
        ('colour = "red"\n', "colour: unknown key"),
        ('root = "/"\n', "root: must be true or false"),
        ('source = "/"\n', "source: unknown key"),
        ('[[overrides]]\nfiles = ["a/"]\ntyp = "condition"\n', "overrides[0].typ: unknown key"),
        ('[severity]\nHL302 = "loud"\n', "severity.HL302"),
        ("today = 2026-13-01\n", "not valid TOML"),
    ],
)
def test_broken_config_exits_two_naming_file_and_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
    named: str,
) -> None:
    config = tmp_path / "healthlint.toml"
    config.write_text(content, encoding="utf-8")
    (tmp_path / "a.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "a.md"], capsys)
    assert code == 2
    assert out == ""
    assert str(config.resolve()) in err or "healthlint.toml" in err
    assert named in err


def test_broken_pyproject_names_the_table_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.healthlint]\nfail_levle = "error"\n', encoding="utf-8"
    )
    (tmp_path / "a.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", "a.md"], capsys)
    assert code == 2
    assert "pyproject.toml" in err and "tool.healthlint.fail_levle: unknown key" in err
    assert "fail-level" in err  # the known keys are listed, so the typo is easy to spot


def test_unknown_rule_in_config_is_an_error_not_a_silent_no_op(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text('ignore = ["review-date-stael"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", "a.md"], capsys)
    assert code == 2
    assert "healthlint.toml" in err and "ignore" in err and "review-date-stael" in err


def test_explicit_config_file_and_isolated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "healthlint.toml").write_text('select = ["HL999"]\n', encoding="utf-8")
    strict = tmp_path / "ci.toml"
    strict.write_text(f'today = {TODAY}\nselect = ["HL302"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(STALE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(["check", "a.md"], capsys)[0] == 2  # the broken nearest config
    code, out, _ = run(["check", "a.md", "--config", str(strict), "-f", "json"], capsys)
    assert code == 1 and rules_in(out) == ["HL302"]
    code, out, _ = run(
        ["check", "a.md", "--isolated", "--select", "HL302", "--today", TODAY], capsys
    )
    assert code == 1 and "HL302" in out
    missing = run(["check", "a.md", "--config", str(tmp_path / "nope.toml")], capsys)
    assert missing[0] == 2 and "nope.toml" in missing[2]


def test_load_config_reports_the_key(tmp_path: Path) -> None:
    file = tmp_path / "healthlint.toml"
    file.write_text("[[overrides]]\nfiles = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"overrides\[0\]\.files"):
        load_config(file)


# schemas -----------------------------------------------------------------------------------
def _schema(which: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, _ = run(["schema", which], capsys)
    assert code == 0
    schema: dict[str, object] = json.loads(out)
    jsonschema.Draft7Validator.check_schema(schema)
    return schema


def test_config_schema_accepts_what_healthlint_accepts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = _schema("config", capsys)
    validator = jsonschema.Draft7Validator(schema)
    good = tomllib.loads(
        'packs = ["default", "packs/ours.yaml"]\nfail-level = "warning"\ntoday = "2026-11-26"\n'
        'ignore = ["HL305"]\nexclude = ["drafts/"]\nrequire-reason = true\n'
        'max-file-size = 100000\n[severity]\nreview-date-stale = "error"\n'
        '[[overrides]]\nfiles = ["conditions/"]\ntype = "condition"\nignore = ["freshness"]\n'
    )
    assert list(validator.iter_errors(good)) == []
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert "root" not in properties and "source" not in properties
    assert {"fail-level", "require-reason", "max-file-size", "overrides"} <= set(properties)
    for bad in ({"colour": "red"}, {"fail-level": "fatal"}, {"overrides": [{"typ": "x"}]}):
        assert list(validator.iter_errors(bad)), bad


def test_pack_schema_validates_the_built_in_packs_and_kind_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    validator = jsonschema.Draft7Validator(_schema("pack", capsys))
    for pack in sorted(builtin_dir().glob("*.yaml")):
        data = yaml.safe_load(pack.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], pack.name
    rule = {
        "id": "HX301",
        "name": "yearly-review",
        "kind": "freshness",
        "category": "freshness",
        "severity": "error",
        "summary": "s",
        "message": "m",
        "source": "s",
        "options": {"check": "stale", "warn_after_days": 365},
    }
    assert list(validator.iter_errors({"pack": "ours", "rules": [rule]})) == []
    wrong_option = {**rule, "options": {"check": "stale", "warn_after_days": "soon"}}
    assert list(validator.iter_errors({"pack": "ours", "rules": [wrong_option]}))
    wrong_kind = {**rule, "kind": "freshnes"}
    assert list(validator.iter_errors({"pack": "ours", "rules": [wrong_kind]}))


def test_configuration_examples_in_the_ci_guide_are_valid(tmp_path: Path) -> None:
    import re

    guide = Path(__file__).resolve().parents[1] / "docs" / "ci.md"
    blocks = re.findall(r"```toml\n(.*?)```", guide.read_text(encoding="utf-8"), re.S)
    assert blocks
    for index, block in enumerate(blocks):
        file = tmp_path / f"example-{index}.toml"
        file.write_text(block, encoding="utf-8")
        load_config(file)  # raises, naming the key, if the guide drifts from the model
