"""Output formats. Each reporter turns a :class:`Report` into the text written out.

A reporter is a module here with ``render(report: Report) -> str``, listed in ``_REPORTERS``.
This module imports nothing heavy at run time: the command line builds its ``--format``
choices from :func:`names` before it knows whether it will lint anything.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..app.check import CheckRun
    from ..baseline import BaselineOutcome
    from ..engine import LintResult
    from ..models import Finding, Severity
    from ..packs import RuleSet

# Each is a module of this package with a ``render(report) -> str`` function.
_REPORTERS = ("text", "json", "sarif", "github", "junit")


@dataclass
class Report:
    """What a reporter may show: the findings and the context needed to explain them."""

    result: LintResult
    fail_level: Severity
    ruleset: RuleSet | None = None
    # Per file, when files use different configurations with different fail levels.
    fail_levels: dict[str, Severity] = field(default_factory=dict)
    # Every file checked, including those without findings (JUnit lists them as passed).
    files: list[str] | None = None
    # Paths are reported relative to this folder when they are below it (default: the cwd).
    root: Path | None = None
    baseline: BaselineOutcome | None = None
    # Address of a rule's documentation page, {id} and {name} filled in, for rules without one.
    docs_url: str | None = None

    @classmethod
    def of_run(cls, run: CheckRun, *, root: Path | None = None) -> Report:
        """The report of a check run (:func:`healthlint.app.check.run_check`)."""
        return cls(
            result=run.result,
            fail_level=run.fail_level,
            ruleset=run.ruleset,
            fail_levels=run.fail_levels,
            files=run.files,
            baseline=run.baseline,
            root=root,
            docs_url=run.docs_url,
        )

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` reaches the fail level of its file."""
        level = self.fail_levels.get(finding.path, self.fail_level)
        return finding.severity.rank >= level.rank

    def checked_files(self) -> list[str]:
        """Files checked, in report order; without a list, the files that have findings."""
        if self.files is not None:
            return self.files
        return sorted({f.path for f in self.result.findings})


Reporter = Callable[[Report], str]
Streamer = Callable[[Report], Iterable[str]]

# Stands for the one long list of a JSON document that is written an item at a time.
ITEMS = "\0items\0"


def streamed_json(document: Any, items: Iterable[Any], depth: int) -> Iterator[str]:
    """``json.dumps(document, indent=2, ensure_ascii=False) + "\n"``, where the value
    :data:`ITEMS` in ``document`` is the list ``items``, nested ``depth`` levels deep, written
    an item at a time: the same bytes, without the whole document in memory."""
    import json

    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    head, tail = text.split(json.dumps(ITEMS), 1)
    yield head + "["
    pad = "\n" + "  " * (depth + 1)
    first = True
    for item in items:
        dumped = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", pad)
        yield (pad if first else "," + pad) + dumped
        first = False
    yield ("]" if first else "\n" + "  " * depth + "]") + tail


def names() -> list[str]:
    return list(_REPORTERS)


def get(name: str) -> Reporter:
    if name not in _REPORTERS:
        raise KeyError(name)
    module = importlib.import_module(f"{__name__}.{name}")
    reporter: Reporter = module.render
    return reporter


def stream(name: str) -> Streamer:
    """The format's report in chunks, written as they come (``chunks`` where a format has it,
    else its whole ``render``)."""
    if name not in _REPORTERS:
        raise KeyError(name)
    module = importlib.import_module(f"{__name__}.{name}")
    streamer: Streamer = getattr(module, "chunks", None) or (lambda report: [module.render(report)])
    return streamer


def relative_uri(path: str, root: Path | None = None) -> tuple[str, bool]:
    """``(path with forward slashes, True)`` relative to ``root``, or ``(absolute, False)``.

    CI systems match annotations to files by their path from the repository root, which is
    the working directory a CI job runs in.
    """
    import os

    base = os.path.abspath(root or Path.cwd())
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix(), False
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix(), False
    return Path(relative).as_posix(), True


def _visible_table() -> dict[int, str]:
    table = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}
    table.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
    # A file name that is not UTF-8 arrives with its bytes as lone surrogates
    # (surrogateescape): each is shown as the byte it stands for.
    table.update({code: f"\\x{code - 0xDC00:02x}" for code in range(0xDC80, 0xDD00)})
    # Bidirectional overrides reorder what a reader of the log sees.
    table.update(
        {code: f"\\u{code:04x}" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
    )
    return table


VISIBLE = _visible_table()


def visible(text: str) -> str:
    """``text`` with control characters, line breaks, bidirectional overrides and undecodable
    bytes written as escapes, so a file name or an article's text can never start a line of
    its own, move the terminal's cursor or forge another finding."""
    return text.translate(VISIBLE) if not text.isprintable() else text
