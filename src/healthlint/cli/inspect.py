"""``healthlint inspect FILE``: how healthlint reads one article, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .arguments import EXIT_ERROR, EXIT_OK, flags_from


def add_parser(commands: Any) -> None:
    inspect = commands.add_parser("inspect", help="show how healthlint reads an article (JSON)")
    inspect.set_defaults(handler=handle)
    inspect.add_argument("path", metavar="FILE")
    inspect.add_argument("--config", metavar="FILE")


def handle(args: argparse.Namespace) -> int:
    from ..app.settings import config_for
    from ..engine import Linter, article_from
    from ..figures import article_figures
    from ..models import to_data
    from ..reading import ReadError, read_source

    path = Path(args.path)
    config = config_for(flags_from(args), start=path)
    try:
        source = read_source(path, max_size=config.max_file_size)
    except ReadError as error:
        print(f"healthlint: {args.path}: {error}", file=sys.stderr)
        return EXIT_ERROR
    article = article_from(source, args.path)
    context = Linter(config).context_for(article, path=args.path)
    document = to_data(article)
    document["encoding"] = source.encoding
    document["readability"] = article_figures(article, context)
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK
