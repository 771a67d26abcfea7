"""The registry of rule kinds.

A kind is Python code written once (one module each: options model, ``check`` generator and its
documentation in the module docstring); rule *instances* are YAML data in packs. To add a kind,
add a module that defines ``KIND`` and list it in ``_MODULES``.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from .base import CheckContext, Hit, Kind, KindOptions

if TYPE_CHECKING:
    from ..packs import RuleSpec

__all__ = ["CheckContext", "Hit", "Kind", "KindOptions", "get", "names", "validate_options"]

_MODULES = {
    "acronym": "acronym",
    "caveat": "caveat",
    "credits": "credits",
    "duplicate-block": "duplicate_block",
    "empty-section": "empty_section",
    "existence": "existence",
    "substitution": "substitution",
    "engine": "engine",
    "freshness": "freshness",
    "readability": "readability",
    "input": "input",
    "required-sections": "required_sections",
}


def names() -> list[str]:
    return sorted(_MODULES)


@cache
def get(name: str) -> Kind:
    """The kind called ``name``; KeyError when there is none."""
    if name not in _MODULES:
        raise KeyError(name)
    module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
    kind: Kind = module.KIND
    return kind


def validate_options(rule: RuleSpec) -> KindOptions | str:
    """The rule's options validated by its kind, or where and why they cannot be used."""
    from pydantic import ValidationError

    from ..validation import is_unknown_key, validate

    try:
        kind = get(rule.kind)
    except KeyError:
        return f"kind: unknown rule kind {rule.kind!r}; known kinds: {', '.join(names())}"
    try:
        return validate(kind.options, rule.options)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            where = ".".join(str(p) for p in problem["loc"])
            message = "unknown key" if is_unknown_key(problem["type"]) else problem["msg"]
            problems.append(f"options.{where}: {message}" if where else message)
        return "\n    ".join(problems)


