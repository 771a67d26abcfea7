"""The JSON and SARIF reports are written a finding at a time, byte for byte what writing the
whole document at once gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthlint.cli import main
from healthlint.reporters import ITEMS, stream, streamed_json

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    "document, items, depth",
    [
        ({"a": 1, "list": ITEMS, "b": {"c": [1, 2]}}, [], 1),
        ({"a": 1, "list": ITEMS, "b": {"c": [1, 2]}}, [{"x": "é\nü", "y": [1, {"z": None}]}, 3], 1),
        ({"runs": [{"tool": {"n": 1}, "results": ITEMS}]}, [{"k": i} for i in range(3)], 3),
    ],
)
def test_a_streamed_document_is_the_whole_document(
    document: dict[str, object], items: list[object], depth: int
) -> None:
    whole = json.loads(json.dumps(document).replace(json.dumps(ITEMS), json.dumps(items)))
    expected = json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    assert "".join(streamed_json(document, iter(items), depth)) == expected


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("paths", [["good"], ["good", "bad"]])
def test_the_report_equals_its_document_written_at_once(
    fmt: str,
    paths: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(EXAMPLES)
    arguments = ["check", "--no-cache", "--today", "2026-11-26", "--format", fmt, *paths]
    main(arguments)
    printed = capsys.readouterr().out
    assert printed == json.dumps(json.loads(printed), indent=2, ensure_ascii=False) + "\n"
    target = tmp_path / f"report.{fmt}"
    main([*arguments, "--output", str(target)])
    assert target.read_text(encoding="utf-8") == printed


def test_findings_come_out_one_chunk_each(monkeypatch: pytest.MonkeyPatch) -> None:
    import healthlint

    monkeypatch.chdir(EXAMPLES)
    run = healthlint.check(["bad"])
    from healthlint.reporters import Report

    report = Report(result=run.result, fail_level=run.fail_level, ruleset=run.ruleset)
    chunks = list(stream("json")(report))
    assert len(chunks) == len(run.result.findings) + 2
    assert "".join(chunks) == healthlint.render(run, "json")
