"""Regular expressions compiled the first time they are used, from programs kept between runs.

Compiling is the slow part of a regular expression in Python (about a millisecond for a long
alternation, all of it the pure-Python parser and code generator in :mod:`re`), and a one-file
run of the pre-commit hook compiles some ninety of them: the parsers' grammars of credits and
dates, the chrome vocabulary, the rule packs' phrases. Two things keep that cost down:

- ``lazy(pattern, flags)`` stands in for ``re.compile(pattern, flags)`` and compiles on the
  first search, so an article pays only for the expressions it needs (no garbled characters,
  no Spanish dates, no street addresses);
- :func:`compiled` keeps what the regular-expression compiler produced — the program the
  matching engine runs, with its group names — in the artifact cache, keyed by the pattern,
  its flags and the exact Python build, and hands a later run's pattern straight to the
  engine (``_sre.compile``, the call ``re.compile`` ends with). The engine validates every
  program it is given, entries are sealed like every other artifact (a planted entry is a
  miss), and anything unexpected falls back to ``re.compile``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import re
import sys
from typing import Any, cast

__all__ = ["compiled", "lazy", "save_programs"]

# Private modules of the standard library, looked up rather than imported so that a Python
# that lays them out differently only loses the cache (every use below falls back).
try:
    _sre: Any = importlib.import_module("_sre")
    _parser: Any = importlib.import_module("re._parser")
    _code_of: Any = importlib.import_module("re._compiler")._code
    _ENGINE = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{sys.maxunicode}"
except (ImportError, AttributeError):  # pragma: no cover - another Python implementation
    _sre = _parser = _code_of = None
    _ENGINE = ""

_TABLE = "regex-programs-" + hashlib.sha256(_ENGINE.encode()).hexdigest()[:16]
# A table this large no longer pays for itself at load time; it is started afresh.
_MOST_ENTRIES = 4000

Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_programs: dict[tuple[str, int], Program] | None = None
_unsaved = 0
_made: dict[tuple[str, int], re.Pattern[str]] = {}


def compiled(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the program kept by an earlier run when there is
    one."""
    flags = int(flags)
    key = (source, flags)
    pattern = _made.get(key)
    if pattern is not None:
        return pattern
    programs = _programs if _programs is not None else _load()
    program = programs.get(key)
    if program is not None:
        try:
            pattern = _sre.compile(source, *program)
        except Exception:
            del programs[key]
    if pattern is None:
        pattern = _compile(source, flags, programs)
    _made[key] = pattern
    return pattern


def _compile(source: str, flags: int, programs: dict[tuple[str, int], Program]) -> re.Pattern[str]:
    global _unsaved
    if _sre is None:  # pragma: no cover - another Python implementation
        return re.compile(source, flags)
    try:
        parsed = _parser.parse(source, flags)
        code = _code_of(parsed, flags)
        names = dict(parsed.state.groupdict)
        by_index: list[str | None] = [None] * parsed.state.groups
        for name, index in names.items():
            by_index[index] = name
        # The code holds the compiler's named opcode constants (an int subclass): plain ints
        # are what the engine reads and what marshal writes.
        program: Program = (
            int(flags | parsed.state.flags),
            [int(op) for op in code],
            int(parsed.state.groups) - 1,
            names,
            tuple(by_index),
        )
        pattern = cast("re.Pattern[str]", _sre.compile(source, *program))
    except Exception:
        # A malformed pattern raises here with the standard message; anything else the
        # internals do differently is re.compile's to handle.
        return re.compile(source, flags)
    programs[(source, flags)] = program
    _unsaved += 1
    return pattern


def _load() -> dict[tuple[str, int], Program]:
    global _programs
    from .artifacts import read_data

    table = read_data(_TABLE) if _ENGINE else None
    _programs = table if isinstance(table, dict) and len(table) <= _MOST_ENTRIES else {}
    return _programs


def save_programs() -> None:
    """Keep the programs compiled in this run for the next one (nothing is written when every
    pattern came from the cache)."""
    global _unsaved
    if not _unsaved or _programs is None:
        return
    from .artifacts import write_data

    _unsaved = 0
    with contextlib.suppress(Exception):
        write_data(_TABLE, _programs)


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        compiled_pattern = self._compiled
        if compiled_pattern is None:
            compiled_pattern = self._compiled = compiled(self._source, self._flags)
        return compiled_pattern

    def __getattr__(self, name: str) -> Any:
        # Only reached for the Pattern's own attributes (search, finditer, pattern, ...), and
        # only once each: the answer is kept on the instance, where the next lookup finds it
        # without coming here.
        value = getattr(self._pattern(), name)
        setattr(self, name, value)
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy, (self._source, self._flags))

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """A pattern that behaves as ``re.compile(source, flags)`` and is compiled when first
    used."""
    return cast("re.Pattern[str]", _LazyPattern(source, int(flags)))
