"""Baselines: adopt healthlint on a library that already has findings, and fail only on new ones.

``healthlint check --write-baseline healthlint-baseline.json`` records today's findings;
``healthlint check --baseline healthlint-baseline.json`` then reports (and fails on) only the
findings the baseline does not hold. The file is JSON meant to be committed and reviewed::

    {
      "version": 1,
      "entries": [
        {"path": "conditions/shingles.md", "rule": "HL302", "fingerprint": "3f9a0c1d2e4b5a69",
         "count": 1, "severity": "warning", "name": "review-date-stale", "message": "..."}
      ]
    }

An entry is keyed by path (relative to the baseline file, forward slashes), rule and the
finding's fingerprint (a hash of the rule and the offending text), never by line number, so
editing the article above a baselined finding leaves it baselined. ``count`` tracks identical
findings in one file: with two recorded, a third is new. ``severity`` is the one recorded: the
same finding at a higher severity (a stale date now past the error age) is new. ``name`` and
``message`` are for the people reading the file and are not compared.

Entries whose finding is gone (fixed, or the file deleted) are reported so the baseline can
shrink; rewriting it with ``--write-baseline`` drops them. When only some files are checked
(pre-commit passes the staged ones), entries of the other files are neither reported as gone
nor dropped on rewrite.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from .errors import UserError
from .findings import fingerprint as make_fingerprint
from .models import Finding, to_data
from .validation import model, validate

if TYPE_CHECKING:
    from pydantic import Field

BASELINE_VERSION: Literal[1] = 1

Key = tuple[str, str, str]


class BaselineError(UserError):
    """A baseline file that cannot be read or written; the message names the file."""


# Unknown keys are ignored so a baseline written by a later healthlint still loads.
_LENIENT: dict[str, Any] = {"extra": "ignore"}


@model
class BaselineEntry:
    """One recorded finding: its file, rule and fingerprint, and how many times it occurs."""

    __pydantic_config__ = _LENIENT

    path: str
    rule: str
    fingerprint: str
    count: Annotated[int, Field(ge=1)] = 1
    # The severity recorded: the same finding at a higher severity (a stale date now past the
    # error age) is new. Empty in baselines written before severities were kept: any matches.
    severity: str = ""
    name: str = ""
    message: str = ""

    @property
    def key(self) -> Key:
        return (self.path, self.rule, self.fingerprint)


@model
class BaselineFile:
    """A baseline file: the findings a library had when it adopted healthlint."""

    __pydantic_config__ = _LENIENT

    version: Literal[1]
    tool: str = ""
    entries: list[BaselineEntry] = field(default_factory=list)


@dataclass
class BaselineOutcome:
    """What applying a baseline did: findings it hid, and entries no longer found."""

    file: Path
    matched: int = 0
    gone: list[BaselineEntry] = field(default_factory=list)


def entry_path(path: str, base: Path) -> str:
    """``path`` as a baseline records it: relative to ``base`` with forward slashes.

    Relative to the baseline file rather than the working directory, so the same baseline works
    whether healthlint runs from the repository root or from a subfolder.
    """
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(base))
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    return Path(relative).as_posix()


def finding_key(finding: Finding, base: Path) -> Key:
    fingerprint = finding.fingerprint
    if fingerprint is None:
        fingerprint = make_fingerprint(finding.rule, finding.message)
    return (entry_path(finding.path, base), finding.rule, fingerprint)


def load(file: Path) -> BaselineFile:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BaselineError(
            f"{file}: no such baseline file; create it with --write-baseline {file}"
        ) from error
    except OSError as error:
        raise BaselineError(f"{file}: cannot read baseline: {error.strerror}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{file}: not a JSON baseline file: {error}") from error
    if isinstance(data, dict) and data.get("version") not in (None, BASELINE_VERSION):
        raise BaselineError(
            f"{file}: baseline version {data.get('version')!r} is not supported (this "
            f"healthlint reads version {BASELINE_VERSION}); rewrite it with --write-baseline"
        )
    from pydantic import ValidationError

    try:
        return validate(BaselineFile, data)
    except ValidationError as error:
        problems = "\n".join(
            f"  {'.'.join(str(p) for p in problem['loc']) or '(top level)'}: {problem['msg']}"
            for problem in error.errors()
        )
        raise BaselineError(f"{file}: invalid baseline\n{problems}") from error


def _base(file: Path) -> Path:
    return Path(os.path.abspath(file)).parent


def apply(
    baseline: BaselineFile,
    findings: Sequence[Finding],
    *,
    file: Path,
    checked: Iterable[str] | None = None,
) -> tuple[list[Finding], BaselineOutcome]:
    """The findings not in ``baseline``, and what the baseline matched or no longer finds.

    ``checked`` lists the files this run looked at; entries of other files are not reported as
    gone (unless the file no longer exists), since they were not looked for.
    """
    base = _base(file)
    remaining: Counter[Key] = Counter()
    first: dict[Key, BaselineEntry] = {}
    for entry in baseline.entries:
        remaining[entry.key] += entry.count
        first.setdefault(entry.key, entry)

    new: list[Finding] = []
    outcome = BaselineOutcome(file=file)
    for finding in findings:
        key = finding_key(finding, base)
        recorded = first.get(key)
        if recorded is not None and _worse(finding.severity.value, recorded.severity):
            new.append(finding)
        elif remaining[key] > 0:
            remaining[key] -= 1
            outcome.matched += 1
        else:
            new.append(finding)

    looked_at = None if checked is None else {entry_path(p, base) for p in checked}
    for key, entry in first.items():
        left = remaining[key]
        if left <= 0:
            continue
        path = key[0]
        if looked_at is None or path in looked_at or not (base / path).exists():
            outcome.gone.append(dataclasses.replace(entry, count=left))
    return new, outcome


_RANK = {"info": 0, "warning": 1, "error": 2}


def _worse(severity: str, recorded: str) -> bool:
    return bool(recorded) and _RANK.get(severity, 2) > _RANK.get(recorded, 2)


def build(
    findings: Sequence[Finding],
    *,
    file: Path,
    checked: Iterable[str] | None = None,
    previous: BaselineFile | None = None,
) -> BaselineFile:
    """A baseline of ``findings``, keeping ``previous`` entries of files not checked now."""
    from .version import __version__

    base = _base(file)
    counts: Counter[Key] = Counter()
    examples: dict[Key, Finding] = {}
    by_key: dict[Key, list[Finding]] = {}
    for finding in findings:
        key = finding_key(finding, base)
        counts[key] += 1
        examples.setdefault(key, finding)
        by_key.setdefault(key, []).append(finding)
    entries = [
        BaselineEntry(
            path=key[0],
            rule=key[1],
            fingerprint=key[2],
            count=count,
            severity=max((f.severity.value for f in by_key[key]), key=_RANK.__getitem__),
            name=examples[key].name,
            message=examples[key].message,
        )
        for key, count in counts.items()
    ]
    if previous is not None and checked is not None:
        looked_at = {entry_path(p, base) for p in checked}
        entries += [
            entry
            for entry in previous.entries
            if entry.path not in looked_at and (base / entry.path).exists()
        ]
    entries.sort(key=lambda e: (e.path, e.rule, e.fingerprint))
    return BaselineFile(version=BASELINE_VERSION, tool=f"healthlint {__version__}", entries=entries)


def write(baseline: BaselineFile, file: Path) -> None:
    text = json.dumps(to_data(baseline), indent=2, ensure_ascii=False) + "\n"
    from .artifacts import write_atomically

    try:
        # An interrupted run never leaves half a baseline behind. The file is shared in the
        # repository, so it gets the usual permissions, not a cache entry's.
        write_atomically(str(file), text.encode("utf-8"), mode=0o666)
    except OSError as error:
        raise BaselineError(f"{file}: cannot write baseline: {error.strerror}") from error
