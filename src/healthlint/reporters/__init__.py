"""Output formats. Each reporter turns a LintResult into the text written to stdout."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..engine import LintResult

Reporter = Callable[[LintResult], str]

_REPORTERS = {
    "text": "text",
    "json": "json",
}


def names() -> list[str]:
    return list(_REPORTERS)


def get(name: str) -> Reporter:
    module = importlib.import_module(f"{__name__}.{_REPORTERS[name]}")
    reporter: Reporter = module.render
    return reporter
