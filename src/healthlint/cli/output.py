"""Writing a report where it was asked for: standard output, or a file replaced atomically and
never through a symbolic link."""

from __future__ import annotations

import os
import sys

from ..errors import UsageError


def write_report(output: str, destination: str | None) -> None:
    # Bytes of a file name that is not UTF-8 (lone surrogates) become visible escapes, so
    # every report is valid UTF-8.
    if not output.isascii():
        output = output.encode("utf-8", "backslashreplace").decode("utf-8")
    if not destination:
        sys.stdout.write(output)
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
        write_atomically(destination, output.encode("utf-8"), mode=0o644, make_folder=False)
    except OSError as error:
        raise UsageError(f"{destination}: cannot write the report: {error.strerror}") from error
