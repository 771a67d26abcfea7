"""Writing a report where it was asked for: standard output, or a file replaced atomically and
never through a symbolic link."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from ..errors import UsageError


def write_report(output: str | Iterable[str], destination: str | None) -> None:
    """Write the report (a string, or chunks written as they come) to ``destination``, or to
    standard output without one."""
    chunks = [output] if isinstance(output, str) else output
    if not destination:
        for chunk in chunks:
            sys.stdout.write(_valid(chunk))
        return
    from ..artifacts import write_atomically

    # A symlink planted where the report goes would point the write at any file the runner may
    # write; the report replaces a plain file atomically and is never written through a link.
    if os.path.islink(destination):
        raise UsageError(
            f"{destination}: is a symbolic link; the report is not written through "
            "one (remove it or choose another --output)"
        )
    try:
        write_atomically(
            destination,
            (_valid(chunk).encode("utf-8") for chunk in chunks),
            mode=0o644,
            make_folder=False,
        )
    except OSError as error:
        raise UsageError(f"{destination}: cannot write the report: {error.strerror}") from error


def _valid(chunk: str) -> str:
    # Bytes of a file name that is not UTF-8 (lone surrogates) become visible escapes, so
    # every report is valid UTF-8.
    if chunk.isascii():
        return chunk
    return chunk.encode("utf-8", "backslashreplace").decode("utf-8")
