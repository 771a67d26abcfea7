"""A content-addressed cache of findings, so an unchanged library is checked in a blink.

The key of a file is a hash of its bytes, its shown path, the day review dates are judged on,
the rules in force (packs, options, severities, selection) and the healthlint version: change
any of them and the file is checked again. Entries are written to a temporary file and moved
into place, so two runs sharing the folder never read half an entry.

Location: ``--cache-dir``, else ``HEALTHLINT_CACHE_DIR``, else the configuration's
``cache-dir``, else the user's cache folder (``~/.cache/healthlint`` on Linux). The artifact
cache (validated packs and configuration, word tables) is always in ``HEALTHLINT_CACHE_DIR`` or
the user's cache folder, since the configuration itself is kept there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Any

from .artifacts import ENV_VAR as ENV_VAR
from .artifacts import default_location as default_location
from .artifacts import seal, trusted_folder, unseal, write_atomically
from .reading import read_whole


def findings_location(flag: str | None, configured: str | None) -> Path:
    """Where the findings cache lives: ``--cache-dir``, else ``$HEALTHLINT_CACHE_DIR``, else
    the configuration's ``cache-dir``, else the user cache folder."""
    if flag:
        return Path(flag)
    if os.environ.get(ENV_VAR):
        return default_location()
    if configured:
        return Path(configured)
    return default_location()


def checked_trees(paths: list[str]) -> list[Path]:
    """The repositories a run reads (each folder holding ``.git`` above a checked path):
    contributed content arrives as a checkout, and anything kept inside one could have come
    with the contribution. A folder outside any repository (a home folder holding the user
    cache) is the user's own."""
    trees: list[Path] = []
    tops: dict[Path, Path | None] = {}  # folder -> its repository, each folder looked at once
    for given in paths:
        path = Path(given).resolve()
        walked: list[Path] = []
        top: Path | None = None
        for folder in (path, *path.parents):
            if folder in tops:
                top = tops[folder]
                break
            walked.append(folder)
            if (folder / ".git").exists():
                top = folder
                break
        for folder in walked:
            tops[folder] = top
        if top is not None and top not in trees:
            trees.append(top)
    return trees


def tree_holding(folder: Path, trees: list[Path]) -> Path | None:
    """The checked tree ``folder`` lies in, if any. A cache there could be planted by the
    contribution being checked, so it is not used."""
    resolved = folder.expanduser().resolve()
    return next((tree for tree in trees if resolved.is_relative_to(tree)), None)


class FindingCache:
    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self._folder_name = str(folder)
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self._trusted: bool | None = None

    def key(self, shown: str, data: bytes) -> str:
        digest = hashlib.sha256()
        digest.update(self.salt.encode())
        digest.update(b"\0")
        digest.update(shown.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return f"{self._folder_name}{os.sep}{key[:2]}{os.sep}{key[2:]}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        return self.get_with_extra(key, extra=False)[0]

    def get_with_extra(
        self, key: str, *, extra: bool = True
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """The entry, and what was kept beside it (see :meth:`put`); None for either that is
        missing or of the wrong shape."""
        try:
            if not self._private():
                raise OSError("cache folder not private")
            raw = unseal(read_whole(self._path(key)))
            if raw is None:
                raise OSError("entry not sealed with this user's key")
        except OSError:
            self.misses += 1
            return None, None
        import json

        # Compact JSON never holds a raw line break, so the first one ends the entry.
        head, _, tail = raw.partition(b"\n")
        try:
            value = json.loads(head)
        except ValueError:
            self.misses += 1
            return None, None
        self.hits += 1
        beside = None
        if extra and tail:
            with contextlib.suppress(ValueError):
                beside = json.loads(tail)
        return (
            value if isinstance(value, dict) else None,
            beside if isinstance(beside, dict) else None,
        )

    def put(self, key: str, entry: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
        """Keep ``entry`` under ``key``, and ``extra`` after it in the same file: one file to
        write (the costly part of a put), while a reader of the entry alone never decodes
        what is beside it."""
        import json

        payload = json.dumps(entry, separators=(",", ":")).encode("utf-8")
        if extra is not None:
            payload += b"\n" + json.dumps(extra, separators=(",", ":")).encode("utf-8")
        # A cache that cannot be written only costs speed, never a result.
        with contextlib.suppress(OSError):
            if self._private():
                write_atomically(self._path(key), seal(payload))

    def _private(self) -> bool:
        if self._trusted is None:
            self._trusted = trusted_folder(str(self.folder))
        return self._trusted
