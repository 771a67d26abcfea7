"""lazy() and compiled(): regular expressions that behave as re.compile's, compiled on first use,
from programs kept between runs."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from healthlint import artifacts, lazy_regex
from healthlint.lazy_regex import compiled, lazy

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


class _Store:
    """What the artifact cache offers lazy_regex, in memory."""

    def __init__(self) -> None:
        self.kept: dict[str, Any] = {}
        self.writes = 0

    def read(self, name: str) -> Any:
        return self.kept.get(name)

    def write(self, name: str, value: Any) -> None:
        self.writes += 1
        self.kept[name] = pickle.loads(pickle.dumps(value))


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Store]:
    """A fresh process state: no table loaded, nothing made yet, programs kept in memory."""
    kept = _Store()
    monkeypatch.setattr(lazy_regex, "_programs", None)
    monkeypatch.setattr(lazy_regex, "_unsaved", 0)
    monkeypatch.setattr(lazy_regex, "_made", {})
    monkeypatch.setattr(artifacts, "read_data", kept.read)
    monkeypatch.setattr(artifacts, "write_data", kept.write)
    yield kept


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy_regex, "_programs", None)
    monkeypatch.setattr(lazy_regex, "_made", {})


def _project_patterns() -> list[tuple[str, int]]:
    """Every module-level expression of the package, as (source, flags)."""
    import importlib
    import pkgutil

    import healthlint

    found: dict[tuple[str, int], None] = {}
    for module_info in pkgutil.walk_packages(healthlint.__path__, "healthlint."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, lazy_regex._LazyPattern):
                found[(value._source, value._flags)] = None
    return list(found)


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    pattern = lazy(r"(?P<word>colds?)\b", re.I)
    reference = re.compile(r"(?P<word>colds?)\b", re.I)
    text = "A Cold, two colds and a coldness."
    assert [m.group("word") for m in pattern.finditer(text)] == ["Cold", "colds"]
    assert pattern.sub("x", text) == reference.sub("x", text)
    assert pattern.pattern == reference.pattern and pattern.flags == reference.flags


def test_it_is_compiled_once_and_only_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = lazy_regex.compiled

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        calls.append(source)
        return real(source, flags)

    monkeypatch.setattr(lazy_regex, "compiled", counting)
    pattern = lazy(r"never-used-\d+")
    assert calls == []
    assert pattern.search("a never-used-12 b") is not None
    assert pattern.fullmatch("never-used-3") is not None
    assert calls == [r"never-used-\d+"]


def test_a_lazy_pattern_survives_pickling() -> None:
    restored = pickle.loads(pickle.dumps(lazy(r"flu\b", re.I)))
    assert restored.search("Seasonal FLU shots") is not None


def test_a_kept_program_is_used_instead_of_compiling(
    store: _Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = r"(?P<label>last reviewed|next review due):\s*(?P<date>\d{4}-\d{2}-\d{2})"
    first = compiled(source, re.I)
    lazy_regex.save_programs()
    assert store.writes == 1

    _new_process(monkeypatch)

    def no_parsing(*_: object) -> None:
        raise AssertionError("the pattern was parsed again")

    monkeypatch.setattr(lazy_regex, "_parser", type("NoParser", (), {"parse": no_parsing}))
    again = compiled(source, re.I)
    text = "Notes. Last Reviewed: 2025-03-01; next review due: 2027-03-01."
    assert (
        [m.groupdict() for m in again.finditer(text)]
        == [m.groupdict() for m in first.finditer(text)]
        == [
            {"label": "Last Reviewed", "date": "2025-03-01"},
            {"label": "next review due", "date": "2027-03-01"},
        ]
    )
    assert (again.pattern, again.flags, again.groups, again.groupindex) == (
        first.pattern,
        first.flags,
        first.groups,
        first.groupindex,
    )
    lazy_regex.save_programs()
    assert store.writes == 1, "a run that compiled nothing new writes nothing"


def test_every_project_pattern_matches_alike_from_its_kept_program(
    store: _Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = _project_patterns()
    assert len(patterns) > 50
    for source, flags in patterns:
        compiled(source, flags)
    lazy_regex.save_programs()
    _new_process(monkeypatch)
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted(EXAMPLES.rglob("*"))
        if path.is_file() and path.suffix in {".md", ".txt", ".html"}
    ][:12]
    assert texts
    for source, flags in patterns:
        kept = compiled(source, flags)
        reference = re.compile(source, flags)
        assert (kept.flags, kept.groups, kept.groupindex) == (
            reference.flags,
            reference.groups,
            reference.groupindex,
        ), source
        for text in texts:
            assert [m.span() for m in kept.finditer(text)] == [
                m.span() for m in reference.finditer(text)
            ], source


def test_a_damaged_program_falls_back_to_compiling(
    store: _Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = r"\b(?:call|dial) (?P<number>911|999|112|000)\b"
    compiled(source)
    lazy_regex.save_programs()
    (table,) = store.kept.values()
    flags, code, groups, names, by_index = table[(source, 0)]
    table[(source, 0)] = (flags, [9999, *code[1:]], groups, names, by_index)
    _new_process(monkeypatch)
    pattern = compiled(source)
    assert pattern.search("If so, dial 999 now.")["number"] == "999"  # type: ignore[index]


def test_a_table_from_elsewhere_is_ignored(store: _Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.kept[lazy_regex._TABLE] = ["not", "a", "table"]
    assert compiled(r"ok\d").fullmatch("ok1")


def test_a_malformed_pattern_raises_the_usual_error(store: _Store) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        compiled(r"(unclosed")


def test_the_command_keeps_the_programs_in_the_artifact_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    environment = {
        **os.environ,
        "HEALTHLINT_CACHE_DIR": str(cache),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    environment.pop("HEALTHLINT_CACHE_KEY", None)
    article = sorted(EXAMPLES.rglob("*.md"))[0]
    command = [sys.executable, "-m", "healthlint", "check", "--exit-zero", str(article)]

    def run() -> str:
        result = subprocess.run(
            command, env=environment, capture_output=True, text=True, check=True
        )
        return result.stdout

    first = run()
    tables = list((cache / "artifacts").glob("regex-programs-*.marshal"))
    assert len(tables) == 1
    written = tables[0].stat().st_mtime_ns
    assert run() == first
    assert tables[0].stat().st_mtime_ns == written, "nothing new was compiled the second time"
    tables[0].write_bytes(b"\0" * 64 + tables[0].read_bytes()[64:])  # a broken seal
    assert run() == first
