"""``healthlint check``: its arguments, and the report of a check run (the run itself is
:func:`healthlint.app.check.run_check`).

Exit codes: 0 when no finding reaches the fail level, 1 when one does, 2 for a usage,
configuration or internal error. The default fail level is ``error``: errors are what must not
be published (a missing disclaimer, a review date over 3 years old); warnings are advice an
editor weighs (a reading grade of 9, a date over 2 years old). ``--fail-level warning`` makes
warnings fail too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from .arguments import (
    EXIT_FINDINGS,
    EXIT_OK,
    LEVELS,
    comma_list,
    date,
    flags_from,
    jobs,
    seconds,
    severity_pair,
    size,
)
from .output import write_report

if TYPE_CHECKING:
    from ..app.check import Group
    from ..engine import LintResult
    from ..reporters import Report


def add_parser(commands: Any) -> None:
    from ..reporters import names as format_names

    check = commands.add_parser("check", help="check articles (files or folders)")
    check.set_defaults(handler=handle)
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
        type=comma_list,
        action="extend",
        metavar="RULES",
        help="only these rules: ids (HL302), id prefixes (HL3), names or "
        "categories, comma-separated",
    )
    rules.add_argument(
        "--extend-select",
        type=comma_list,
        action="extend",
        metavar="RULES",
        default=[],
        help="add these rules to those selected",
    )
    rules.add_argument(
        "--ignore",
        type=comma_list,
        action="extend",
        metavar="RULES",
        default=[],
        help="skip these rules: ids, id prefixes, names or categories",
    )
    rules.add_argument(
        "--severity",
        type=severity_pair,
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
        type=date,
        metavar="YYYY-MM-DD",
        help="judge review dates as of this day (default: the real date)",
    )
    settings.add_argument(
        "--exclude",
        type=comma_list,
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
        type=comma_list,
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
        type=size,
        metavar="BYTES",
        help="report files larger than this instead of reading them",
    )
    settings.add_argument(
        "--time-budget",
        type=seconds,
        metavar="SECONDS",
        help="stop and report a file that takes longer than this to check "
        "(default 30; 0: no limit)",
    )

    speed = check.add_argument_group("speed")
    speed.add_argument(
        "--jobs",
        "-j",
        type=jobs,
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


def handle(args: argparse.Namespace) -> int:
    from ..app.check import CheckRequest, baseline_notes, run_check
    from ..reporters import Report

    run = run_check(
        CheckRequest(
            paths=args.paths,
            flags=flags_from(args),
            jobs=args.jobs,
            use_cache=not args.no_cache,
            cache_dir=args.cache_dir,
            read_stdin=read_stdin,
            stdin_filename=args.stdin_filename,
            verbose=args.verbose,
            respect_gitignore=args.respect_gitignore,
            baseline=args.baseline,
            write_baseline=args.write_baseline,
        )
    )
    result = run.result
    report = Report.of_run(run, root=_report_root(args))
    output = _render(args, report, run.groups)
    notes = baseline_notes(run.baseline, bool(args.write_baseline)) if args.format != "json" else []
    if args.statistics:
        table = _statistics(result)
        if args.format == "text":
            output = [*output, table]
        elif table:
            notes.append(table.strip("\n"))
    write_report(output, args.output)
    for note in notes:
        print(note, file=sys.stderr)
    if not (result.files_checked or result.files_unreadable or run.stdin or args.quiet):
        # A path that does not exist was reported (files_unreadable) and fails; an empty
        # folder, or one with no article in it, is usually a wrong path or a wrong include.
        from ..reporters import visible

        print(
            f"healthlint: no articles found in {' '.join(visible(p) for p in run.named)}",
            file=sys.stderr,
        )
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(report.fails(f) for f in result.findings) else EXIT_OK


def read_stdin(max_size: int) -> bytes:
    if sys.stdin is None:  # started with standard input closed
        raise UsageError("-: standard input is closed; there is no article to read")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data: bytes = stream.read(max_size + 1)
        return data
    # A text stream put in place of the real one (an embedding program, a test).
    return sys.stdin.read(max_size + 1).encode("utf-8", "surrogateescape")


def _report_root(args: argparse.Namespace) -> Path | None:
    """The folder report paths are relative to in SARIF and GitHub annotations:
    ``--root``, else the repository's top folder (the one holding ``.git``) above the working
    directory, so a run from a subfolder still maps onto the repository; None: the working
    directory."""
    if getattr(args, "root", None):
        return Path(args.root).resolve()
    from ..cache import checked_trees

    repository = checked_trees(["."])
    return repository[0] if repository else None


def _render(args: argparse.Namespace, report: Report, groups: list[Group]) -> Iterable[str]:
    if args.format != "text":
        from ..reporters import stream

        return stream(args.format)(report)
    from ..reporters import text

    return [
        text.render(
            report,
            quiet=args.quiet,
            color=_colour(args.color, args.output),
            source=_source_lines(groups) if args.show_source else None,
        )
    ]


def _source_lines(groups: list[Group]) -> Callable[[str], list[str] | None]:
    """The lines of a reported file as the parsers numbered them, read again when first
    asked for. Only the last file's are kept: findings come sorted by file."""
    from ..reading import ReadError, read_source

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
