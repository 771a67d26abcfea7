"""The first run after installing, or after a configuration file changes: the built-in packs
and word tables come prebuilt with the package (equal to what validating and building them
gives, and never for a pack whose file was edited), and a configuration file whose values
pydantic would take as they are is read without importing pydantic."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cache_isolation import private_cache as private_cache
from healthlint import kinds, packs
from healthlint.config import (
    _CONFIG_KEYS,
    _INTERNAL_KEYS,
    _OVERRIDE_KEYS,
    Config,
    PathOverride,
    exact_config,
)
from healthlint.packs import _load_rules
from healthlint.plain_data import to_plain
from healthlint.validation import kebab_case, validate

ROOT = Path(__file__).resolve().parents[1]

# A long sentence (HL404) and words the syllable table lacks (counted by hyphenation).
ARTICLE = (ROOT / "examples" / "bad" / "long-sentence.txt").read_text(encoding="utf-8") + (
    "\nThe zorbulating physiotherapeutical regimen helps.\n"
)

# Runs the command line in-process and reports which heavy modules it imported; with
# NO_PREBUILT set, nothing prebuilt is found, so packs and tables are validated and built.
PROBE = """
import os, sys
from healthlint import artifacts
if os.environ.get("NO_PREBUILT"):
    artifacts.prebuilt = lambda name: None
from healthlint.cli import main
code = main(sys.argv[1:])
loaded = sorted(m for m in ("pydantic", "yaml", "annotated_types") if m in sys.modules)
print("LOADED=" + ",".join(loaded))
sys.exit(code)
"""


def run(
    project: Path, cache: Path, *args: str, prebuilt: bool = True
) -> tuple[list[str], list[str]]:
    """The report lines and the heavy modules imported, of a check in a fresh process."""
    environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cache)}
    environment.pop("NO_PREBUILT", None)
    if not prebuilt:
        environment["NO_PREBUILT"] = "1"
    findings = cache.parent / f"findings-{os.urandom(6).hex()}"
    command = [sys.executable, "-c", PROBE, "check", "--today", "2026-11-26", "--exit-zero"]
    done = subprocess.run(
        [*command, "--cache-dir", str(findings), *args],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    loaded = next(x for x in lines if x.startswith("LOADED=")).removeprefix("LOADED=")
    return [x for x in lines if not x.startswith("LOADED=")], [m for m in loaded.split(",") if m]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    (root / ".git").mkdir(parents=True)  # the search for configuration files stops here
    (root / "knee.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def test_the_prebuilt_entries_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_prebuilt.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "references",
    [[name] for name in packs.builtin_names()] + [["core", "es"], ["readability", "default"]],
)
def test_the_prebuilt_packs_give_what_validation_gives(references: list[str]) -> None:
    prebuilt, files = _load_rules(references, None)
    validated, validated_files = _load_rules(references, None, prebuilt=False)
    assert prebuilt == validated
    assert prebuilt.digest() == validated.digest()
    assert to_plain(prebuilt) == to_plain(validated)
    assert files == validated_files


def test_a_first_run_with_the_built_in_packs_imports_neither_pydantic_nor_yaml(
    project: Path, tmp_path: Path
) -> None:
    report, loaded = run(project, tmp_path / "fresh", "knee.txt")
    assert loaded == []
    built, loaded_building = run(project, tmp_path / "building", "knee.txt", prebuilt=False)
    assert {"pydantic", "yaml"} <= set(loaded_building)
    assert report == built
    assert any("HL404" in line for line in report)
    # The second run reads what the first one kept.
    assert run(project, tmp_path / "fresh", "knee.txt") == (report, [])


def test_without_a_cache_the_prebuilt_entries_still_serve(project: Path, tmp_path: Path) -> None:
    report, loaded = run(project, tmp_path / "cache", "--no-cache", "knee.txt")
    assert loaded == []
    assert report == run(project, tmp_path / "other", "knee.txt", prebuilt=False)[0]
    assert not (tmp_path / "cache").exists()


def test_a_first_run_after_a_configuration_edit_imports_neither(
    project: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    config = project / "healthlint.toml"
    config.write_text('fail-level = "warning"\n', encoding="utf-8")
    before, _ = run(project, cache, "knee.txt")
    assert any("warning HL404" in line for line in before)

    config.write_text('fail-level = "warning"\n[severity]\nHL404 = "error"\n', encoding="utf-8")
    after, loaded = run(project, cache, "knee.txt")
    assert loaded == []
    assert any("error HL404" in line for line in after)
    assert after == run(project, tmp_path / "other", "knee.txt", prebuilt=False)[0]


def test_a_configuration_pydantic_must_judge_is_still_judged_by_it(
    project: Path, tmp_path: Path
) -> None:
    # A key under its Python name is valid, but not one the exact reading takes.
    (project / "healthlint.toml").write_text('fail_level = "warning"\n', encoding="utf-8")
    report, loaded = run(project, tmp_path / "cache", "knee.txt")
    assert "pydantic" in loaded
    assert any("warning HL404" in line for line in report)


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    validated: list[str] = []
    original = kinds.validate_options

    def counting(rule: Any) -> Any:
        validated.append(rule.id)
        return original(rule)

    monkeypatch.setattr(kinds, "validate_options", counting)
    return validated


def test_an_edited_built_in_pack_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    folder = tmp_path / "rules"
    shutil.copytree(packs.builtin_dir(), folder)
    edited = folder / "readability.yaml"
    text = edited.read_text(encoding="utf-8")
    marker = "\n  - id: HL404\n"
    assert marker in text
    edited.write_text(
        text.replace(marker, marker + "    rationale: EDITED-RATIONALE\n", 1), encoding="utf-8"
    )
    monkeypatch.setattr(packs, "builtin_dir", lambda: folder)
    validated = _count_validations(monkeypatch)

    ruleset, _ = _load_rules(["default"], None)
    assert ruleset.rules["HL404"].rationale == "EDITED-RATIONALE"
    # Only the edited pack was validated; the others came prebuilt.
    pack = yaml.safe_load(edited.read_text(encoding="utf-8"))
    assert validated == [rule["id"] for rule in pack["rules"]]
    assert ruleset == _load_rules(["default"], None, prebuilt=False)[0]


def test_prebuilt_packs_of_data_types_since_changed_are_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As if a kind's options had gained a field since the prebuilt packs were written.
    monkeypatch.setattr(packs, "_schema", lambda names: "another shape")
    packs._prebuilt_entries.cache_clear()
    try:
        assert packs._prebuilt_entries() == {}
        validated = _count_validations(monkeypatch)
        ruleset, _ = _load_rules(["core"], None)
        assert len(validated) == len(ruleset.rules)
    finally:
        packs._prebuilt_entries.cache_clear()


def test_the_shape_digest_is_the_same_in_every_process() -> None:
    code = "from healthlint.packs import _schema; print(_schema(['caveat', 'readability']))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1


def test_a_change_of_a_rule_another_pack_changed_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = tmp_path / "house.yaml"
    house.write_text(
        "pack: house\nextends: [core]\nchange:\n  - id: HL502\n    options:\n"
        "      when+: [zorbulating pain]\n",
        encoding="utf-8",
    )
    validated = _count_validations(monkeypatch)
    ruleset, _ = _load_rules([str(house), "es"], None)
    # es changes HL502 too, here of the rule house made, not of core's: validated again.
    assert validated == ["HL502", "HL502"]
    when = ruleset.options["HL502"].when  # type: ignore[attr-defined]
    assert "zorbulating pain" in when and "dolor en el pecho" in when
    assert ruleset == _load_rules([str(house), "es"], None, prebuilt=False)[0]


def test_a_pack_beside_the_built_in_ones_by_the_same_name_is_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "core.yaml"
    shutil.copy(packs.builtin_dir() / "core.yaml", copy)
    validated = _count_validations(monkeypatch)
    _load_rules([str(copy)], None)
    assert validated


# Configuration data as a TOML file gives it, mostly of the right types (the exact reading's
# edges: ints for floats, dates as text, empty lists), some of them wrong.
_SEVERITY = st.sampled_from(["info", "warning", "error", "fatal", "Error", ""])
_TEXT = st.text(max_size=8)
_TEXTS = st.lists(_TEXT, max_size=3)
_ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    _TEXT,
    st.dates(),
    st.datetimes(),
    st.lists(st.one_of(_TEXT, st.integers()), max_size=3),
    st.dictionaries(_TEXT, _SEVERITY, max_size=2),
)
_LISTS = {"packs", "select", "ignore", "extend-select", "include", "exclude", "unsuppressible"}
_FLAGS = {"require-reason", "inline-directives"}


def _right(key: str, *, wrong: bool = True) -> st.SearchStrategy[Any]:
    """Values of the key's own type, right or near it."""
    if key in _LISTS or key == "files":
        return _TEXTS
    if key in _FLAGS:
        return st.booleans()
    if key == "overrides":
        return st.lists(_override(wrong=wrong), max_size=2)
    return {
        "fail-level": _SEVERITY,
        "severity": st.dictionaries(_TEXT, _SEVERITY, max_size=3),
        "today": st.one_of(
            st.dates(),
            st.dates().map(dt.date.isoformat),
            st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
            st.datetimes().map(dt.datetime.isoformat),
        ),
        "max-file-size": st.integers(min_value=-2, max_value=2**64),
        "time-budget": st.one_of(
            st.floats(), st.integers(min_value=-2, max_value=2**60), st.just(2**53 + 1)
        ),
    }.get(key, _TEXT)


def _table(keys: list[str], *, wrong: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """A table of some of ``keys``, with values of the right type or near it; ``wrong``: now
    and then a key under its Python name or an unknown one, or a value of any type."""
    misspelt = [key.replace("-", "_") for key in keys if "-" in key] or keys
    key = st.sampled_from(keys)
    if wrong:
        key = st.one_of(key, key, key, st.sampled_from([*misspelt, "unknown", "root", "source"]))

    def value(name: str) -> st.SearchStrategy[Any]:
        right = _right(name, wrong=wrong)
        return st.one_of(right, right, _ANYTHING) if wrong else right

    return st.lists(key, max_size=6, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({name: value(name) for name in chosen})
    )


def _dataclass_fields(kind: type) -> list[str]:
    import dataclasses

    return [f.name for f in dataclasses.fields(kind) if f.name not in _INTERNAL_KEYS]


def _override(*, wrong: bool) -> st.SearchStrategy[dict[str, Any]]:
    return _table([kebab_case(field) for field in _dataclass_fields(PathOverride)], wrong=wrong)


_CONFIG_KEY_NAMES = [kebab_case(field) for field in _dataclass_fields(Config)]
_CONFIG_DATA = st.one_of(_table(_CONFIG_KEY_NAMES), _table(_CONFIG_KEY_NAMES, wrong=False))


def _typed(value: Any) -> Any:
    """``value`` with the type of every part, so that 5 and 5.0, or an enum and its value,
    differ."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(item) for item in value])
    return (type(value).__name__, value)


@settings(max_examples=1000, deadline=None)
@given(_CONFIG_DATA)
def test_the_exact_reading_gives_what_pydantic_gives(data: dict[str, Any]) -> None:
    from pydantic import ValidationError

    exact = exact_config(data)
    try:
        expected: Config | None = validate(Config, data)
    except ValidationError:
        expected = None
    if exact is not None:
        assert expected is not None
        assert _typed(to_plain(exact)) == _typed(to_plain(expected))


def test_the_exact_reading_takes_the_configurations_people_write() -> None:
    import re
    import tomllib

    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    examples = [
        *re.findall(r"```toml\n(.*?)```", guide, re.S),
        'packs = ["default", "rules/house.yaml"]\nfail-level = "warning"\nignore = ["HL305"]\n'
        'exclude = ["drafts/"]\nrequire-reason = true\ntoday = 2026-11-26\n'
        'time-budget = 10\nmax-file-size = 100000\n[severity]\nreview-date-stale = "error"\n'
        '[[overrides]]\nfiles = ["conditions/"]\ntype = "condition"\n'
        '[[overrides]]\nfiles = ["archive/**"]\nignore = ["freshness"]\n',
    ]
    for text in examples:
        data = tomllib.loads(text)
        data = data.get("tool", {}).get("healthlint", data)
        data.pop("root", None)
        exact = exact_config(data)
        assert exact is not None, text
        assert _typed(to_plain(exact)) == _typed(to_plain(validate(Config, data)))


def test_the_exact_reading_knows_every_key() -> None:
    assert set(_CONFIG_KEYS) == {kebab_case(field) for field in _dataclass_fields(Config)}
    assert set(_OVERRIDE_KEYS) == {kebab_case(field) for field in _dataclass_fields(PathOverride)}
