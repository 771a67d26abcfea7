"""Rule kinds, found from the modules of this package.

A kind is Python code written once (one module each: options model, ``check`` generator and its
documentation in the module docstring); rule *instances* are YAML data in packs. Every module of
the package that defines a module-level ``KIND`` is a kind: adding one is adding that module
(and its test), nothing else. A kind called ``required-sections`` lives in
``required_sections.py``, so checking imports only the kinds its rules use; a kind named
otherwise is still found, by importing every module once.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from .base import CheckContext, Hit, Kind, KindOptions

if TYPE_CHECKING:
    from ..rule_specs import RuleSpec

__all__ = ["CheckContext", "Hit", "Kind", "KindOptions", "get", "names", "validate_options"]


def _import(module_name: str) -> ModuleType | None:
    """The package's module ``module_name``, or None when there is no such module."""
    if not module_name.isidentifier():
        # A kind name from a pack must not reach a module outside this package ("a.b", "..x").
        return None
    full = f"{__name__}.{module_name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name != full:
            raise  # the module exists but its own imports fail: that is a bug to see
        return None


def _kind_of(module: ModuleType | None) -> Kind | None:
    kind = getattr(module, "KIND", None)
    return kind if isinstance(kind, Kind) else None


def _every_kind() -> dict[str, Kind]:
    """Every kind in the package's folders, by name; imports every module, so only for listing
    and for a kind whose module is not named after it."""
    # Keyed by the folders: a folder added to ``__path__`` later (a plugin, a test) is seen.
    return _kinds_in(tuple(__path__))


@cache
def _kinds_in(folders: tuple[str, ...]) -> dict[str, Kind]:
    import pkgutil

    found: dict[str, Kind] = {}
    for module in pkgutil.iter_modules(list(folders)):
        kind = _kind_of(_import(module.name))
        if kind is not None:
            found.setdefault(kind.name, kind)
    return found


def names() -> list[str]:
    return sorted(_every_kind())


@cache
def get(name: str) -> Kind:
    """The kind called ``name``; KeyError when there is none."""
    kind = _kind_of(_import(name.replace("-", "_")))
    if kind is not None and kind.name == name:
        return kind
    found = _every_kind().get(name)
    if found is None:
        raise KeyError(name)
    return found


def validate_options(rule: RuleSpec) -> KindOptions | str:
    """The rule's options validated by its kind, or where and why they cannot be used."""
    from pydantic import ValidationError

    from ..validation import is_unknown_key, validate

    try:
        kind = get(rule.kind)
    except KeyError:
        return f"kind: unknown rule kind {rule.kind!r}; known kinds: {', '.join(names())}"
    try:
        options = validate(kind.options, rule.options)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            where = ".".join(str(p) for p in problem["loc"])
            message = "unknown key" if is_unknown_key(problem["type"]) else problem["msg"]
            problems.append(f"options.{where}: {message}" if where else message)
        return "\n    ".join(problems)
    return _placeholder_problem(rule, kind, options) or options


def _placeholder_problem(rule: RuleSpec, kind: Kind, options: KindOptions) -> str | None:
    """Where the rule's message (or suggestion) names a parameter its kind does not give:
    a misspelt ``{matched}`` would otherwise be printed as it is in every finding."""
    import string

    known = set(kind.params)
    if kind.region_params is not None:
        known.update(kind.region_params(options))
    templates = [("message", rule.message)]
    suggestion = getattr(options, "suggestion", None)
    if isinstance(suggestion, str):
        templates.append(("options.suggestion", suggestion))
    for where, template in templates:
        try:
            fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        except ValueError as error:
            return f"{where}: not a valid message template ({error}); write a brace as {{{{"
        for name in fields:
            base = name.split(".")[0].split("[")[0]
            if base not in known:
                given = ", ".join(f"{{{p}}}" for p in sorted(known)) or "none"
                return (
                    f"{where}: unknown placeholder {{{name}}}; the {kind.name} kind gives {given}"
                )
    return None
