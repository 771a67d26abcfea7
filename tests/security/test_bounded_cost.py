"""Row 6 of the threat model: suppression comments cannot make the work grow faster than the
file. Alternating disable/enable comments once cost the cube of their number."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.cli import main
from healthlint.parsers import parse_article
from healthlint.parsers.builder import MAX_DIRECTIVES
from healthlint.suppressions import _spans


def alternating(pairs: int, enable: str) -> str:
    body = "".join(
        f"<!-- healthlint-disable -->\nLine {n} of the page.\n<!-- healthlint-enable {enable} -->\n"
        for n in range(pairs)
    )
    return "# Page\n\n" + body


@pytest.mark.parametrize("enable", ["HL501", "HL302", ""])
def test_open_ranges_that_turn_off_the_same_rules_are_one(enable: str) -> None:
    article = parse_article(alternating(400, enable), filename="page.md")
    assert len(article.directives) == 800
    # At most one range per comment, each naming at most the one rule turned back on (the
    # ranges once multiplied at every enable, each with a growing list of such rules).
    spans = _spans(article)
    assert len(spans) <= len(article.directives)
    assert max(len(span.excluded) for span in spans) <= 1


def test_comments_past_the_limit_are_not_obeyed_and_the_file_says_so(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = MAX_DIRECTIVES  # twice the limit of comments
    (workdir / "page.md").write_text(alternating(pairs, "HL302"), encoding="utf-8")
    main(["check", "--today", "2026-11-26", "--select", "HL006", "page.md"])
    out = capsys.readouterr().out
    first_ignored = 3 + 3 * (MAX_DIRECTIVES // 2)
    assert f"page.md:{first_ignored}:1: warning HL006 more than 1,000 suppression comments" in out


def test_a_pack_phrase_with_many_wildcards_is_refused_when_the_pack_loads(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    phrase = "call " + " * ".join(["now"] * 12)
    (workdir / "pack.yaml").write_text(
        "pack: mine\nextends: [core]\nrules:\n  - id: XX101\n    name: slow\n    kind: caveat\n"
        "    category: caveats\n    severity: error\n    summary: A slow rule.\n"
        "    message: slow\n    source: a test\n    options:\n"
        f"      when: [chest pain]\n      require: ['{phrase}']\n",
        encoding="utf-8",
    )
    (workdir / "healthlint.toml").write_text('packs = ["pack.yaml"]\n', encoding="utf-8")
    (workdir / "a.md").write_text("# Chest pain\n\nChest pain.\n", encoding="utf-8")
    assert main(["check", "--today", "2026-11-26", "a.md"]) == 2
    assert "11 wildcards; at most 3 are allowed" in capsys.readouterr().err
