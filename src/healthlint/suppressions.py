"""Applying the suppression comments written in an article to its findings.

A suppression that hides nothing is reported (rule HL004), so stale ones do not pile up; with
``require-reason`` in the configuration, one without a ``-- reason`` is reported too (HL005).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Article, Directive, Finding

if TYPE_CHECKING:
    from .engine import Linter

UNUSED_RULE = "HL004"
NO_REASON_RULE = "HL005"


def _covers(directive: Directive, finding: Finding, linter: Linter) -> bool:
    if not directive.rules:
        return True
    from .engine import _matches

    spec = linter.ruleset.rules.get(finding.rule)
    if spec is None:
        return finding.rule in directive.rules
    return _matches(spec, directive.rules)


def _span(directive: Directive, article: Article) -> tuple[int, int]:
    if directive.action == "disable-file":
        return 1, max(1, article.line_count)
    if directive.action == "disable-line":
        return directive.line, directive.line
    if directive.action == "disable-next-line":
        following = [b for b in article.blocks if b.line > directive.line]
        if following:
            block = min(following, key=lambda b: b.line)
            return block.line, block.end_line
        return directive.line + 1, directive.line + 1
    return directive.line, max(1, article.line_count)


def apply_directives(
    findings: list[Finding], article: Article, linter: Linter, path: str
) -> list[Finding]:
    if not article.directives:
        return findings
    spans: list[tuple[Directive, int, int]] = []
    for directive in article.directives:
        if directive.action == "enable":
            continue
        start, end = _span(directive, article)
        if directive.action == "disable":
            for later in article.directives:
                if later.action == "enable" and later.line > directive.line and (
                    not later.rules or not directive.rules
                    or set(later.rules) & set(directive.rules)
                ):
                    end = later.line
                    break
        spans.append((directive, start, end))

    used: set[int] = set()
    kept = []
    for finding in findings:
        hidden = False
        for index, (directive, start, end) in enumerate(spans):
            if start <= finding.line <= end and _covers(directive, finding, linter):
                used.add(index)
                hidden = True
        if not hidden:
            kept.append(finding)

    active = {rule.spec.id: rule for rule in linter.active_rules()}
    from .engine import fingerprint, format_message

    for index, (directive, _, _) in enumerate(spans):
        checks = []
        if index not in used and UNUSED_RULE in active:
            checks.append((UNUSED_RULE, {"rules": " ".join(directive.rules) or "all rules"}))
        if linter.config.require_reason and not directive.reason and NO_REASON_RULE in active:
            checks.append((NO_REASON_RULE, {"rules": " ".join(directive.rules) or "all rules"}))
        for rule_id, params in checks:
            rule = active[rule_id]
            kept.append(
                Finding(
                    path=path,
                    line=directive.line,
                    column=1,
                    rule=rule_id,
                    name=rule.spec.name,
                    category=rule.spec.category,
                    severity=rule.severity,
                    message=format_message(rule.spec.message, params),
                    fingerprint=fingerprint(rule_id, f"{directive.action} {params['rules']}"),
                )
            )
    return kept
