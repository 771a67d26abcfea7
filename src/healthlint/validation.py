"""pydantic at the boundaries, without pydantic on the hot path.

Everything a user writes — packs, configuration, a kind's options — is validated by pydantic
into healthlint's data types, and the parsed Article can be checked against its schema. Those
types are standard-library dataclasses, not pydantic models: importing pydantic costs more than
a whole cold check of one article should, and a check of a new article with unchanged packs and
configuration never needs it (the validated rules come from the artifact cache).

The dataclasses still carry their constraints for pydantic, as ``Annotated`` metadata in their
string annotations — ``line: Annotated[int, Field(ge=1)]`` — which nothing but pydantic ever
evaluates. The names those annotations use are imported in :func:`adapter`, the frame that
builds every adapter, which is where pydantic resolves them (TypeAdapter's documented
``_parent_depth`` behaviour). Modules import the same names under ``TYPE_CHECKING`` for mypy.

A check that must run on a value is a :class:`Check` marker, which works without importing
pydantic until a schema is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

if TYPE_CHECKING:
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
KEBAB_KEYS: dict[str, Any] = {**STRICT_KEYS, "populate_by_name": True,
                              "alias_generator": kebab_case}


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
        # The names below are the ones the dataclasses' string annotations use.
        from pydantic import Field, TypeAdapter  # noqa: F401
        from pydantic.json_schema import SkipJsonSchema  # noqa: F401

        found = _ADAPTERS[kind] = TypeAdapter(kind)
    return found


def validate(kind: type[T], data: Any) -> T:
    """``data`` as a ``kind``, or pydantic's ValidationError."""
    return adapter(kind).validate_python(data)


def is_unknown_key(error_type: str) -> bool:
    """Whether a pydantic error type means a key the data type does not have."""
    return error_type in ("extra_forbidden", "unexpected_keyword_argument")
