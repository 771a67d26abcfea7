"""Every built-in rule has a documentation page made from its YAML (docs/rules/), kept
current, and SARIF points at a rule's page when its pack says where the pages are."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from healthlint.cli import main
from healthlint.packs import load_rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"


def test_the_pages_in_the_repository_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_every_rule_has_a_page_with_what_it_checks_and_why() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for spec in load_rules(["default"]).rules.values():
        page = (DOCS / f"{spec.id}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {spec.id} {spec.name}\n")
        assert spec.summary in page and " ".join(spec.source.split())[:40] in " ".join(page.split())
        assert f"[{spec.id}]({spec.id}.md)" in index
        if spec.example is not None:
            assert "## Fails" in page and "## Passes" in page
            assert "\n- line " in page, f"{spec.id}: the failing example gets no finding"


PACK = """pack: house
extends: [default]
docs-url: https://docs.example.org/rules/{id}-{name}.html
rules:
  - id: HX101
    name: no-miracles
    kind: existence
    category: plain-language
    severity: error
    summary: Miracle claims.
    message: "Avoid {match}."
    source: house style
    options: {phrases: [miracle]}
  - id: HX102
    name: no-wonders
    kind: existence
    category: plain-language
    severity: error
    summary: Wonder claims.
    message: "Avoid {match}."
    source: house style
    docs: https://intranet.example.org/style#wonders
    options: {phrases: [wonder]}
"""


def test_sarif_links_each_rule_to_its_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "knee.md").write_text("# Knee\n\nA miracle, a wonder.\n", encoding="utf-8")
    main(
        [
            "check",
            "--no-cache",
            "--pack",
            str(tmp_path / "house.yaml"),
            "--format",
            "sarif",
            "--select",
            "HX1,HL602",
            str(tmp_path / "knee.md"),
        ]
    )
    rules = {
        rule["id"]: rule
        for rule in json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    }
    assert rules["HX101"]["helpUri"] == "https://docs.example.org/rules/HX101-no-miracles.html"
    assert rules["HX102"]["helpUri"] == "https://intranet.example.org/style#wonders"
    assert "helpUri" not in rules.get("HL602", {})  # the built-in packs name no address
    assert rules["HX101"]["help"]["markdown"].startswith("**Miracle claims.**")


def test_the_configuration_gives_every_other_rule_its_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "healthlint.toml").write_text(
        'packs = ["house.yaml"]\ndocs-url = "https://lint.example.org/rules/{id}.md"\n',
        encoding="utf-8",
    )
    (tmp_path / "knee.md").write_text("# Knee\n\nA miracle cure.\n", encoding="utf-8")
    main(
        [
            "check",
            "--no-cache",
            "--format",
            "sarif",
            "--config",
            str(tmp_path / "healthlint.toml"),
            str(tmp_path / "knee.md"),
        ]
    )
    rules = {
        rule["id"]: rule
        for rule in json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    }
    assert rules["HL602"]["helpUri"] == "https://lint.example.org/rules/HL602.md"
    assert rules["HX101"]["helpUri"] == "https://docs.example.org/rules/HX101-no-miracles.html"
