"""lazy(): a regular expression that behaves as re.compile's and is compiled on first use."""

from __future__ import annotations

import pickle
import re

import pytest

from healthlint.lazy_regex import lazy


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    pattern = lazy(r"(?P<word>colds?)\b", re.I)
    compiled = re.compile(r"(?P<word>colds?)\b", re.I)
    text = "A Cold, two colds and a coldness."
    assert [m.group("word") for m in pattern.finditer(text)] == ["Cold", "colds"]
    assert pattern.sub("x", text) == compiled.sub("x", text)
    assert pattern.pattern == compiled.pattern and pattern.flags == compiled.flags


def test_it_is_compiled_once_and_only_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        calls.append(source)
        return real(source, flags)

    monkeypatch.setattr(re, "compile", counting)
    pattern = lazy(r"never-used-\d+")
    assert calls == []
    assert pattern.search("a never-used-12 b") is not None
    assert pattern.fullmatch("never-used-3") is not None
    assert calls == [r"never-used-\d+"]


def test_a_lazy_pattern_survives_pickling() -> None:
    restored = pickle.loads(pickle.dumps(lazy(r"flu\b", re.I)))
    assert restored.search("Seasonal FLU shots") is not None
