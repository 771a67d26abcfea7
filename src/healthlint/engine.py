"""The engine: files → text → Article → rule checks → findings, one direction only."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from . import kinds
from .article_types import recognise_type
from .config import Config, PathOverride
from .kinds.base import CheckContext, Hit, Kind, KindOptions
from .models import Article, Category, Finding, Severity
from .packs import RuleSet, RuleSpec, load_rules
from .parsers import EXTENSIONS, parse_article
from .reading import ReadError, decode, read_source
from .suppressions import apply_directives

UNREADABLE_RULE = "HL001"
_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


class LintResult(BaseModel):
    """Findings for a set of files, sorted by path, line, column and rule."""

    findings: list[Finding] = Field(default_factory=list)
    files_checked: int = 0
    files_unreadable: int = 0

    def at_or_above(self, level: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= level.rank]


@dataclass(frozen=True)
class ActiveRule:
    spec: RuleSpec
    kind: Kind
    options: KindOptions
    severity: Severity


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, params: dict[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _Params(params))


def _matches(spec: RuleSpec, selectors: Iterable[str]) -> bool:
    for selector in selectors:
        key = selector.strip()
        if not key:
            continue
        if key.upper() == "ALL":
            return True
        upper = key.upper()
        if spec.id == upper or (upper[:2] == spec.id[:2] and spec.id.startswith(upper)):
            return True
        if key.lower() in (spec.name, spec.category.value):
            return True
    return False


class Linter:
    """Checks articles against the rules of a configuration. Build once, use for many files."""

    def __init__(self, config: Config | None = None, *, today: dt.date | None = None) -> None:
        self.config = config or Config()
        self.ruleset: RuleSet = load_rules(self.config.packs, base=self.config.root)
        self.today = today or self.config.today or dt.date.today()
        self._rule_cache: dict[tuple[int, ...], list[ActiveRule]] = {}
        self._compiled: dict[str, tuple[Kind, KindOptions]] = {}
        for spec in self.ruleset.rules.values():
            kind = kinds.get(spec.kind)
            self._compiled[spec.id] = (kind, kind.options.model_validate(spec.options))

    # rule selection --------------------------------------------------------------------------
    def _overrides_for(self, path: str) -> list[PathOverride]:
        if not self.config.overrides:
            return []
        relative = _relative(path, self.config.root)
        return [o for o in self.config.overrides if o.matches(relative)]

    def active_rules(self, overrides: Sequence[PathOverride] = ()) -> list[ActiveRule]:
        key = tuple(id(o) for o in overrides)
        cached = self._rule_cache.get(key)
        if cached is not None:
            return cached
        config = self.config
        active = []
        for spec in self.ruleset.rules.values():
            select = config.select
            for override in overrides:
                if override.select is not None:
                    select = override.select
            chosen = select is None or _matches(spec, select) or _matches(
                spec, config.extend_select
            )
            ignored = _matches(spec, config.ignore) or any(
                _matches(spec, o.ignore) for o in overrides
            )
            if not chosen or ignored:
                continue
            severity = spec.severity
            for table in (config.severity, *(o.severity for o in overrides)):
                for selector, level in table.items():
                    if _matches(spec, [selector]):
                        severity = level
            kind, options = self._compiled[spec.id]
            active.append(ActiveRule(spec, kind, options, severity))
        self._rule_cache[key] = active
        return active

    # checking --------------------------------------------------------------------------------
    def check_article(self, article: Article, *, path: str | None = None) -> list[Finding]:
        shown = path or article.path or "<text>"
        overrides = self._overrides_for(shown)
        self._resolve_type(article, overrides)
        context = CheckContext(article=article, today=self.today, path=shown)
        findings: list[Finding] = []
        rules = self.active_rules(overrides)
        severity_overridden = self._severity_overridden(overrides)
        for rule in rules:
            if rule.spec.types is not None and article.article_type not in rule.spec.types:
                continue
            for hit in rule.kind.check(context, rule.options, rule.spec):
                findings.append(
                    self._finding(rule, hit, shown, article, rule.spec.id in severity_overridden)
                )
        findings = apply_directives(findings, article, self, shown)
        findings.sort(key=Finding.sort_key)
        return findings

    def _severity_overridden(self, overrides: Sequence[PathOverride]) -> set[str]:
        tables = [self.config.severity, *(o.severity for o in overrides)]
        return {
            spec.id
            for spec in self.ruleset.rules.values()
            for table in tables
            if any(_matches(spec, [selector]) for selector in table)
        }

    def _finding(
        self, rule: ActiveRule, hit: Hit, path: str, article: Article, fixed_severity: bool
    ) -> Finding:
        severity = rule.severity
        if hit.severity is not None and not fixed_severity and hit.severity.rank > severity.rank:
            severity = hit.severity
        line = min(max(1, hit.line), max(1, article.line_count))
        return Finding(
            path=path,
            line=line,
            column=max(1, hit.column),
            end_line=hit.end_line,
            end_column=hit.end_column,
            rule=rule.spec.id,
            name=rule.spec.name,
            category=rule.spec.category,
            severity=severity,
            message=format_message(rule.spec.message, hit.params),
            suggestion=hit.suggestion,
            fingerprint=fingerprint(rule.spec.id, hit.snippet or format_message(
                rule.spec.message, hit.params)),
        )

    def _resolve_type(self, article: Article, overrides: Sequence[PathOverride]) -> None:
        if article.article_type:
            return
        for override in overrides:
            if override.type:
                article.article_type = override.type
                article.type_source = "configuration"
        if article.article_type:
            return
        recognised = recognise_type(article, self.ruleset.article_types)
        if recognised:
            article.article_type = recognised
            article.type_source = "headings"

    def unreadable(self, path: str, reason: str) -> Finding:
        spec = self.ruleset.rules.get(UNREADABLE_RULE)
        return Finding(
            path=path,
            line=1,
            column=1,
            rule=UNREADABLE_RULE,
            name=spec.name if spec else "unreadable-file",
            category=Category.INPUT,
            severity=spec.severity if spec else Severity.ERROR,
            message=format_message(spec.message, {"reason": reason}) if spec else reason,
            fingerprint=fingerprint(UNREADABLE_RULE, reason),
        )

    def lint_text(self, text: str, *, filename: str | None = None) -> list[Finding]:
        article = parse_article(text, filename=filename)
        return self.check_article(article, path=filename)

    def lint_bytes(self, data: bytes, *, filename: str) -> list[Finding]:
        try:
            source = decode(data)
        except ReadError as error:
            return [self.unreadable(filename, str(error))]
        article = parse_article(source.text, filename=filename)
        article.problems[:0] = source.problems
        return self.check_article(article, path=filename)

    def lint_file(self, path: Path, *, shown: str | None = None) -> list[Finding]:
        name = shown or str(path)
        try:
            source = read_source(path, max_size=self.config.max_file_size)
        except ReadError as error:
            return [self.unreadable(name, str(error))]
        article = parse_article(source.text, filename=name)
        article.problems[:0] = source.problems
        return self.check_article(article, path=name)

    def lint_paths(self, paths: Iterable[str | Path]) -> LintResult:
        result = LintResult()
        for shown, path, problem in discover(paths, exclude=self.config.exclude,
                                             root=self.config.root):
            if problem:
                result.findings.append(self.unreadable(shown, problem))
                result.files_unreadable += 1
                continue
            findings = self.lint_file(path, shown=shown)
            result.files_checked += 1
            if any(f.rule == UNREADABLE_RULE for f in findings):
                result.files_unreadable += 1
            result.findings.extend(findings)
        result.findings.sort(key=Finding.sort_key)
        return result


def fingerprint(rule: str, text: str) -> str:
    normal = " ".join(text.lower().split())
    return hashlib.sha1(f"{rule}\0{normal}".encode()).hexdigest()[:16]


def _relative(path: str, root: Path | None) -> str:
    candidate = Path(path)
    base = root or Path.cwd()
    try:
        return candidate.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()


def _excluded(shown: str, exclude: Sequence[str], root: Path | None) -> bool:
    if not exclude:
        return False
    relative = _relative(shown, root)
    from fnmatch import fnmatchcase

    parts = Path(relative).parts
    return any(
        fnmatchcase(relative, pattern) or any(fnmatchcase(part, pattern) for part in parts)
        for pattern in exclude
    )


def discover(
    paths: Iterable[str | Path], *, exclude: Sequence[str] = (), root: Path | None = None
) -> Iterator[tuple[str, Path, str | None]]:
    """``(shown name, path, problem)`` for every article file under ``paths``, sorted per folder.

    Folders are walked for the article extensions without following links (so link loops
    cannot trap the walk); files named explicitly are read whatever their extension, so a
    wrong file passed by name gets a clear message instead of silence. Exclusions apply to
    both, like ruff's ``--force-exclude``, because pre-commit passes files by name.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        shown = str(raw)
        if _excluded(shown, exclude, root):
            continue
        if path.is_dir():
            for folder, dirnames, filenames in os.walk(path, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if d not in _SKIPPED_DIRS
                                     and not d.startswith("."))
                for filename in sorted(filenames):
                    if Path(filename).suffix.lower() not in EXTENSIONS:
                        continue
                    full = Path(folder) / filename
                    name = str(full)
                    if name in seen or _excluded(name, exclude, root):
                        continue
                    seen.add(name)
                    yield name, full, None
        elif path.is_file():
            if shown not in seen:
                seen.add(shown)
                yield shown, path, None
        elif path.is_symlink():
            yield shown, path, "broken or looping symbolic link"
        else:
            yield shown, path, "no such file or folder"
