"""``healthlint stats``, ``due`` and ``report``: a whole library's reading figures, its review
queue, and its dashboard."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from ..errors import UserError
from .arguments import EXIT_ERROR, EXIT_OK, date, flags_from
from .output import write_report


def add_parsers(commands: Any) -> None:
    stats = commands.add_parser(
        "stats",
        help="reading figures per file: words, sentences, SMOG, Flesch-Kincaid",
        description="A table of reading figures for each article, measured on its prose only "
        "(the text the readability rules judge). SMOG is shown only from 30 sentences on.",
    )
    stats.set_defaults(handler=stats_table)
    stats.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--sections", action="store_true", help="one row per section too")

    due = commands.add_parser(
        "due",
        help="the review queue: when each article is next due for clinical review",
    )
    due.set_defaults(handler=review_queue)
    due.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    due.add_argument("--format", choices=("text", "json", "csv", "ics"), default="text")
    due.add_argument("--within", metavar="SPAN", help="only articles due within it (90d, 6m)")
    due.add_argument("--overdue", action="store_true", help="only overdue articles")
    _add_review_options(due)
    _add_cache_options(due, "read every article again")

    report = commands.add_parser(
        "report",
        help="a self-contained HTML dashboard of the library (or its data as JSON)",
    )
    report.set_defaults(handler=dashboard)
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    report.add_argument("--format", choices=("html", "json"), default="html")
    report.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    _add_review_options(report)
    _add_cache_options(report, "check every article again")


def _add_cache_options(command: argparse.ArgumentParser, instead: str) -> None:
    """``due`` and ``report`` read what ``check`` kept in its findings cache."""
    command.add_argument(
        "--no-cache",
        action="store_true",
        help=f"{instead} instead of reading what `check` cached",
    )
    command.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="the findings cache `check --cache-dir` wrote (default: as for check)",
    )


def _add_review_options(command: argparse.ArgumentParser) -> None:
    """What ``due`` and ``report`` share: the review cycle, the day and the configuration."""
    command.add_argument(
        "--cycle",
        metavar="SPAN",
        default="3y",
        help="review cycle for pages without a next review date (default 3y)",
    )
    command.add_argument("--today", type=date, metavar="YYYY-MM-DD")
    command.add_argument("--config", metavar="FILE")


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def stats_table(args: argparse.Namespace) -> int:
    from ..app.library import parsed_articles
    from ..app.settings import config_for
    from ..figures import article_figures

    rows: list[dict[str, object]] = []
    problems: list[str] = []
    config = config_for(flags_from(args))
    for shown, article in parsed_articles(args.paths, config, problems, _warn):
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
            f"{cell(row['flesch_kincaid_grade']):>9} {_ease(row):>12}  "
            f"{name}\n"
        )
    return EXIT_ERROR if problems else EXIT_OK


def _ease(row: dict[str, object]) -> str:
    # A Spanish article's reading ease is Szigriszt-Pazos, marked so it is not read as Flesch.
    if row.get("szigriszt_pazos") is not None:
        return f"{row['szigriszt_pazos']} SP"
    value = row.get("flesch_reading_ease")
    return "-" if value is None else f"{value}"


def review_queue(args: argparse.Namespace) -> int:
    from .. import due
    from ..app.settings import config_for
    from ..library import review_entries

    try:
        cycle = due.parse_span(args.cycle)
        within = due.parse_span(args.within) if args.within else None
    except ValueError as error:
        raise UserError(str(error)) from None
    entries, problems = review_entries(
        args.paths,
        config_for(flags_from(args)),
        today=args.today or dt.date.today(),
        cycle_days=cycle,
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
        warn=_warn,
    )
    queue = due.select(due.sort_queue(entries), within=within, overdue=args.overdue)
    render = {
        "text": due.render_text,
        "json": due.render_json,
        "csv": due.render_csv,
        "ics": due.render_ics,
    }[args.format]
    sys.stdout.write(render(queue))
    return EXIT_ERROR if problems else EXIT_OK


def dashboard(args: argparse.Namespace) -> int:
    from ..app.settings import config_for
    from ..due import parse_span
    from ..library import build_library

    try:
        cycle = parse_span(args.cycle)
    except ValueError as error:
        raise UserError(str(error)) from None
    config = config_for(flags_from(args))
    library = build_library(
        args.paths,
        config,
        today=args.today,
        cycle_days=cycle,
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
    )
    if args.format == "json":
        output = json.dumps(library.to_data(), indent=1, ensure_ascii=False) + "\n"
    else:
        from ..dashboard import render_html

        output = render_html(library)
    write_report(output, args.output)
    return EXIT_OK
