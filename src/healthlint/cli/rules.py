"""``healthlint rules``, ``explain`` and ``schema``: what the rules are, one rule or rule kind
in full, and the JSON Schemas of what people write and read."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .arguments import EXIT_ERROR, EXIT_OK, flags_from


def add_parsers(commands: Any) -> None:
    listing = commands.add_parser("rules", help="list the rules")
    listing.set_defaults(handler=list_rules)
    listing.add_argument("--config", metavar="FILE")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    explain = commands.add_parser(
        "explain", help="explain one rule, with examples, or a rule kind and its options"
    )
    explain.set_defaults(handler=explain_rule)
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
    schema.set_defaults(handler=print_schema)
    schema.add_argument("which", nargs="?", choices=("config", "pack", "report"), default="config")


def list_rules(args: argparse.Namespace) -> int:
    from ..app.settings import config_for
    from ..models import to_data
    from ..packs import load_rules

    config = config_for(flags_from(args))
    ruleset = load_rules(config.packs, base=config.root)
    specs = sorted(ruleset.rules.values(), key=lambda r: r.id)
    if args.format == "json":
        keys = ("id", "name", "kind", "category", "severity", "summary", "source", "pack",
                "enabled")  # fmt: skip
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


def explain_rule(args: argparse.Namespace) -> int:
    from .. import kinds
    from ..app.settings import config_for
    from ..explain import explain_rule as explained
    from ..packs import load_rules

    config = config_for(flags_from(args))
    ruleset = load_rules(config.packs, base=config.root)
    rule = ruleset.find(args.rule)
    if rule is not None:
        sys.stdout.write(explained(rule, config.packs, config.root))
        return EXIT_OK
    if args.rule in kinds.names():
        # A rule kind: its documentation (what it checks, its options) and the rules of the
        # configured packs that use it.
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


def print_schema(args: argparse.Namespace) -> int:
    from ..schema import schema_for

    sys.stdout.write(json.dumps(schema_for(args.which), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
