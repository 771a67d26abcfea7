"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

::error file=conditions/shingles.md,line=48,col=1,title=HL302 review-date-stale::message

``error`` and ``warning`` keep their names and ``info`` becomes ``notice``. Paths are relative to
the working directory (the repository root in Actions) with forward slashes. Escaping follows
GitHub's toolkit: ``%``, carriage return and newline in the message; those plus ``:`` and
``,`` in property values such as the file name and title.
"""

from __future__ import annotations

from . import VISIBLE, Report, relative_uri

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
_DATA = {**VISIBLE, ord("%"): "%25", ord("\r"): "%0D", ord("\n"): "%0A"}


def escape_data(value: str) -> str:
    # %, CR and LF are GitHub's own escapes; every other control character and any undecodable
    # byte is shown as a visible escape, so neither the log nor an annotation can be forged.
    return value.translate(_DATA)


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for finding in report.result.findings:
        path, _ = relative_uri(finding.path, report.root)
        properties = [("file", path), ("line", str(finding.line)), ("col", str(finding.column))]
        if finding.end_line is not None and finding.end_line >= finding.line:
            properties.append(("endLine", str(finding.end_line)))
            # GitHub only places an end column on a single-line annotation.
            if finding.end_line == finding.line and finding.end_column is not None:
                properties.append(("endColumn", str(finding.end_column)))
        properties.append(("title", f"{finding.rule} {finding.name}"))
        message = finding.message
        if finding.suggestion:
            message += f" Suggestion: {finding.suggestion}"
        rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        lines.append(f"::{_LEVELS[finding.severity.value]} {rendered}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
