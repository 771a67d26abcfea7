"""The ``healthlint`` command: one module per subcommand (``check``, ``inspect``, ``rules``
with ``explain`` and ``schema``, ``library`` with ``stats``, ``due`` and ``report``) over the
application layer (:mod:`healthlint.app`), which does the work.

Exit codes: 0 when no finding reaches the fail level, 1 when one does, 2 for a usage,
configuration or internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..app import startup
from ..errors import UserError
from ..lazy_regex import save_programs
from . import check, inspect, library, rules
from .arguments import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Parser

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    from ..version import __version__

    parser = Parser(
        prog="healthlint",
        description="Lint consumer health articles: sections, credits, review dates, "
        "reading level and safety caveats.",
    )
    parser.add_argument("--version", action="version", version=f"healthlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    check.add_parser(commands)
    inspect.add_parser(commands)
    library.add_parsers(commands)
    rules.add_parsers(commands)
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
    startup.begin()
    try:
        return _dispatch(argv)
    finally:
        startup.end()
        save_programs()


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        code: int = args.handler(args)
        return code
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
