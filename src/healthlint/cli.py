"""The ``healthlint`` command.

Exit codes: 0 when no finding reaches the fail level, 1 when one does, 2 for a usage,
configuration or internal error. The default fail level is ``error``: errors are what must not
be published (a missing disclaimer, a review date over 3 years old); warnings are advice an
editor weighs (a reading grade of 9, a date over 2 years old). ``--fail-level warning`` makes
warnings fail too.

Without ``--config``, each file is checked with the configuration nearest to it (see
:mod:`healthlint.config`); flags given on the command line win over every configuration.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .errors import UserError
from .lazy_regex import save_programs

if TYPE_CHECKING:
    from .baseline import BaselineOutcome
    from .config import Config
    from .engine import Linter, LintResult, Target
    from .models import Article, Severity
    from .packs import RuleSet
    from .reporters import Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LEVELS = ("info", "warning", "error")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal measured once rather than at every
    ``add_argument`` (argparse formats each argument as it is added), and without importing
    shutil, on the hook's start-up path, to do it."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(
            prog,
            indent_increment,
            max_help_position,
            _terminal_columns() - 2 if width is None else width,
        )


@cache
def _terminal_columns() -> int:
    """What ``shutil.get_terminal_size().columns`` answers: $COLUMNS, else the terminal's
    width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"healthlint: error: {message}\n")


class UsageError(UserError):
    """A command line that names something that does not exist (exit code 2)."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from error


def _list(value: str) -> list[str]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts:
        # An empty --select would select nothing and pass every article.
        raise argparse.ArgumentTypeError("expected one or more comma-separated values")
    return parts


def _severity_pair(value: str) -> tuple[str, str]:
    rule, sep, level = value.partition("=")
    if not sep or not rule.strip() or level.strip().lower() not in LEVELS:
        raise argparse.ArgumentTypeError(
            f"expected RULE=LEVEL with LEVEL one of {', '.join(LEVELS)}: {value!r}"
        )
    return rule.strip(), level.strip().lower()


def _size(value: str) -> int:
    units = {"k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2}
    text = value.strip().lower()
    for suffix in sorted(units, key=len, reverse=True):
        if text.endswith(suffix) and text[: -len(suffix)].strip().isdigit():
            return int(text[: -len(suffix)]) * units[suffix]
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(f"not a size in bytes (e.g. 5000000, 500KB, 5MB): {value!r}")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 10**6:
        raise argparse.ArgumentTypeError(f"not a number of seconds (e.g. 30, 2.5, 0): {value!r}")
    return seconds


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .reporters import names as format_names

    parser = _Parser(
        prog="healthlint",
        description="Lint consumer health articles: sections, credits, review dates, "
        "reading level and safety caveats.",
    )
    parser.add_argument("--version", action="version", version=f"healthlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check articles (files or folders)")
    check.add_argument(
        "paths",
        nargs="*",
        default=[],
        metavar="PATH",
        help="files, folders or glob patterns such as 'articles/**/*.md' "
        "(expanded by healthlint when the shell did not; default: .); - "
        "reads one article from standard input",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of the article read from standard input: its extension "
        "gives the format, and its folder the configuration and overrides "
        "(default: <stdin>, read as Markdown)",
    )
    output = check.add_argument_group("output")
    output.add_argument(
        "--format",
        "-f",
        choices=format_names(),
        default="text",
        help="text (default), json, sarif (code scanning), github (workflow "
        "annotations) or junit (CI test reports)",
    )
    output.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    output.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print only the findings: no summary line (text format), nothing "
        "when there are none; the exit code is the same",
    )
    output.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the severities and rule ids of the text format: auto "
        "(default) when stdout is a terminal, unless $NO_COLOR is set; also "
        "when $FORCE_COLOR is; never in --output files unless always",
    )
    output.add_argument(
        "--show-source",
        action="store_true",
        help="show each finding's source line with a caret under its column (text format)",
    )
    output.add_argument(
        "--statistics",
        action="store_true",
        help="count the findings per rule (after a text report; on stderr for the other formats)",
    )

    gate = check.add_argument_group("what fails")
    gate.add_argument(
        "--fail-level",
        choices=LEVELS,
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    gate.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings reach the fail level"
    )
    gate.add_argument(
        "--baseline",
        metavar="FILE",
        help="report and fail only on findings not recorded in this baseline",
    )
    gate.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record today's findings in FILE (JSON) for --baseline, and exit 0",
    )

    rules = check.add_argument_group("which rules")
    rules.add_argument(
        "--select",
        type=_list,
        action="extend",
        metavar="RULES",
        help="only these rules: ids (HL302), id prefixes (HL3), names or "
        "categories, comma-separated",
    )
    rules.add_argument(
        "--extend-select",
        type=_list,
        action="extend",
        metavar="RULES",
        default=[],
        help="add these rules to those selected",
    )
    rules.add_argument(
        "--ignore",
        type=_list,
        action="extend",
        metavar="RULES",
        default=[],
        help="skip these rules: ids, id prefixes, names or categories",
    )
    rules.add_argument(
        "--severity",
        type=_severity_pair,
        action="append",
        default=[],
        metavar="RULE=LEVEL",
        help="change a rule's severity (repeatable)",
    )
    rules.add_argument(
        "--pack",
        action="append",
        metavar="PACK",
        dest="packs",
        help="rule pack name or YAML file (repeatable; replaces configured packs)",
    )

    settings = check.add_argument_group("configuration")
    settings.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (healthlint.toml or pyproject.toml) for every "
        "file; default: the one nearest each file",
    )
    settings.add_argument(
        "--isolated",
        action="store_true",
        help="ignore configuration files; use the defaults and these flags",
    )
    settings.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="judge review dates as of this day (default: the real date)",
    )
    settings.add_argument(
        "--exclude",
        type=_list,
        action="extend",
        metavar="GLOBS",
        default=[],
        help="never check files matching these globs, even when named",
    )
    settings.add_argument(
        "--require-reason",
        action="store_true",
        default=None,
        help="report suppression comments that give no reason (HL005)",
    )
    settings.add_argument(
        "--no-inline-directives",
        action="store_false",
        default=None,
        dest="inline_directives",
        help="obey no healthlint-disable comment in the articles: what a "
        "contribution says cannot hide its own findings",
    )
    settings.add_argument(
        "--root",
        metavar="DIR",
        help="paths in SARIF and GitHub reports are relative to this "
        "folder (default: the repository's top folder, else the working "
        "directory)",
    )
    settings.add_argument(
        "-v", "--verbose", action="store_true", help="say on stderr which files are skipped and why"
    )
    settings.add_argument(
        "--unsuppressible",
        type=_list,
        action="extend",
        metavar="RULES",
        default=[],
        help="rules that no healthlint-disable comment can hide "
        "(default: the caveats category in CI)",
    )
    settings.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="walk folders without leaving out the untracked files git ignores",
    )
    settings.add_argument(
        "--max-file-size",
        type=_size,
        metavar="BYTES",
        help="report files larger than this instead of reading them",
    )
    settings.add_argument(
        "--time-budget",
        type=_seconds,
        metavar="SECONDS",
        help="stop and report a file that takes longer than this to check "
        "(default 30; 0: no limit)",
    )

    speed = check.add_argument_group("speed")
    speed.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="processes to check with (default: one per core; 1: no extra processes)",
    )
    speed.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file again instead of reusing findings of unchanged files",
    )
    speed.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where findings are cached (default: $HEALTHLINT_CACHE_DIR, else "
        "the configuration's cache-dir, else the user cache folder)",
    )

    inspect = commands.add_parser("inspect", help="show how healthlint reads an article (JSON)")
    inspect.add_argument("path", metavar="FILE")
    inspect.add_argument("--config", metavar="FILE")

    stats = commands.add_parser(
        "stats",
        help="reading figures per file: words, sentences, SMOG, Flesch-Kincaid",
        description="A table of reading figures for each article, measured on its prose only "
        "(the text the readability rules judge). SMOG is shown only from 30 sentences on.",
    )
    stats.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--sections", action="store_true", help="one row per section too")

    listing = commands.add_parser("rules", help="list the rules")
    listing.add_argument("--config", metavar="FILE")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    explain = commands.add_parser(
        "explain", help="explain one rule, with examples, or a rule kind and its options"
    )
    explain.add_argument(
        "rule",
        metavar="RULE",
        help="rule id (HL302) or name, or a rule kind (caveat, readability, ...)",
    )
    explain.add_argument("--config", metavar="FILE")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the configuration, a rule pack or the report",
        description="Print a JSON Schema: 'config' for healthlint.toml and [tool.healthlint], "
        "'pack' for rule pack YAML files (for editors), 'report' for the output of "
        "--format json (for scripts).",
    )
    schema.add_argument("which", nargs="?", choices=("config", "pack", "report"), default="config")

    due = commands.add_parser(
        "due",
        help="the review queue: when each article is next due for clinical review",
    )
    due.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    due.add_argument("--format", choices=("text", "json", "csv", "ics"), default="text")
    due.add_argument("--within", metavar="SPAN", help="only articles due within it (90d, 6m)")
    due.add_argument("--overdue", action="store_true", help="only overdue articles")
    due.add_argument(
        "--cycle",
        metavar="SPAN",
        default="3y",
        help="review cycle for pages without a next review date (default 3y)",
    )
    due.add_argument("--today", type=_date, metavar="YYYY-MM-DD")
    due.add_argument("--config", metavar="FILE")

    report = commands.add_parser(
        "report",
        help="a self-contained HTML dashboard of the library (or its data as JSON)",
    )
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    report.add_argument("--format", choices=("html", "json"), default="html")
    report.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    report.add_argument(
        "--cycle",
        metavar="SPAN",
        default="3y",
        help="review cycle for pages without a next review date (default 3y)",
    )
    report.add_argument("--today", type=_date, metavar="YYYY-MM-DD")
    report.add_argument("--config", metavar="FILE")
    return parser


def run() -> NoReturn:
    """The ``healthlint`` command: :func:`main`, then exit without tearing the interpreter
    down. Freeing every module and table one by one takes several milliseconds of a one-file
    run and changes nothing: the output is flushed first, files are closed, worker processes
    have ended (as mypy does for the same reason)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # A reader that went away (healthlint ... | head) or a closed stream: nothing to flush.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up builds many objects and no garbage cycles: collecting during it only costs time
    # (several milliseconds of a one-file run). Collection resumes before articles are read.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()
        save_programs()


def _start_up_done() -> None:
    """Resume garbage collection, leaving the objects made so far (modules, rules, tables)
    out of every later collection. Checking makes many short-lived objects and almost no
    cycles, so the youngest generation is collected after 10,000 allocations rather than 700."""
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR

    try:
        handler = {
            "check": _check,
            "inspect": _inspect,
            "rules": _rules,
            "explain": _explain,
            "schema": _schema,
            "stats": _stats,
            "due": _due,
            "report": _report,
        }[args.command]
        return handler(args)
    except UserError as error:
        print(f"healthlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        import traceback

        traceback.print_exc()
        print(
            f"healthlint: internal error: {error!r}. Please report this with the file that "
            "caused it.",
            file=sys.stderr,
        )
        return EXIT_ERROR


# configuration -----------------------------------------------------------------------------
def _base_config(args: argparse.Namespace, start: Path | None = None) -> Config:
    """The configuration file's settings, before the command line's flags."""
    from .config import Config, load_config

    if getattr(args, "isolated", False):
        return Config()
    return load_config(getattr(args, "config", None), start=start)


def _pack_reference(reference: str) -> str:
    # A pack file named on the command line is relative to where the command runs, not to the
    # configuration file (which may be several folders up).
    from .packs import builtin_names

    if reference in builtin_names():
        return reference
    candidate = Path(reference)
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.exists():
        return str(candidate.resolve())
    return reference


def _with_flags(config: Config, args: argparse.Namespace) -> Config:
    """``config`` with the command line's flags applied; flags win."""
    from .models import Severity

    updates: dict[str, Any] = {}
    if getattr(args, "packs", None):
        updates["packs"] = [_pack_reference(p) for p in args.packs]
    if getattr(args, "select", None) is not None:
        updates["select"] = args.select
    if getattr(args, "extend_select", None):
        updates["extend_select"] = [*config.extend_select, *args.extend_select]
    if getattr(args, "ignore", None):
        updates["ignore"] = [*config.ignore, *args.ignore]
    if getattr(args, "severity", None):
        updates["severity"] = {
            **config.severity,
            **{rule: Severity(level) for rule, level in args.severity},
        }
    if getattr(args, "fail_level", None):
        updates["fail_level"] = Severity(args.fail_level)
    if getattr(args, "today", None):
        updates["today"] = args.today
    if getattr(args, "exclude", None):
        updates["exclude"] = [*config.exclude, *args.exclude]
    if getattr(args, "require_reason", None):
        updates["require_reason"] = True
    if getattr(args, "inline_directives", None) is False:
        updates["inline_directives"] = False
    if getattr(args, "max_file_size", None):
        updates["max_file_size"] = args.max_file_size
    if getattr(args, "time_budget", None) is not None:
        updates["time_budget"] = args.time_budget
    if getattr(args, "unsuppressible", None):
        updates["unsuppressible"] = [*(config.unsuppressible or []), *args.unsuppressible]
    return dataclasses.replace(config, **updates) if updates else config


def _config(args: argparse.Namespace, start: Path | None = None) -> Config:
    return _with_flags(_base_config(args, start), args)


def _unknown_selectors(ruleset: RuleSet, config: Config, args: argparse.Namespace) -> None:
    """Refuse a selector that matches no rule: a typo must not silently switch a gate off."""

    def check(selectors: Iterable[str], where: str) -> None:
        for selector in selectors:
            key = selector.strip()
            if not key or key.upper() == "ALL":
                continue
            if not ruleset.matching(key):
                raise UsageError(
                    f"{where}: unknown rule {key!r}: no rule id, id prefix, name or category "
                    "matches it (`healthlint rules` lists them)"
                )

    check(args.select or [], "--select")
    check(args.extend_select, "--extend-select")
    check(args.ignore, "--ignore")
    check([rule for rule, _ in args.severity], "--severity")
    check(getattr(args, "unsuppressible", []), "--unsuppressible")
    source = str(config.source) if config.source else "configuration"
    prefix = "tool.healthlint." if config.source and config.source.name == "pyproject.toml" else ""
    cli = (
        set(args.select or [])
        | set(args.extend_select)
        | set(args.ignore)
        | {rule for rule, _ in args.severity}
        | set(getattr(args, "unsuppressible", []))
    )

    def from_file(selectors: Iterable[str], key: str) -> None:
        check([s for s in selectors if s not in cli], f"{source}: {prefix}{key}")

    from_file(config.select or [], "select")
    from_file(config.extend_select, "extend-select")
    from_file(config.ignore, "ignore")
    from_file(config.severity, "severity")
    from_file(config.unsuppressible or [], "unsuppressible")
    for index, override in enumerate(config.overrides):
        from_file(override.select or [], f"overrides[{index}].select")
        from_file(override.ignore, f"overrides[{index}].ignore")
        from_file(override.severity, f"overrides[{index}].severity")


# check -------------------------------------------------------------------------------------
@dataclass
class _Group:
    """Files that share one configuration, and what checking them gave."""

    config: Config
    targets: list[Target]
    linter: Linter | None = None
    result: LintResult | None = None
    checked: list[str] | None = None
    # The article read from standard input, decoded, for --show-source.
    stdin_text: str | None = None


STDIN = "-"
STDIN_NAME = "<stdin>"


def _targets(args: argparse.Namespace) -> Iterator[Target]:
    from .engine import discover

    if args.stdin:
        # The path stands for standard input; it is only looked at by name (configuration,
        # overrides, exclusions), never opened.
        name = args.stdin_filename or STDIN_NAME
        yield name, Path(name), None
        return
    yield from discover(args.paths, respect_gitignore=getattr(args, "respect_gitignore", True))


def _groups(args: argparse.Namespace) -> list[_Group]:
    """The files to check, grouped by the configuration that applies to each."""
    if args.config or args.isolated:
        return [_Group(_config(args), list(_targets(args)))]
    from .config import ConfigFinder

    finder = ConfigFinder()
    fallback = finder.fallback
    # Keyed by identity: the finder hands out one Config object per configuration file.
    groups: dict[int, _Group] = {}
    for target in _targets(args):
        base = finder.for_path(target[1])
        group = groups.get(id(base))
        if group is None:
            group = groups[id(base)] = _Group(_with_flags(base, args), [])
        group.targets.append(target)
    for ignored in finder.ignored:
        print(
            f"healthlint: not reading {ignored}: a configuration above it is the trusted "
            "root (root = true, or the repository's top one in CI; root = false there obeys "
            "the folders' own)",
            file=sys.stderr,
        )
    if not groups:
        return [_Group(_with_flags(fallback, args), [])]
    return list(groups.values())


def _refuse_caches_in_checked_tree(args: argparse.Namespace) -> None:
    """Use no cache kept inside what is being checked: a contribution could plant entries
    there (they would fail their seal, but no entry there is worth the chance)."""
    from .cache import checked_trees, default_location, tree_holding

    args.checked_trees = checked_trees(args.paths)
    artifacts = default_location() / "artifacts"
    tree = tree_holding(artifacts, args.checked_trees)
    if tree is not None and not args.no_cache:
        from .artifacts import disable

        disable()
        print(
            f"healthlint: not using the artifact cache {artifacts}: it is inside the "
            f"checked tree {tree}; set HEALTHLINT_CACHE_DIR to a folder outside it",
            file=sys.stderr,
        )


def _run(group: _Group, args: argparse.Namespace) -> None:
    from .engine import Linter, is_article, is_excluded

    linter = Linter(group.config)
    _unknown_selectors(linter.ruleset, group.config, args)
    cache = None
    if not args.no_cache and not args.stdin:
        from .cache import FindingCache, findings_location, tree_holding

        folder = findings_location(args.cache_dir, group.config.cache_dir)
        tree = tree_holding(folder, getattr(args, "checked_trees", []))
        if tree is None:
            cache = FindingCache(folder, linter.salt)
        else:
            print(
                f"healthlint: not using the findings cache {folder}: it is inside the "
                f"checked tree {tree}; give --cache-dir a folder outside it",
                file=sys.stderr,
            )
    group.linter = linter
    config = group.config
    targets = []
    for target in group.targets:
        if is_excluded(target[0], config.exclude, config.root):
            continue
        if not is_article(target[0], config.include, config.root):
            if args.verbose:
                print(
                    f"healthlint: skipping {target[0]}: not an article ("
                    + (
                        "not in include"
                        if config.include is not None
                        else "a repository file such as README or LICENSE"
                    )
                    + ")",
                    file=sys.stderr,
                )
            continue
        targets.append(target)
    group.checked = [shown for shown, _, _ in targets]
    _start_up_done()
    if args.stdin:
        group.result, group.stdin_text = _lint_stdin(linter, targets)
    else:
        group.result = linter.lint_targets(targets, jobs=args.jobs, cache=cache)


def _expand_globs(paths: list[str]) -> list[str]:
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


def _read_stdin(max_size: int) -> bytes:
    if sys.stdin is None:  # started with standard input closed
        raise UsageError("-: standard input is closed; there is no article to read")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data: bytes = stream.read(max_size + 1)
        return data
    # A text stream put in place of the real one (an embedding program, a test).
    return sys.stdin.read(max_size + 1).encode("utf-8", "surrogateescape")


def _lint_stdin(linter: Linter, targets: list[Target]) -> tuple[LintResult, str | None]:
    """Findings for the article read from standard input, under the name it was given; the
    format comes from the name's extension, Markdown when it has none that says."""
    from .engine import LintResult
    from .parsers import EXTENSIONS, parse_article
    from .reading import ReadError, decode

    limit = linter.config.max_file_size
    # Read even when the name is excluded, so the program writing to the pipe is not cut off.
    data = _read_stdin(limit)
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


def _merge(groups: list[_Group]) -> tuple[LintResult, RuleSet, list[str]]:
    from .engine import LintResult
    from .models import Finding
    from .packs import RuleSet

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
    result.findings.sort(key=Finding.sort_key)
    return result, ruleset, files


def _check(args: argparse.Namespace) -> int:
    from .reporters import Report

    args.stdin = False
    if STDIN in args.paths or (args.stdin_filename and not args.paths):
        if args.paths not in ([], [STDIN]):
            raise UsageError("- (standard input) cannot be combined with other paths")
        args.paths = [STDIN]
    elif args.stdin_filename:
        raise UsageError(
            "--stdin-filename names the article read from standard input: give - as the path"
        )
    if not args.paths:
        args.paths = ["."]
    named = args.paths
    args.paths = _expand_globs(args.paths)
    if args.no_cache or args.paths == [STDIN]:
        # Checking standard input leaves nothing behind: no findings or artifacts cache.
        from .artifacts import disable

        disable()
    if args.paths == [STDIN]:
        args.stdin = True
    else:
        _refuse_caches_in_checked_tree(args)
    groups = _groups(args)
    for group in groups:
        _run(group, args)
    result, ruleset, files = _merge(groups)

    fail_level = groups[0].config.fail_level
    fail_levels: dict[str, Severity] = {}
    if len({g.config.fail_level for g in groups}) > 1:
        fail_levels = {path: g.config.fail_level for g in groups for path in g.checked or []}

    outcome = _apply_baseline(args, result, files)
    report = Report(
        result=result,
        fail_level=fail_level,
        ruleset=ruleset,
        fail_levels=fail_levels,
        files=files,
        baseline=outcome,
        root=_report_root(args),
        docs_url=groups[0].config.docs_url,
    )
    output = _render(args, report, groups)
    notes = _baseline_notes(args, outcome) if args.format != "json" else []
    if args.statistics:
        table = _statistics(result)
        if args.format == "text":
            output += table
        elif table:
            notes.append(table.strip("\n"))
    _write(output, args.output)
    for note in notes:
        print(note, file=sys.stderr)
    if not (result.files_checked or result.files_unreadable or args.stdin or args.quiet):
        # A path that does not exist was reported (files_unreadable) and fails; an empty
        # folder, or one with no article in it, is usually a wrong path or a wrong include.
        from .reporters import visible

        print(
            f"healthlint: no articles found in {' '.join(visible(p) for p in named)}",
            file=sys.stderr,
        )
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(report.fails(f) for f in result.findings) else EXIT_OK


def _report_root(args: argparse.Namespace) -> Path | None:
    """The folder report paths are relative to in SARIF and GitHub annotations:
    ``--root``, else the repository's top folder (the one holding ``.git``) above the working
    directory, so a run from a subfolder still maps onto the repository; None: the working
    directory."""
    if getattr(args, "root", None):
        return Path(args.root).resolve()
    folder = Path.cwd().resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _render(args: argparse.Namespace, report: Report, groups: list[_Group]) -> str:
    if args.format != "text":
        from .reporters import get

        return get(args.format)(report)
    from .reporters import text

    return text.render(
        report,
        quiet=args.quiet,
        color=_colour(args.color, args.output),
        source=_source_lines(groups) if args.show_source else None,
    )


def _source_lines(groups: list[_Group]) -> Callable[[str], list[str] | None]:
    """The lines of a reported file as the parsers numbered them, read again when first
    asked for. Only the last file's are kept: findings come sorted by file."""
    from .reading import ReadError, read_source

    stdin = {
        group.checked[0]: group.stdin_text
        for group in groups
        if group.stdin_text is not None and group.checked
    }
    limit = max(group.config.max_file_size for group in groups)
    last: list[tuple[str, list[str] | None]] = []

    def lines(path: str) -> list[str] | None:
        if last and last[0][0] == path:
            return last[0][1]
        text = stdin.get(path)
        if text is None:
            try:
                text = read_source(Path(path), max_size=limit).text
            except ReadError:
                text = None
        found = None
        if text is not None:
            found = (
                text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
            )
        last[:] = [(path, found)]
        return found

    return lines


def _colour(choice: str, output: str | None) -> bool:
    """Whether the text report is coloured: the flag first, then https://no-color.org and
    FORCE_COLOR as other tools read them, then whether stdout is a terminal."""
    if choice != "auto":
        return choice == "always"
    if output or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced by an object without it, or closed
        return False


def _apply_baseline(
    args: argparse.Namespace, result: LintResult, files: list[str]
) -> BaselineOutcome | None:
    if not (args.write_baseline or args.baseline):
        return None
    from . import baseline

    if args.write_baseline:
        target = Path(args.write_baseline)
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
    target = Path(args.baseline)
    new, outcome = baseline.apply(
        baseline.load(target), result.findings, file=target, checked=files
    )
    result.findings = new
    return outcome


def _baseline_notes(args: argparse.Namespace, outcome: BaselineOutcome | None) -> list[str]:
    if outcome is None:
        return []
    if args.write_baseline:
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


def _write(output: str, destination: str | None) -> None:
    # Bytes of a file name that is not UTF-8 (lone surrogates) become visible escapes, so
    # every report is valid UTF-8.
    if not output.isascii():
        output = output.encode("utf-8", "backslashreplace").decode("utf-8")
    if not destination:
        sys.stdout.write(output)
        return
    from .artifacts import write_atomically

    # A symlink planted where the report goes would point the write at any file the runner may
    # write; the report replaces a plain file atomically and is never written through a link.
    if os.path.islink(destination):
        raise UsageError(
            f"{destination}: is a symbolic link; the report is not written through "
            "one (remove it or choose another --output)"
        )
    try:
        write_atomically(destination, output.encode("utf-8"), mode=0o644, make_folder=False)
    except OSError as error:
        raise UsageError(f"{destination}: cannot write the report: {error.strerror}") from error


def _statistics(result: LintResult) -> str:
    from collections import Counter

    counts = Counter((f.rule, f.name, f.severity.value) for f in result.findings)
    if not counts:
        return ""
    width = max(len(str(n)) for n in counts.values())
    rows = [
        f"{n:>{width}}  {rule}  {name} ({severity})"
        for (rule, name, severity), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    ]
    return "\n" + "\n".join(rows) + "\n"


# other commands ----------------------------------------------------------------------------
def _inspect(args: argparse.Namespace) -> int:
    import json

    from .engine import Linter, article_from
    from .models import to_data
    from .reading import ReadError, read_source

    path = Path(args.path)
    config = _config(args, start=path)
    try:
        source = read_source(path, max_size=config.max_file_size)
    except ReadError as error:
        print(f"healthlint: {args.path}: {error}", file=sys.stderr)
        return EXIT_ERROR
    article = article_from(source, args.path)
    linter = Linter(config)
    linter.resolve_type(article, path=args.path)
    from .figures import article_figures

    document = to_data(article)
    document["encoding"] = source.encoding
    document["readability"] = article_figures(article)
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    import json

    from .models import to_data
    from .packs import load_rules

    config = _config(args)
    ruleset = load_rules(config.packs, base=config.root)
    specs = sorted(ruleset.rules.values(), key=lambda r: r.id)
    if args.format == "json":
        keys = (
            "id",
            "name",
            "kind",
            "category",
            "severity",
            "summary",
            "source",
            "pack",
            "enabled",
        )
        rows = [{key: to_data(getattr(r, key)) for key in keys} for r in specs]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    name_width = max((len(r.name) for r in specs), default=4)
    category_width = max((len(r.category) for r in specs), default=8)
    for rule in specs:
        sys.stdout.write(
            f"{rule.id}  {rule.name:<{name_width}}  {rule.category:<{category_width}}  "
            f"{rule.severity.value:<7}  {rule.summary}"
            f"{'' if rule.enabled else ' (off unless selected by id or name)'}\n"
        )
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from .explain import explain_rule
    from .packs import load_rules

    config = _config(args)
    ruleset = load_rules(config.packs, base=config.root)
    rule = ruleset.find(args.rule)
    if rule is None:
        from . import kinds

        if args.rule in kinds.names():
            # A rule kind: its documentation (what it checks, its options) and the rules of
            # the configured packs that use it.
            kind = kinds.get(args.rule)
            users = [f"{r.id}  {r.name}" for r in ruleset.rules.values() if r.kind == kind.name]
            sys.stdout.write(
                f"kind {kind.name}\n\n{kind.doc.strip()}\n\nRules of this kind: "
                + (", ".join(users) if users else "none in the configured packs")
                + "\n"
            )
            return EXIT_OK
        print(
            f"healthlint: no rule or rule kind {args.rule!r}; `healthlint rules` lists the "
            f"rules, and the kinds are: {', '.join(kinds.names())}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    sys.stdout.write(explain_rule(rule, config.packs, config.root))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    import json

    from .schema import schema_for

    sys.stdout.write(json.dumps(schema_for(args.which), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _parsed_articles(
    args: argparse.Namespace, problems: list[str]
) -> Iterator[tuple[str, Article]]:
    """Each article the paths name, parsed; a file that cannot be read is said on stderr and
    counted in ``problems``, and the others are still read."""
    from .engine import read_articles
    from .parsers import parse_article

    # One configuration for the run: its size cap and which files are articles.
    for shown, source, problem in read_articles(args.paths, _config(args)):
        if source is None:
            print(f"healthlint: {shown}: {problem}", file=sys.stderr)
            problems.append(shown)
            continue
        yield shown, parse_article(source.text, filename=shown)


def _stats(args: argparse.Namespace) -> int:
    import json

    from .figures import article_figures

    rows: list[dict[str, object]] = []
    problems: list[str] = []
    for shown, article in _parsed_articles(args, problems):
        figures = article_figures(article)
        rows.append({"path": shown, "section": None, **figures["article"]})
        if args.sections:
            rows += [{"path": shown, **section} for section in figures["sections"]]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_ERROR if problems else EXIT_OK

    def cell(value: object) -> str:
        return "-" if value is None else f"{value}"

    header = ("words", "sentences", "SMOG", "F-K grade", "reading ease", "file / section")
    sys.stdout.write("{:>7} {:>9} {:>6} {:>9} {:>12}  {}\n".format(*header))
    for row in rows:
        name = str(row["path"]) if row.get("section") is None else f"  {row['section']}"
        sys.stdout.write(
            f"{cell(row['words']):>7} {cell(row['sentences']):>9} {cell(row['smog']):>6} "
            f"{cell(row['flesch_kincaid_grade']):>9} {cell(row['flesch_reading_ease']):>12}  "
            f"{name}\n"
        )
    return EXIT_ERROR if problems else EXIT_OK


def _due(args: argparse.Namespace) -> int:
    from . import due

    try:
        cycle = due.parse_span(args.cycle)
        within = due.parse_span(args.within) if args.within else None
    except ValueError as error:
        raise UserError(str(error)) from None
    today = args.today or dt.date.today()
    problems: list[str] = []
    entries = [
        due.entry_for(article, shown, today, cycle)
        for shown, article in _parsed_articles(args, problems)
    ]
    queue = due.select(due.sort_queue(entries), within=within, overdue=args.overdue)
    render = {
        "text": due.render_text,
        "json": due.render_json,
        "csv": due.render_csv,
        "ics": due.render_ics,
    }[args.format]
    sys.stdout.write(render(queue))
    return EXIT_ERROR if problems else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    import json

    from .due import parse_span
    from .library import build_library

    try:
        cycle = parse_span(args.cycle)
    except ValueError as error:
        raise UserError(str(error)) from None
    library = build_library(args.paths, _config(args), today=args.today, cycle_days=cycle)
    if args.format == "json":
        output = json.dumps(library.to_data(), indent=1, ensure_ascii=False) + "\n"
    else:
        from .dashboard import render_html

        output = render_html(library)
    _write(output, args.output)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
