"""A new rule kind is one module: found without a registry, its options validated with any
pydantic type it imports for mypy only, and its rules checked end to end by the command line.

The kind is written into a temporary folder added to ``healthlint.kinds.__path__``, which is
how Python lets a package's modules live in more than one folder; it is found exactly as a
module in ``src/healthlint/kinds/`` is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import healthlint.kinds
from cache_isolation import private_cache  # noqa: F401  (autouse)
from healthlint.cli import main

KIND_MODULE = '''"""heading-words: headings longer than ``max_words`` words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from healthlint.kinds.base import CheckContext, Hit, Kind, KindOptions

if TYPE_CHECKING:
    from pydantic import PositiveInt, conint


class Options(KindOptions):
    max_words: PositiveInt = 8
    # A constrained-type call, evaluated only when pydantic reads the annotation.
    max_per_file: conint(ge=1, le=50) = 50  # type: ignore[valid-type]


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    for block in ctx.article.blocks:
        words = len(block.text.split())
        if block.role == "heading" and words > options.max_words:
            yield Hit(line=block.line, column=block.column, params={"words": words})


KIND = Kind(name="heading-words", options=Options, check=check, doc=__doc__ or "",
            params=("words",))
'''

PACK = """pack: house
rules:
  - id: HX801
    name: heading-too-long
    kind: heading-words
    category: plain-language
    severity: warning
    message: "This heading has {{words}} words; keep headings short."
    summary: Headings of more than a few words.
    source: House style.
    options:
      max_words: {max_words}
"""

ARTICLE = """# Knee pain

## What you can do at home to help a painful knee feel better soon

Rest and ice help.
"""


@pytest.fixture()
def new_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "more_kinds"
    folder.mkdir()
    (folder / "heading_words.py").write_text(KIND_MODULE, encoding="utf-8")
    monkeypatch.setattr(healthlint.kinds, "__path__", [*healthlint.kinds.__path__, str(folder)])
    healthlint.kinds.get.cache_clear()
    yield folder
    # Later tests must not see the temporary kind.
    sys.modules.pop("healthlint.kinds.heading_words", None)
    healthlint.kinds.get.cache_clear()


def write_project(root: Path, max_words: int) -> Path:
    (root / "house.yaml").write_text(PACK.format(max_words=max_words), encoding="utf-8")
    article = root / "knee.md"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def test_a_kind_module_is_found_without_a_registry(new_kind: Path) -> None:
    assert "heading-words" in healthlint.kinds.names()
    assert healthlint.kinds.get("heading-words").options.__name__ == "Options"
    with pytest.raises(KeyError):
        healthlint.kinds.get("no-such-kind")


def test_its_options_take_any_pydantic_type_the_module_imports_for_mypy(new_kind: Path) -> None:
    from pydantic import ValidationError

    from healthlint.validation import validate

    options = healthlint.kinds.get("heading-words").options
    validated = validate(options, {"max_words": 3, "max_per_file": 5})
    assert vars(validated) == {"max_words": 3, "max_per_file": 5}
    with pytest.raises(ValidationError, match="less than or equal to 50"):
        validate(options, {"max_per_file": 51})


def test_its_rule_is_checked_end_to_end(
    new_kind: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write_project(tmp_path, max_words=5)
    code = main(
        ["check", "--pack", str(tmp_path / "house.yaml"), "--today", "2026-11-26", str(article)]
    )
    out = capsys.readouterr().out
    assert code == 0  # a warning is below the default fail level
    assert f"{article}:3:1: warning HX801 This heading has 14 words" in out


def test_a_value_its_pydantic_type_refuses_is_a_pack_error_naming_the_file_and_line(
    new_kind: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write_project(tmp_path, max_words=0)
    code = main(
        ["check", "--pack", str(tmp_path / "house.yaml"), "--today", "2026-11-26", str(article)]
    )
    err = capsys.readouterr().err
    assert code == 2
    pack = tmp_path / "house.yaml"
    line = pack.read_text(encoding="utf-8").splitlines().index("  - id: HX801") + 1
    assert f"{pack.resolve()}:{line}: invalid pack" in err
    assert "rules (HX801).options.max_words: Input should be greater than 0" in err
