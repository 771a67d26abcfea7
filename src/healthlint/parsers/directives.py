"""Inline suppressions written in an article.

Markdown and HTML use comments::

    <!-- healthlint-disable-next-line HL302 -- reviewed by phone, record pending -->
    <!-- healthlint-disable HL601 -->  …  <!-- healthlint-enable HL601 -->
    <!-- healthlint-disable-file HL401 -- written for clinicians -->

Plain text has no comments, so a line of its own in square brackets does the same::

    [healthlint-disable-next-line HL302 -- reviewed by phone, record pending]

Rules are named by id (HL302), name (review-date-stale) or category (freshness); none means all.
"""

from __future__ import annotations

import re
from typing import cast

from ..models import Directive, DirectiveAction

_BODY = (
    r"healthlint-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rules>(?:[\s,]+(?!--)[\w.-]+)*)"
    r"(?:\s+--\s*(?P<reason>.*?))?\s*"
)
_COMMENT = re.compile(r"<!--\s*" + _BODY + r"-->", re.S)
_TEXT_LINE = re.compile(r"^\s*\[\s*" + _BODY + r"\]\s*$")


def _directive(match: re.Match[str], line: int) -> Directive:
    rules = [r for r in re.split(r"[\s,]+", match.group("rules") or "") if r]
    reason = (match.group("reason") or "").strip() or None
    # The pattern only matches Directive's literal actions.
    return Directive.model_construct(
        action=cast(DirectiveAction, match.group("action")), rules=rules, reason=reason, line=line
    )


def from_comment(comment: str, line: int) -> Directive | None:
    """A directive from the full text of an HTML comment (``<!-- … -->``)."""
    match = _COMMENT.fullmatch(comment.strip())
    return _directive(match, line) if match else None


def comments_in(text: str, first_line: int) -> list[Directive]:
    """Every directive comment in a chunk of Markdown or HTML source."""
    found = []
    for match in _COMMENT.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        found.append(_directive(match, line))
    return found


def from_text_line(text: str, line: int) -> Directive | None:
    match = _TEXT_LINE.match(text)
    return _directive(match, line) if match else None
