"""A rule's message may only name the parameters its kind gives: a misspelt placeholder is a
pack error with the file and the rule's line, not a literal "{matched}" in every finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.cli import main
from healthlint.kinds import _every_kind

ARTICLE = "# Knee pain\n\nA miracle cure for knee pain.\n"


def run_pack(tmp_path: Path, rule: str, *options: str) -> int:
    """``healthlint check`` of the article with a house pack holding ``rule``."""
    (tmp_path / "house.yaml").write_text(
        "pack: house\nextends: [default]\nrules:\n" + rule, encoding="utf-8"
    )
    (tmp_path / "knee.md").write_text(ARTICLE, encoding="utf-8")
    return main(["check", "--no-cache", "--pack", str(tmp_path / "house.yaml"), "--today",
                 "2026-11-26", *options, str(tmp_path / "knee.md")])  # fmt: skip


def check_with(tmp_path: Path, rule: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run_pack(tmp_path, rule)
    out, err = capsys.readouterr()
    return code, out + err


EXISTENCE = """\
  # a rule of our own
  - id: HX101
    name: no-miracles
    kind: existence
    category: plain-language
    severity: warning
    summary: Miracle claims.
    message: "Avoid {MESSAGE}."
    source: house style
    options: {phrases: [miracle]}
"""


def test_a_misspelt_placeholder_is_refused_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = check_with(tmp_path, EXISTENCE.replace("{MESSAGE}", "{matched}"), capsys)
    assert code == 2
    assert f"{(tmp_path / 'house.yaml').resolve()}:5: invalid pack" in output
    assert (
        "rules (HX101).message: unknown placeholder {matched}; the existence kind gives "
        "{match}, {suggestion}"
    ) in output


def test_a_known_placeholder_with_a_conversion_is_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = check_with(tmp_path, EXISTENCE.replace("{MESSAGE}", "{match!r}"), capsys)
    assert code == 1 and "HX101 Avoid 'miracle'." in output


def test_a_brace_that_opens_nothing_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = check_with(tmp_path, EXISTENCE.replace("{MESSAGE}", "{match"), capsys)
    assert code == 2 and "message: not a valid message template" in output


CAVEAT = """\
  - id: HX201
    name: burns-call
    kind: caveat
    category: caveats
    severity: error
    summary: Burns need the emergency number.
    message: "Say when to call {emergency} for a burn ({trigger})."
    source: house style
    options:
      when: [burn]
      require: ["911"]
      suggestion: "Call {emergency} for a large burn."
REGIONS"""


def test_a_caveat_may_name_what_its_regions_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regions = '      regions: {us: {emergency: "911"}, uk: {emergency: "999"}}\n'
    code, output = check_with(tmp_path, CAVEAT.replace("REGIONS", regions), capsys)
    assert code != 2, output
    code, output = check_with(tmp_path, CAVEAT.replace("REGIONS", ""), capsys)
    assert code == 2 and "message: unknown placeholder {emergency}" in output


def test_every_kind_documents_the_parameters_it_gives() -> None:
    for kind in _every_kind().values():
        assert kind.params, f"{kind.name} gives its messages no parameters"
        for name in kind.params:
            assert f"{{{name}}}" in kind.doc, f"{kind.name}'s documentation omits {{{name}}}"


def test_a_pack_may_name_a_category_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    rule = EXISTENCE.replace("{MESSAGE}", "{match}").replace(
        "category: plain-language", "category: house-style"
    )
    code = run_pack(tmp_path, rule, "--select", "house-style", "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert code == 0  # a warning, under the default fail level
    assert [(f["rule"], f["category"]) for f in report["findings"]] == [("HX101", "house-style")]
    run_pack(tmp_path, rule, "--select", "house-style", "--format", "sarif")
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["runs"][0]["results"][0]["properties"]["category"] == "house-style"
    bad = rule.replace("category: house-style", "category: House Style")
    code, output = check_with(tmp_path, bad, capsys)
    assert code == 2 and "a category is kebab-case" in output
