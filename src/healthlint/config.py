"""Configuration: which packs, which rules, what fails the build, per-path overrides.

Read from ``healthlint.toml`` (keys at the top level) or ``[tool.healthlint]`` in
``pyproject.toml``, found by walking up from the working directory; ``--config`` names a file.
Keys mirror the command-line flags.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

import tomllib
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .models import Severity
from .packs import PackError

CONFIG_FILES = ("healthlint.toml", ".healthlint.toml", "pyproject.toml")
DEFAULT_PACKS = ["default"]
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


class _Section(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, alias_generator=lambda s: s.replace("_", "-")
    )


class PathOverride(_Section):
    """Settings for the files matching ``files`` (globs relative to the configuration file)."""

    files: list[str]
    type: str | None = Field(default=None, description="article type for these files")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)

    def matches(self, relative: str) -> bool:
        path = PurePosixPath(relative)
        return any(
            fnmatch.fnmatchcase(relative, pattern) or path.match(pattern)
            for pattern in self.files
        )


class Config(_Section):
    packs: list[str] = Field(default_factory=lambda: list(DEFAULT_PACKS))
    select: list[str] | None = Field(
        default=None, description="rule ids, names or categories to run; default: all"
    )
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    fail_level: Severity = Severity.ERROR
    today: dt.date | None = None
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="rule id, name or category -> severity"
    )
    overrides: list[PathOverride] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    max_file_size: int = Field(default=DEFAULT_MAX_FILE_SIZE, ge=1)
    require_reason: bool = Field(
        default=False, description="suppression comments must say why ('-- reason')"
    )
    root: Path | None = Field(default=None, exclude=True, description="folder of the config file")
    source: Path | None = Field(default=None, exclude=True)


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PackError(f"{path}: cannot read configuration: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{path}: not valid TOML: {error}") from error
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("healthlint")
        return section if isinstance(section, dict) else None
    return data


def load_config(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """Read a configuration file, or find one upward from ``start`` (default: the cwd)."""
    if path is not None:
        file = Path(path)
        data = _read_toml(file)
        if data is None:
            raise PackError(f"{file}: no [tool.healthlint] table")
        return _validate(data, file)
    found = discover(start or Path.cwd())
    if found is None:
        return Config()
    file, data = found
    return _validate(data, file)


def discover(start: Path) -> tuple[Path, dict[str, Any]] | None:
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            file = candidate / name
            if file.is_file():
                data = _read_toml(file)
                if data is not None:
                    return file, data
    return None


def _validate(data: dict[str, Any], file: Path) -> Config:
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            where = ".".join(str(p) for p in problem["loc"]) or "(top level)"
            lines.append(f"  {where}: {problem['msg']}")
        raise PackError(f"{file}: invalid configuration\n" + "\n".join(lines)) from error
    config.root = file.parent.resolve()
    config.source = file.resolve()
    # Pack paths are relative to the configuration file that names them.
    config.packs = [
        p if not (p.endswith((".yaml", ".yml")) and not Path(p).is_absolute())
        else str(config.root / p)
        for p in config.packs
    ]
    return config
