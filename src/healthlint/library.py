"""A whole library in one pass: each article parsed and checked once, with its review dates,
owner, reading grades and findings, as JSON-ready data for the dashboard and other tools."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .config import Config
from .due import DEFAULT_CYCLE_DAYS, DueEntry, entry_for, entry_from
from .engine import Linter, Target, _can_fork, _worker_count, articles
from .facts import ArticleFacts
from .models import Finding, Severity
from .reading import ReadError, decode, read_bytes

if TYPE_CHECKING:
    from .cache import FindingCache

TARGET_GRADE = 8.0
EXCERPT_CHARS = 160


@dataclass
class FindingView:
    """A finding as the dashboard shows it: with a short excerpt of its line."""

    line: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    excerpt: str

    @classmethod
    def of(cls, finding: Finding, excerpt: str) -> FindingView:
        return cls(finding.line, finding.rule, finding.name, finding.category,
                   finding.severity.value, finding.message, excerpt)  # fmt: skip


@dataclass
class ArticleRecord:
    """One article of the library."""

    path: str
    title: str | None
    type: str | None
    owner: str | None
    last_review: str | None
    next_due: str | None
    due_source: str | None
    days_left: int | None
    overdue: bool
    grade: float | None
    section_grades: list[dict[str, Any]] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class Library:
    """Every article, and the totals the dashboard's summary shows."""

    today: str
    target_grade: float
    articles: list[ArticleRecord]
    summary: dict[str, int]
    findings_by_rule: list[dict[str, Any]]
    findings_by_category: dict[str, int]
    caveat_gaps: list[dict[str, Any]]
    due_by_month: list[dict[str, Any]]

    def to_data(self) -> dict[str, Any]:
        return asdict(self)


def _excerpt(lines: list[str], line: int) -> str:
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _record(
    path: str,
    facts: ArticleFacts | None,
    findings: list[Finding],
    lines: list[str],
    today: dt.date,
    cycle_days: int,
) -> ArticleRecord:
    counts = Counter(f.severity for f in findings)
    if facts is None:  # not read as an article: only its findings are known
        facts = ArticleFacts(None, None, None, None, None, None, ())
    entry = entry_from(
        path, facts.title, facts.owner, facts.last_review, facts.page_due, today, cycle_days
    )
    return ArticleRecord(
        path=path,
        title=entry.title,
        type=facts.type,
        owner=entry.owner,
        last_review=entry.last_review.isoformat() if entry.last_review else None,
        next_due=entry.next_due.isoformat() if entry.next_due else None,
        due_source=entry.due_source,
        days_left=entry.days_left,
        overdue=entry.overdue,
        grade=facts.grade,
        section_grades=[
            {"section": s.section, "line": s.line, "grade": s.grade} for s in facts.sections
        ],
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        findings=[FindingView.of(f, _excerpt(lines, f.line)) for f in findings],
    )


def _findings_cache(
    paths: list[str], config: Config, linter: Linter, cache_dir: str | None
) -> FindingCache | None:
    """The findings cache ``healthlint check`` fills, whose entries also keep each article's
    facts. As for a check, no cache inside a checked repository is used: the contribution
    could have planted it."""
    from .cache import FindingCache, checked_trees, findings_location, tree_holding

    folder = findings_location(cache_dir, config.cache_dir)
    if tree_holding(folder, checked_trees(paths)) is not None:
        return None
    return FindingCache(folder, linter.salt)


@dataclass
class _Run:
    """What each article's record is built with, in this process or a forked worker."""

    linter: Linter
    cache: FindingCache | None
    today: dt.date
    cycle_days: int

    def record(self, target: Target) -> ArticleRecord:
        shown, path, _ = target
        # The findings and the article's facts, from the entry ``healthlint check`` left when
        # it checked the file as it is now, else by checking it here (and keeping both).
        checked = self.linter.check_target(target, self.cache, with_facts=True)
        lines: list[str] = []
        if checked.readable and checked.findings:
            with contextlib.suppress(ReadError):
                data = read_bytes(path, max_size=self.linter.config.max_file_size)
                lines = decode(data).text.splitlines()
        return _record(shown, checked.facts, checked.findings, lines, self.today, self.cycle_days)


# Forked workers share the parsing when enough articles need it to pay for starting them.
_WORKER_RUN: _Run | None = None
_MIN_ARTICLES_PER_WORKER = 32


def _record_in_worker(target: Target) -> ArticleRecord:
    assert _WORKER_RUN is not None
    return _WORKER_RUN.record(target)


def _records(run: _Run, targets: list[Target], jobs: int | None) -> list[ArticleRecord]:
    global _WORKER_RUN
    workers = _worker_count(jobs)
    if workers > 1 and len(targets) >= workers * _MIN_ARTICLES_PER_WORKER and _can_fork():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _WORKER_RUN = run
        context = multiprocessing.get_context("fork")
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                return list(pool.map(_record_in_worker, targets, chunksize=16))
        finally:
            _WORKER_RUN = None
    return [run.record(target) for target in targets]


def build_library(
    paths: Iterable[str],
    config: Config | None = None,
    *,
    today: dt.date | None = None,
    cycle_days: int = DEFAULT_CYCLE_DAYS,
    use_cache: bool = True,
    cache_dir: str | None = None,
    jobs: int | None = None,
) -> Library:
    """Every article under ``paths`` with its dates, grades and findings.

    Findings and each article's facts (dates, owner, grades) come from the cache
    ``healthlint check`` fills when it holds the file as it is now, so a report after a check
    parses nothing; articles the cache does not answer are checked here and kept in it.
    ``jobs`` processes share the work (None: one per core); the report is the same whatever
    their number.
    """
    if not use_cache:
        from .artifacts import disable

        disable()  # as for a check: no cache of any kind is read or written
    config = config or Config()
    today = today or dt.date.today()
    linter = Linter(config, today=today)
    paths = [str(p) for p in paths]
    cache = _findings_cache(paths, config, linter, cache_dir) if use_cache else None
    run = _Run(linter, cache, today, cycle_days)
    return summarise(_records(run, list(articles(paths, config)), jobs), today)


def summarise(records: list[ArticleRecord], today: dt.date) -> Library:
    by_rule: Counter[tuple[str, str, str]] = Counter()
    by_category: Counter[str] = Counter()
    for record in records:
        for f in record.findings:
            by_rule[(f.rule, f.name, f.category)] += 1
            by_category[f.category] += 1
    months: Counter[str] = Counter()
    overdue_months: Counter[str] = Counter()
    for record in records:
        if record.next_due:
            month = record.next_due[:7]
            months[month] += 1
            if record.overdue:
                overdue_months[month] += 1
    summary = {
        "articles": len(records),
        "with_findings": sum(bool(r.findings) for r in records),
        "errors": sum(r.errors for r in records),
        "warnings": sum(r.warnings for r in records),
        "overdue": sum(r.overdue for r in records),
        "due_within_90_days": sum(
            r.days_left is not None and 0 <= r.days_left <= 90 for r in records
        ),
        "no_review_date": sum(r.next_due is None for r in records),
    }
    return Library(
        today=today.isoformat(),
        target_grade=TARGET_GRADE,
        articles=records,
        summary=summary,
        findings_by_rule=[
            {"rule": r, "name": n, "category": c, "count": k}
            for (r, n, c), k in sorted(by_rule.items(), key=lambda i: -i[1])
        ],
        findings_by_category=dict(sorted(by_category.items())),
        caveat_gaps=[
            {"rule": r, "name": n, "count": k}
            for (r, n, c), k in sorted(by_rule.items())
            if c == "caveats"
        ],
        due_by_month=[
            {"month": m, "count": months[m], "overdue": overdue_months[m]} for m in sorted(months)
        ],
    )


def review_entries(
    paths: Iterable[str],
    config: Config,
    *,
    today: dt.date,
    cycle_days: int = DEFAULT_CYCLE_DAYS,
    use_cache: bool = True,
    cache_dir: str | None = None,
    warn: Callable[[str], None],
) -> tuple[list[DueEntry], list[str]]:
    """The review queue's entry of every article under ``paths``, and the files that could
    not be read (each told to ``warn``; the others are still read). An article the findings
    cache holds as it is now is answered from the facts ``check`` kept; any other is parsed,
    its rules not run (the queue needs its dates and credits only)."""
    from .facts import ArticleFacts
    from .parsers import parse_article

    if not use_cache:
        from .artifacts import disable

        disable()
    linter = Linter(config, today=today)
    paths = [str(p) for p in paths]
    cache = _findings_cache(paths, config, linter, cache_dir) if use_cache else None
    entries: list[DueEntry] = []
    problems: list[str] = []
    for shown, path, problem in articles(paths, config):
        try:
            if problem is not None:
                raise ReadError(problem)
            data = read_bytes(path, max_size=config.max_file_size)
            facts = None
            if cache is not None:
                stored, beside = cache.get_with_extra(cache.key(shown, data))
                if stored is not None and stored.get("readable") is True and beside is not None:
                    facts = ArticleFacts.from_data(beside.get("facts"))
            if facts is None:
                article = parse_article(decode(data).text, filename=shown)
                entries.append(entry_for(article, shown, today, cycle_days))
                continue
        except ReadError as error:
            warn(f"healthlint: {shown}: {error}")
            problems.append(shown)
            continue
        entry = entry_from(shown, facts.title, facts.owner, facts.last_review, facts.page_due,
                           today, cycle_days)  # fmt: skip
        entries.append(entry)
    return entries, problems
