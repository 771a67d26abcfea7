"""healthlint's validated objects as plain data, and back, for the artifact cache.

A rule set or a configuration is a tree of healthlint dataclasses, enums and containers. It is
written as nothing but numbers, strings, lists and tuples (what :mod:`marshal` writes), so that
reading an entry back can never run code, as unpickling can: a class is named by its module and
qualified name and rebuilt only when it is a dataclass or an enum of healthlint's own modules,
and its fields are set as they are, without calling anything of the class. Anything else in an
entry is refused (:class:`ValueError`), and the caller treats that as a miss.

Each value other than a number, a string, None or a list is a tuple whose first item says what
it is: ``("t", items)`` a tuple, ``("s", items)`` a set, ``("f", items)`` a frozenset,
``("d", keys, values)`` a dict, ``("o", class, names, values)`` a dataclass,
``("e", class, value)`` an enum member, ``("p", text)`` a path, ``("D", "YYYY-MM-DD")`` a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import importlib
from pathlib import Path, PurePath
from typing import Any

__all__ = ["from_plain", "to_plain"]

_OWN = "healthlint."
_DATA_MODULES = frozenset(
    {"healthlint.models", "healthlint.rule_specs", "healthlint.packs", "healthlint.config"}
)
_ATOMS = (str, int, float, bool, type(None))


def to_plain(value: Any) -> Any:
    """``value`` as plain data; :class:`TypeError` for anything this module cannot write."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [to_plain(item) for item in value]
    if kind is tuple:
        return ("t", [to_plain(item) for item in value])
    if kind is dict:
        return ("d", [to_plain(key) for key in value], [to_plain(v) for v in value.values()])
    if kind is set or kind is frozenset:
        return ("s" if kind is set else "f", [to_plain(item) for item in value])
    if isinstance(value, enum.Enum):
        return ("e", _name_of(kind), to_plain(value.value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = [field.name for field in dataclasses.fields(value)]
        return ("o", _name_of(kind), names, [to_plain(getattr(value, name)) for name in names])
    if isinstance(value, PurePath):
        return ("p", str(value))
    if kind is dt.date:
        return ("D", value.isoformat())
    raise TypeError(f"cannot keep a {kind.__qualname__} in the artifact cache")


def _name_of(kind: type) -> str:
    if not kind.__module__.startswith(_OWN):
        raise TypeError(f"{kind.__module__}.{kind.__qualname__} is not one of healthlint's types")
    return f"{kind.__module__}:{kind.__qualname__}"


def from_plain(data: Any) -> Any:
    """The value :func:`to_plain` wrote; :class:`ValueError` for anything it would not have."""
    kind = type(data)
    if kind in _ATOMS:
        return data
    if kind is list:
        return [from_plain(item) for item in data]
    if kind is not tuple or not data:
        raise ValueError(f"not healthlint's plain data: {kind.__qualname__}")
    tag = data[0]
    try:
        if tag == "t":
            return tuple(from_plain(item) for item in data[1])
        if tag == "d":
            _, keys, values = data
            return {from_plain(k): from_plain(v) for k, v in zip(keys, values, strict=True)}
        if tag == "s":
            return {from_plain(item) for item in data[1]}
        if tag == "f":
            return frozenset(from_plain(item) for item in data[1])
        if tag == "o":
            _, name, names, values = data
            cls = _own_class(name)
            if not dataclasses.is_dataclass(cls):
                raise ValueError(f"{name} is not a dataclass")
            fields = _fields_of(cls)
            instance = object.__new__(cls)
            for field_name, value in zip(names, values, strict=True):
                if field_name not in fields:
                    raise ValueError(f"{name} has no field {field_name!r}")
                # object.__setattr__: frozen dataclasses too, and nothing of the class runs.
                object.__setattr__(instance, field_name, from_plain(value))
            if len(set(names)) != len(fields):
                # Written before the class gained a field: the object would lack it.
                raise ValueError(f"{name} is missing fields")
            return instance
        if tag == "e":
            _, name, value = data
            cls = _own_class(name)
            if not issubclass(cls, enum.Enum):
                raise ValueError(f"{name} is not an enum")
            return cls(from_plain(value))
        if tag == "p":
            return Path(data[1])
        if tag == "D":
            return dt.date.fromisoformat(data[1])
    except (TypeError, AttributeError, IndexError) as error:
        raise ValueError(f"malformed plain data: {error}") from error
    raise ValueError(f"unknown plain-data tag {tag!r}")


_FIELDS: dict[type, frozenset[str]] = {}


def _fields_of(cls: type) -> frozenset[str]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = frozenset(field.name for field in dataclasses.fields(cls))
    return found


def _own_class(name: Any) -> type:
    if not isinstance(name, str) or ":" not in name:
        raise ValueError(f"not a class name: {name!r}")
    module_name, qualified = name.split(":", 1)
    # Only modules that define data types, and the rule kinds (whose options these are, and
    # which the engine imports anyway): no other module is imported because an entry names it.
    if module_name not in _DATA_MODULES and not (
        module_name.startswith("healthlint.kinds.") and module_name[17:].isidentifier()
    ):
        raise ValueError(f"{module_name} is not one of healthlint's data modules")
    found: Any = importlib.import_module(module_name)
    for part in qualified.split("."):
        found = getattr(found, part)
    if not isinstance(found, type):
        raise ValueError(f"{name} is not a class")
    return found
