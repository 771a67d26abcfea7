"""``path:line:col: severity RULE message``, one finding a line, then a summary line.

Colour, when asked for, is put only around healthlint's own words (the severity and the rule
id); names and messages come from the articles and keep their control characters escaped, so a
page can never start an escape sequence of its own.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from . import Report, visible

if TYPE_CHECKING:
    from ..engine import LintResult


# ANSI SGR codes: red, yellow and blue for the severities, bold for the rule id.
_SEVERITY_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[34m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def render(report: Report, *, quiet: bool = False, color: bool = False) -> str:
    """The report; ``quiet`` leaves out the summary line, so a clean run prints nothing;
    ``color`` marks the severities and rule ids with ANSI colours (for a terminal)."""
    result = report.result
    lines = []
    for f in result.findings:
        severity, rule = f.severity.value, visible(f.rule)
        if color:
            severity = f"{_SEVERITY_COLOURS.get(severity, '')}{severity}{_RESET}"
            rule = f"{_BOLD}{rule}{_RESET}"
        lines.append(
            f"{visible(f.path)}:{f.line}:{f.column}: {severity} {rule} {visible(f.message)}"
            + (f" (suggestion: {visible(f.suggestion)})" if f.suggestion else "")
        )
    if not quiet:
        lines.append(summary(result))
    return "\n".join(lines) + "\n" if lines else ""


def summary(result: LintResult) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''} checked"
    if not result.findings:
        return f"{files}: no problems found."
    parts = [f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
             for level in ("error", "warning", "info") if counts[level]]
    problem_files = len({f.path for f in result.findings})
    unreadable = (
        f", {result.files_unreadable} could not be read" if result.files_unreadable else ""
    )
    return f"{files}{unreadable}, {problem_files} with findings: {', '.join(parts)}."
