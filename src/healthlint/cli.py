"""The ``healthlint`` command.

Exit codes: 0 when no finding reaches the fail level, 1 when one does, 2 for a usage,
configuration or internal error. The default fail level is ``error``: errors are what must not
be published (a missing disclaimer, a review date over 3 years old); warnings are advice an
editor weighs (a reading grade of 9, a date over 2 years old). ``--fail-level warning`` makes
warnings fail too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from .config import Config
    from .engine import LintResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"healthlint: error: {message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from error


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog="healthlint",
        description="Lint consumer health articles: sections, credits, review dates, "
        "reading level and safety caveats.",
    )
    parser.add_argument("--version", action="version", version=f"healthlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check articles (files or folders)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", "-f", choices=FORMATS, default="text")
    check.add_argument("--config", metavar="FILE", help="configuration file (healthlint.toml "
                       "or pyproject.toml); default: found upward from the current folder")
    check.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                       help="judge review dates as of this day (default: the real date)")
    check.add_argument("--fail-level", choices=("info", "warning", "error"),
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when findings reach the fail level")
    check.add_argument("--select", type=_list, metavar="RULES",
                       help="only these rules: ids (HL302), id prefixes (HL3), names or categories")
    check.add_argument("--ignore", type=_list, metavar="RULES", default=[],
                       help="skip these rules: ids, id prefixes, names or categories")
    check.add_argument("--pack", action="append", metavar="PACK", dest="packs",
                       help="rule pack name or YAML file (repeatable; replaces configured packs)")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings per rule after the report")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")

    inspect = commands.add_parser("inspect", help="show how healthlint reads an article (JSON)")
    inspect.add_argument("path", metavar="FILE")
    inspect.add_argument("--config", metavar="FILE")

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--config", metavar="FILE")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = commands.add_parser("explain", help="explain one rule, with examples")
    explain.add_argument("rule", metavar="RULE", help="rule id (HL302) or name")
    explain.add_argument("--config", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from .packs import PackError

    try:
        handler = {
            "check": _check,
            "inspect": _inspect,
            "rules": _rules,
            "explain": _explain,
        }[args.command]
        return handler(args)
    except PackError as error:
        print(f"healthlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        import traceback

        traceback.print_exc()
        print(f"healthlint: internal error: {error!r}. Please report this with the file that "
              "caused it.", file=sys.stderr)
        return EXIT_ERROR


def _config(args: argparse.Namespace) -> Config:
    from .config import load_config

    config = load_config(getattr(args, "config", None))
    updates: dict[str, object] = {}
    if getattr(args, "packs", None):
        updates["packs"] = args.packs
    if getattr(args, "select", None) is not None:
        updates["select"] = args.select
    if getattr(args, "ignore", None):
        updates["ignore"] = [*config.ignore, *args.ignore]
    if getattr(args, "fail_level", None):
        from .models import Severity

        updates["fail_level"] = Severity(args.fail_level)
    if getattr(args, "today", None):
        updates["today"] = args.today
    return config.model_copy(update=updates) if updates else config


def _check(args: argparse.Namespace) -> int:
    from .engine import Linter
    from .reporters import get

    config = _config(args)
    linter = Linter(config)
    result = linter.lint_paths(args.paths)
    output = get(args.format)(result)
    if args.statistics:
        output += _statistics(result, linter)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(output)
    else:
        sys.stdout.write(output)
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if result.at_or_above(config.fail_level) else EXIT_OK


def _statistics(result: LintResult, linter: object) -> str:
    from collections import Counter

    counts = Counter((f.rule, f.name, f.severity.value) for f in result.findings)
    if not counts:
        return ""
    width = max(len(str(n)) for n in counts.values())
    rows = [f"{n:>{width}}  {rule}  {name} ({severity})"
            for (rule, name, severity), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
    return "\n" + "\n".join(rows) + "\n"


def _inspect(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .engine import Linter
    from .parsers import parse_article
    from .reading import ReadError, read_source

    config = _config(args)
    try:
        source = read_source(Path(args.path), max_size=config.max_file_size)
    except ReadError as error:
        print(f"healthlint: {args.path}: {error}", file=sys.stderr)
        return EXIT_ERROR
    article = parse_article(source.text, filename=args.path)
    article.problems[:0] = source.problems
    linter = Linter(config)
    linter.check_article(article, path=args.path)  # resolves the article type as checks see it
    document = article.model_dump(mode="json")
    document["encoding"] = source.encoding
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    import json

    from .packs import load_rules

    config = _config(args)
    ruleset = load_rules(config.packs, base=config.root)
    specs = sorted(ruleset.rules.values(), key=lambda r: r.id)
    if args.format == "json":
        rows = [r.model_dump(mode="json", include={"id", "name", "kind", "category", "severity",
                                                   "summary", "source", "pack"}) for r in specs]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    name_width = max((len(r.name) for r in specs), default=4)
    category_width = max((len(r.category.value) for r in specs), default=8)
    for rule in specs:
        sys.stdout.write(
            f"{rule.id}  {rule.name:<{name_width}}  {rule.category.value:<{category_width}}  "
            f"{rule.severity.value:<7}  {rule.summary}\n"
        )
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from .explain import explain_rule
    from .packs import load_rules

    config = _config(args)
    ruleset = load_rules(config.packs, base=config.root)
    rule = ruleset.find(args.rule)
    if rule is None:
        print(f"healthlint: no rule {args.rule!r}; `healthlint rules` lists them",
              file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(explain_rule(rule))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
