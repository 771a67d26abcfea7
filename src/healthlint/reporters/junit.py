"""JUnit XML, the test-report format GitLab, Jenkins, Azure DevOps and CircleCI display.

One ``<testsuite name="healthlint">`` inside ``<testsuites>``; one ``<testcase>`` per file
checked, named by its path. A file passes when none of its findings reaches the fail level; when
one does, the testcase has a ``<failure>`` whose text lists those findings one a line
(``line:column: severity RULE message``). Findings below the fail level do not fail the file
and are listed in the testcase's ``<system-out>`` so they stay visible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from . import Report, visible

if TYPE_CHECKING:
    from ..models import Finding

# Characters XML 1.0 cannot carry at all, even escaped (control characters from a damaged
# article would otherwise make the whole report unreadable to the CI server).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(value: str) -> str:
    # Control characters and undecodable bytes of a name are shown as escapes first, as in every
    # format; what XML still cannot carry becomes the replacement character.
    return _NOT_XML.sub("\ufffd", visible(value))


def _line(finding: Finding) -> str:
    text = (
        f"{finding.line}:{finding.column}: {finding.severity.value} {finding.rule} "
        f"{finding.name}: {finding.message}"
    )
    if finding.suggestion:
        text += f" (suggestion: {finding.suggestion})"
    return _clean(text)


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.result.findings:
        by_file[finding.path].append(finding)
    files = list(report.checked_files())
    listed = set(files)
    # Files that produced findings without being in the list (an unreadable path) still count.
    files += sorted(path for path in by_file if path not in listed)

    suite = ET.Element("testsuite", name="healthlint")
    failures = 0
    for path in files:
        findings = by_file.get(path, [])
        case = ET.SubElement(
            suite, "testcase", name=_clean(path), classname="healthlint", file=_clean(path)
        )
        failing = [f for f in findings if report.fails(f)]
        others = [f for f in findings if not report.fails(f)]
        if failing:
            failures += 1
            level = report.fail_levels.get(path, report.fail_level)
            rules = sorted({f.rule for f in failing})
            noun = "finding" if len(failing) == 1 else "findings"
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(failing)} {noun} at or above {level.value}: {', '.join(rules)}",
                type=rules[0] if len(rules) == 1 else "healthlint",
            )
            failure.text = "\n".join(_line(f) for f in failing)
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in others)

    counts = {"tests": str(len(files)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", {"name": "healthlint", **counts})
    root.append(suite)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
