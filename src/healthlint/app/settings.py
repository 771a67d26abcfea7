"""The settings given for one run (the command line's flags, or a caller's), applied over every
configuration file, and the check that each rule they name exists."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..config import Config
    from ..packs import RuleSet


@dataclass
class Flags:
    """What a run sets over the configuration files; None or empty leaves a setting to them.
    Lists add to the configuration's (``exclude``, ``ignore``, …) except ``packs`` and
    ``select``, which replace it."""

    config: str | None = None  # this configuration file for every file
    isolated: bool = False  # no configuration file at all
    packs: list[str] | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: list[tuple[str, str]] = field(default_factory=list)  # (rule, level)
    fail_level: str | None = None
    today: dt.date | None = None
    exclude: list[str] = field(default_factory=list)
    require_reason: bool | None = None
    inline_directives: bool | None = None
    max_file_size: int | None = None
    time_budget: float | None = None
    unsuppressible: list[str] = field(default_factory=list)


def base_config(flags: Flags, start: Path | None = None) -> Config:
    """The configuration file's settings, before the flags: ``flags.config``, else the one
    nearest ``start`` (the working directory by default)."""
    from ..config import Config, load_config

    if flags.isolated:
        return Config()
    return load_config(flags.config, start=start)


def pack_reference(reference: str) -> str:
    """A pack named for the run: a built-in name, or a file relative to where the run starts
    (not to the configuration file, which may be several folders up)."""
    from ..packs import builtin_names

    if reference in builtin_names():
        return reference
    candidate = Path(reference)
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.exists():
        return str(candidate.resolve())
    return reference


def with_flags(config: Config, flags: Flags) -> Config:
    """``config`` with the flags applied; flags win."""
    from ..models import Severity

    updates: dict[str, Any] = {}
    if flags.packs:
        updates["packs"] = [pack_reference(p) for p in flags.packs]
    if flags.select is not None:
        updates["select"] = flags.select
    if flags.extend_select:
        updates["extend_select"] = [*config.extend_select, *flags.extend_select]
    if flags.ignore:
        updates["ignore"] = [*config.ignore, *flags.ignore]
    if flags.severity:
        updates["severity"] = {
            **config.severity,
            **{rule: Severity(level) for rule, level in flags.severity},
        }
    if flags.fail_level:
        updates["fail_level"] = Severity(flags.fail_level)
    if flags.today:
        updates["today"] = flags.today
    if flags.exclude:
        updates["exclude"] = [*config.exclude, *flags.exclude]
    if flags.require_reason:
        updates["require_reason"] = True
    if flags.inline_directives is False:
        updates["inline_directives"] = False
    if flags.max_file_size:
        updates["max_file_size"] = flags.max_file_size
    if flags.time_budget is not None:
        updates["time_budget"] = flags.time_budget
    if flags.unsuppressible:
        updates["unsuppressible"] = [*(config.unsuppressible or []), *flags.unsuppressible]
    return dataclasses.replace(config, **updates) if updates else config


def config_for(flags: Flags, start: Path | None = None) -> Config:
    """The configuration one run uses everywhere (a listing, ``inspect``, a library report)."""
    return with_flags(base_config(flags, start), flags)


def refuse_unknown_selectors(ruleset: RuleSet, config: Config, flags: Flags) -> None:
    """Refuse a selector that matches no rule: a typo must not silently switch a gate off."""

    def check(selectors: Iterable[str], where: str) -> None:
        for selector in selectors:
            key = selector.strip()
            if not key or key.upper() == "ALL":
                continue
            if not ruleset.matching(key):
                raise UsageError(
                    f"{where}: unknown rule {key!r}: no rule id, id prefix, name or category "
                    "matches it (`healthlint rules` lists them)"
                )

    given = {rule for rule, _ in flags.severity}
    check(flags.select or [], "--select")
    check(flags.extend_select, "--extend-select")
    check(flags.ignore, "--ignore")
    check([rule for rule, _ in flags.severity], "--severity")
    check(flags.unsuppressible, "--unsuppressible")
    source = str(config.source) if config.source else "configuration"
    prefix = "tool.healthlint." if config.source and config.source.name == "pyproject.toml" else ""
    named = (
        set(flags.select or [])
        | set(flags.extend_select)
        | set(flags.ignore)
        | given
        | set(flags.unsuppressible)
    )

    def from_file(selectors: Iterable[str], key: str) -> None:
        check([s for s in selectors if s not in named], f"{source}: {prefix}{key}")

    from_file(config.select or [], "select")
    from_file(config.extend_select, "extend-select")
    from_file(config.ignore, "ignore")
    from_file(config.severity, "severity")
    from_file(config.unsuppressible or [], "unsuppressible")
    for index, override in enumerate(config.overrides):
        from_file(override.select or [], f"overrides[{index}].select")
        from_file(override.ignore, f"overrides[{index}].ignore")
        from_file(override.severity, f"overrides[{index}].severity")
