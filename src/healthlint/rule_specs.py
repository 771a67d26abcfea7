"""A rule instance as a pack writes it: the data every layer passes around.

The kinds are given the rule they run for, the engine and the reporters read it; the packs
(``healthlint.packs``) read and validate it from YAML. It lives down here, with the other data
types, so that a rule kind never needs the layer that loads packs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any

from .lazy_regex import lazy
from .models import Category, Severity
from .validation import Check, model

if TYPE_CHECKING:
    from pydantic import Field

__all__ = ["RULE_ID", "RULE_NAME", "RuleExample", "RuleSpec", "valid_rule_id"]

RULE_ID = lazy(r"^[A-Z]{2,5}\d{3,4}$")
RULE_NAME = lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def valid_rule_id(value: str) -> str:
    if not RULE_ID.match(value):
        raise ValueError("a rule id is 2-5 capital letters and 3-4 digits, e.g. HL302")
    return value


def _category(value: str) -> str:
    if not RULE_NAME.match(value):
        raise ValueError("a category is kebab-case, e.g. caveats or house-style")
    # A built-in category is kept as its enum member, so code that compares with
    # Category.CAVEATS and code that reads a plain string both work.
    try:
        return Category(value)
    except ValueError:
        return value


def _rule_name(value: str) -> str:
    if not RULE_NAME.match(value):
        raise ValueError("a rule name is kebab-case, e.g. review-date-stale")
    return value


@model
class RuleExample:
    """A failing and a passing article for a rule, shown by explain and tested."""

    format: Annotated[str, Field(pattern="^(markdown|text|html)$")] = "markdown"
    bad: str
    good: str
    today: Annotated[str | None, Field(description="YYYY-MM-DD the example is judged on")] = None


@model
class RuleSpec:
    """One rule instance, as written in a pack."""

    id: Annotated[str, Check(valid_rule_id)]
    name: Annotated[str, Check(_rule_name)]
    kind: str
    category: Annotated[
        str,
        Check(_category),
        Field(
            description="one of healthlint's categories (sections, credits, freshness, "
            "readability, caveats, plain-language, input) or a kebab-case name of the pack's "
            "own, e.g. "
            "house-style"
        ),
    ]
    severity: Severity
    message: str
    summary: Annotated[str, Field(description="one line: what the rule checks")]
    source: Annotated[
        str, Field(description="the public standard or guidance that justifies the rule")
    ]
    rationale: str = ""
    types: Annotated[
        list[str] | None,
        Field(description="article types the rule applies to; none means every type"),
    ] = None
    options: dict[str, Any] = field(default_factory=dict)
    enabled: Annotated[
        bool, Field(description="false: the rule runs only when selected by its id or name")
    ] = True
    example: RuleExample | None = None
    docs: Annotated[
        str | None,
        Field(
            description="address of the rule's documentation page (SARIF helpUri); default: "
            "the pack's docs-url"
        ),
    ] = None
    pack: str = ""

    def selected_by(self, selectors: Iterable[str]) -> bool:
        """Whether any selector names this rule: its id, an id prefix (HL3), its name, its
        category, or ALL."""
        for selector in selectors:
            key = selector.strip()
            if not key:
                continue
            upper = key.upper()
            if upper == "ALL":
                return True
            if self.id == upper or (upper[:2] == self.id[:2] and self.id.startswith(upper)):
                return True
            if key.lower() in (self.name, self.category):
                return True
        return False
