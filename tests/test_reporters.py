"""Output formats as CI systems read them: SARIF, GitHub annotations, JUnit XML, JSON, text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cache_isolation import private_cache  # noqa: F401  (autouse)
from healthlint.cli import build_parser, main
from healthlint.engine import LintResult
from healthlint.models import Category, Finding, Severity
from healthlint.packs import load_rules
from healthlint.reporters import Report, get, names

DATA = Path(__file__).parent / "data"
TODAY = "2026-11-26"
SELECT = ["--select", "HL302,HL304,HL004", "--today", TODAY]

CLEAN = """\
# Pink Eye

Pink eye makes the white of the eye look red.

Last reviewed: October 1, 2026
"""
ERROR = CLEAN.replace("October 1, 2026", "January 5, 2022")  # HL302 error: over 3 years
WARNING = CLEAN.replace("October 1, 2026", "January 5, 2024")  # HL302 warning: over 2 years
UNDATED = CLEAN.replace("October 1, 2026", "spring")  # HL304 error


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "library" / "eyes"
    folder.mkdir(parents=True)
    (folder / "clean.md").write_text(CLEAN, encoding="utf-8")
    (folder / "stale.md").write_text(ERROR, encoding="utf-8")
    (folder / "ageing.md").write_text(WARNING, encoding="utf-8")
    (tmp_path / "library" / "undated.md").write_text(UNDATED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def finding(**fields: Any) -> Finding:
    base: dict[str, Any] = {
        "path": "library/a.md",
        "line": 3,
        "column": 2,
        "rule": "HL302",
        "name": "review-date-stale",
        "category": Category.FRESHNESS,
        "severity": Severity.WARNING,
        "message": "stale",
        "fingerprint": "0123456789abcdef",
    }
    base.update(fields)
    return Finding(**base)


def report(
    *findings: Finding, files: list[str] | None = None, fail_level: Severity = Severity.ERROR
) -> Report:
    result = LintResult(findings=list(findings), files_checked=len(files or []) or 1)
    return Report(
        result=result, fail_level=fail_level, ruleset=load_rules(["default"]), files=files
    )


# registry ----------------------------------------------------------------------------------
def test_every_registered_format_is_offered_and_renders() -> None:
    assert set(names()) >= {"text", "json", "sarif", "github", "junit"}
    parser = build_parser()
    for name in names():
        assert parser.parse_args(["check", "--format", name]).format == name
        assert isinstance(get(name)(report(finding())), str)
    with pytest.raises(SystemExit):
        parser.parse_args(["check", "--format", "checkstyle"])


def test_building_the_command_line_imports_no_engine() -> None:
    # The pre-commit hook pays for every import before the first file is read.
    code = (
        "import sys; from healthlint.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('healthlint.engine', 'pydantic', 'yaml') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# SARIF -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _valid(document: dict[str, Any], validator: jsonschema.Draft4Validator) -> None:
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_and_carries_what_code_scanning_needs(
    library: Path,
    capsys: pytest.CaptureFixture[str],
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    code, out, _ = run(["check", "library", *SELECT, "--format", "sarif"], capsys)
    assert code == 1
    document = json.loads(out)
    _valid(document, sarif_validator)
    assert document["version"] == "2.1.0"
    (run_,) = document["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "healthlint" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    for rule in rules:
        assert {
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "defaultConfiguration",
            "properties",
        } <= set(rule)
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["tags"] and rule["shortDescription"]["text"]
    stale = next(r for r in rules if r["id"] == "HL302")
    assert stale["name"] == "review-date-stale"
    assert stale["properties"]["tags"] == ["freshness"]
    assert stale["defaultConfiguration"]["level"] == "warning"

    results = run_["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("HL302", "warning"),
        ("HL302", "error"),
        ("HL304", "error"),
    ]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["region"]["startLine"] == 5
        assert location["region"]["startColumn"] == 1
        assert result["partialFingerprints"]["healthlint/v1"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["library/eyes/ageing.md", "library/eyes/stale.md", "library/undated.md"]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_fingerprints_survive_an_edit_above_the_finding(
    library: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fingerprints() -> list[str]:
        _, out, _ = run(["check", "library/eyes/stale.md", *SELECT, "-f", "sarif"], capsys)
        results = json.loads(out)["runs"][0]["results"]
        return [r["partialFingerprints"]["healthlint/v1"] for r in results]

    before = fingerprints()
    stale = library / "library" / "eyes" / "stale.md"
    stale.write_text(ERROR.replace("# Pink Eye\n", "# Pink Eye\n\nNew intro.\n"), encoding="utf-8")
    assert fingerprints() == before


def test_sarif_regions_uris_and_levels_of_unusual_findings(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    monkeypatch.chdir(tmp_path)
    outside = str(tmp_path.parent / "elsewhere" / "b.md")
    document = json.loads(
        get("sarif")(
            report(
                finding(path="my articles/a b.md", end_line=3, end_column=9),
                finding(path="my articles/a b.md", line=4, end_line=6, end_column=1),
                finding(path="my articles/a b.md", line=5),  # same text again: its own fingerprint
                finding(path=outside, severity=Severity.INFO, suggestion="use 2026-01-05"),
                finding(rule="HX900", name="house-rule", category=Category.CAVEATS),
            )
        )
    )
    _valid(document, sarif_validator)
    results = document["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions[0] == {"startLine": 3, "startColumn": 2, "endLine": 3, "endColumn": 9}
    assert regions[1] == {"startLine": 4, "startColumn": 2, "endLine": 6, "endColumn": 1}
    artifact = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "my%20articles/a%20b.md", "uriBaseId": "%SRCROOT%"}
    fingerprints = [r["partialFingerprints"]["healthlint/v1"] for r in results[:3]]
    assert len(set(fingerprints)) == 3
    far = results[3]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert far["uri"].startswith("file:///") and "uriBaseId" not in far
    assert results[3]["level"] == "note" and "use 2026-01-05" in results[3]["message"]["text"]
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[4]["ruleIndex"]]["id"] == "HX900"


# GitHub ------------------------------------------------------------------------------------
# GitHub's workflow command syntax: ::command key=value,key=value::message
ANNOTATION = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:\r\n]*)::(?P<msg>.*)$")


def _unescape(value: str, *, prop: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if prop:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for escaped, raw in pairs:
        value = value.replace(escaped, raw)
    return value.replace("%25", "%")


def parse_annotations(out: str) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in out.splitlines():
        match = ANNOTATION.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = {}
        for pair in match["props"].split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape(value, prop=True)
        parsed.append((match["level"], props, _unescape(match["msg"], prop=False)))
    return parsed


def test_github_annotations(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "library", *SELECT, "--format", "github"], capsys)
    assert code == 1
    annotations = parse_annotations(out)
    assert [
        (level, props["file"], props["line"], props["col"], props["title"])
        for level, props, _ in annotations
    ] == [
        ("warning", "library/eyes/ageing.md", "5", "1", "HL302 review-date-stale"),
        ("error", "library/eyes/stale.md", "5", "1", "HL302 review-date-stale"),
        ("error", "library/undated.md", "5", "1", "HL304 review-date-unparseable"),
    ]
    assert "January 5, 2022" in annotations[1][2]


def test_github_escaping_of_percent_newlines_commas_and_colons(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = get("github")(
        report(
            finding(
                path="eyes/pink, red: care.md",
                message="100% sure\r\nsecond line: a, b",
                severity=Severity.INFO,
                end_line=3,
                end_column=7,
            ),
        )
    )
    line = out.rstrip("\n")
    assert "\n" not in line and "\r" not in line
    assert "file=eyes/pink%2C red%3A care.md" in line
    assert "::100%25 sure%0D%0Asecond line: a, b" in line
    ((level, props, message),) = parse_annotations(out)
    assert level == "notice"
    assert props == {
        "file": "eyes/pink, red: care.md",
        "line": "3",
        "col": "2",
        "endLine": "3",
        "endColumn": "7",
        "title": "HL302 review-date-stale",
    }
    assert message == "100% sure\r\nsecond line: a, b"

    # End to end, with such a file name on disk.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pink, red: care.md").write_text(ERROR, encoding="utf-8")
    run_out = run(["check", ".", *SELECT, "-f", "github"], capsys)[1]
    ((_, props, _),) = parse_annotations(run_out)
    assert props["file"] == "pink, red: care.md"


# JUnit -------------------------------------------------------------------------------------
def _suite(out: str) -> ET.Element:
    root = ET.fromstring(out)
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    assert len(suites) == 1
    return suites[0]


def test_junit_one_testcase_per_file(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "library", *SELECT, "--format", "junit"], capsys)
    assert code == 1
    suite = _suite(out)
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {
        str(Path(p))
        for p in (
            "library/eyes/ageing.md",
            "library/eyes/clean.md",
            "library/eyes/stale.md",
            "library/undated.md",
        )
    }
    assert suite.get("tests") == "4" and suite.get("failures") == "2"
    assert suite.get("errors") == "0"
    failed = {name for name, case in cases.items() if case.find("failure") is not None}
    assert failed == {str(Path("library/eyes/stale.md")), str(Path("library/undated.md"))}
    failure = cases[str(Path("library/eyes/stale.md"))].find("failure")
    assert failure is not None and failure.text is not None
    assert "5:1: error HL302 review-date-stale" in failure.text
    assert "1 finding" in (failure.get("message") or "")
    # A warning below the fail level passes but stays visible.
    ageing = cases[str(Path("library/eyes/ageing.md"))]
    assert ageing.find("failure") is None
    assert "HL302" in (ageing.findtext("system-out") or "")

    code, out, _ = run(
        ["check", "library", *SELECT, "-f", "junit", "--fail-level", "warning"], capsys
    )
    assert code == 1 and _suite(out).get("failures") == "3"


def test_junit_is_valid_xml_whatever_the_text(tmp_path: Path) -> None:
    odd = 'Say "stop" & <call> 911\x0c now\x00'
    out = get("junit")(
        report(
            finding(path="a&b <c>.md", message=odd, severity=Severity.ERROR),
            files=["a&b <c>.md", "clean.md"],
        )
    )
    suite = _suite(out)
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    case = suite.find("testcase")
    assert case is not None and case.get("name") == "a&b <c>.md"
    text = case.findtext("failure") or ""
    assert 'Say "stop" & <call> 911' in text and "\x00" not in text


def test_junit_output_to_a_file(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "library", *SELECT, "-f", "junit", "-o", "report.xml"], capsys)
    assert code == 1 and out == ""
    assert _suite(Path("report.xml").read_text(encoding="utf-8")).get("tests") == "4"


# JSON and text -----------------------------------------------------------------------------
def test_json_report_is_versioned_and_summarised(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "library", *SELECT, "-f", "json"], capsys)
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1
    assert document["summary"] == {
        "files_checked": 4,
        "files_unreadable": 0,
        "errors": 2,
        "warnings": 1,
        "infos": 0,
        "fail_level": "error",
        "failed": True,
    }
    assert "baseline" not in document
    keys = set(document["findings"][0])
    assert {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "name",
        "category",
        "severity",
        "message",
        "suggestion",
        "fingerprint",
    } <= keys


def test_text_report_is_unchanged(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "library/eyes", *SELECT], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{Path('library/eyes/ageing.md')}:5:1: warning HL302 ")
    assert lines[-1] == "3 files checked, 2 with findings: 1 error, 1 warning."
