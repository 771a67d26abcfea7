"""SARIF 2.1.0, as GitHub code scanning and other static-analysis dashboards read it.

One run; ``tool.driver`` lists every rule of the rule set (id, name, short and full
description, default level, the category as a tag) and each result points at its rule by
``ruleId`` and ``ruleIndex``. Locations are relative to ``%SRCROOT%`` (``--root``, else the
repository's top folder, else the working directory) with forward slashes; files outside it
get an absolute ``file:`` URI. ``partialFingerprints`` carry the finding's fingerprint (rule
and offending text, not the line), numbered when one file has identical findings, so an alert
survives edits above it. Columns count Unicode code points.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from . import ITEMS, Report, relative_uri, streamed_json

if TYPE_CHECKING:
    from ..models import Finding
    from ..packs import RuleSpec

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "healthlint/v1"
# Used when the installed metadata names no project URL (e.g. a source checkout).
DEFAULT_INFORMATION_URI = "https://example.invalid/healthlint"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def information_uri() -> str:
    """The project's home page, from the installed package metadata."""
    from importlib import metadata

    try:
        urls = metadata.metadata("healthlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return DEFAULT_INFORMATION_URI
    by_label: dict[str, str] = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        by_label[label.strip().lower()] = url.strip()
    for label in ("homepage", "documentation", "source"):
        if by_label.get(label):
            return by_label[label]
    return DEFAULT_INFORMATION_URI


def _text(value: str) -> str:
    return " ".join(value.split())


def _rule_descriptor(spec: RuleSpec, docs: str | None) -> dict[str, Any]:
    full = _text(spec.rationale) if spec.rationale else _text(spec.summary)
    help_text = f"{full}\n\nSource: {_text(spec.source)}" if spec.source else full
    markdown = f"**{_text(spec.summary)}**\n\n{help_text}"
    if docs:
        markdown += f"\n\n[{spec.id} {spec.name}]({docs})"
    descriptor: dict[str, Any] = {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": _text(spec.summary)},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVELS[spec.severity.value]},
        "properties": {"tags": [spec.category]},
    }
    if docs:
        descriptor["helpUri"] = docs
    return descriptor


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    # A finding whose rule is not in the rule set (a report built by hand, through the API).
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "fullDescription": {"text": finding.name},
        "defaultConfiguration": {"level": _LEVELS[finding.severity.value]},
        "properties": {"tags": [finding.category]},
    }


def _location(finding: Finding, root: Path | None) -> dict[str, Any]:
    path, relative = relative_uri(finding.path, root)
    artifact: dict[str, Any]
    if relative:
        # A name that is not UTF-8 is quoted as the bytes it is made of.
        artifact = {
            "uri": quote(path.encode("utf-8", "surrogateescape"), safe="/"),
            "uriBaseId": SRCROOT,
        }
    else:
        artifact = {"uri": Path(path).as_uri()}
    region: dict[str, Any] = {"startLine": finding.line, "startColumn": finding.column}
    end_line, end_column = finding.end_line, finding.end_column
    if end_line is not None and end_line >= finding.line:
        region["endLine"] = end_line
        # SARIF's endColumn is the column after the last character, as Finding's is.
        if end_column is not None and (end_line > finding.line or end_column > finding.column):
            region["endColumn"] = end_column
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The log a result at a time, without the whole document in memory."""
    from ..version import __version__

    findings = report.result.findings
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    specs = sorted(report.ruleset.rules.values(), key=lambda r: r.id) if report.ruleset else []
    for spec in specs:
        index[spec.id] = len(descriptors)
        docs = spec.docs or (
            report.docs_url.replace("{id}", spec.id).replace("{name}", spec.name)
            if report.docs_url
            else None
        )
        descriptors.append(_rule_descriptor(spec, docs))
    for finding in findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_fallback_descriptor(finding))

    def results() -> Iterator[dict[str, Any]]:
        seen: Counter[tuple[str, str, str]] = Counter()
        for finding in findings:
            message = finding.message
            if finding.suggestion:
                message += f" Suggestion: {finding.suggestion}"
            fingerprint = finding.fingerprint or ""
            occurrence = (finding.path, finding.rule, fingerprint)
            seen[occurrence] += 1
            yield {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": _LEVELS[finding.severity.value],
                "message": {"text": message},
                "locations": [_location(finding, report.root)],
                "partialFingerprints": {
                    FINGERPRINT_KEY: f"{fingerprint}:{seen[occurrence]}"
                    if fingerprint
                    else f"{finding.rule}:{finding.line}:{finding.column}",
                },
                "properties": {"category": finding.category, "name": finding.name},
            }

    root = Path(report.root or Path.cwd()).resolve()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "healthlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
        "invocations": [{"executionSuccessful": True}],
        "columnKind": "unicodeCodePoints",
        "results": ITEMS,
    }
    document = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return streamed_json(document, results(), 3)
