"""healthlint schema report: the JSON report's schema, which real output satisfies."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from healthlint.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def schema(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["schema", "report"]) == 0
    loaded: dict[str, object] = json.loads(capsys.readouterr().out)
    return loaded


def test_the_examples_report_satisfies_its_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report_schema = schema(capsys)
    jsonschema.Draft7Validator.check_schema(report_schema)
    main(["check", str(EXAMPLES), "--today", "2026-11-26", "--format", "json", "--no-cache"])
    report = json.loads(capsys.readouterr().out)
    assert report["findings"]
    jsonschema.validate(report, report_schema)
    baseline = tmp_path / "baseline.json"
    main(
        [
            "check",
            str(EXAMPLES),
            "--today",
            "2026-11-26",
            "--no-cache",
            "--write-baseline",
            str(baseline),
        ]
    )
    capsys.readouterr()
    main(
        [
            "check",
            str(EXAMPLES),
            "--today",
            "2026-11-26",
            "--format",
            "json",
            "--no-cache",
            "--baseline",
            str(baseline),
        ]
    )
    with_baseline = json.loads(capsys.readouterr().out)
    assert with_baseline["baseline"]["matched"] == len(report["findings"])
    jsonschema.validate(with_baseline, report_schema)


def test_the_schema_refuses_what_the_report_never_holds(capsys: pytest.CaptureFixture[str]) -> None:
    report_schema = schema(capsys)
    main(
        ["check", str(EXAMPLES / "good"), "--today", "2026-11-26", "--format", "json", "--no-cache"]
    )
    report = json.loads(capsys.readouterr().out)
    report["summary"]["fail_level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, report_schema)
