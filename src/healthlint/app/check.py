"""A check run: the files found and grouped by the configuration that applies to each, each
group checked with its own linter and caches, the results merged in report order, and a
baseline applied. :func:`run_check` is what ``healthlint check`` does before it renders.

Without ``Flags.config``, each file is checked with the configuration nearest to it (see
:mod:`healthlint.config`); the run's flags win over every configuration.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from . import startup
from .settings import Flags, refuse_unknown_selectors, with_flags

if TYPE_CHECKING:
    from ..baseline import BaselineOutcome
    from ..config import Config
    from ..engine import Linter, LintResult, Target
    from ..models import Finding, Severity
    from ..packs import RuleSet

STDIN = "-"
STDIN_NAME = "<stdin>"


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass
class CheckRequest:
    """Everything one check run needs to know."""

    paths: list[str]
    flags: Flags = field(default_factory=Flags)
    jobs: int | None = None  # None: one process per core
    use_cache: bool = True
    cache_dir: str | None = None
    # The article on standard input (paths == ["-"]): reads at most the given bytes and one more.
    read_stdin: Callable[[int], bytes] | None = None
    stdin_filename: str | None = None
    verbose: bool = False  # say which files are skipped and why
    respect_gitignore: bool = True
    baseline: str | None = None  # report only findings this baseline does not hold
    write_baseline: str | None = None  # record the findings here instead of reporting them


@dataclass
class Group:
    """Files that share one configuration, and what checking them gave."""

    config: Config
    targets: list[Target]
    linter: Linter | None = None
    result: LintResult | None = None
    checked: list[str] | None = None
    # The article read from standard input, decoded, for showing its source lines.
    stdin_text: str | None = None


@dataclass
class CheckRun:
    """What a check run found, ready to be reported."""

    groups: list[Group]
    result: LintResult
    ruleset: RuleSet
    files: list[str]  # every file checked, in report order
    fail_level: Severity
    fail_levels: dict[str, Severity]  # per file, when groups differ
    baseline: BaselineOutcome | None
    named: list[str]  # the paths as given, for messages
    stdin: bool

    @property
    def docs_url(self) -> str | None:
        return self.groups[0].config.docs_url

    def fails(self, finding: Finding) -> bool:
        level = self.fail_levels.get(finding.path, self.fail_level)
        return finding.severity.rank >= level.rank


def normalised_paths(paths: list[str], stdin_filename: str | None) -> list[str]:
    """The paths a check reads: ``["-"]`` for standard input, ``["."]`` for none."""
    if STDIN in paths or (stdin_filename and not paths):
        if paths not in ([], [STDIN]):
            raise UsageError("- (standard input) cannot be combined with other paths")
        return [STDIN]
    if stdin_filename:
        raise UsageError(
            "--stdin-filename names the article read from standard input: give - as the path"
        )
    return paths or ["."]


def run_check(request: CheckRequest, warn: Callable[[str], None] = _to_stderr) -> CheckRun:
    """Check what ``request`` names; ``warn`` is told what the run chose not to do (a skipped
    configuration, a cache refused, a file skipped when verbose)."""
    named = normalised_paths(request.paths, request.stdin_filename)
    paths = expand_globs(named)
    stdin = paths == [STDIN]
    if not request.use_cache or stdin:
        # Checking standard input leaves nothing behind: no findings or artifacts cache.
        from ..artifacts import disable

        disable()
    trees = [] if stdin else _refuse_caches_in_checked_tree(paths, request, warn)
    groups = _groups(paths, stdin, request, warn)
    for group in groups:
        _run(group, request, stdin, trees, warn)
    result, ruleset, files = _merge(groups)
    fail_levels: dict[str, Severity] = {}
    if len({g.config.fail_level for g in groups}) > 1:
        fail_levels = {path: g.config.fail_level for g in groups for path in g.checked or []}
    outcome = apply_baseline(request, result, files)
    return CheckRun(
        groups=groups,
        result=result,
        ruleset=ruleset,
        files=files,
        fail_level=groups[0].config.fail_level,
        fail_levels=fail_levels,
        baseline=outcome,
        named=named,
        stdin=stdin,
    )


def expand_globs(paths: list[str]) -> list[str]:
    """``paths`` with each glob pattern the shell left alone (quoted, or a shell that does not
    expand ``**``) replaced by what it matches; a pattern that matches nothing stays, to be
    reported as a missing path. A name that exists is never a pattern, whatever it holds."""
    if not any(char in path for path in paths for char in "*?["):
        return paths
    import glob

    expanded: list[str] = []
    for path in paths:
        if glob.has_magic(path) and not os.path.lexists(path):
            expanded += sorted(glob.glob(path, recursive=True)) or [path]
        else:
            expanded.append(path)
    return expanded


def _targets(paths: list[str], stdin: bool, request: CheckRequest) -> Iterator[Target]:
    from ..engine import discover

    if stdin:
        # The path stands for standard input; it is only looked at by name (configuration,
        # overrides, exclusions), never opened.
        name = request.stdin_filename or STDIN_NAME
        yield name, Path(name), None
        return
    yield from discover(paths, respect_gitignore=request.respect_gitignore)


def _groups(
    paths: list[str], stdin: bool, request: CheckRequest, warn: Callable[[str], None]
) -> list[Group]:
    """The files to check, grouped by the configuration that applies to each."""
    flags = request.flags
    if flags.config or flags.isolated:
        from .settings import config_for

        return [Group(config_for(flags), list(_targets(paths, stdin, request)))]
    from ..config import ConfigFinder

    finder = ConfigFinder()
    # Keyed by identity: the finder hands out one Config object per configuration file.
    groups: dict[int, Group] = {}
    # A file's configuration is its folder's: looked up once a folder (discovery never gives
    # a folder as a target, so the first file of each stands for all of them).
    by_folder: dict[str, Config] = {}
    for target in _targets(paths, stdin, request):
        folder = os.path.dirname(os.path.abspath(target[1]))
        base = by_folder.get(folder)
        if base is None:
            base = by_folder[folder] = finder.for_path(target[1])
        group = groups.get(id(base))
        if group is None:
            group = groups[id(base)] = Group(with_flags(base, flags), [])
        group.targets.append(target)
    for ignored in finder.ignored:
        warn(
            f"healthlint: not reading {ignored}: a configuration above it is the trusted "
            "root (root = true, or the repository's top one in CI; root = false there obeys "
            "the folders' own)"
        )
    if not groups:
        return [Group(with_flags(finder.fallback, flags), [])]
    return list(groups.values())


def _refuse_caches_in_checked_tree(
    paths: list[str], request: CheckRequest, warn: Callable[[str], None]
) -> list[Path]:
    """The repositories being checked; no cache kept inside one is used: a contribution could
    plant entries there (they would fail their seal, but no entry there is worth the chance)."""
    from ..artifacts import default_location
    from ..cache import checked_trees, tree_holding

    trees = checked_trees(paths)
    artifacts = default_location() / "artifacts"
    tree = tree_holding(artifacts, trees)
    if tree is not None and request.use_cache:
        from ..artifacts import disable

        disable()
        warn(
            f"healthlint: not using the artifact cache {artifacts}: it is inside the "
            f"checked tree {tree}; set HEALTHLINT_CACHE_DIR to a folder outside it"
        )
    return trees


def _run(
    group: Group,
    request: CheckRequest,
    stdin: bool,
    trees: list[Path],
    warn: Callable[[str], None],
) -> None:
    from ..engine import Linter, is_article, is_excluded

    linter = Linter(group.config)
    refuse_unknown_selectors(linter.ruleset, group.config, request.flags)
    cache = None
    if request.use_cache and not stdin:
        from ..cache import FindingCache, findings_location, tree_holding

        folder = findings_location(request.cache_dir, group.config.cache_dir)
        tree = tree_holding(folder, trees)
        if tree is None:
            cache = FindingCache(folder, linter.salt)
        else:
            warn(
                f"healthlint: not using the findings cache {folder}: it is inside the "
                f"checked tree {tree}; give --cache-dir a folder outside it"
            )
    group.linter = linter
    config = group.config
    targets = []
    for target in group.targets:
        if is_excluded(target[0], config.exclude, config.root):
            continue
        if not is_article(target[0], config.include, config.root):
            if request.verbose:
                why = (
                    "not in include"
                    if config.include is not None
                    else "a repository file such as README or LICENSE"
                )
                warn(f"healthlint: skipping {target[0]}: not an article ({why})")
            continue
        targets.append(target)
    group.checked = [shown for shown, _, _ in targets]
    startup.done()
    if stdin:
        group.result, group.stdin_text = _lint_stdin(linter, targets, request)
    else:
        group.result = linter.lint_targets(targets, jobs=request.jobs, cache=cache)


def _lint_stdin(
    linter: Linter, targets: list[Target], request: CheckRequest
) -> tuple[LintResult, str | None]:
    """Findings for the article read from standard input, under the name it was given; the
    format comes from the name's extension, Markdown when it has none that says."""
    from ..engine import LintResult
    from ..parsers import EXTENSIONS, parse_article
    from ..reading import ReadError, decode

    if request.read_stdin is None:
        raise UsageError("-: there is no standard input to read an article from")
    limit = linter.config.max_file_size
    # Read even when the name is excluded, so the program writing to the pipe is not cut off.
    data = request.read_stdin(limit)
    result = LintResult()
    if not targets:  # excluded, or not an article, by its name
        return result, None
    shown = targets[0][0]
    try:
        if len(data) > limit:
            raise ReadError(f"standard input is over the {limit:,}-byte limit (max-file-size)")
        source = decode(data)
    except ReadError as error:
        result.findings.append(linter.unreadable(shown, str(error)))
        result.files_unreadable = 1
        return result, None
    try:
        article = parse_article(
            source.text, filename=shown, fmt=EXTENSIONS.get(Path(shown).suffix.lower(), "markdown")
        )
        article.problems[:0] = source.problems
        result.findings = linter.check_article(article, path=shown)
    except Exception as error:
        # As for a file: an article that breaks a rule is reported as not checked.
        result.findings = [
            linter.unreadable(shown, f"could not be checked: internal error {type(error).__name__}")
        ]
        result.files_unreadable = 1
        return result, None
    result.files_checked = 1
    return result, source.text


def _merge(groups: list[Group]) -> tuple[LintResult, RuleSet, list[str]]:
    from ..engine import LintResult
    from ..models import FINDING_ORDER
    from ..packs import RuleSet

    result = LintResult()
    ruleset = RuleSet()
    files: list[str] = []
    for group in groups:
        assert group.result is not None and group.linter is not None
        result.findings.extend(group.result.findings)
        result.files_checked += group.result.files_checked
        result.files_unreadable += group.result.files_unreadable
        for rule_id, spec in group.linter.ruleset.rules.items():
            ruleset.rules.setdefault(rule_id, spec)
        files += group.checked or []
    if len(groups) > 1:  # each group's findings come sorted already
        result.findings.sort(key=FINDING_ORDER)
    return result, ruleset, files


def apply_baseline(
    request: CheckRequest, result: LintResult, files: list[str]
) -> BaselineOutcome | None:
    """Record the findings (``write_baseline``), or keep only those the baseline lacks."""
    if not (request.write_baseline or request.baseline):
        return None
    from .. import baseline

    if request.write_baseline:
        target = Path(request.write_baseline)
        previous = None
        if target.exists():
            try:
                previous = baseline.load(target)
            except baseline.BaselineError:
                previous = None  # being replaced anyway
        data = baseline.build(result.findings, file=target, checked=files, previous=previous)
        baseline.write(data, target)
        outcome = baseline.BaselineOutcome(file=target, matched=len(result.findings))
        result.findings = []
        return outcome
    assert request.baseline is not None
    target = Path(request.baseline)
    new, outcome = baseline.apply(
        baseline.load(target), result.findings, file=target, checked=files
    )
    result.findings = new
    return outcome


def baseline_notes(outcome: BaselineOutcome | None, wrote: bool) -> list[str]:
    """What to tell the user about the baseline after the report."""
    if outcome is None:
        return []
    if wrote:
        noun = "finding" if outcome.matched == 1 else "findings"
        return [f"healthlint: recorded {outcome.matched} {noun} in {outcome.file}"]
    notes = [
        f"healthlint: baseline entry no longer found: {entry.path}: {entry.rule} {entry.name}"
        + (f" ({entry.count} times)" if entry.count > 1 else "")
        for entry in outcome.gone
    ]
    if outcome.gone:
        notes.append(
            f"healthlint: {len(outcome.gone)} baseline "
            f"entr{'y' if len(outcome.gone) == 1 else 'ies'} no longer found; shrink "
            f"the baseline with --write-baseline {outcome.file}"
        )
    return notes
