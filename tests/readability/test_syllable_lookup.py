"""The lazy syllable lookup answers exactly as the whole table does.

Each test loads its own copy of ``healthlint.readability.syllables``, so that the
lookups start from nothing (no chunk split, no word remembered) and read the
artifact cache folder the test chose, whatever other tests loaded before.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from healthlint.cache import ENV_VAR, default_location
from healthlint.readability import syllables
from healthlint.readability.syllables import build_compact, fallback_syllables


def _reference_table() -> dict[str, int]:
    """The packaged table parsed here, independently of the module under test."""
    table: dict[str, int] = {}
    text = Path(syllables.TABLE_PATH).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            count, _, words = line.partition("\t")
            table.update(dict.fromkeys(words.split(), int(count)))
    return table


REFERENCE = _reference_table()
_SORTED = sorted(REFERENCE)

# Absent words next to present ones, one-letter words, apostrophes, non-ASCII,
# separators, control characters and the search's own sentinel character.  The last
# two join neighbouring table words with a space: a chunk search for " word " that
# did not refuse spaces would find them across the two words.
EDGE_WORDS = [
    "", " ", "a", "b", "i", "x", "z", "'", ".", "-", "0", "é", "ß", "ı", "ﬁ",
    "'bout", "'tis", "'s", "''", "o'", "don't", "won't", "patient's", "patients'",
    "a.", "a.'s", "co.", "co-", "zzzzzz", "aaaaaa", "zysk", "zyskz", "hmm", "hmmmm",
    "café", "naïve", "über", "İ".lower(), "日本", "\u00a0", "a\u00a0b", chr(0x10FFFF),
    "a" + chr(0x10FFFF), "\x00", "a\x01", "a b", "a  b", "the cat", "a\tb", "911",
    "2.5", "paracetamol", "xyzzyq", "metforminish", "glucosamine",
    f"{_SORTED[0]} {_SORTED[1]}", f"{_SORTED[500]} {_SORTED[501]}",
]  # fmt: skip


def _expected_count(word: str) -> int:
    """syllable_count as it was defined before the lazy lookup: whole table, else fallback."""
    lowered = word.lower()
    count = REFERENCE.get(lowered)
    return fallback_syllables(lowered) if count is None else count


def _absent_neighbours(word: str) -> list[str]:
    """Words that sort next to ``word``, so they fall in its chunk, and are not in the table."""
    candidates = [word + "q", word + "'", word + ".", word[:-1], word[:-1] + "~", word + "é"]
    return [c for c in candidates if c not in REFERENCE]


def _fresh_module(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv(ENV_VAR, str(cache_dir))
    spec = importlib.util.spec_from_file_location(
        "healthlint.readability._syllables_under_test", syllables.__file__
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _artifacts(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "artifacts").glob("syllables-chunks-*.marshal"))


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder that already holds the compact table."""
    folder = tmp_path_factory.mktemp("warm-cache")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _fresh_module(folder, monkeypatch).syllable_count("warm")
    assert len(_artifacts(folder)) == 1
    return folder


@pytest.fixture
def fresh(warm_cache: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _fresh_module(warm_cache, monkeypatch)

    def not_rebuilt() -> dict[str, int]:
        raise AssertionError("the compact table should come from the artifact cache")

    monkeypatch.setattr(module, "_read_table", not_rebuilt)
    return module


def _assert_table_not_built(module: ModuleType) -> None:
    assert module.syllable_table.cache_info().misses == 0


def test_whole_table_equals_the_packaged_file() -> None:
    assert syllables.syllable_table() == REFERENCE
    assert len(REFERENCE) == 126_052


def test_every_table_word_is_found_in_any_order(fresh: ModuleType) -> None:
    words = list(REFERENCE)
    random.Random(2024).shuffle(words)
    wrong = {
        word: fresh.dictionary_syllables(word)
        for word in words
        if fresh.dictionary_syllables(word) != REFERENCE[word]
    }
    assert wrong == {}
    _assert_table_not_built(fresh)
    assert fresh.syllable_table() == syllables.syllable_table()


def test_syllable_count_equals_the_whole_table_for_every_word(fresh: ModuleType) -> None:
    # Upper case too: syllable_count lower-cases before looking up.
    wrong = [
        word
        for word in sorted(REFERENCE, reverse=True)
        for shown in (word, word.upper())
        if fresh.syllable_count(shown) != REFERENCE[word]
    ]
    assert wrong == []
    _assert_table_not_built(fresh)


def test_absent_words_beside_table_words(fresh: ModuleType) -> None:
    table_words = sorted(REFERENCE)
    # Every 7th word reaches every chunk; asking for absent neighbours first makes
    # their chunks split, so the present words are then answered from the split.
    sample = table_words[::7] + table_words[-3:]
    absent = [c for word in sample for c in _absent_neighbours(word)]
    assert len(absent) > 50_000
    found = {word: fresh.dictionary_syllables(word) for word in absent}
    assert {word: count for word, count in found.items() if count is not None} == {}
    assert fresh.known_syllables().keys() <= REFERENCE.keys()
    wrong = [word for word in table_words if fresh.dictionary_syllables(word) != REFERENCE[word]]
    assert wrong == []
    # Again, now that every chunk is split: the answers do not change.
    assert all(fresh.dictionary_syllables(word) is None for word in absent[::11])
    wrong_counts = [
        word for word in absent[::11] if fresh.syllable_count(word) != _expected_count(word)
    ]
    assert wrong_counts == []
    _assert_table_not_built(fresh)


@pytest.mark.parametrize("word", EDGE_WORDS)
def test_edge_words(fresh: ModuleType, word: str) -> None:
    for _ in range(2):  # first lookup, then the remembered answer
        assert fresh.dictionary_syllables(word) == REFERENCE.get(word)
        assert fresh.syllable_count(word) == _expected_count(word)
        assert fresh.syllable_count(word.upper()) == _expected_count(word.upper())
        assert fresh.lowered_syllable_count(word.lower()) == _expected_count(word)
    _assert_table_not_built(fresh)


def test_every_one_letter_word(fresh: ModuleType) -> None:
    letters = [chr(code) for code in range(0x20, 0x250)] + ["'", "ﬀ", chr(0x10FFFF)]
    for letter in letters:
        assert fresh.dictionary_syllables(letter) == REFERENCE.get(letter), letter
        assert fresh.syllable_count(letter) == _expected_count(letter), letter


def test_known_syllables_only_grows_with_table_words(fresh: ModuleType) -> None:
    assert fresh.known_syllables() == {}
    for word in ("the", "xyzzyq", "911", "paracetamol", "hypothyroidism"):
        fresh.syllable_count(word)
    known = fresh.known_syllables()
    assert 0 < len(known) < 1_000
    assert all(REFERENCE[word] == count for word, count in known.items())
    assert fresh.syllable_table() is known


def _unwritable_by_file(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    return blocker / "cache"


def _unwritable_by_mode(tmp_path: Path) -> Path:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        pytest.skip("needs POSIX permissions, which root ignores")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


@pytest.mark.parametrize("make_folder", [_unwritable_by_file, _unwritable_by_mode])
def test_works_when_the_cache_folder_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_folder: Callable[[Path], Path]
) -> None:
    folder = make_folder(tmp_path)
    module = _fresh_module(folder, monkeypatch)
    assert default_location() == folder
    words = sorted(REFERENCE)[::97] + EDGE_WORDS
    assert [module.syllable_count(w) for w in words] == [_expected_count(w) for w in words]
    assert [module.dictionary_syllables(w) for w in words] == [REFERENCE.get(w) for w in words]
    _assert_table_not_built(module)
    assert module.syllable_table() == REFERENCE
    assert not (folder / "artifacts").exists()


def test_a_damaged_cache_entry_is_rebuilt(
    warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    (folder / "artifacts").mkdir(parents=True)
    (entry,) = _artifacts(warm_cache)
    # The right container types, the wrong layout: a chunk without its padding.
    (folder / "artifacts" / entry.name).write_bytes(marshal.dumps((2, ["a ab"], b"\x01\x01")))
    module = _fresh_module(folder, monkeypatch)
    assert [module.syllable_count(w) for w in ("a", "ab", "the", "zysk")] == [
        _expected_count(w) for w in ("a", "ab", "the", "zysk")
    ]


def test_compact_form_layout() -> None:
    chunk_size, chunks, counts = build_compact({"b": 1, "a": 2, "c'": 0, "ab": 3}, 3)
    assert chunk_size == 3
    assert chunks == [" a ab b ", " c' "]
    assert counts == bytes([2, 3, 1, 0])


@pytest.mark.parametrize("bad", ["", "a b", "a\x01", "a\u00a0b", chr(0x10FFFF)])
def test_compact_form_rejects_words_the_search_cannot_find(bad: str) -> None:
    with pytest.raises(ValueError, match="printable"):
        build_compact({"cat": 1, bad: 2})


def test_scoring_an_article_does_not_build_the_whole_table(tmp_path: Path) -> None:
    # A fresh interpreter: in this one other tests have built the table already.
    code = (
        "from healthlint.readability import syllables\n"
        "from healthlint.readability.prose import split_sentences\n"
        "from healthlint.readability.stats import TextStatistics\n"
        "text = 'Take 500 mg of paracetamol with water. Call 911 if hypothyroidism '"
        " 'symptoms worsen suddenly. Naïve patients rest.'\n"
        "stats = TextStatistics(split_sentences(text))\n"
        "stats.hardest_sentences()[0].reasons()\n"
        "assert syllables.syllable_table.cache_info().misses == 0\n"
        "print(stats.syllable_count, len(syllables.known_syllables()))\n"
    )
    env = dict(os.environ, **{ENV_VAR: str(tmp_path)})
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    syllable_total, known = map(int, done.stdout.split())
    assert known < 2_000
    from healthlint.readability.prose import split_sentences
    from healthlint.readability.stats import TextStatistics

    text = (
        "Take 500 mg of paracetamol with water. Call 911 if hypothyroidism "
        "symptoms worsen suddenly. Naïve patients rest."
    )
    assert syllable_total == TextStatistics(split_sentences(text)).syllable_count
