"""Derived data kept between runs, so a cold start does not rebuild it every time.

Two kinds of entry, both rebuilt whenever a file they were made from, healthlint or Python
changes (checked by the files' paths, sizes and modification times), and tables that a run
adds to (:func:`read_data` and :func:`write_data`, such as compiled regular expressions):

- :func:`cached_data`: plain data such as word tables, written with :mod:`marshal`;
- :func:`cached_object`: validated objects such as the rule set of a list of packs, written as
  plain data (:mod:`healthlint.plain_data`) so that they come back without re-reading YAML or
  importing pydantic, and without anything in an entry able to run code.

What the very first run would build from healthlint's own data (the word tables, the built-in
packs validated) also ships prebuilt inside the package (:func:`prebuilt`, written by
``scripts/build_prebuilt.py``), each piece stamped with the content of the files it was made
from: a miss takes it from there instead of building it while those files are unchanged.

Every entry is sealed with an HMAC whose key is the user's own (a file readable by the user only,
kept in the user configuration folder, never in the cache folder), and its seal is checked
before a byte of it is decoded: an entry planted by anyone who cannot read that key — a pull
request restoring a cache, another user of a shared folder — is a miss, never code run. A cache
folder that is not the user's own, or that others may write to, is not used at all.

Entries are written to a temporary file first and then moved into place, so runs sharing the
folder never read half an entry. A folder that cannot be written only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from .version import __version__

T = TypeVar("T")


_disabled = False

# Where every cache lives unless told otherwise (--cache-dir names the findings' folder only).
ENV_VAR = "HEALTHLINT_CACHE_DIR"


def default_location() -> Path:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    if sys.platform == "linux":
        # What platformdirs answers on Linux (the XDG base directory rule), without importing
        # it: this runs at every start of the pre-commit hook.
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(base or os.path.expanduser("~/.cache"), "healthlint")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("healthlint", appauthor=False))


def disable() -> None:
    """Every later call builds afresh and writes nothing (``--no-cache``)."""
    global _disabled
    _disabled = True


def _folder() -> str:
    if _disabled:
        raise OSError("caching disabled")
    root = str(default_location())
    folder = os.path.join(root, "artifacts")
    if not (trusted_folder(root) and trusted_folder(folder)):
        raise OSError(f"cache folder {folder!r} is not private to this user")
    return folder


def trusted_folder(folder: str) -> bool:
    """Whether ``folder`` (created if missing) and every existing parent up to the user's home or
    the root are owned by this user or root and not writable by group or others: anything else
    lets another account swap entries in or out."""
    with contextlib.suppress(OSError):
        os.makedirs(folder, mode=0o700, exist_ok=True)
    if not hasattr(os, "getuid"):
        return os.path.isdir(folder)
    uid = os.getuid()
    try:
        stat = os.stat(folder)
    except OSError:
        return False
    return stat.st_uid == uid and not stat.st_mode & 0o022


def _key_path() -> str:
    if sys.platform == "linux":
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return os.path.join(base, "healthlint", "cache-key")
    from platformdirs import user_config_dir

    return os.path.join(user_config_dir("healthlint", appauthor=False), "cache-key")


@cache
def _secret() -> bytes:
    """The user's cache key: ``$HEALTHLINT_CACHE_KEY`` (a CI secret, so that a runner that starts
    empty can trust the cache it restores), else a file created on first use (32 random bytes,
    mode 0600)."""
    given = os.environ.get("HEALTHLINT_CACHE_KEY", "")
    if given:
        if len(given) < 32:
            raise OSError("HEALTHLINT_CACHE_KEY is shorter than 32 characters")
        return given.encode("utf-8", "surrogateescape")
    path = _key_path()
    try:
        with open(path, "rb") as handle:
            secret = handle.read()
            stat = os.fstat(handle.fileno())
        if len(secret) >= 32:
            if hasattr(os, "getuid") and (stat.st_uid != os.getuid() or stat.st_mode & 0o077):
                raise OSError(f"cache key {path!r} is readable or owned by another user")
            return secret
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    secret = os.urandom(32)
    write_atomically(path, secret, mode=0o600)
    return secret


_SEAL = 32


def seal(payload: bytes) -> bytes:
    """``payload`` preceded by its HMAC under the user's key."""
    return hmac.new(_secret(), payload, hashlib.sha256).digest() + payload


def unseal(sealed: bytes) -> bytes | None:
    """The payload of a sealed entry, or None when the seal does not match it."""
    try:
        secret = _secret()
    except OSError:
        return None
    payload = sealed[_SEAL:]
    expected = hmac.new(secret, payload, hashlib.sha256).digest()
    return payload if hmac.compare_digest(expected, sealed[:_SEAL]) else None


def cached_data(name: str, sources: Sequence[str], build: Callable[[], Any]) -> Any:
    """``build()``'s result, read from the artifact cache when its sources are unchanged."""
    if _recording is not None:
        built = build()
        _recording[name] = (content_stamps(sources), built)
        return built
    key = hashlib.sha256()
    key.update(f"{name}\0{__version__}\0{sys.version_info[:2]}\0".encode())
    for source in sources:
        if _in_package(source):
            # healthlint's own data files change only with healthlint (see code_stamp).
            key.update(f"{os.path.relpath(source, _PACKAGE)}\0{code_stamp()}\0".encode())
        else:
            stat = os.stat(source)
            key.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    try:
        folder = _folder()
    except Exception:
        # No cache (--no-cache, standard input, a folder not the user's own): what ships with
        # the package is still healthlint's own data.
        value = _prebuilt_data(name, sources)
        return build() if value is None else value
    path = os.path.join(folder, f"{name}-{key.hexdigest()[:24]}.marshal")
    value = _read_sealed(path)
    if value is None:
        value = _prebuilt_data(name, sources)
        if value is None:
            value = build()
        _write(path, marshal.dumps(value))
    return value


# While set (by the script that writes the prebuilt entries), every cached_data entry is built
# afresh and kept here with the stamps of its sources.
_recording: dict[str, Any] | None = None


def record_builds(into: dict[str, Any] | None) -> None:
    """Build every later :func:`cached_data` entry afresh, neither read from nor written to the
    cache, and keep it in ``into`` as ``name -> (content stamps, value)``; None stops."""
    global _recording
    _recording = into


def _prebuilt_data(name: str, sources: Sequence[str]) -> Any:
    """The entry shipped prebuilt as ``name``, when it was made from sources with the content
    these have; else None."""
    shipped = prebuilt(name)
    if not (isinstance(shipped, tuple) and len(shipped) == 2):
        return None
    stamps, value = shipped
    return value if stamps == content_stamps(sources) else None


def content_stamps(sources: Sequence[str]) -> list[str] | None:
    """A digest of each source's content, in order; None when one cannot be read."""
    stamps = []
    for source in sources:
        try:
            with open(source, "rb") as handle:
                stamps.append(hashlib.sha256(handle.read()).hexdigest())
        except OSError:
            return None
    return stamps


def prebuilt_path(name: str) -> str:
    return os.path.join(_PACKAGE, "prebuilt", f"{name}.marshal")


def prebuilt(name: str) -> Any:
    """The plain data shipped inside the package as ``name``, or None.

    These files are installed with healthlint's code and trusted as it is (nothing in a checked
    tree is ever read as one), so they carry no seal; they hold plain data all the same, which
    callers check before use, and each piece names the content of the files it was made from.
    """
    try:
        with open(prebuilt_path(name), "rb") as handle:
            return marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _read_sealed(path: str) -> Any:
    """The plain data of a sealed entry, or None when there is none, its seal does not match
    or it cannot be decoded."""
    try:
        with open(path, "rb") as handle:
            payload = unseal(handle.read())
        # loads() on the whole payload: load() on a file object is several times slower.
        return None if payload is None else marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def read_data(name: str) -> Any:
    """The plain data last kept under ``name`` with :func:`write_data`, or None."""
    try:
        folder = _folder()
    except OSError:
        return None
    return _read_sealed(os.path.join(folder, f"{name}.marshal"))


def write_data(name: str, value: Any) -> None:
    """Keep ``value`` (plain data: what :mod:`marshal` writes) under ``name``, replacing what
    was there."""
    try:
        folder = _folder()
    except OSError:
        return
    _write(os.path.join(folder, f"{name}.marshal"), marshal.dumps(value))


def cached_object(name: str, key: str, build: Callable[[], tuple[T, Sequence[str]]]) -> T:
    """The object ``build()`` makes, read from the cache while the files it lists are unchanged.

    ``build`` returns the object and the files it was made from; ``key`` is everything else
    that decides the object (e.g. the pack names asked for and the folder they are relative to).
    The object is kept as plain data (:mod:`healthlint.plain_data`), never pickled: reading an
    entry back builds healthlint's own dataclasses and enums and runs nothing else.
    """
    from .plain_data import from_plain, to_plain

    digest = hashlib.sha256(
        f"{name}\0{__version__}\0{code_stamp()}\0{sys.version_info[:2]}\0{key}".encode()
    ).hexdigest()[:24]
    try:
        folder = _folder()
    except Exception:
        return build()[0]
    path = os.path.join(folder, f"{name}-{digest}.marshal")
    stored = _read_sealed(path)
    if stored is not None:
        # An entry of the wrong shape, or naming what plain data refuses, is a miss.
        with contextlib.suppress(ValueError, TypeError, AttributeError, ImportError):
            stamps, plain = stored
            recorded = [stamp[0] for stamp in stamps]
            if recorded and [tuple(stamp) for stamp in stamps] == _stamps(recorded):
                return from_plain(plain)  # type: ignore[no-any-return]
    value, sources = build()
    try:
        entry = marshal.dumps((_stamps(sources), to_plain(value)))
    except (TypeError, ValueError):
        return value  # something plain data cannot hold: built afresh every time
    _write(path, entry)
    return value


def _stamps(sources: Sequence[str]) -> list[tuple[str, str]]:
    """Each source with a digest of its content: an edit that keeps a file's size and time is
    still an edit, and the same files installed again give the same stamps."""
    stamps = []
    for source in sources:
        try:
            with open(source, "rb") as handle:
                content = handle.read()
        except OSError:
            return []
        stamps.append((source, hashlib.sha256(content).hexdigest()[:32]))
    return stamps


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


@cache
def code_stamp() -> str:
    """Changes whenever healthlint's own files change, so nothing cached outlives the code that
    made it. An installed package is stamped by its RECORD, the list of its files with their
    content hashes that pip writes: the same release installed again hits the same entries.
    An editable install under development has no such list for its sources and is stamped by
    their modification times."""
    record = _installed_record()
    if record is not None:
        return "record:" + hashlib.sha256(record).hexdigest()[:32]
    newest = count = 0
    for folder, _, files in os.walk(_PACKAGE):
        for name in files:
            if name.endswith((".py", ".yaml", ".txt")):
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
                count += 1
    return f"{count}:{newest}"


def _installed_record() -> bytes | None:
    site = os.path.dirname(_PACKAGE)
    try:
        names = [
            n for n in os.listdir(site) if n.startswith("healthlint-") and n.endswith(".dist-info")
        ]
    except OSError:
        return None
    for name in names:
        try:
            with open(os.path.join(site, name, "RECORD"), "rb") as handle:
                record = handle.read()
        except OSError:
            continue
        # An editable install's RECORD lists only its own link files, not the package.
        if b"healthlint/__init__.py," in record:
            return record
    return None


def _in_package(path: str) -> bool:
    return os.path.abspath(path).startswith(_PACKAGE + os.sep)


# Entries written longer ago than this are deleted whenever a new one is written.
_UNUSED_DAYS = 30


def prune(folder: str, keep: str) -> None:
    """Delete the entries in ``folder`` written more than ``_UNUSED_DAYS`` ago, except
    ``keep``: every change of healthlint, its packs or its configuration makes new entries,
    and the old ones would otherwise stay for ever. An old entry still in use is simply
    built again by the next run that needs it (entries are only written on a miss, so this
    runs rarely)."""
    import time

    limit = time.time() - _UNUSED_DAYS * 86400
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == keep or not entry.name.endswith((".marshal", ".tmp", ".pickle")):
                continue
            with contextlib.suppress(OSError):
                # Pickled entries of earlier versions are never read again.
                if entry.name.endswith(".pickle") or entry.stat().st_mtime < limit:
                    os.unlink(entry.path)


def _write(path: str, payload: bytes) -> None:
    with contextlib.suppress(OSError):
        write_atomically(path, seal(payload))
        prune(os.path.dirname(path), os.path.basename(path))


_written = 0


def write_atomically(
    path: str, payload: bytes | Iterable[bytes], *, mode: int = 0o600, make_folder: bool = True
) -> None:
    """Write ``payload`` (bytes, or chunks of them written as they come, so a large report
    is never held whole) to a new file beside ``path``, then move it into place: a reader sees
    the old file or the whole new one, never half of one, and two writers never share a
    temporary file. The folder is created if needed; ``mode`` (before the umask) defaults to
    readable by the user only, as cache entries are. The temporary file is created exclusively,
    so a link planted under its name is never followed."""
    global _written
    _written += 1
    if make_folder:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.{os.getpid()}-{_written}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(payload, bytes):
                handle.write(payload)
            else:
                for chunk in payload:
                    handle.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
