"""What every subcommand's arguments share: the help layout, the value types, and the flags
that set a run's configuration."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from functools import cache
from typing import Any, NoReturn

from ..app.settings import Flags

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LEVELS = ("info", "warning", "error")


class Formatter(argparse.HelpFormatter):
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
            terminal_columns() - 2 if width is None else width,
        )


@cache
def terminal_columns() -> int:
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


class Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"healthlint: error: {message}\n")


def date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from error


def comma_list(value: str) -> list[str]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts:
        # An empty --select would select nothing and pass every article.
        raise argparse.ArgumentTypeError("expected one or more comma-separated values")
    return parts


def severity_pair(value: str) -> tuple[str, str]:
    rule, sep, level = value.partition("=")
    if not sep or not rule.strip() or level.strip().lower() not in LEVELS:
        raise argparse.ArgumentTypeError(
            f"expected RULE=LEVEL with LEVEL one of {', '.join(LEVELS)}: {value!r}"
        )
    return rule.strip(), level.strip().lower()


def size(value: str) -> int:
    units = {"k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2}
    text = value.strip().lower()
    for suffix in sorted(units, key=len, reverse=True):
        if text.endswith(suffix) and text[: -len(suffix)].strip().isdigit():
            return int(text[: -len(suffix)]) * units[suffix]
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(f"not a size in bytes (e.g. 5000000, 500KB, 5MB): {value!r}")


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number < 10**6:
        raise argparse.ArgumentTypeError(f"not a number of seconds (e.g. 30, 2.5, 0): {value!r}")
    return number


def jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}")
    return int(value)


def flags_from(args: argparse.Namespace) -> Flags:
    """The run's settings from the flags a subcommand has (the others keep their defaults)."""
    return Flags(
        **{
            name: value
            for name in Flags.__dataclass_fields__
            if (value := getattr(args, name, None)) is not None
        }
    )
