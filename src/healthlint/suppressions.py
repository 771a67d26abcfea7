"""Applying the suppression comments written in an article to its findings.

What each directive covers (the syntax is in :mod:`healthlint.parsers.directives`):

- ``disable-next-line``: the next block after the comment (a heading, a paragraph, a list item,
  the credits lines), so a comment above a paragraph that wraps over several lines covers all
  of it;
- ``disable-line``: the block the comment sits in (a comment at the end of a wrapped paragraph
  covers the paragraph), or its own line when it stands alone;
- ``disable`` … ``enable``: the lines between them; ``enable HL302`` after ``disable`` turns only
  HL302 back on and leaves the rest off; without ``enable``, to the end of the file;
- ``disable-file``: the whole file, wherever the comment is.

Rules are named by id, id prefix, name or category; naming none means every rule.

A suppression that hides nothing is reported (HL004), so stale ones do not pile up and cannot
hide a future problem; with ``require-reason`` in the configuration, one without a
``-- reason`` is reported too (HL005). Those two findings are about the comments themselves, so
comments cannot suppress them, nor HL006, which says that part of the file (comments past the
limit of 1,000 included) was not read: turn them off in the configuration (``ignore``, or
``ignore`` in an ``[[overrides]]`` table for some folders).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .findings import fingerprint, format_message
from .models import Article, Directive, Finding

if TYPE_CHECKING:
    from .config import Config
    from .kinds.base import ActiveRule
    from .packs import RuleSet


class Linter(Protocol):
    """What applying suppressions needs of the linter that ran the rules."""

    @property
    def ruleset(self) -> RuleSet: ...

    @property
    def config(self) -> Config: ...

    @property
    def unsuppressible(self) -> frozenset[str]: ...


UNUSED_RULE = "HL004"
NO_REASON_RULE = "HL005"
# Says that part of the file (its comments past the limit, say) was not read: a comment must
# not hide that.
PART_NOT_READ_RULE = "HL006"


@dataclass
class _Span:
    """Lines ``start``…``end`` where the rules of the directives ``owners`` are off."""

    owners: set[int]
    start: int
    end: int
    rules: list[str]
    # Rules turned back on by an ``enable`` inside a wider ``disable``.
    excluded: list[str] = field(default_factory=list)


def _selects(selectors: list[str], finding: Finding, linter: Linter) -> bool:
    spec = linter.ruleset.rules.get(finding.rule)
    if spec is None:
        upper = {s.upper() for s in selectors}
        return finding.rule in upper or "ALL" in upper
    return spec.selected_by(selectors)


def _covers(span: _Span, finding: Finding, linter: Linter) -> bool:
    if not span.start <= finding.line <= span.end:
        return False
    if span.rules and not _selects(span.rules, finding, linter):
        return False
    return not (span.excluded and _selects(span.excluded, finding, linter))


def _line_span(directive: Directive, article: Article) -> tuple[int, int]:
    last = max(1, article.line_count)
    if directive.action == "disable-file":
        return 1, last
    if directive.action == "disable-line":
        around = [b for b in article.blocks if b.line <= directive.line <= b.end_line]
        if around:
            block = min(around, key=lambda b: b.end_line - b.line)
            return block.line, block.end_line
        return directive.line, directive.line
    # disable-next-line
    following = [b for b in article.blocks if b.line > directive.line]
    if following:
        block = min(following, key=lambda b: (b.line, b.end_line))
        return block.line, block.end_line
    return directive.line + 1, directive.line + 1


def _spans(article: Article) -> list[_Span]:
    """Where each directive turns rules off. Open ``disable`` ranges that turn off the same
    rules are one range owned by all their directives, so that a file of alternating
    ``disable``/``enable`` comments costs in proportion to its comments, not to their cube."""
    last = max(1, article.line_count)
    spans: list[_Span] = []
    open_spans: dict[tuple[tuple[str, ...], tuple[str, ...]], _Span] = {}

    def open_span(owners: set[int], line: int, rules: list[str], excluded: list[str]) -> None:
        key = (tuple(rules), tuple(sorted(set(excluded))))
        same = open_spans.get(key)
        if same is not None:
            same.owners |= owners
            return
        span = _Span(set(owners), line, last, rules, sorted(set(excluded)))
        spans.append(span)
        open_spans[key] = span

    ordered = sorted(enumerate(article.directives), key=lambda item: item[1].line)
    for index, directive in ordered:
        if directive.action == "disable":
            open_span({index}, directive.line, directive.rules, [])
        elif directive.action == "enable":
            closing = list(open_spans.values())
            open_spans.clear()
            enabled = {rule.upper() for rule in directive.rules}
            for span in closing:
                span.end = directive.line
                if not directive.rules or (
                    span.rules and {r.upper() for r in span.rules} <= enabled
                ):
                    continue  # everything it turned off is back on
                # Only the named rules come back on: the rest of the disable carries on,
                # still owned by the same directives so that they count as used.
                open_span(
                    span.owners, directive.line, span.rules, [*span.excluded, *directive.rules]
                )
        else:
            start, end = _line_span(directive, article)
            spans.append(_Span({index}, start, end, directive.rules))
    return spans


def _describe_rules(directive: Directive, linter: Linter) -> str:
    if not directive.rules:
        return "all rules"
    named = []
    for selector in directive.rules:
        known = linter.ruleset.matching(selector)
        named.append(selector if known else f"{selector} (no such rule)")
    return " ".join(named)


def _judged(directive: Directive, active: dict[str, ActiveRule], linter: Linter) -> bool:
    """Whether a suppression that hid nothing can be called unused.

    When every rule it names is switched off for this file (``--select freshness``, an
    override that ignores a category for a folder), nothing ran that it could have hidden, so
    calling it unused would be noise. A name that matches no rule at all is always reported.
    """
    if not directive.rules:
        return True
    for selector in directive.rules:
        matched = linter.ruleset.matching(selector)
        if not matched or any(spec.id in active for spec in matched):
            return True
    return False


def apply_directives(
    findings: list[Finding],
    article: Article,
    rules: Sequence[ActiveRule],
    linter: Linter,
    path: str,
) -> list[Finding]:
    """``findings`` without those the article's directives hide, plus HL004/HL005 findings.

    ``rules`` are the rules in force for this file, as the engine ran them, so an
    [[overrides]] table that ignores HL004 or changes its severity for a folder is honoured.
    """
    if not article.directives:
        return findings
    spans = _spans(article)
    used: set[int] = set()
    kept = []
    protected = linter.unsuppressible
    for finding in findings:
        if finding.rule in protected or finding.rule == PART_NOT_READ_RULE:
            kept.append(finding)  # and a comment aimed at it alone is reported as unused
            continue
        covering = [span for span in spans if _covers(span, finding, linter)]
        if covering:
            for span in covering:
                used.update(span.owners)
        else:
            kept.append(finding)

    active = {rule.spec.id: rule for rule in rules}
    for index, directive in enumerate(article.directives):
        if directive.action == "enable":
            continue
        if index not in used and UNUSED_RULE in active and _judged(directive, active, linter):
            kept.append(_meta_finding(active[UNUSED_RULE], directive, path, linter))
        if linter.config.require_reason and not directive.reason and NO_REASON_RULE in active:
            kept.append(_meta_finding(active[NO_REASON_RULE], directive, path, linter))
    return kept


def _meta_finding(rule: ActiveRule, directive: Directive, path: str, linter: Linter) -> Finding:
    rules = _describe_rules(directive, linter)
    return Finding.build(
        path=path,
        line=directive.line,
        column=1,
        rule=rule.spec.id,
        name=rule.spec.name,
        category=rule.spec.category,
        severity=rule.severity,
        message=format_message(rule.spec.message, {"rules": rules}),
        fingerprint=fingerprint(rule.spec.id, f"{directive.action} {rules}"),
    )
