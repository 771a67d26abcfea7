"""JSON: ``{"version": 1, "findings": [...], "summary": {...}}``.

The schema is versioned: ``version`` changes only when a field is removed or changes meaning;
new fields may be added at any time. Each finding carries ``path``, ``line``, ``column``,
``end_line``, ``end_column``, ``rule``, ``name``, ``category``, ``severity``, ``message``,
``suggestion`` and ``fingerprint``.
"""

from __future__ import annotations

import json
from collections import Counter

from ..engine import LintResult

SCHEMA_VERSION = 1


def render(result: LintResult) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    document = {
        "version": SCHEMA_VERSION,
        "findings": [f.model_dump(mode="json") for f in result.findings],
        "summary": {
            "files_checked": result.files_checked,
            "files_unreadable": result.files_unreadable,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
