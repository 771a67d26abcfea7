"""healthlint explain accepts a rule kind's name, as the docs send people there for options."""

from __future__ import annotations

import pytest

from healthlint.cli import main


def test_explain_a_kind_prints_its_options_and_the_rules_that_use_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "caveat"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kind caveat\n")
    assert "when_all" in out and "not_within" in out  # its options
    assert "HL501  disclaimer" in out and "HL505  suicide-988" in out


def test_an_unknown_name_lists_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "caveats-and-more"]) == 2
    err = capsys.readouterr().err
    assert "no rule or rule kind 'caveats-and-more'" in err and "readability" in err
