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

from ..lazy_regex import lazy
from ..models import Directive, DirectiveAction

# The reason runs up to the closing "-->" or "]" itself and is stripped afterwards: a "\s*"
# between a lazy reason and the close would be retried at every character of a long run of
# spaces, which is quadratic.
_BODY = (
    r"healthlint-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rules>(?:[\s,]+(?!--)[\w.-]+)*)"
    r"(?:\s+--(?P<reason>.*?)|\s*)"
)
_COMMENT = lazy(r"<!--\s*" + _BODY + r"-->", re.S)
_TEXT_LINE = lazy(r"^\s*\[\s*" + _BODY + r"\]\s*$")


def _directive(match: re.Match[str], line: int) -> Directive:
    rules = [r for r in re.split(r"[\s,]+", match.group("rules") or "") if r]
    reason = (match.group("reason") or "").strip() or None
    # The pattern only matches Directive's literal actions.
    return Directive(
        action=cast(DirectiveAction, match.group("action")), rules=rules, reason=reason, line=line
    )


def from_comment(comment: str, line: int) -> Directive | None:
    """A directive from the full text of an HTML comment (``<!-- … -->``)."""
    match = _COMMENT.fullmatch(comment.strip())
    return _directive(match, line) if match else None


def comments_in(text: str, first_line: int) -> list[Directive]:
    """Every directive comment in a chunk of Markdown or HTML source.

    A comment ends at the first "-->" after its "<!--", as in HTML. Each comment is matched
    on its own, so a reason never runs on into a later comment, and an unclosed "<!--" ends
    the search instead of being matched against the rest of the text again and again.
    """
    found = []
    line, counted = first_line, 0
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break  # no comment closes after this point
        match = _COMMENT.fullmatch(text, start, end + 3)
        if match is None:
            start = text.find("<!--", start + 4)
            continue
        line += text.count("\n", counted, start)
        counted = start
        found.append(_directive(match, line))
        start = text.find("<!--", end + 3)
    return found


def from_text_line(text: str, line: int) -> Directive | None:
    match = _TEXT_LINE.match(text)
    return _directive(match, line) if match else None
