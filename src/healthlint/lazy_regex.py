"""Regular expressions compiled the first time they are used.

Compiling is the slow part of a regular expression in Python (about a millisecond for a long
alternation), and a module's expressions are compiled when it is imported: every start of
the pre-commit hook paid for the expressions of every rule kind and parser, although a given
article needs only some of them (no garbled characters, no Spanish dates, no street
addresses). ``lazy(pattern, flags)`` stands in for ``re.compile(pattern, flags)`` and
compiles on the first search.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy"]


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled

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
