"""Derived data kept between runs, so a cold start does not rebuild it every time.

Word tables are rebuilt from their source files whenever a source file, healthlint or Python
changes (the key covers their paths, sizes and modification times). Entries are plain data
written with :mod:`marshal`, which cannot run code when read, and are written to a temporary
file first and then moved into place, so runs sharing the folder never read half an entry.
A folder that cannot be written only costs speed.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any


def _folder() -> str:
    from .cache import default_location

    return os.path.join(str(default_location()), "artifacts")


def cached_data(name: str, sources: Sequence[str], build: Callable[[], Any]) -> Any:
    """``build()``'s result, read from the artifact cache when its sources are unchanged."""
    from . import __version__

    key = hashlib.sha256()
    key.update(f"{name}\0{__version__}\0{sys.version_info[:2]}\0".encode())
    for source in sources:
        stat = os.stat(source)
        key.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    try:
        folder = _folder()
    except Exception:
        return build()
    path = os.path.join(folder, f"{name}-{key.hexdigest()[:24]}.marshal")
    try:
        with open(path, "rb") as handle:
            # loads() on the whole file: load() on a file object is several times slower.
            return marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    import tempfile

    try:
        os.makedirs(folder, exist_ok=True)
        handle_fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle_fd, "wb") as handle:
            marshal.dump(value, handle)
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass
    return value
