"""JSON Schemas of the configuration and of rule packs, generated from the pydantic models.

``healthlint schema config`` and ``healthlint schema pack`` print them, so editors can complete
and check ``healthlint.toml`` (Even Better TOML / taplo: ``#:schema ./healthlint.schema.json``
on the first line) and pack YAML (the YAML language server:
``# yaml-language-server: $schema=./pack.schema.json``). The models stay the single source of
truth: what the schema accepts is what healthlint accepts.

The schemas declare JSON Schema draft-07, the newest draft the common editor plugins read; the
pydantic output is kept within it (``$ref`` alone in its object, since draft-07 ignores the
keys beside it).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic.json_schema import models_json_schema

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_BASE = "https://example.invalid/healthlint/schemas"

Which = Literal["config", "pack"]


def _draft7(node: Any) -> Any:
    """Move keys that sit beside ``$ref`` into an ``allOf``, recursively."""
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _draft7(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        reference = node.pop("$ref")
        node["allOf"] = [{"$ref": reference}]
    return node


def _drop_null(node: Any) -> Any:
    """Remove ``null`` alternatives: TOML has no null, so an editor should not offer it."""
    if isinstance(node, list):
        return [_drop_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _drop_null(value) for key, value in node.items()}
    choices = node.get("anyOf")
    if isinstance(choices, list):
        kept = [c for c in choices if c != {"type": "null"}]
        if len(kept) != len(choices):
            node.pop("anyOf")
            if len(kept) == 1:
                node.update(kept[0])
            else:
                node["anyOf"] = kept
    if node.get("default", ...) is None:
        node.pop("default")
    return node


def config_schema() -> dict[str, Any]:
    """Schema of ``healthlint.toml`` and of ``[tool.healthlint]`` in ``pyproject.toml``."""
    from .config import Config
    from .packs import builtin_names

    schema = Config.model_json_schema(by_alias=True)
    schema = _drop_null(schema)
    schema["properties"]["packs"]["items"] = {
        "anyOf": [
            {"enum": builtin_names(), "description": "a built-in pack"},
            {"type": "string", "pattern": r"\.ya?ml$",
             "description": "a pack file, relative to the configuration file"},
        ]
    }
    schema["title"] = "healthlint configuration"
    schema["description"] = (
        "healthlint.toml, or the [tool.healthlint] table of pyproject.toml. "
        "Each key mirrors a command-line flag of `healthlint check`."
    )
    return _finish(schema, "config")


def pack_schema() -> dict[str, Any]:
    """Schema of a rule pack YAML file, with each rule kind's options."""
    from . import kinds
    from .packs import PackFile

    kind_names = kinds.names()
    models: list[tuple[Any, Literal["validation"]]] = [(PackFile, "validation")]
    models += [(kinds.get(name).options, "validation") for name in kind_names]
    mapping, definitions = models_json_schema(models, by_alias=True)
    defs: dict[str, Any] = definitions.get("$defs", {})
    schema = dict(defs.pop("PackFile"))
    schema["$defs"] = defs

    rule = defs["RuleSpec"]
    # Set by healthlint when it loads a pack, never written in one.
    rule["properties"].pop("pack", None)
    rule["properties"]["kind"] = {
        "enum": kind_names,
        "description": "the rule kind: the Python check this rule is an instance of",
        "title": "Kind",
    }
    conditions = []
    for name in kind_names:
        options = mapping[(kinds.get(name).options, "validation")]
        conditions.append({
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"properties": {"options": options}},
        })
    rule["allOf"] = conditions
    schema = _rename_defs(schema, {
        reference.rsplit("/", 1)[-1]: f"{name}-options"
        for name in kind_names
        if (reference := mapping[(kinds.get(name).options, "validation")].get("$ref"))
    })
    schema["title"] = "healthlint rule pack"
    schema["description"] = (
        "A YAML file of rules: each rule is an instance of a kind with its options. "
        "`healthlint explain RULE` documents each kind's options."
    )
    return _finish(schema, "pack")


def _rename_defs(schema: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """Readable definition names ("freshness-options") for pydantic's module-qualified ones."""

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        renamed = {key: walk(value) for key, value in node.items()}
        reference = renamed.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            target = reference.removeprefix("#/$defs/")
            renamed["$ref"] = "#/$defs/" + names.get(target, target)
        return renamed

    result: dict[str, Any] = walk(schema)
    result["$defs"] = {names.get(key, key): value for key, value in result["$defs"].items()}
    return result


def _finish(schema: dict[str, Any], which: Which) -> dict[str, Any]:
    ordered = {"$schema": DRAFT, "$id": f"{SCHEMA_BASE}/{which}.json"}
    ordered.update(_draft7(schema))
    return ordered


def schema_for(which: Which) -> dict[str, Any]:
    return config_schema() if which == "config" else pack_schema()
