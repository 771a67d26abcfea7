"""The Python API: the engine the command line uses; results are the dataclasses of models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .config import Config
from .config import load_config as _load_config
from .engine import Linter, LintResult
from .models import Article, Finding
from .parsers import parse_article as _parse_article


def _linter(config: Config | str | Path | None, today: dt.date | str | None) -> Linter:
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    if config is None or isinstance(config, (str, Path)):
        config = _load_config(config) if config is not None else Config()
    return Linter(config, today=today)


def lint_text(
    text: str,
    *,
    filename: str | None = None,
    config: Config | str | Path | None = None,
    today: dt.date | str | None = None,
) -> list[Finding]:
    """Check one article given as text. ``filename`` picks the format by its extension."""
    return _linter(config, today).lint_text(text, filename=filename)


def lint_paths(
    paths: Iterable[str | Path],
    *,
    config: Config | str | Path | None = None,
    today: dt.date | str | None = None,
) -> LintResult:
    """Check files and folders; folders are walked for Markdown, HTML and text articles."""
    return _linter(config, today).lint_paths(paths)


def parse_article(text: str, *, filename: str | None = None) -> Article:
    """How healthlint reads an article: title, type, sections, credits, dates, blocks."""
    return _parse_article(text, filename=filename)


def load_config(path: str | Path | None = None) -> Config:
    """Read a healthlint.toml or pyproject.toml; with no path, search upward from the cwd."""
    return _load_config(path)
