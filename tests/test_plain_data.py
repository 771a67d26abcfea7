"""The artifact cache keeps validated objects as plain data: they come back equal, and an entry
can name nothing but healthlint's own data types."""

from __future__ import annotations

import datetime as dt
import marshal
import sys
from pathlib import Path

import pytest

from healthlint.config import Config, PathOverride
from healthlint.models import Severity
from healthlint.packs import _load_rules
from healthlint.plain_data import from_plain, to_plain


def round_trip(value: object) -> object:
    return from_plain(marshal.loads(marshal.dumps(to_plain(value))))


def test_the_default_rule_set_comes_back_equal() -> None:
    ruleset, _ = _load_rules(["default"], None)
    again = round_trip(ruleset)
    assert again == ruleset
    assert type(again) is type(ruleset)
    spec = again.rules["HL502"]
    assert spec.severity is Severity.ERROR
    assert "chest pain" in spec.options["when"]


def test_a_configuration_comes_back_equal() -> None:
    config = Config(
        select=["HL5"],
        today=dt.date(2026, 1, 2),
        root=Path("/srv/site"),
        severity={"HL302": Severity.ERROR},
        overrides=[PathOverride(files=["drugs/"], type="medicine")],
    )
    assert round_trip(config) == config


def test_containers_keep_their_kind() -> None:
    value = {"a": (1, 2.5, None), "b": {frozenset({"x"}), "y"}, 3: [True, "z"]}
    assert round_trip(value) == value


def test_what_is_not_healthlint_data_is_not_written() -> None:
    with pytest.raises(TypeError):
        to_plain(object())
    with pytest.raises(TypeError):
        to_plain(dt.timedelta(days=1))


@pytest.mark.parametrize(
    "entry",
    [
        ("o", "os:system", ["command"], ["echo owned"]),
        ("o", "subprocess:Popen", [], []),
        ("o", "healthlint.__main__:run", [], []),
        ("o", "healthlint.cli:main", [], []),
        ("e", "builtins:print", "x"),
        ("o", "healthlint.models:Severity", [], []),  # an enum is not a dataclass
        ("o", "healthlint.kinds.../os:path", [], []),
        ("x", 1),
        ("d", ["k"], []),
        (),
    ],
)
def test_an_entry_naming_anything_else_is_refused(entry: tuple[object, ...]) -> None:
    before = set(sys.modules)
    with pytest.raises(ValueError):
        from_plain(entry)
    assert "healthlint.__main__" not in set(sys.modules) - before


def test_a_field_the_class_does_not_have_is_refused() -> None:
    plain = to_plain(Config())
    tag, name, names, values = plain
    with pytest.raises(ValueError, match="no field"):
        from_plain((tag, name, [*names, "__class__"], [*values, "x"]))
