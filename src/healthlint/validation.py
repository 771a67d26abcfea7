"""pydantic at the boundaries, without pydantic on the hot path.

Everything a user writes — packs, configuration, a kind's options — is validated by pydantic
into healthlint's data types, and the parsed Article can be checked against its schema. Those
types are standard-library dataclasses, not pydantic models: importing pydantic costs more than
a whole cold check of one article should, and a check of a new article with unchanged packs and
configuration never needs it (the validated rules come from the artifact cache).

The dataclasses still carry their constraints for pydantic, as ``Annotated`` metadata in their
string annotations — ``line: Annotated[int, Field(ge=1)]`` — which nothing but pydantic ever
evaluates. Modules import the names those annotations use under ``TYPE_CHECKING``, for mypy,
so the names are not in the module when pydantic reads the annotations there. The common ones
(``Field``, ``SkipJsonSchema``) are imported in :func:`adapter`, the frame that builds every
adapter, which pydantic also searches (TypeAdapter's documented ``_parent_depth`` behaviour);
any other name — ``PositiveInt``, ``conint``, ``AfterValidator`` in a kind's options — is
resolved by running the ``if TYPE_CHECKING:`` imports of the type's own module
(:func:`type_checking_names`), so an annotation means at run time what mypy checked.

A check that must run on a value is a :class:`Check` marker, which works without importing
pydantic until a schema is built.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

if TYPE_CHECKING:
    import ast

    from pydantic import TypeAdapter
    from pydantic_core import CoreSchema

T = TypeVar("T")

# pydantic configuration for a dataclass, as a plain dict (pydantic's ConfigDict is a
# TypedDict): unknown keys are refused so that a typo in a pack does not pass silently.
STRICT_KEYS: dict[str, Any] = {"extra": "forbid"}


def kebab_case(name: str) -> str:
    return name.replace("_", "-")


# Files people write (packs, configuration) spell keys kebab-case, as the command line does
# (fail-level, article-types); the Python name is accepted too.
KEBAB_KEYS: dict[str, Any] = {
    **STRICT_KEYS,
    "populate_by_name": True,
    "alias_generator": kebab_case,
}


@dataclass_transform(kw_only_default=True)
def model(cls: type[T]) -> type[T]:
    """A dataclass for validated data: keyword-only fields, slots, unknown keys refused.

    A class may set its own ``__pydantic_config__`` (e.g. to accept aliases).
    """
    if "__pydantic_config__" not in cls.__dict__:
        cls.__pydantic_config__ = STRICT_KEYS  # type: ignore[attr-defined]
    return dataclass(slots=True, kw_only=True)(cls)


class Check:
    """``Annotated`` metadata that runs ``function`` on a value after its type is validated.

    ``function`` returns the (possibly normalised) value or raises ValueError with a message for
    the user; pydantic reports it at the value's location.
    """

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(
        self, source: Any, handler: Callable[[Any], CoreSchema]
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


_ADAPTERS: dict[type[Any], Any] = {}


def adapter(kind: type[T]) -> TypeAdapter[T]:
    """The pydantic adapter that validates, serialises and describes ``kind``."""
    found: TypeAdapter[T] | None = _ADAPTERS.get(kind)
    if found is None:
        # The names below are the ones most string annotations use; pydantic finds them in
        # this frame's locals.
        from pydantic import Field, TypeAdapter
        from pydantic.json_schema import SkipJsonSchema

        found = TypeAdapter(kind)
        if not found.pydantic_complete:
            # An annotation names something only its module's type checker imports.
            found.rebuild(
                _types_namespace={
                    "Field": Field,
                    "SkipJsonSchema": SkipJsonSchema,
                    **type_checking_names(kind),
                }
            )
        _ADAPTERS[kind] = found
    return found


def type_checking_names(kind: type[Any]) -> dict[str, Any]:
    """The names imported under ``if TYPE_CHECKING:`` by the modules of ``kind`` and of its
    bases, imported now: the namespace its string annotations were written in.

    Read from the modules' source with :mod:`ast`, only when pydantic could not resolve an
    annotation (pydantic is loaded by then and costs far more). An import that fails at run
    time (a stub-only package) is left out; pydantic then names the annotation it cannot
    resolve.
    """
    names: dict[str, Any] = {}
    # Bases first, so that the class's own module wins a name both import.
    for cls in reversed(kind.__mro__):
        module = sys.modules.get(cls.__module__)
        if module is not None:
            names.update(_guarded_imports(module))
    return names


def _guarded_imports(module: ModuleType) -> dict[str, Any]:
    import ast

    source_file = getattr(module, "__file__", None)
    if not source_file or not source_file.endswith(".py"):
        return {}
    try:
        with open(source_file, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), source_file)
    except (OSError, SyntaxError, ValueError):
        return {}
    names: dict[str, Any] = {}
    for statement in tree.body:
        if isinstance(statement, ast.If) and _is_type_checking(statement.test):
            for node in statement.body:
                with contextlib.suppress(ImportError, AttributeError):
                    names.update(_run_import(node, module.__package__ or ""))
    return names


def _is_type_checking(test: ast.expr) -> bool:
    import ast

    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_import(node: ast.stmt, package: str) -> dict[str, Any]:
    """What ``import``/``from … import`` statement ``node`` would bind, without exec."""
    import ast
    import importlib
    import importlib.util

    bound: dict[str, Any] = {}
    if isinstance(node, ast.Import):
        for alias in node.names:
            imported = importlib.import_module(alias.name)
            if alias.asname:
                bound[alias.asname] = imported
            else:
                top = alias.name.partition(".")[0]
                bound[top] = sys.modules[top]
    elif isinstance(node, ast.ImportFrom):
        source = "." * node.level + (node.module or "")
        base = importlib.import_module(
            importlib.util.resolve_name(source, package) if node.level else source
        )
        for alias in node.names:
            if alias.name == "*":
                continue
            try:
                value = getattr(base, alias.name)
            except AttributeError:
                value = importlib.import_module(f"{base.__name__}.{alias.name}")
            bound[alias.asname or alias.name] = value
    return bound


def validate(kind: type[T], data: Any) -> T:
    """``data`` as a ``kind``, or pydantic's ValidationError."""
    return adapter(kind).validate_python(data)


def is_unknown_key(error_type: str) -> bool:
    """Whether a pydantic error type means a key the data type does not have."""
    return error_type in ("extra_forbidden", "unexpected_keyword_argument")
