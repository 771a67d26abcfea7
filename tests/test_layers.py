"""The import contract: each module of ``src/healthlint`` imports only from its own layer or the
layers below it, bottom to top:

0. data types and text utilities: models, rule_specs, validation, dates, language, lazy_regex,
   errors, reading, findings, version, readability/*, and what keeps derived data between runs
   (artifacts, plain_data);
1. parsers: what Markdown, plain text and HTML look like;
2. kinds: the rule kinds and what they share;
3. engine: engine, suppressions, packs, config, cache, budget, baseline, library, due,
   facts, article_types, figures;
4. application: app/* (a check run, its settings, grouping, caches and baseline: what both the
   command line and the Python API call);
5. interfaces: cli/* (one module per subcommand), __main__, the Python API (api, and the
   package's own ``__init__``, which loads its public names lazily), reporters, dashboard,
   explain, schema.

Every import counts: at the top of a module, inside a function and under ``if TYPE_CHECKING:``;
none goes upward, and no modules import each other in a loop. Imports by a computed name
(``importlib.import_module``) are not seen: the kinds package loads its own modules that way,
and the artifact cache rebuilds healthlint's data types by name, both downward edges.

``python tests/test_layers.py`` prints every edge with the layers it joins.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "healthlint"

# Module name (without "healthlint.") or "folder.*" -> layer; first match wins.
LAYERS: dict[str, int] = {
    "models": 0,
    "validation": 0,
    "dates": 0,
    "language": 0,
    "lazy_regex": 0,
    "errors": 0,
    "version": 0,
    "rule_specs": 0,
    # Derived data kept between runs (word tables, compiled expressions, validated rules):
    # the text utilities build it, so its store sits beside them.
    "artifacts": 0,
    "plain_data": 0,
    # Decoding bytes into text and noticing what is wrong with them: a text utility.
    "reading": 0,
    # A finding's message from its template and its fingerprint: text only, no engine code.
    "findings": 0,
    "readability": 0,
    "readability.*": 0,
    "parsers": 1,
    "parsers.*": 1,
    "kinds": 2,
    "kinds.*": 2,
    "engine": 3,
    "suppressions": 3,
    "packs": 3,
    "config": 3,
    "cache": 3,
    "budget": 3,
    "figures": 3,
    "baseline": 3,
    "library": 3,
    "due": 3,
    "facts": 3,
    "api": 5,
    "app": 4,
    "app.*": 4,
    "article_types": 3,
    "": 5,
    "cli": 5,
    "cli.*": 5,
    "__main__": 5,
    "reporters": 5,
    "reporters.*": 5,
    "dashboard": 5,
    "dashboard.*": 5,
    "explain": 5,
    "schema": 5,
}
NAMES = ["data types and text utilities", "parsers", "kinds", "engine", "application", "interfaces"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(name: str) -> int:
    if name in LAYERS:
        return LAYERS[name]
    folder = name.rpartition(".")[0]
    while folder:
        if f"{folder}.*" in LAYERS:
            return LAYERS[f"{folder}.*"]
        folder = folder.rpartition(".")[0]
    raise KeyError(name)


def imported_by(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that module ``name`` imports, wherever the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ["healthlint", *package.split(".")] if package else ["healthlint"]
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            # "from . import kinds" imports the module kinds; "from .x import y" the module x.
            targets = [
                f"{source}.{alias.name}"
                if f"{source}.{alias.name}".removeprefix("healthlint").lstrip(".") in known
                else source
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target != "healthlint" and not target.startswith("healthlint."):
                continue
            short = target.removeprefix("healthlint").lstrip(".")
            while short and short not in known:
                short = short.rpartition(".")[0]
            if short != name:
                found.add(short)
    return found


def edges() -> set[tuple[str, str]]:
    found = modules()
    known = set(found)
    return {
        (name, target) for name, path in found.items() for target in imported_by(name, path, known)
    }


def test_every_module_has_a_layer() -> None:
    unplaced = []
    for name in modules():
        try:
            layer_of(name)
        except KeyError:
            unplaced.append(name or "healthlint/__init__")
    assert unplaced == [], "add these modules to LAYERS in tests/test_layers.py"


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = sorted(
        f"{importer or 'healthlint'} ({NAMES[layer_of(importer)]}) imports {imported} "
        f"({NAMES[layer_of(imported)]})"
        for importer, imported in edges()
        if layer_of(imported) > layer_of(importer)
    )
    assert upward == []


def test_no_modules_import_each_other_in_a_loop() -> None:
    graph: dict[str, set[str]] = {}
    for importer, imported in edges():
        # A package's __init__ and its own modules are one unit for loops: "from . import x"
        # inside the package is how it loads them.
        if (
            imported != importer
            and not importer.startswith(imported + ".")
            and not (imported.startswith(importer + ".") if importer else True)
        ):
            graph.setdefault(importer, set()).add(imported)
    loops: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                loops.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert loops == []


def test_the_contract_sees_every_kind_of_import() -> None:
    # Function-level and type-only imports are the ones a quick grep of the top would miss.
    found = edges()
    assert ("lazy_regex", "artifacts") in found  # inside a function
    assert ("kinds.base", "rule_specs") in found  # under TYPE_CHECKING
    assert ("engine", "kinds") in found  # "from . import kinds"


if __name__ == "__main__":
    for importer, imported in sorted(edges()):
        low, high = layer_of(importer), layer_of(imported)
        mark = "  UPWARD" if high > low else ""
        print(f"{importer or 'healthlint'} [{low}] -> {imported or 'healthlint'} [{high}]{mark}")
