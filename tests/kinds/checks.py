"""What the kind tests share: a rule run through the whole engine, and a kind run directly."""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.kinds.base import CheckContext, Hit
from healthlint.models import Finding
from healthlint.parsers import parse_article
from healthlint.validation import validate

TODAY = dt.date(2026, 11, 26)


def rule_findings(text: str, rule: str, filename: str = "article.md") -> list[Finding]:
    """The findings of one default rule, with every other rule off."""
    linter = Linter(Config(select=[rule]), today=TODAY)
    return [f for f in linter.lint_text(text, filename=filename) if f.rule == rule]


def kind_hits(
    kind: ModuleType, text: str, filename: str = "article.md", **options: Any
) -> list[Hit]:
    """The hits of a kind's ``check`` with these options (validated as a pack's would be)."""
    article = parse_article(text, filename=filename)
    context = CheckContext(article=article, today=TODAY, path=filename)
    return list(kind.check(context, validate(kind.Options, options), None))
