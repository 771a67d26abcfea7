"""Building a finding's text: its message from the rule's template, and its fingerprint."""

from __future__ import annotations

import hashlib
from typing import Any


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        # A template naming a parameter the kind does not give shows it as written.
        return "{" + key + "}"


def format_message(template: str, params: dict[str, Any]) -> str:
    return template.format_map(_Params(params))


def fingerprint(rule: str, text: str) -> str:
    """A stable hash of the rule and the offending text, so baselines survive edits elsewhere."""
    normal = " ".join(text.lower().split())
    return hashlib.sha1(f"{rule}\0{normal}".encode()).hexdigest()[:16]
