"""``healthlint explain``: one rule with its rationale, source and a failing and passing example.

The examples are not just shown: they are checked with the rule itself, and the findings the
bad example produces are printed under it, so what the docs say is what the linter does.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from pathlib import Path

from .models import Finding
from .packs import RuleSpec

EXAMPLE_DAY = dt.date(2026, 11, 26)
_EXTENSIONS = {"markdown": "md", "text": "txt", "html": "html"}


def run_example(
    rule: RuleSpec, which: str, packs: Sequence[str] = ("default",), base: Path | None = None
) -> list[Finding]:
    """Findings of ``rule`` alone on its bad or good example, with the packs that hold it
    (names or files, relative to ``base``)."""
    from .config import Config
    from .engine import Linter

    assert rule.example is not None
    text = rule.example.bad if which == "bad" else rule.example.good
    today = dt.date.fromisoformat(rule.example.today) if rule.example.today else EXAMPLE_DAY
    config = Config(packs=list(packs), select=[rule.id], root=base)
    linter = Linter(config, today=today)
    filename = f"example.{_EXTENSIONS[rule.example.format]}"
    return [f for f in linter.lint_text(text, filename=filename) if f.rule == rule.id]


def explain_rule(
    rule: RuleSpec, packs: Sequence[str] = ("default",), base: Path | None = None
) -> str:
    from . import kinds

    out = [f"{rule.id} {rule.name}", ""]
    out.append(
        f"Category: {rule.category}    Default severity: {rule.severity.value}    "
        f"Kind: {rule.kind}    Pack: {rule.pack}"
    )
    if not rule.enabled:
        out.append(
            f"Off by default: select it with --extend-select {rule.id} or in the "
            "configuration's extend-select."
        )
    if rule.types:
        out.append(f"Applies to article types: {', '.join(rule.types)}")
    out += ["", rule.summary, ""]
    if rule.rationale:
        out += [
            "Why it matters:",
            textwrap.fill(
                " ".join(rule.rationale.split()), 88, initial_indent="  ", subsequent_indent="  "
            ),
            "",
        ]
    out += [
        "Source:",
        textwrap.fill(
            " ".join(rule.source.split()), 88, initial_indent="  ", subsequent_indent="  "
        ),
        "",
    ]
    if rule.example:
        day = rule.example.today or EXAMPLE_DAY.isoformat()
        out.append(f"Fails ({rule.example.format}, judged on {day}):")
        out += ["    " + line for line in rule.example.bad.rstrip("\n").split("\n")]
        for finding in run_example(rule, "bad", packs, base):
            out.append(f"  -> line {finding.line}: {finding.severity.value} {finding.message}")
        out += ["", "Passes:"]
        out += ["    " + line for line in rule.example.good.rstrip("\n").split("\n")]
        out.append("")
    try:
        doc = kinds.get(rule.kind).doc.strip()
    except KeyError:
        doc = ""
    if doc:
        out += [f"About the rule kind '{rule.kind}':", textwrap.indent(doc, "  "), ""]
    return "\n".join(out) + "\n"


def rule_page(rule: RuleSpec, packs: Sequence[str] = ("default",), base: Path | None = None) -> str:
    """The rule's documentation page in Markdown (``docs/rules/``, and SARIF's ``help``), made
    from its YAML: what it checks, why, its source, its options, and its examples with the
    findings the failing one gets."""
    import yaml

    from . import kinds

    out = [f"# {rule.id} {rule.name}", "", rule.summary, ""]
    facts = [
        ("Category", rule.category),
        ("Default severity", rule.severity.value),
        ("Kind", f"`{rule.kind}`"),
        ("Pack", rule.pack or "-"),
    ]
    if rule.types:
        facts.append(("Article types", ", ".join(rule.types)))
    if not rule.enabled:
        facts.append(("Off by default", f"select it with `--extend-select {rule.id}`"))
    out += ["| | |", "|---|---|", *(f"| {name} | {value} |" for name, value in facts), ""]
    if rule.rationale:
        out += ["## Why it matters", "", textwrap.fill(" ".join(rule.rationale.split()), 96), ""]
    out += ["## Source", "", textwrap.fill(" ".join(rule.source.split()), 96), ""]
    out += ["## Message", "", f"    {' '.join(rule.message.split())}", ""]
    if rule.options:
        dumped = yaml.safe_dump(rule.options, sort_keys=False, allow_unicode=True, width=88)
        out += ["## Options", "", "```yaml", dumped.rstrip("\n"), "```", ""]
    if rule.example:
        day = rule.example.today or EXAMPLE_DAY.isoformat()
        fence = {"markdown": "markdown", "text": "text", "html": "html"}[rule.example.format]
        out += [
            f"## Fails (judged on {day})",
            "",
            f"````{fence}",
            rule.example.bad.rstrip("\n"),
            "````",
            "",
        ]
        for finding in run_example(rule, "bad", packs, base):
            out.append(f"- line {finding.line}: {finding.severity.value}: {finding.message}")
        out += ["", "## Passes", "", f"````{fence}", rule.example.good.rstrip("\n"), "````", ""]
    try:
        doc = kinds.get(rule.kind).doc.strip()
    except KeyError:
        doc = ""
    if doc:
        out += [f"## The `{rule.kind}` kind", "", "```text", doc, "```", ""]
    return "\n".join(out)
