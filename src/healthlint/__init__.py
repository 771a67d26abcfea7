"""healthlint: lint consumer health articles.

>>> import healthlint
>>> findings = healthlint.lint_text(text, filename="article.md", today="2026-11-26")

Names are imported on first use so that ``import healthlint`` stays cheap for the pre-commit
hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__ as __version__

__all__ = [
    "Article",
    "CheckRun",
    "Config",
    "Finding",
    "Flags",
    "LintResult",
    "Linter",
    "Severity",
    "check",
    "lint_paths",
    "lint_text",
    "load_config",
    "parse_article",
    "render",
    "to_data",
]

_LAZY = {
    "check": "api",
    "render": "api",
    "CheckRun": "app.check",
    "Flags": "app.settings",
    "lint_text": "api",
    "lint_paths": "api",
    "parse_article": "api",
    "load_config": "api",
    "Linter": "engine",
    "LintResult": "engine",
    "Config": "config",
    "Article": "models",
    "Finding": "models",
    "Severity": "models",
    "to_data": "models",
}

if TYPE_CHECKING:
    from .api import check, lint_paths, lint_text, load_config, parse_article, render
    from .app.check import CheckRun
    from .app.settings import Flags
    from .config import Config
    from .engine import Linter, LintResult
    from .models import Article, Finding, Severity, to_data


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'healthlint' has no attribute {name!r}")
