"""The engine: files → text → Article → rule checks → findings, one direction only."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import kinds
from .article_types import recognise_type
from .artifacts import code_stamp
from .budget import OverBudget, time_budget
from .config import Config, PathOverride
from .findings import fingerprint, format_message
from .kinds.base import ActiveRule, CheckContext, Hit, Kind, KindOptions
from .lazy_regex import lazy
from .models import FINDING_ORDER, Article, Category, Finding, Severity, to_data
from .packs import RuleSet, load_rules
from .parsers import EXTENSIONS, parse_article
from .reading import ReadError, SourceText, decode, read_bytes, read_source, text_problems
from .suppressions import apply_directives
from .validation import model

if TYPE_CHECKING:
    from .cache import FindingCache
    from .facts import ArticleFacts

UNREADABLE_RULE = "HL001"
Target = tuple[str, Path, "str | None"]  # shown name, path, why it cannot be read
# Besides these, every folder whose name starts with a dot (.git, .venv, .tox) is skipped.
_SKIPPED_DIRS = {"node_modules", "__pycache__", "venv"}


@model
class LintResult:
    """Findings for a set of files, sorted by path, line, column and rule."""

    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    files_unreadable: int = 0

    def at_or_above(self, level: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= level.rank]


class CheckedFile(NamedTuple):
    """One file's outcome: its findings, whether it could be read, and (when asked for) the
    facts the library views read of it."""

    findings: list[Finding]
    readable: bool
    facts: ArticleFacts | None


class Linter:
    """Checks articles against the rules of a configuration. Build once, use for many files."""

    def __init__(self, config: Config | None = None, *, today: dt.date | None = None) -> None:
        self.config = config or Config()
        self.ruleset: RuleSet = load_rules(self.config.packs, base=self.config.root)
        self.today = today or self.config.today or dt.date.today()
        self._rule_cache: dict[tuple[int, ...], list[ActiveRule]] = {}
        self._compiled: dict[str, tuple[Kind, KindOptions]] = {
            spec.id: (kinds.get(spec.kind), self.ruleset.options[spec.id])
            for spec in self.ruleset.rules.values()
        }

    @cached_property
    def unsuppressible(self) -> frozenset[str]:
        """Ids of the rules no comment in an article can hide: the configuration's list, else
        the mandatory safety caveats in CI, where a contribution's comment must not silence
        its own missing disclaimer or crisis line."""
        from .config import in_ci

        selectors = self.config.unsuppressible
        if selectors is None:
            selectors = ["caveats"] if in_ci() else []
        return frozenset(
            spec.id for spec in self.ruleset.rules.values() if spec.selected_by(selectors)
        )

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
        select = config.select
        for override in overrides:
            if override.select is not None:
                select = override.select
        # A rule that is off by default runs only when named by its id or name.
        named = [*(select or []), *config.extend_select]
        active = []
        for spec in self.ruleset.rules.values():
            if spec.enabled:
                chosen = (
                    select is None
                    or spec.selected_by(select)
                    or spec.selected_by(config.extend_select)
                )
            else:
                chosen = any(key.upper() == spec.id or key.lower() == spec.name for key in named)
            ignored = spec.selected_by(config.ignore) or any(
                spec.selected_by(o.ignore) for o in overrides
            )
            if not chosen or ignored:
                continue
            severity = spec.severity
            configured = False
            for table in (config.severity, *(o.severity for o in overrides)):
                for selector, level in table.items():
                    if spec.selected_by([selector]):
                        severity, configured = level, True
            kind, options = self._compiled[spec.id]
            active.append(ActiveRule(spec, kind, options, severity, configured))
        self._rule_cache[key] = active
        return active

    # checking --------------------------------------------------------------------------------
    def context_for(self, article: Article, *, path: str | None = None) -> CheckContext:
        """What the rules judge ``article`` with: its type settled, and the region and language
        its folder's configuration gives. Pass it to :meth:`check_article` and to anything else
        that reads the article as the rules do (the dashboard's grades), so the prose is split
        and counted once."""
        shown = path or article.path or "<text>"
        overrides = self._overrides_for(shown)
        self._resolve_type(article, overrides)
        region = next((o.region for o in reversed(overrides) if o.region), self.config.region)
        language = next(
            (o.language for o in reversed(overrides) if o.language), self.config.language
        )
        return CheckContext(
            article=article, today=self.today, path=shown, region=region, language_setting=language
        )

    def check_article(
        self, article: Article, *, path: str | None = None, context: CheckContext | None = None
    ) -> list[Finding]:
        shown = path or article.path or "<text>"
        overrides = self._overrides_for(shown)
        if context is None:
            context = self.context_for(article, path=shown)
        findings: list[Finding] = []
        active = self.active_rules(overrides)
        for rule in active:
            if rule.spec.types is not None and article.article_type not in rule.spec.types:
                continue
            for hit in rule.kind.check(context, rule.options, rule.spec):
                findings.append(self._finding(rule, hit, shown, article))
        if self.config.inline_directives:
            findings = apply_directives(findings, article, active, self, shown)
        findings.sort(key=FINDING_ORDER)
        return findings

    def _finding(self, rule: ActiveRule, hit: Hit, path: str, article: Article) -> Finding:
        severity = rule.severity
        if hit.severity is not None and not rule.severity_configured:
            # A kind may grade its own hit (a date past the error age, a grade from too small
            # a sample); a severity the user configured for the rule always wins.
            severity = hit.severity
        line = min(max(1, hit.line), max(1, article.line_count))
        message = format_message(rule.spec.message, hit.params)
        return Finding.build(
            path=path,
            line=line,
            column=max(1, hit.column),
            end_line=hit.end_line,
            end_column=hit.end_column,
            rule=rule.spec.id,
            name=rule.spec.name,
            category=rule.spec.category,
            severity=severity,
            message=message,
            suggestion=hit.suggestion,
            fingerprint=fingerprint(rule.spec.id, hit.snippet or message),
        )

    def resolve_type(self, article: Article, *, path: str) -> None:
        """Set the article's type as the checks see it: front matter, else the folder's
        configuration, else its headings."""
        self._resolve_type(article, self._overrides_for(path))

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
            article.article_type, article.type_source = recognised

    def unreadable(self, path: str, reason: str) -> Finding:
        spec = self.ruleset.rules.get(UNREADABLE_RULE)
        return Finding.build(
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
        article.problems[:0] = text_problems(text)
        return self.check_article(article, path=filename)

    def lint_bytes(self, data: bytes, *, filename: str) -> list[Finding]:
        try:
            source = decode(data)
        except ReadError as error:
            return [self.unreadable(filename, str(error))]
        return self._lint_source(source, filename)

    def _lint_source(self, source: SourceText, filename: str) -> list[Finding]:
        return self._checked(source, filename, keep_facts=False)[0]

    def _checked(
        self, source: SourceText, filename: str, *, keep_facts: bool
    ) -> tuple[list[Finding], ArticleFacts | None]:
        """The file's findings, and with ``keep_facts`` what the library views read of it,
        taken while its parsed article and split prose are at hand."""
        article = article_from(source, filename)
        context = self.context_for(article, path=filename)
        findings = self.check_article(article, path=filename, context=context)
        facts = None
        if keep_facts:
            from .facts import facts_of

            # The facts only spare a later report some work: a fault there costs that, and
            # never this file's findings.
            with contextlib.suppress(Exception):
                facts = facts_of(article, context)
        return findings, facts

    def lint_file(self, path: Path, *, shown: str | None = None) -> list[Finding]:
        findings, _ = self._lint_target((shown or str(path), path, None), None)
        return findings

    @cached_property
    def salt(self) -> str:
        """What, besides a file's bytes and path, decides its findings (the cache key's rest)."""
        import hashlib
        import json

        from .version import __version__

        settings = {
            key: to_data(getattr(self.config, key))
            for key in (
                "select",
                "ignore",
                "extend_select",
                "severity",
                "overrides",
                "max_file_size",
                "require_reason",
                "inline_directives",
                "region",
                "language",
                "root",
            )
        }
        # The rules comments may not hide, as this run resolved them (CI changes the default).
        settings["unsuppressible"] = sorted(self.unsuppressible)
        document = json.dumps(
            [__version__, code_stamp(), self.today.isoformat(), settings, self.ruleset.digest()],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(document.encode()).hexdigest()

    def _lint_target(
        self, target: Target, cache: FindingCache | None
    ) -> tuple[list[Finding], bool]:
        """Findings for one discovered file, and whether it could be read at all."""
        checked = self.check_target(target, cache)
        return checked.findings, checked.readable

    def check_target(
        self, target: Target, cache: FindingCache | None, *, with_facts: bool = False
    ) -> CheckedFile:
        """One discovered file checked, or answered by ``cache``; with ``with_facts``, also
        what the library views read of it (:mod:`healthlint.facts`). Whenever a cache is on,
        the facts are kept beside the findings, taken while the article is parsed anyway."""
        shown, path, problem = target
        if problem:
            return CheckedFile([self.unreadable(shown, problem)], False, None)
        try:
            data = read_bytes(path, max_size=self.config.max_file_size)
        except ReadError as error:
            return CheckedFile([self.unreadable(shown, str(error))], False, None)
        key = cache.key(shown, data) if cache is not None else ""
        facts: ArticleFacts | None = None
        if cache is not None:
            stored, beside = cache.get_with_extra(key, extra=with_facts)
            hit = _outcome_of(stored, shown)
            if hit is not None:
                findings, readable = hit
                if not (with_facts and readable):
                    return CheckedFile(findings, readable, None)
                facts = _facts_of_entry(beside)
                if facts is None:
                    facts = self._facts_again(data, shown)
                    if facts is not None:
                        cache.put(key, _entry(findings, readable), {"facts": facts.to_data()})
                return CheckedFile(findings, readable, facts)
        keep_facts = with_facts or cache is not None
        try:
            source = decode(data)
        except ReadError as error:
            findings, readable = [self.unreadable(shown, str(error))], False
        else:
            try:
                with time_budget(self.config.time_budget):
                    findings, facts = self._checked(source, shown, keep_facts=keep_facts)
                    readable = True
            except OverBudget:
                # How long a file takes depends on the machine: not kept in the cache.
                message = (
                    f"checking took longer than {self.config.time_budget:g} s "
                    "(time-budget) and was stopped"
                )
                return CheckedFile([self.unreadable(shown, message)], False, None)
            except Exception as error:
                # One article that breaks a rule or a parser must not cost the report on every
                # other file: it is reported as not checked, and the run goes on.
                message = f"could not be checked: internal error {type(error).__name__}"
                findings, readable = [self.unreadable(shown, message)], False
        if cache is not None:
            cache.put(
                key,
                _entry(findings, readable),
                {"facts": facts.to_data()} if facts is not None else None,
            )
        return CheckedFile(findings, readable, facts)

    def _facts_again(self, data: bytes, shown: str) -> ArticleFacts | None:
        """The facts of a file whose findings the cache held without them (kept by a run
        whose facts failed): the article parsed again, its rules not run."""
        from .facts import facts_of

        with contextlib.suppress(Exception), time_budget(self.config.time_budget):
            article = article_from(decode(data), shown)
            return facts_of(article, self.context_for(article, path=shown))
        return None

    def lint_paths(
        self,
        paths: Iterable[str | Path],
        *,
        jobs: int | None = 1,
        cache: FindingCache | None = None,
    ) -> LintResult:
        """Check every article under ``paths``.

        ``jobs`` processes share the work (None: one per core); results come back in the order
        of discovery, so the report is the same whatever the number of processes. Files are
        streamed: only findings are kept, never the articles.
        """
        return self.lint_targets(articles(paths, self.config), jobs=jobs, cache=cache)

    def lint_targets(
        self,
        targets: Iterable[Target],
        *,
        jobs: int | None = 1,
        cache: FindingCache | None = None,
    ) -> LintResult:
        """Check files already found by :func:`discover` (see :meth:`lint_paths`)."""
        result = LintResult()
        workers = _worker_count(jobs)
        outcomes: Iterable[tuple[list[Finding], bool]]
        if workers > 1:
            outcomes = _parallel(self, targets, workers, cache)
        else:
            outcomes = (self._lint_target(target, cache) for target in targets)
        for findings, readable in outcomes:
            if readable:
                result.files_checked += 1
            else:
                result.files_unreadable += 1
            result.findings.extend(findings)
        result.findings.sort(key=FINDING_ORDER)
        return result


# Parallel checking -------------------------------------------------------------------------
# Workers are forked from a process that already holds the Linter, so rules, packs and word
# tables are loaded once; each worker reads, parses and checks whole files and returns only
# their findings.
_WORKER: tuple[Linter, FindingCache | None] | None = None
_MIN_FILES_PER_WORKER = 16


def _worker_count(jobs: int | None) -> int:
    if jobs is None or jobs <= 0:
        return max(
            1,
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 1),
        )
    return jobs


def _entry(findings: list[Finding], readable: bool) -> dict[str, Any]:
    return {"readable": readable, "rows": [f.to_row() for f in findings]}


def _outcome_of(stored: dict[str, Any] | None, shown: str) -> tuple[list[Finding], bool] | None:
    """The findings an :func:`_entry` holds; an entry of the wrong shape is a miss, never a
    failed run."""
    if stored is not None:
        with contextlib.suppress(Exception):
            readable = stored["readable"]
            if isinstance(readable, bool):
                path = sys.intern(shown)
                return [Finding.from_row(path, row) for row in stored["rows"]], readable
    return None


def _facts_of_entry(beside: dict[str, Any] | None) -> ArticleFacts | None:
    from .facts import ArticleFacts

    return ArticleFacts.from_data(beside.get("facts")) if beside is not None else None


def _from_cache(
    linter: Linter, target: Target, cache: FindingCache
) -> tuple[list[Finding], bool] | None:
    """The file's findings when the cache holds them, without parsing it; None otherwise."""
    shown, path, problem = target
    if problem:
        return None
    try:
        data = read_bytes(path, max_size=linter.config.max_file_size)
    except ReadError:
        return None  # checked (and reported) by whoever checks the file
    return _outcome_of(cache.get(cache.key(shown, data)), shown)


def _check_in_worker(target: Target) -> tuple[str, list[list[Any]], bool]:
    assert _WORKER is not None
    linter, cache = _WORKER
    findings, readable = linter._lint_target(target, cache)
    return target[0], [f.to_row() for f in findings], readable


def _parallel(
    linter: Linter, targets: Iterable[Target], workers: int, cache: FindingCache | None
) -> Iterator[tuple[list[Finding], bool]]:
    if cache is not None:
        # Cache hits are answered here, where the entry is read anyway: workers are started
        # only for the files that need checking, and an unchanged library starts none.
        ordered = list(targets)
        answers: list[tuple[list[Finding], bool] | None] = [
            _from_cache(linter, target, cache) for target in ordered
        ]
        misses = [t for t, answer in zip(ordered, answers, strict=True) if answer is None]
        checked = _check_all(linter, misses, workers, cache)
        for answer in answers:
            yield answer if answer is not None else next(checked)
        return
    yield from _check_all(linter, targets, workers, cache)


def _check_all(
    linter: Linter, targets: Iterable[Target], workers: int, cache: FindingCache | None
) -> Iterator[tuple[list[Finding], bool]]:
    """Every target checked (and its entry written to ``cache``), in order, by ``workers``
    processes when there are enough files to pay for them."""
    from itertools import chain, islice

    global _WORKER
    iterator = iter(targets)
    head = list(islice(iterator, workers * _MIN_FILES_PER_WORKER))
    if len(head) < workers * _MIN_FILES_PER_WORKER or not _can_fork():
        # Too few files to pay for extra processes (the pre-commit case; multiprocessing is
        # not even imported), or no fork here.
        for target in chain(head, iterator):
            yield linter._lint_target(target, cache)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _WORKER = (linter, cache)
    context = multiprocessing.get_context("fork")
    from concurrent.futures.process import BrokenProcessPool

    from .errors import UserError

    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for shown, rows, readable in pool.map(
                _check_in_worker, chain(head, iterator), chunksize=8
            ):
                path = sys.intern(shown)
                yield [Finding.from_row(path, row) for row in rows], readable
        except BrokenProcessPool:
            raise UserError(
                "a worker process died while checking (killed, or out of memory); "
                "the run is incomplete. Run with --jobs 1 to find the file"
            ) from None
    _WORKER = None


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def article_from(source: SourceText, filename: str) -> Article:
    """The article in a decoded file, with what the reader noticed about its bytes."""
    article = parse_article(source.text, filename=filename)
    article.problems[:0] = source.problems
    return article


def _relative(path: str, root: Path | None) -> str:
    candidate = Path(path)
    base = root or Path.cwd()
    try:
        return candidate.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()


# Files every repository has beside its articles: linting them as articles gives nothing but
# noise (a LICENSE "has no disclaimer"). Matched on the file name, whatever the folder.
_PROJECT_FILE = lazy(
    r"(?:readme|changelog|changes|history|news|release[-_ ]?notes|license|licence|copying|"
    r"notice|authors|contributors|contributing|code[-_ ]of[-_ ]conduct|security|support|"
    r"maintainers|codeowners|governance|funding|todo)(?:\.[\w.-]+)?|"
    r"(?:requirements|constraints)[\w.-]*\.(?:txt|in)|robots\.txt|humans\.txt",
    re.I,
)


def is_article(shown: str, include: Sequence[str] | None, root: Path | None) -> bool:
    """Whether a file is one of the articles: it matches ``include`` when that is set, else
    it is not one of the repository's own files (README, LICENSE, requirements.txt, ...)."""
    if include is not None:
        from .config import path_matches

        return path_matches(_relative(shown, root), include)
    return _PROJECT_FILE.fullmatch(os.path.basename(shown)) is None


def articles(paths: Iterable[str | Path], config: Config) -> Iterator[Target]:
    """The articles under ``paths`` (see :func:`discover`), without the files the
    configuration excludes or does not include."""
    for target in discover(paths, exclude=config.exclude, root=config.root):
        if is_article(target[0], config.include, config.root):
            yield target


def read_articles(
    paths: Iterable[str | Path], config: Config
) -> Iterator[tuple[str, SourceText | None, str | None]]:
    """``(shown name, text, None)`` for each article under ``paths``, or ``(shown name, None,
    why it cannot be read)``."""
    for shown, path, problem in articles(paths, config):
        if problem is not None:
            yield shown, None, problem
            continue
        try:
            yield shown, read_source(path, max_size=config.max_file_size), None
        except ReadError as error:
            yield shown, None, str(error)


def is_excluded(shown: str, exclude: Sequence[str], root: Path | None) -> bool:
    if not exclude:
        return False
    from fnmatch import fnmatchcase

    from .config import path_matches

    relative = _relative(shown, root)
    if path_matches(relative, exclude):
        return True
    # An exclusion also names a file or folder at any depth: "drafts" skips "a/drafts/x.md".
    parts = Path(relative).parts
    return any(fnmatchcase(part, pattern) for pattern in exclude for part in parts)


def git_ignored(folder: Path) -> frozenset[str]:
    """The untracked files and folders (``name/``) under ``folder`` that git ignores, relative
    to it; empty outside a repository or without git."""
    import subprocess

    try:
        done = subprocess.run(
            # No file-system monitor: nothing configured in the repository runs.
            [
                "git",
                "-c",
                "core.fsmonitor=false",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--others",
                "--ignored",
                "--exclude-standard",
                "--directory",
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if done.returncode != 0:
        return frozenset()
    return frozenset(os.fsdecode(name) for name in done.stdout.split(b"\0") if name)


def discover(
    paths: Iterable[str | Path],
    *,
    exclude: Sequence[str] = (),
    root: Path | None = None,
    respect_gitignore: bool = True,
) -> Iterator[tuple[str, Path, str | None]]:
    """``(shown name, path, problem)`` for every article file under ``paths``, sorted per folder.

    Folders are walked for the article extensions without following links (so link loops
    cannot trap the walk); files named explicitly are read whatever their extension, so a
    wrong file passed by name gets a clear message instead of silence. Exclusions apply to
    both, like ruff's ``--force-exclude``, because pre-commit passes files by name. In a git
    repository a walk leaves out the untracked files git ignores (build output, drafts in
    ``.gitignore``); a tracked file is always checked, whatever a ``.gitignore`` added in a
    contribution says.
    """
    seen: set[str] = set()

    def first_time(name: str) -> bool:
        # "lib/x.md" and "./lib/x.md" are one file; links keep their own name.
        key = os.path.normpath(name)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = Path(raw)
        shown = str(raw)
        if is_excluded(shown, exclude, root):
            continue
        if path.is_dir():
            ignored = git_ignored(path) if respect_gitignore else frozenset()
            for folder, dirnames, filenames in os.walk(path, followlinks=False):
                inside = os.path.relpath(folder, path).replace(os.sep, "/")
                prefix = "" if inside == "." else inside + "/"
                dirnames[:] = sorted(
                    d
                    for d in dirnames
                    if d not in _SKIPPED_DIRS
                    and not d.startswith(".")
                    and f"{prefix}{d}/" not in ignored
                )
                # Names as pathlib writes them ("./a" is "a"), built once a folder.
                base = str(Path(folder))
                base = "" if base == "." else base if base.endswith(os.sep) else base + os.sep
                for filename in sorted(filenames):
                    if os.path.splitext(filename)[1].lower() not in EXTENSIONS:
                        continue
                    if ignored and prefix + filename in ignored:
                        continue
                    name = base + filename
                    if is_excluded(name, exclude, root) or not first_time(name):
                        continue
                    if os.path.islink(name) and not os.path.exists(name):
                        yield name, Path(name), "broken or looping symbolic link"
                    else:
                        yield name, Path(name), None
        elif not first_time(shown):
            continue
        elif path.is_file():
            yield shown, path, None
        elif path.is_symlink() and not path.exists():
            yield shown, path, "broken or looping symbolic link"
        elif path.exists():
            yield shown, path, "not a regular file (a pipe, device or socket)"
        else:
            yield shown, path, "no such file or folder"
