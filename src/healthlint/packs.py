"""Rule packs: rules declared as YAML data, validated by pydantic.

A pack names rule *instances*; each one picks a rule *kind* (the Python code that checks) and
gives it options. Packs may ``extends:`` other packs by built-in name or relative path; a later
pack replaces an earlier rule with the same id. Built-in packs live in the top-level ``rules/``
folder of the source tree and ship inside the wheel as ``healthlint/rules``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import UserError
from .models import Category, Severity

# libyaml's safe loader when PyYAML was built with it: ten times faster on the packs.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RULE_ID = re.compile(r"^[A-Z]{2,5}\d{3,4}$")
RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class PackError(UserError):
    """A pack or configuration that cannot be used; the message names the file and the key."""


class RuleExample(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: str = Field(default="markdown", pattern="^(markdown|text|html)$")
    bad: str
    good: str
    today: str | None = Field(default=None, description="YYYY-MM-DD the example is judged on")


class RuleSpec(BaseModel):
    """One rule instance, as written in a pack."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str
    name: str
    kind: str
    category: Category
    severity: Severity
    message: str
    summary: str = Field(description="one line: what the rule checks")
    source: str = Field(description="the public standard or guidance that justifies the rule")
    rationale: str = ""
    types: list[str] | None = Field(
        default=None, description="article types the rule applies to; none means every type"
    )
    options: dict[str, Any] = Field(default_factory=dict)
    enabled: bool = Field(
        default=True,
        description="false: the rule runs only when selected by its id or name",
    )
    example: RuleExample | None = None
    pack: str = ""

    def selected_by(self, selectors: Iterable[str]) -> bool:
        """Whether any selector names this rule: its id, an id prefix (HL3), its name, its
        category, or ALL."""
        for selector in selectors:
            key = selector.strip()
            if not key:
                continue
            upper = key.upper()
            if upper == "ALL":
                return True
            if self.id == upper or (upper[:2] == self.id[:2] and self.id.startswith(upper)):
                return True
            if key.lower() in (self.name, self.category.value):
                return True
        return False

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("a rule id is 2-5 capital letters and 3-4 digits, e.g. HL302")
        return value

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if not RULE_NAME.match(value):
            raise ValueError("a rule name is kebab-case, e.g. review-date-stale")
        return value


class ArticleTypeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    headings: list[str] = Field(
        default_factory=list,
        description="headings that identify an article of this type when front matter is silent",
    )


class PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pack: str
    description: str = ""
    extends: list[str] = Field(default_factory=list)
    article_types: dict[str, ArticleTypeSpec] = Field(default_factory=dict, alias="article-types")
    rules: list[RuleSpec] = Field(default_factory=list)


class RuleSet(BaseModel):
    """Every rule from a pack and the packs it extends, merged in order."""

    packs: list[str] = Field(default_factory=list)
    article_types: dict[str, ArticleTypeSpec] = Field(default_factory=dict)
    rules: dict[str, RuleSpec] = Field(default_factory=dict)

    def merge(self, pack: PackFile) -> None:
        self.packs.append(pack.pack)
        self.article_types.update(pack.article_types)
        for rule in pack.rules:
            self.rules[rule.id] = rule.model_copy(update={"pack": pack.pack})

    def find(self, key: str) -> RuleSpec | None:
        """A rule by id (HL302) or name (review-date-stale)."""
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        for rule in self.rules.values():
            if rule.name == key.lower():
                return rule
        return None


def builtin_dir() -> Path:
    """Built-in packs: inside the installed package, or the source tree's ``rules/``."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def _locate(reference: str, relative_to: Path | None) -> Path:
    if reference in builtin_names():
        return builtin_dir() / f"{reference}.yaml"
    candidate = Path(reference)
    if not candidate.is_absolute() and relative_to is not None:
        candidate = relative_to / candidate
    if candidate.is_file():
        return candidate
    known = ", ".join(builtin_names())
    raise PackError(f"pack {reference!r} not found: not a built-in pack ({known}) nor a file")


def _describe(error: ValidationError, data: Any) -> str:
    lines = []
    for problem in error.errors():
        location = problem["loc"]
        readable = []
        for index, part in enumerate(location):
            if isinstance(part, int) and index > 0 and location[index - 1] == "rules":
                rule = data.get("rules", [])[part] if isinstance(data, dict) else None
                rule_id = rule.get("id") if isinstance(rule, dict) else None
                readable.append(f"[{part}]" + (f" ({rule_id})" if rule_id else ""))
            else:
                readable.append(f".{part}" if readable else str(part))
        where = "".join(readable) or "(top level)"
        lines.append(f"  {where}: {problem['msg']}")
    return "\n".join(lines)


@cache
def _read_pack(path: Path) -> PackFile:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except OSError as error:
        raise PackError(f"{path}: cannot read pack: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise PackError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise PackError(f"{path}: a pack is a mapping with keys 'pack' and 'rules'")
    try:
        return PackFile.model_validate(data)
    except ValidationError as error:
        raise PackError(f"{path}: invalid pack\n{_describe(error, data)}") from error


def load_rules(references: list[str], base: Path | None = None) -> RuleSet:
    """Load packs by name or path, with everything they extend, into one rule set."""
    from .kinds import validate_options

    ruleset = RuleSet()
    loaded: set[Path] = set()

    def visit(reference: str, relative_to: Path | None, trail: tuple[Path, ...]) -> None:
        path = _locate(reference, relative_to).resolve()
        if path in trail:
            chain = " -> ".join(p.name for p in (*trail, path))
            raise PackError(f"{path}: packs extend each other in a loop: {chain}")
        if path in loaded:
            return
        pack = _read_pack(path)
        for parent in pack.extends:
            visit(parent, path.parent, (*trail, path))
        for rule in pack.rules:
            problem = validate_options(rule)
            if problem:
                raise PackError(f"{path}: invalid pack\n  rules ({rule.id}).{problem}")
        loaded.add(path)
        ruleset.merge(pack)

    for reference in references:
        visit(reference, base, ())
    return ruleset
