"""Configuration: which packs, which rules, what fails the build, per-path overrides.

Read from ``healthlint.toml`` (keys at the top level) or ``[tool.healthlint]`` in
``pyproject.toml``; ``--config`` names a file. Keys mirror the command-line flags::

    packs = ["default", "rules/our-house-style.yaml"]   # built-in names or YAML files
    fail-level = "warning"
    ignore = ["HL305"]
    exclude = ["drafts/"]
    require-reason = true
    cache-dir = ".healthlint-cache"  # the findings cache; default: the user cache folder

    [severity]
    review-date-stale = "error"

    [[overrides]]
    files = ["conditions/"]        # globs or folders, relative to this file
    type = "condition"             # every article in conditions/ is a condition article

    [[overrides]]
    files = ["archive/**"]
    ignore = ["freshness"]         # old articles are kept for the record, not re-reviewed

Without ``--config``, each checked file uses the configuration nearest to it: the first
``healthlint.toml``, ``.healthlint.toml`` or ``pyproject.toml`` with a ``[tool.healthlint]``
table found walking up from the file's folder (as ruff, Vale and yamllint do). A file with none
above it uses the one found from the working directory, else the defaults.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated, Any

from .models import Severity
from .packs import PackError
from .validation import KEBAB_KEYS, is_unknown_key, kebab_case, model, validate

if TYPE_CHECKING:
    from pydantic import Field, ValidationError
    from pydantic.json_schema import SkipJsonSchema

CONFIG_FILES = ("healthlint.toml", ".healthlint.toml", "pyproject.toml")
DEFAULT_PACKS = ["default"]
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
# A long article takes well under a second; a file that takes this long is hostile or broken.
DEFAULT_TIME_BUDGET = 30.0
_GLOB_CHARS = frozenset("*?[")

_SELECTOR_HELP = "rule ids (HL302), id prefixes (HL3), rule names (review-date-stale) or categories"


class ConfigError(PackError):
    """A configuration file that cannot be used; the message names the file and the key."""


@model
class PathOverride:
    """Settings for the files matching ``files``."""

    __pydantic_config__ = KEBAB_KEYS

    files: Annotated[
        list[str],
        Field(
            min_length=1,
            description="globs or folders relative to the configuration file, "
            "e.g. 'conditions/', 'archive/**', '*.html'",
        ),
    ]
    type: Annotated[
        str | None,
        Field(
            description="article type of these files (e.g. condition, treatment), used when "
            "their front matter does not say"
        ),
    ] = None
    region: Annotated[
        str | None,
        Field(
            description="country whose emergency and crisis numbers these files give (us, "
            "ca, uk, ie, au, nz), used when their front matter does not say"
        ),
    ] = None
    language: Annotated[
        str | None,
        Field(
            description="language of these files (en, es), used when neither their front "
            "matter nor their markup says"
        ),
    ] = None
    select: Annotated[
        list[str] | None, Field(description="only these rules for these files: " + _SELECTOR_HELP)
    ] = None
    ignore: Annotated[
        list[str], Field(description="rules turned off for these files: " + _SELECTOR_HELP)
    ] = field(default_factory=list)
    severity: Annotated[
        dict[str, Severity],
        Field(description="rule id, name or category -> severity, for these files"),
    ] = field(default_factory=dict)

    def matches(self, relative: str) -> bool:
        """Whether a path relative to the configuration file's folder is one of ``files``."""
        return path_matches(relative, self.files)


def path_matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a path relative to the configuration file's folder matches a glob or folder."""
    path = PurePosixPath(relative)
    for raw in patterns:
        pattern = raw.strip()
        pattern = pattern[2:] if pattern.startswith("./") else pattern
        if not pattern:
            continue
        if pattern.endswith("/"):
            # A folder: everything below it, as in .gitignore.
            pattern += "**"
        if fnmatch.fnmatchcase(relative, pattern) or path.match(pattern):
            return True
        if not _GLOB_CHARS & set(pattern) and relative.startswith(pattern + "/"):
            # A folder named without a slash ("conditions") still means its contents.
            return True
    return False


@model
class Config:
    """Everything ``healthlint check`` can be told; each key has a command-line flag."""

    __pydantic_config__ = KEBAB_KEYS

    packs: Annotated[
        list[str],
        Field(
            description="rule packs: built-in names (default, core, patient-education) or "
            "YAML files relative to the configuration file (--pack)"
        ),
    ] = field(default_factory=lambda: list(DEFAULT_PACKS))
    select: Annotated[
        list[str] | None,
        Field(description="only these rules; default: all (--select): " + _SELECTOR_HELP),
    ] = None
    ignore: Annotated[
        list[str], Field(description="rules to skip (--ignore): " + _SELECTOR_HELP)
    ] = field(default_factory=list)
    extend_select: Annotated[
        list[str], Field(description="rules to add to 'select' (--extend-select)")
    ] = field(default_factory=list)
    fail_level: Annotated[
        Severity,
        Field(description="lowest severity that makes healthlint exit with 1 (--fail-level)"),
    ] = Severity.ERROR
    today: Annotated[
        dt.date | None,
        Field(
            description="judge review dates as of this day, YYYY-MM-DD; default: the real "
            "date (--today)"
        ),
    ] = None
    severity: Annotated[
        dict[str, Severity],
        Field(
            description="rule id, name or category -> info, warning or error "
            "(--severity RULE=LEVEL)"
        ),
    ] = field(default_factory=dict)
    overrides: Annotated[
        list[PathOverride],
        Field(
            description="settings for some files: an article type per folder, rules off for "
            "a folder"
        ),
    ] = field(default_factory=list)
    include: Annotated[
        list[str] | None,
        Field(
            description="globs or folders of the files that are articles, relative to this "
            "file; default: every Markdown, HTML and text file except the repository's own "
            "(README, CHANGELOG, LICENSE, CONTRIBUTING, requirements files, ...)"
        ),
    ] = None
    exclude: Annotated[
        list[str],
        Field(
            description="globs or folder names never checked, even when named on the "
            "command line (--exclude)"
        ),
    ] = field(default_factory=list)
    max_file_size: Annotated[
        int,
        Field(
            ge=1,
            description="files larger than this many bytes are reported, not read "
            "(--max-file-size)",
        ),
    ] = DEFAULT_MAX_FILE_SIZE
    time_budget: Annotated[
        float,
        Field(
            ge=0,
            description="seconds one file may take to check; a file that takes longer "
            "is stopped and reported (HL001), and the others are still checked; 0: no "
            "limit (--time-budget)",
        ),
    ] = DEFAULT_TIME_BUDGET
    language: Annotated[
        str | None,
        Field(
            description="language of the articles (en, es), used when neither their front "
            "matter nor their markup says; default: told from the text"
        ),
    ] = None
    region: Annotated[
        str | None,
        Field(
            description="country whose emergency and crisis numbers the articles give (us, "
            "ca, uk, ie, au, nz); default: the page's language tag (en-GB is uk), else us"
        ),
    ] = None
    require_reason: Annotated[
        bool,
        Field(description="suppression comments must say why, after ' -- ' (--require-reason)"),
    ] = False
    inline_directives: Annotated[
        bool,
        Field(
            description="whether healthlint-disable comments in articles are obeyed; false "
            "reports every finding whatever the article says (--no-inline-directives)"
        ),
    ] = True
    unsuppressible: Annotated[
        list[str] | None,
        Field(
            description="rules no healthlint-disable comment in an article can hide (ids, "
            "names or categories; --unsuppressible); default: the caveats category in CI, "
            "none elsewhere"
        ),
    ] = None
    docs_url: Annotated[
        str | None,
        Field(
            description="address of each rule's documentation page, with {id} and {name} "
            "filled in (SARIF helpUri), for rules whose pack gives none; e.g. where you publish "
            "healthlint's docs/rules/: https://example.org/healthlint/rules/{id}.md"
        ),
    ] = None
    cache_dir: Annotated[
        str | None,
        Field(
            description="folder of the findings cache, relative to the configuration file; "
            "--cache-dir and $HEALTHLINT_CACHE_DIR come first; default: the user cache "
            "folder"
        ),
    ] = None
    # The configuration file's folder and the file itself: set from where the file was found,
    # never written in it (_validated refuses them as keys, the schema leaves them out).
    root: SkipJsonSchema[Path | None] = None
    source: SkipJsonSchema[Path | None] = None
    # "root = true" in the file: the configurations in folders below it are not read. (The
    # file's own key is a boolean; the folder it sets is ``root``.)
    is_root: SkipJsonSchema[bool | None] = None


_INTERNAL_KEYS = ("root", "source", "is_root")
_ROOT_HELP = (
    "root = true: configuration files in folders below this one are ignored, so a "
    "contributed folder cannot change how it is checked (the default in CI); "
    "root = false: they are obeyed, in CI too"
)


def _read_toml(path: Path) -> dict[str, Any] | None:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{path}: cannot read configuration: not UTF-8 ({error.reason})"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        section = tool.get("healthlint") if isinstance(tool, dict) else None
        if section is not None and not isinstance(section, dict):
            raise ConfigError(f"{path}: tool.healthlint must be a table ([tool.healthlint])")
        return section
    return data


def load_config(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """Read a configuration file, or find one upward from ``start`` (default: the cwd)."""
    if path is not None:
        file = Path(path)
        config = config_in(file)
        if config is None:
            raise ConfigError(f"{file}: no [tool.healthlint] table")
        return config
    return ConfigFinder(Config()).for_path((start or Path.cwd()).resolve())


def config_in(file: Path) -> Config | None:
    """The configuration ``file`` holds, validated; None for a ``pyproject.toml`` without a
    ``[tool.healthlint]`` table.

    Kept in the artifact cache while the file is unchanged, so that a run neither parses nor
    validates a configuration it has read before (and does not import pydantic to do so); a
    changed one is read without pydantic too when :func:`exact_config` can.
    """
    from .artifacts import cached_object

    config: Config | None = cached_object(
        "config", str(file.resolve()), lambda: (_parse(file), [str(file)])
    )
    return config


def _parse(file: Path) -> Config | None:
    data = _read_toml(file)
    return None if data is None else _validated(data, file)


class ConfigFinder:
    """The configuration of each file, each folder looked at only once.

    A file is checked with the nearest configuration above it, unless a configuration further
    up is a trusted root: one with ``root = true``, or in CI the outermost one of the
    repository (unless it says ``root = false``). Below a trusted root the folders' own
    configuration files are not read, because in a contributed folder one could switch the
    gate off (``ignore = ["ALL"]``, a lower fail-level); ``ignored`` lists them. The search
    stops at the repository's top folder (the one holding ``.git``).

    A library has thousands of articles in a few folders, so lookups are cached per folder;
    each configuration file is therefore read once and gives one Config object. ``fallback``
    serves files with no configuration above them; by default it is the one found from the
    working directory, else the defaults.
    """

    def __init__(self, fallback: Config | None = None) -> None:
        self._chains: dict[Path, tuple[Config, ...]] = {}
        self.fallback = Config() if fallback is None else fallback
        # Configuration files below a trusted root that were not obeyed, in the order met.
        self.ignored: list[Path] = []
        if fallback is None:
            self.fallback = self.for_path(Path.cwd())

    def for_path(self, path: Path) -> Config:
        """The configuration for a file (or folder) to be checked."""
        absolute = Path(_absolute(path))
        folder = absolute if absolute.is_dir() else absolute.parent
        chain = self._chain(folder)  # nearest first
        if not chain:
            return self.fallback
        chosen = next((c for c in reversed(chain) if c.is_root), None)
        if chosen is None and in_ci() and chain[-1].is_root is not False:
            chosen = chain[-1]
        if chosen is None:
            return chain[0]
        for nearer in chain[: chain.index(chosen)]:
            if nearer.source is not None and nearer.source not in self.ignored:
                self.ignored.append(nearer.source)
        return chosen

    def _chain(self, folder: Path) -> tuple[Config, ...]:
        """The configurations from ``folder`` up to the repository's top, nearest first."""
        cached = self._chains.get(folder)
        if cached is not None:
            return cached
        own: Config | None = None
        for name in CONFIG_FILES:
            file = folder / name
            if file.is_file():
                own = config_in(file)
                if own is not None:
                    break
        top = folder.parent == folder or (folder / ".git").exists()
        above = () if top else self._chain(folder.parent)
        chain = (own, *above) if own is not None else above
        self._chains[folder] = chain
        return chain


def in_ci() -> bool:
    """Whether this runs in continuous integration (GitHub Actions, GitLab CI and most others
    set CI=true)."""
    import os

    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _absolute(path: Path) -> str:
    import os

    # abspath, not resolve: a symlinked folder keeps the configuration of where it is linked.
    return os.path.abspath(path)


def _where(location: tuple[int | str, ...], prefix: str) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    return prefix + ("".join(parts) or "(top level)")


def _describe(error: ValidationError, prefix: str) -> list[str]:
    lines = []
    for problem in error.errors():
        location = tuple(problem["loc"])
        where = _where(location, prefix)
        if is_unknown_key(problem["type"]):
            known = ", ".join(sorted(_known_keys(location[:-1])))
            lines.append(f"  {where}: unknown key (known keys: {known})")
            continue
        value = problem.get("input")
        shown = "" if isinstance(value, (dict, list)) or value is None else f" (got {value!r})"
        lines.append(f"  {where}: {problem['msg']}{shown}")
    return lines


def _known_keys(location: tuple[int | str, ...]) -> list[str]:
    import dataclasses

    kind: type[Config | PathOverride] = Config
    if location and location[0] == "overrides":
        kind = PathOverride
    names = [
        kebab_case(item.name)
        for item in dataclasses.fields(kind)
        if item.name not in _INTERNAL_KEYS
    ]
    return [*names, "root"] if kind is Config else names


def _validated(data: dict[str, Any], file: Path) -> Config:
    prefix = "tool.healthlint." if file.name == "pyproject.toml" else ""
    declared_root = data.get("root")
    if isinstance(declared_root, bool):
        data = {key: value for key, value in data.items() if key != "root"}
    elif "root" in data:
        raise ConfigError(
            f"{file}: invalid configuration\n  {prefix}root: must be true or false ({_ROOT_HELP})"
        )
    internal = [key for key in _INTERNAL_KEYS if key in data]
    if internal:
        # root and source say where the file was found; letting a file set them would move
        # every relative pack path and override glob somewhere else.
        raise ConfigError(
            f"{file}: invalid configuration\n  {prefix}{internal[0]}: unknown key (known keys: "
            f"{', '.join(sorted(_known_keys(())))})"
        )
    config = exact_config(data)
    if config is None:
        from pydantic import ValidationError

        try:
            config = validate(Config, data)
        except ValidationError as error:
            lines = _describe(error, prefix)
            raise ConfigError(f"{file}: invalid configuration\n" + "\n".join(lines)) from error
    config.root = file.parent.resolve()
    config.source = file.resolve()
    config.is_root = declared_root if isinstance(declared_root, bool) else None
    # Pack paths and the cache folder are relative to the configuration file that names them.
    config.packs = [resolve_pack(p, config.root) for p in config.packs]
    for pack in config.packs:
        if pack.endswith((".yaml", ".yml")) and not Path(pack).resolve().is_relative_to(
            config.root
        ):
            # A configuration loads packs from its own tree (and the installed package's
            # built-in ones): one in a contributed folder must not read files elsewhere.
            raise ConfigError(
                f"{file}: invalid configuration\n  {prefix}packs: {pack!r} is "
                f"outside {config.root}; packs load from the configuration's "
                "folder and below, or by built-in name"
            )
    if config.cache_dir is not None:
        config.cache_dir = str(config.root / Path(config.cache_dir).expanduser())
    return config


class _Unsure(Exception):
    """A value :func:`exact_config` does not take as it is: pydantic decides."""


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Unsure
    return value


def _texts(value: Any) -> list[str]:
    if type(value) is not list or any(type(item) is not str for item in value):
        raise _Unsure
    return list(value)


def _some_texts(value: Any) -> list[str]:
    if not value:
        raise _Unsure
    return _texts(value)


def _severity(value: Any) -> Severity:
    if type(value) is not str or value not in _SEVERITY_VALUES:
        raise _Unsure
    return Severity(value)


def _severities(value: Any) -> dict[str, Severity]:
    if type(value) is not dict or any(type(key) is not str for key in value):
        raise _Unsure
    return {key: _severity(level) for key, level in value.items()}


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise _Unsure
    return value


def _size(value: Any) -> int:
    if type(value) is not int or not 1 <= value < 2**63:
        raise _Unsure
    return value


def _seconds(value: Any) -> float:
    # pydantic gives a float for an int; one exactly representable converts exactly.
    if type(value) is int and 0 <= value <= 2**53:
        return float(value)
    if type(value) is not float or not 0 <= value < float("inf"):
        raise _Unsure
    return value


def _day(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    if (
        type(value) is not str
        or len(value) != 10
        or value[4] != "-"
        or value[7] != "-"
        or not all(c in "0123456789" for c in value[:4] + value[5:7] + value[8:])
    ):
        raise _Unsure
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Unsure from None


def _overrides(value: Any) -> list[PathOverride]:
    if type(value) is not list or any(
        type(item) is not dict or "files" not in item for item in value
    ):
        raise _Unsure
    return [PathOverride(**_fields(item, _OVERRIDE_KEYS)) for item in value]


_SEVERITY_VALUES = frozenset(severity.value for severity in Severity)

# What a TOML file may give each key, and what pydantic makes of it, for the values pydantic
# takes unchanged (a float from an int, a severity from its name, a day from YYYY-MM-DD):
# anything else, a key under its Python name included, goes to pydantic.
_OVERRIDE_KEYS: dict[str, Any] = {
    "files": _some_texts,
    "type": _text,
    "region": _text,
    "language": _text,
    "select": _texts,
    "ignore": _texts,
    "severity": _severities,
}
_CONFIG_KEYS: dict[str, Any] = {
    "packs": _texts,
    "select": _texts,
    "ignore": _texts,
    "extend-select": _texts,
    "fail-level": _severity,
    "today": _day,
    "severity": _severities,
    "overrides": _overrides,
    "include": _texts,
    "exclude": _texts,
    "max-file-size": _size,
    "time-budget": _seconds,
    "language": _text,
    "region": _text,
    "require-reason": _flag,
    "inline-directives": _flag,
    "unsuppressible": _texts,
    "docs-url": _text,
    "cache-dir": _text,
}


def _fields(data: Any, known: dict[str, Any]) -> dict[str, Any]:
    if type(data) is not dict:
        raise _Unsure
    fields = {}
    for key, value in data.items():
        convert = known.get(key)
        if convert is None:
            raise _Unsure
        fields[key.replace("-", "_")] = convert(value)
    return fields


def exact_config(data: dict[str, Any]) -> Config | None:
    """``data`` (a configuration file's table) as the Config pydantic would make of it, without
    importing pydantic, when every key and value is one it takes as it is; None otherwise, and
    pydantic validates it (and words what is wrong). A fresh process pays for pydantic's import
    at every edit of a configuration file otherwise."""
    try:
        return Config(**_fields(data, _CONFIG_KEYS))
    except _Unsure:
        return None


def resolve_pack(reference: str, base: Path) -> str:
    """A pack reference made absolute when it names a YAML file; built-in names stay names."""
    if reference.endswith((".yaml", ".yml")) and not Path(reference).is_absolute():
        return str(base / reference)
    return reference
