"""A pack changes one field of an inherited rule by id, without restating the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.cli import main

CHEST = "# Heartburn\n\nChest tightness can feel like heartburn.\n"


@pytest.fixture()
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "heartburn.md").write_text(CHEST, encoding="utf-8")
    (tmp_path / "healthlint.toml").write_text('packs = ["house.yaml"]\n', encoding="utf-8")
    return tmp_path


def write_pack(folder: Path, change: str) -> None:
    (folder / "house.yaml").write_text(
        f"pack: house\nextends: [default]\nchange:\n{change}", encoding="utf-8"
    )


def test_phrases_added_to_an_inherited_rule(
    house: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pack(house, "  - id: HL502\n    enabled: true\n")
    assert main(["check", "--select", "HL502", "heartburn.md"]) == 0  # not a sign by default
    capsys.readouterr()
    write_pack(house, "  - id: HL502\n    options:\n      when+: [chest tightness]\n")
    assert main(["check", "--select", "HL502", "heartburn.md"]) == 1
    out = capsys.readouterr().out
    assert 'error HL502 The article mentions "Chest tightness"' in out
    main(["explain", "HL502"])
    assert "house" in capsys.readouterr().out  # the rule now comes from the changing pack


def test_a_field_and_an_option_replaced(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pack(
        house,
        "  - id: HL502\n    severity: warning\n    options:\n"
        "      when+: [chest tightness]\n      suggestion: Call 911 now.\n",
    )
    assert main(["check", "--select", "HL502", "heartburn.md"]) == 0
    out = capsys.readouterr().out
    assert "warning HL502" in out and "(suggestion: Call 911 now.)" in out


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("  - id: HL999\n    severity: info\n", "change (HL999): no rule HL999"),
        ("  - id: HL502\n    options:\n      whenever: [x]\n", "change (HL502).options.whenever"),
        ("  - id: HL502\n    options:\n      suggestion+: [x]\n", "adds a list to a list"),
    ],
)
def test_a_change_that_cannot_apply_names_the_pack(
    house: Path, capsys: pytest.CaptureFixture[str], change: str, said: str
) -> None:
    write_pack(house, change)
    assert main(["check", "heartburn.md"]) == 2
    err = capsys.readouterr().err
    assert "house.yaml" in err and said in err
