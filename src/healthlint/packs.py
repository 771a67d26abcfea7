"""Rule packs: rules declared as YAML data, validated by pydantic.

A pack names rule *instances*; each one picks a rule *kind* (the Python code that checks) and
gives it options. Packs may ``extends:`` other packs by built-in name or relative path (a file
in the extending pack's folder or below, or in the configuration's); a later
pack replaces an earlier rule with the same id. Built-in packs live in the top-level ``rules/``
folder of the source tree and ship inside the wheel as ``healthlint/rules``, with what
validating them gives (``healthlint/prebuilt``, used while their content is unchanged).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from .errors import UserError
from .models import Severity
from .rule_specs import RULE_ID as RULE_ID
from .rule_specs import RULE_NAME as RULE_NAME
from .rule_specs import RuleExample as RuleExample
from .rule_specs import RuleSpec as RuleSpec
from .rule_specs import valid_rule_id
from .validation import KEBAB_KEYS, Check, is_unknown_key, model, validate

if TYPE_CHECKING:
    from pydantic import Field, ValidationError

    from .kinds.base import KindOptions


class PackError(UserError):
    """A pack or configuration that cannot be used; the message names the file and the key."""


@model
class ArticleTypeSpec:
    """An article type a pack knows, and the headings that identify it."""

    description: str = ""
    headings: Annotated[
        list[str],
        Field(
            description="headings that identify an article of this type when front matter is silent"
        ),
    ] = field(default_factory=list)
    defined_as: Annotated[
        list[str],
        Field(
            description="nouns the article's first sentence may call its subject (\"X is a "
            'medicine that…") when neither front matter nor headings say the type; a type '
            "read this way brings its caveat rules, not its required sections"
        ),
    ] = field(default_factory=list)


@model
class RuleChange:
    """What a pack changes in a rule it inherits, named by id, without restating the rule.

    The fields given replace the inherited ones; ``options`` are merged key by key, and a key
    ending in ``+`` adds its items to the inherited list (``when+: [chest tightness]``).
    """

    id: Annotated[str, Check(valid_rule_id)]
    severity: Severity | None = None
    enabled: bool | None = None
    message: str | None = None
    summary: str | None = None
    rationale: str | None = None
    source: str | None = None
    types: list[str] | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def applied_to(self, rule: RuleSpec, pack: str) -> RuleSpec:
        options = dict(rule.options)
        for key, value in self.options.items():
            if key.endswith("+"):
                inherited = options.get(key[:-1], [])
                if not isinstance(inherited, list) or not isinstance(value, list):
                    raise PackError(
                        f"change {self.id}: options.{key} adds a list to a list, "
                        f"and options.{key[:-1]} is not one"
                    )
                options[key[:-1]] = [*inherited, *value]
            else:
                options[key] = value
        fields = {
            name: getattr(self, name)
            for name in (
                "severity",
                "enabled",
                "message",
                "summary",
                "rationale",
                "source",
                "types",
            )
            if getattr(self, name) is not None
        }
        return dataclasses.replace(rule, **fields, options=options, pack=pack)


@model
class PackFile:
    """A rule pack as written in its YAML file."""

    __pydantic_config__ = KEBAB_KEYS

    pack: str
    description: str = ""
    docs_url: Annotated[
        str | None,
        Field(
            description="address of each rule's documentation page, with {id} and {name} "
            "filled in, e.g. https://example.org/docs/rules/{id}.md (SARIF helpUri)"
        ),
    ] = None
    extends: list[str] = field(default_factory=list)
    article_types: dict[str, ArticleTypeSpec] = field(default_factory=dict)
    rules: list[RuleSpec] = field(default_factory=list)
    change: Annotated[
        list[RuleChange],
        Field(description="fields of inherited rules to change, by id"),
    ] = field(default_factory=list)


@model
class RuleSet:
    """Every rule from a pack and the packs it extends, merged in order, with each rule's
    options as validated by its kind."""

    packs: list[str] = field(default_factory=list)
    article_types: dict[str, ArticleTypeSpec] = field(default_factory=dict)
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    options: dict[str, KindOptions] = field(default_factory=dict)
    fingerprint: str = ""  # see digest()

    def digest(self) -> str:
        """A hash of every rule as loaded: it changes whenever any rule would check
        differently. Computed when the packs are read and kept with the cached rule set."""
        if not self.fingerprint:
            import hashlib
            import json

            from .models import to_data

            document = json.dumps(
                [to_data(rule) for rule in self.rules.values()], sort_keys=True, default=str
            )
            self.fingerprint = hashlib.sha256(document.encode()).hexdigest()
        return self.fingerprint

    def merge(self, pack: PackFile, options: dict[str, KindOptions]) -> None:
        self.fingerprint = ""
        self.packs.append(pack.pack)
        self.article_types.update(pack.article_types)
        for rule in pack.rules:
            docs = rule.docs
            if docs is None and pack.docs_url:
                docs = pack.docs_url.replace("{id}", rule.id).replace("{name}", rule.name)
            self.rules[rule.id] = dataclasses.replace(rule, pack=pack.pack, docs=docs)
            self.options[rule.id] = options[rule.id]

    def replace(self, rule: RuleSpec, options: KindOptions) -> None:
        self.fingerprint = ""
        self.rules[rule.id] = rule
        self.options[rule.id] = options

    def matching(self, selector: str) -> list[RuleSpec]:
        """The rules a selector names (see :meth:`RuleSpec.selected_by`)."""
        return [rule for rule in self.rules.values() if rule.selected_by([selector])]

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


@cache
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
        message = "unknown key" if is_unknown_key(problem["type"]) else problem["msg"]
        lines.append(f"  {where}: {message}")
    return "\n".join(lines)


def _read_pack(path: Path) -> PackFile:
    try:
        info = path.stat()
    except OSError as error:
        raise PackError(f"{path}: cannot read pack: {error.strerror}") from error
    # Read once per version of the file: a long-running program (or test) that edits a pack
    # gets the new rules.
    return _read_pack_version(path, info.st_mtime_ns, info.st_size)


@cache
def _read_pack_version(path: Path, mtime_ns: int, size: int) -> PackFile:
    import yaml
    from pydantic import ValidationError

    # libyaml's safe loader when PyYAML was built with it: ten times faster on the packs.
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except OSError as error:
        raise PackError(f"{path}: cannot read pack: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise PackError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise PackError(f"{path}: a pack is a mapping with keys 'pack' and 'rules'")
    try:
        return validate(PackFile, data)
    except ValidationError as error:
        raise PackError(f"{path}: invalid pack\n{_describe(error, data)}") from error


def load_rules(references: list[str], base: Path | None = None) -> RuleSet:
    """Load packs by name or path, with everything they extend, into one rule set.

    The validated rule set is kept in the artifact cache while its pack files are unchanged, so
    a run with the same packs reads no YAML and does not import pydantic. The built-in packs
    also ship validated inside the package (``scripts/build_prebuilt.py``), each with a digest
    of its file, so that a first run with them needs neither.
    """
    from .artifacts import cached_object

    key = "\0".join([*references, str(base)])
    ruleset: RuleSet = cached_object("rules", key, lambda: _load_rules(references, base))
    return ruleset


def _may_extend(pack: Path, parent: Path, base: Path | None) -> bool:
    """Whether ``pack`` may extend the pack file ``parent``: a built-in pack, or a file in the
    extending pack's folder tree or the configuration's."""
    folders = [builtin_dir().resolve(), pack.parent, *([base.resolve()] if base else [])]
    return any(parent.is_relative_to(folder) for folder in folders)


def _line_of(path: Path, rule_id: str) -> int:
    """The line where the pack names the rule (``- id: HL302``), else 1."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    found = re.search(
        rf"^[ \t-]*id:[ \t]*['\"]?{re.escape(rule_id)}['\"]?[ \t]*(?:#.*)?$", text, re.MULTILINE
    )
    return text.count("\n", 0, found.start()) + 1 if found else 1


class _Validated(NamedTuple):
    """A pack with what validating it gave: its rules' options, and each of its changes as the
    rule it made and that rule's options."""

    pack: PackFile
    options: dict[str, KindOptions]
    changes: dict[str, tuple[RuleSpec, KindOptions]]


# The name of the prebuilt entry: bump the number whenever its layout changes.
PREBUILT = "packs-2"


@cache
def _prebuilt_entries() -> dict[str, Any]:
    """The prebuilt packs by file name, when the data types they hold are still the ones they
    were written with; else none."""
    from .artifacts import prebuilt

    shipped = prebuilt(PREBUILT)
    if not (isinstance(shipped, tuple) and len(shipped) == 3):
        return {}
    schema, kind_names, entries = shipped
    try:
        current = _schema(kind_names)
    except (KeyError, TypeError):
        return {}
    return entries if schema == current and isinstance(entries, dict) else {}


def _schema(kind_names: list[str]) -> str:
    """A digest of the fields of every data type a validated pack holds (names, annotations,
    defaults), the options of the kinds named included: code that changed one of them since
    the prebuilt packs were written makes them unusable (a test asks for them to be written
    again), rather than serving objects of the old shape."""
    import hashlib

    from . import kinds

    classes = [PackFile, ArticleTypeSpec, RuleChange, RuleSpec, RuleExample]
    classes += [kinds.get(name).options for name in sorted(kind_names)]
    parts = []
    for cls in classes:
        # A configuration's alias generator is a function: named, not shown with its address.
        config = getattr(cls, "__pydantic_config__", {})
        settings = sorted(
            (key, getattr(value, "__qualname__", value)) for key, value in config.items()
        )
        parts.append(f"{cls.__module__}.{cls.__qualname__} {settings}")
        for item in dataclasses.fields(cls):
            if item.default is not dataclasses.MISSING:
                default = repr(item.default)
            elif item.default_factory is not dataclasses.MISSING:
                default = repr(item.default_factory())
            else:
                default = "required"
            parts.append(f"{item.name}: {item.type} = {default}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _prebuilt(path: Path) -> _Validated | None:
    """The built-in pack at ``path`` as shipped validated inside the package, when the file's
    content is what was validated (an edited pack is read and validated again)."""
    if path.parent != builtin_dir().resolve():
        return None
    entry = _prebuilt_entries().get(path.name)
    if not (isinstance(entry, tuple) and len(entry) == 2):
        return None
    from .artifacts import content_stamps
    from .plain_data import from_plain

    stamp, plain = entry
    if [stamp] != content_stamps([str(path)]):
        return None
    try:
        pack, options, changes = from_plain(plain)
    except (ValueError, TypeError, AttributeError, ImportError):
        return None
    valid = (
        isinstance(pack, PackFile)
        and isinstance(options, dict)
        and isinstance(changes, dict)
        and sorted(options) == sorted(rule.id for rule in pack.rules)
    )
    return _Validated(pack, options, changes) if valid else None


def prebuilt_packs() -> tuple[str, list[str], dict[str, Any]]:
    """Every built-in pack validated afresh, as plain data, with the digest of the data types
    it holds and the kinds whose options it holds: what ships as the prebuilt entry
    (``scripts/build_prebuilt.py`` writes it, a test checks it is current)."""
    from .artifacts import content_stamps
    from .plain_data import to_plain

    validated: dict[Path, _Validated] = {}
    for name in builtin_names():
        _load_rules([name], None, prebuilt=False, validated=validated)
    entries: dict[str, Any] = {}
    kind_names: set[str] = set()
    for path, entry in sorted(validated.items()):
        stamps = content_stamps([str(path)])
        if stamps is None:
            raise PackError(f"{path}: cannot read pack")
        entries[path.name] = (stamps[0], to_plain(tuple(entry)))
        kind_names.update(rule.kind for rule in entry.pack.rules)
    names = sorted(kind_names)
    return _schema(names), names, entries


def _load_rules(
    references: list[str],
    base: Path | None,
    *,
    prebuilt: bool = True,
    validated: dict[Path, _Validated] | None = None,
) -> tuple[RuleSet, list[str]]:
    """The rule set of ``references`` and the pack files it was read from. Built-in packs come
    from the prebuilt entry when ``prebuilt`` (their files unchanged); ``validated`` collects
    what validating each built-in pack gave."""
    from .kinds import validate_options

    ruleset = RuleSet()
    loaded: list[Path] = []

    def visit(reference: str, relative_to: Path | None, trail: tuple[Path, ...]) -> None:
        path = _locate(reference, relative_to).resolve()
        if trail and not _may_extend(trail[-1], path, base):
            # A pack in a contributed folder must not read files elsewhere on the runner
            # (its errors would print their lines into the log).
            raise PackError(
                f"{trail[-1]}: extends {reference!r}, which is outside the "
                "pack's folder and the configuration's; a pack extends built-in "
                "packs by name or pack files in those folders"
            )
        if path in trail:
            chain = " -> ".join(p.name for p in (*trail, path))
            raise PackError(f"{path}: packs extend each other in a loop: {chain}")
        if path in loaded:
            return
        known = _prebuilt(path) if prebuilt else None
        pack = known.pack if known else _read_pack(path)
        for parent in pack.extends:
            visit(parent, path.parent, (*trail, path))
        options: dict[str, KindOptions] = {}
        for rule in pack.rules:
            checked = known.options[rule.id] if known else validate_options(rule)
            if isinstance(checked, str):
                raise PackError(
                    f"{path}:{_line_of(path, rule.id)}: invalid pack\n  rules ({rule.id}).{checked}"
                )
            options[rule.id] = checked
        loaded.append(path)
        ruleset.merge(pack, options)
        changes: dict[str, tuple[RuleSpec, KindOptions]] = {}
        for change in pack.change:
            inherited = ruleset.rules.get(change.id)
            if inherited is None:
                raise PackError(
                    f"{path}: invalid pack\n  change ({change.id}): no rule "
                    f"{change.id} in the packs it extends"
                )
            try:
                changed = change.applied_to(inherited, pack.pack)
            except PackError as error:
                raise PackError(f"{path}: invalid pack\n  {error}") from error
            # A change's options were validated for the rule it made from what the built-in
            # packs give; a rule of the same id from a pack listed before makes another rule.
            before = known.changes.get(change.id) if known else None
            checked = before[1] if before and before[0] == changed else validate_options(changed)
            if isinstance(checked, str):
                raise PackError(
                    f"{path}:{_line_of(path, change.id)}: invalid pack\n"
                    f"  change ({change.id}).{checked}"
                )
            ruleset.replace(changed, checked)
            changes[change.id] = (changed, checked)
        if validated is not None and path.parent == builtin_dir().resolve():
            validated.setdefault(path, _Validated(pack, options, changes))

    for reference in references:
        visit(reference, base, ())
    ruleset.digest()
    return ruleset, [str(path) for path in loaded]
