"""The Python API: what the command line does, for programs. ``lint_text`` and ``lint_paths``
check with one configuration; ``check`` is a whole ``healthlint check`` run (each file with the
configuration nearest it, settings over them, caches, a baseline) and ``render`` gives its
report in any of the command's formats. Results are the dataclasses of ``models``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .config import load_config as _load_config
from .engine import Linter, LintResult
from .models import Article, Finding
from .parsers import parse_article as _parse_article

if TYPE_CHECKING:
    from .app.check import CheckRun
    from .app.settings import Flags


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


def check(
    paths: Iterable[str | Path],
    *,
    flags: Flags | None = None,
    jobs: int | None = 1,
    use_cache: bool = False,
    cache_dir: str | None = None,
    baseline: str | Path | None = None,
    write_baseline: str | Path | None = None,
) -> CheckRun:
    """What ``healthlint check PATHS`` does: each file checked with the configuration nearest
    to it (or ``flags.config`` for all), ``flags`` over every configuration, the findings cache
    when ``use_cache``, and a baseline (report only new findings, or record them). Notes the
    command prints on stderr (a configuration skipped below a trusted root, a cache refused)
    are printed there too."""
    from .app.check import CheckRequest, run_check
    from .app.settings import Flags

    return run_check(
        CheckRequest(
            paths=[str(p) for p in paths],
            flags=flags or Flags(),
            jobs=jobs,
            use_cache=use_cache,
            cache_dir=cache_dir,
            baseline=str(baseline) if baseline is not None else None,
            write_baseline=str(write_baseline) if write_baseline is not None else None,
        )
    )


def render(run: CheckRun, format: str = "text", *, root: str | Path | None = None) -> str:
    """The report of a :func:`check` run in one of the command's formats (text, json, sarif,
    github, junit); ``root`` is the folder SARIF and GitHub paths are relative to."""
    from .reporters import Report, get

    report = Report.of_run(run, root=Path(root).resolve() if root is not None else None)
    return get(format)(report)
