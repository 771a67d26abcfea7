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
    out.append(f"Category: {rule.category.value}    Default severity: {rule.severity.value}    "
               f"Kind: {rule.kind}    Pack: {rule.pack}")
    if not rule.enabled:
        out.append(f"Off by default: select it with --extend-select {rule.id} or in the "
                   "configuration's extend-select.")
    if rule.types:
        out.append(f"Applies to article types: {', '.join(rule.types)}")
    out += ["", rule.summary, ""]
    if rule.rationale:
        out += ["Why it matters:", textwrap.fill(" ".join(rule.rationale.split()), 88,
                                                  initial_indent="  ", subsequent_indent="  "), ""]
    out += ["Source:", textwrap.fill(" ".join(rule.source.split()), 88, initial_indent="  ",
                                     subsequent_indent="  "), ""]
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
