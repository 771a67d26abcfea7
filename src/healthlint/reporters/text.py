"""``path:line:col: severity RULE message``, one finding a line, then a summary line.

Colour, when asked for, is put only around healthlint's own words (the severity and the rule
id); names and messages come from the articles and keep their control characters escaped, so a
page can never start an escape sequence of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import VISIBLE, Report, visible

if TYPE_CHECKING:
    from ..engine import LintResult
    from ..models import Finding

# The lines of a file by its reported path (None: it cannot be read again).
SourceLines = Callable[[str], Sequence[str] | None]


# ANSI SGR codes: red, yellow and blue for the severities, bold for the rule id.
_SEVERITY_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[34m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def render(
    report: Report, *, quiet: bool = False, color: bool = False, source: SourceLines | None = None
) -> str:
    """The report; ``quiet`` leaves out the summary line, so a clean run prints nothing;
    ``color`` marks the severities and rule ids with ANSI colours (for a terminal);
    ``source`` gives the files' lines, to show each finding's line with a caret under its
    column."""
    result = report.result
    lines = []
    # A library's findings share a few paths, rules and severities: each is escaped once.
    severities: dict[object, str] = {}
    rules: dict[str, str] = {}
    paths: dict[str, str] = {}
    for f in result.findings:
        severity = severities.get(f.severity)
        if severity is None:
            severity = severities[f.severity] = _severity_shown(f.severity.value, color)
        rule = rules.get(f.rule)
        if rule is None:
            rule = rules[f.rule] = f"{_BOLD}{visible(f.rule)}{_RESET}" if color else visible(f.rule)
        path = paths.get(f.path)
        if path is None:
            path = paths[f.path] = visible(f.path)
        lines.append(
            f"{path}:{f.line}:{f.column}: {severity} {rule} {visible(f.message)}"
            + (f" (suggestion: {visible(f.suggestion)})" if f.suggestion else "")
        )
        if source is not None:
            lines += excerpt(f, source(f.path), color=color)
    if not quiet:
        lines.append(summary(result))
    return "\n".join(lines) + "\n" if lines else ""


def _severity_shown(severity: str, color: bool) -> str:
    return f"{_SEVERITY_COLOURS.get(severity, '')}{severity}{_RESET}" if color else severity


# Columns of a source line shown; a longer line is cut around the finding's column.
EXCERPT_WIDTH = 100
_CUT = "..."


def _cells(char: str) -> tuple[str, int]:
    """How a character of an article is shown, and how many terminal columns that takes."""
    import unicodedata

    escaped = VISIBLE.get(ord(char))
    if escaped is not None:
        return escaped, len(escaped)
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def excerpt(finding: Finding, lines: Sequence[str] | None, *, color: bool = False) -> list[str]:
    """The finding's source line, escaped as names and messages are, and a caret under its
    column (as ruff shows them); nothing when the line is not in ``lines``."""
    if lines is None or not 1 <= finding.line <= len(lines):
        return []
    cells = [_cells(char) for char in lines[finding.line - 1]]
    at = min(max(finding.column - 1, 0), len(cells))
    start, end = 0, len(cells)
    if sum(width for _, width in cells) > EXCERPT_WIDTH:
        # Some context before the column, as much after it as fits.
        room = EXCERPT_WIDTH - 2 * len(_CUT)
        start, used = at, 0
        while start > 0 and used + cells[start - 1][1] <= room // 3:
            start -= 1
            used += cells[start][1]
        end = start
        used = 0
        while end < len(cells) and used + cells[end][1] <= room:
            used += cells[end][1]
            end += 1
        while start > 0 and used + cells[start - 1][1] <= room:
            start -= 1
            used += cells[start][1]
    before = _CUT if start > 0 else ""
    shown = (
        before + "".join(text for text, _ in cells[start:end]) + (_CUT if end < len(cells) else "")
    )
    offset = len(before) + sum(width for _, width in cells[start:at])
    caret = "^"
    if color:
        caret = f"{_SEVERITY_COLOURS.get(finding.severity.value, '')}^{_RESET}"
    number = str(finding.line)
    return [f"  {number} | {shown}".rstrip(), f"  {' ' * len(number)} | {' ' * offset}{caret}"]


def summary(result: LintResult) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''} checked"
    if not result.findings:
        return f"{files}: no problems found."
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in ("error", "warning", "info")
        if counts[level]
    ]
    problem_files = len({f.path for f in result.findings})
    unreadable = f", {result.files_unreadable} could not be read" if result.files_unreadable else ""
    return f"{files}{unreadable}, {problem_files} with findings: {', '.join(parts)}."
