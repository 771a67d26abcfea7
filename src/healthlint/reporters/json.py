"""JSON: one object, versioned, for scripts and dashboards.

Schema (``version`` 1)::

    {
      "version": 1,
      "findings": [
        {
          "path": "conditions/shingles.md",   # as given on the command line or found in a folder
          "line": 48, "column": 1,            # 1-based; column counts characters
          "end_line": null, "end_column": null,
          "rule": "HL302",                    # rule id
          "name": "review-date-stale",        # rule name
          "category": "freshness",            # sections | credits | freshness | readability |
                                              # caveats | plain-language | input
          "severity": "warning",              # info | warning | error
          "message": "...",                   # what is wrong and what to write instead
          "suggestion": null,                 # replacement text, when there is one
          "fingerprint": "3f9a0c1d2e4b5a69"   # rule + offending text, not the line: stable
        }                                     # when lines above it change
      ],
      "summary": {
        "files_checked": 12, "files_unreadable": 0,
        "errors": 2, "warnings": 1, "infos": 0,   # counts of the findings listed above
        "fail_level": "error",
        "failed": true                            # a finding reached the fail level
      },
      "baseline": {                           # only with --baseline / --write-baseline
        "file": "healthlint-baseline.json",
        "matched": 40,                        # findings hidden because the baseline has them
        "gone": [                             # baseline entries no longer found: the baseline
          {"path": "...", "rule": "HL302",    # can shrink (--write-baseline rewrites it)
           "name": "review-date-stale", "fingerprint": "...", "count": 1, "message": "..."}
        ]
      }
    }

``version`` changes only when a field is removed or changes meaning; new fields may be added
at any time, so readers should ignore keys they do not know. Findings are sorted by path, line,
column and rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ..baseline import BaselineEntry
from ..models import Finding, Severity, to_data
from ..validation import model
from . import ITEMS, Report, streamed_json

if TYPE_CHECKING:
    from pydantic import Field

SCHEMA_VERSION = 1


@model
class ReportSummary:
    """The ``summary`` object of the JSON report."""

    files_checked: Annotated[int, Field(ge=0)]
    files_unreadable: Annotated[int, Field(ge=0)]
    errors: Annotated[int, Field(ge=0)]
    warnings: Annotated[int, Field(ge=0)]
    infos: Annotated[int, Field(ge=0)]
    fail_level: Severity
    failed: Annotated[bool, Field(description="a finding reached the fail level")]


@model
class BaselineSummary:
    """The ``baseline`` object: what the baseline hid and which of its entries are gone."""

    file: str
    matched: Annotated[int, Field(ge=0)]
    gone: list[BaselineEntry]


@model
class ReportDocument:
    """The whole JSON report (``healthlint schema report`` prints its JSON Schema)."""

    version: Literal[1]
    findings: list[Finding]
    summary: ReportSummary
    baseline: BaselineSummary | None = None


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The report a finding at a time: the document is never built whole (at 10,000 articles
    it held hundreds of megabytes)."""
    result = report.result
    counts = Counter(f.severity.value for f in result.findings)
    document: dict[str, Any] = {
        "version": SCHEMA_VERSION,
        "findings": ITEMS,
        "summary": {
            "files_checked": result.files_checked,
            "files_unreadable": result.files_unreadable,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "fail_level": report.fail_level.value,
            "failed": any(report.fails(f) for f in result.findings),
        },
    }
    if report.baseline is not None:
        outcome = report.baseline
        document["baseline"] = {
            "file": str(outcome.file),
            "matched": outcome.matched,
            "gone": [to_data(entry) for entry in outcome.gone],
        }
    return streamed_json(document, (f.to_data() for f in result.findings), 1)
