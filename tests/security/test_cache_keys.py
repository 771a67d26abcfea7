"""Row 11 of the threat model: the findings cache answers only for the settings it was filled
under; a change of region or of the rules comments may not hide is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.cli import main

CHEST = "# Heartburn\n\nChest pain can feel like heartburn.\n"


def test_a_change_of_region_is_a_cache_miss(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    (workdir / "heartburn.md").write_text(CHEST, encoding="utf-8")
    config = workdir / "healthlint.toml"
    config.write_text('select = ["HL502"]\nregion = "us"\n', encoding="utf-8")
    main(["check", "--today", "2026-11-26", "heartburn.md"])
    assert "call 911" in capsys.readouterr().out
    config.write_text('select = ["HL502"]\nregion = "uk"\n', encoding="utf-8")
    main(["check", "--today", "2026-11-26", "heartburn.md"])
    out = capsys.readouterr().out
    assert "call 999" in out and "911" not in out


def test_ci_s_unsuppressible_default_is_a_cache_miss(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "knee.md").write_text(
        "<!-- healthlint-disable-file -->\n\n# Knee pain\n\nRest and ice help.\n", encoding="utf-8"
    )
    monkeypatch.delenv("CI", raising=False)
    main(["check", "--today", "2026-11-26", "knee.md"])
    assert "HL501" not in capsys.readouterr().out
    monkeypatch.setenv("CI", "true")
    main(["check", "--today", "2026-11-26", "knee.md"])
    assert "error HL501" in capsys.readouterr().out
