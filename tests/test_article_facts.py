"""A check keeps each article's facts (title, type, owner, review dates, grades) beside its
findings, and the library report reads them there instead of parsing the article again."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from healthlint import engine
from healthlint.cache import FindingCache
from healthlint.config import Config
from healthlint.engine import Linter
from healthlint.facts import ArticleFacts, SectionGrade, facts_of
from healthlint.figures import article_figures
from healthlint.library import build_library
from healthlint.reading import SourceText, read_source

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = dt.date(2026, 11, 26)


def _library_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(EXAMPLES, folder)
    return folder


def _check_with_cache(folder: Path, cache_dir: Path) -> None:
    linter = Linter(Config(), today=TODAY)
    linter.lint_paths([folder], cache=FindingCache(cache_dir, linter.salt))


def test_a_report_after_a_check_parses_no_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _library_copy(tmp_path)
    expected = build_library([str(folder)], today=TODAY, use_cache=False).to_data()
    _check_with_cache(folder, tmp_path / "cache")

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("an article was parsed again")

    monkeypatch.setattr(engine, "article_from", no_parsing)
    after = build_library([str(folder)], today=TODAY, cache_dir=str(tmp_path / "cache"), jobs=1)
    assert after.to_data() == expected


def test_an_entry_kept_without_facts_is_read_again_and_completed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _library_copy(tmp_path)
    expected = build_library([str(folder)], today=TODAY, use_cache=False).to_data()
    # A check whose facts failed keeps the findings alone.
    monkeypatch.setattr("healthlint.facts.facts_of", lambda *a, **k: 1 / 0)
    _check_with_cache(folder, tmp_path / "cache")
    monkeypatch.undo()
    checked_again: list[str] = []
    real = Linter._checked

    def counting(self: Linter, source: SourceText, filename: str, **options: bool) -> object:
        checked_again.append(filename)
        return real(self, source, filename, **options)

    monkeypatch.setattr(Linter, "_checked", counting)
    first = build_library([str(folder)], today=TODAY, cache_dir=str(tmp_path / "cache"), jobs=1)
    assert first.to_data() == expected
    assert checked_again == []  # the findings came from the cache; only the facts were read
    # The facts are now kept: a second report parses nothing.
    monkeypatch.setattr(engine, "article_from", lambda *a, **k: 1 / 0)
    second = build_library([str(folder)], today=TODAY, cache_dir=str(tmp_path / "cache"), jobs=1)
    assert second.to_data() == expected


def test_the_findings_of_a_cached_check_are_unchanged_by_the_facts_beside_them(
    tmp_path: Path,
) -> None:
    folder = _library_copy(tmp_path)
    uncached = Linter(Config(), today=TODAY).lint_paths([folder])
    _check_with_cache(folder, tmp_path / "cache")
    linter = Linter(Config(), today=TODAY)
    cache = FindingCache(tmp_path / "cache", linter.salt)
    cached = linter.lint_paths([folder], cache=cache)
    assert cache.misses == 0 and cache.hits == cached.files_checked
    assert cached.findings == uncached.findings


def test_the_facts_grades_are_the_figures_grades() -> None:
    linter = Linter(Config(), today=TODAY)
    articles = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in {".md", ".txt", ".html"})
    assert any("-es" in p.name for p in articles)
    for path in articles:
        article = engine.article_from(read_source(path, max_size=10**7), str(path))
        context = linter.context_for(article, path=str(path))
        facts = facts_of(article, context)
        figures = article_figures(article, context)
        assert facts.grade == figures["article"]["flesch_kincaid_grade"], path
        assert [(s.section, s.line, s.grade) for s in facts.sections] == [
            (s["section"], s["line"], s["flesch_kincaid_grade"]) for s in figures["sections"]
        ], path


def test_facts_round_trip_and_refuse_other_shapes() -> None:
    facts = ArticleFacts(
        title="Knee Pain",
        type="condition",
        owner="Dr. A. Reviewer",
        last_review=dt.date(2025, 3, 1),
        page_due=None,
        grade=7.4,
        sections=(SectionGrade("Symptoms", 12, 6.9), SectionGrade("Causas", 30, None)),
    )
    assert ArticleFacts.from_data(facts.to_data()) == facts
    for broken in (None, [], "x", [99, *facts.to_data()[1:]], [1, 7, *facts.to_data()[2:]]):
        assert ArticleFacts.from_data(broken) is None
    dated = facts.to_data()
    dated[4] = "not a date"
    assert ArticleFacts.from_data(dated) is None


def test_what_is_kept_beside_an_entry_is_read_only_when_asked(tmp_path: Path) -> None:
    cache = FindingCache(tmp_path / "cache", "salt")
    key = cache.key("a.md", b"text")
    cache.put(key, {"readable": True, "rows": []}, {"facts": [1, "line\nbreak"]})
    assert cache.get(key) == {"readable": True, "rows": []}
    assert cache.get_with_extra(key) == (
        {"readable": True, "rows": []},
        {"facts": [1, "line\nbreak"]},
    )
    assert cache.get_with_extra(key, extra=False) == ({"readable": True, "rows": []}, None)


def test_the_review_queue_after_a_check_parses_no_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthlint import parsers
    from healthlint.due import render_json
    from healthlint.library import review_entries

    folder = _library_copy(tmp_path)
    (folder / "unreadable.md").write_bytes(b"\x00\x01binary\x00")
    warned: list[str] = []

    def queue(**options: object) -> tuple[str, list[str]]:
        entries, problems = review_entries(
            [str(folder)],
            Config(),
            today=TODAY,
            warn=warned.append,
            **options,  # type: ignore[arg-type]
        )
        return render_json(entries), problems

    expected, expected_problems = queue(use_cache=False)
    assert expected_problems == [str(folder / "unreadable.md")]
    _check_with_cache(folder, tmp_path / "cache")

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("an article was parsed again")

    monkeypatch.setattr(parsers, "parse_article", no_parsing)
    assert queue(cache_dir=str(tmp_path / "cache")) == (expected, expected_problems)
    assert len(warned) == 2 and all("unreadable.md" in message for message in warned)
