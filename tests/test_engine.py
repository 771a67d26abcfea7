"""The engine as the Python API exposes it: same results serial or parallel, cached or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import healthlint
from healthlint.cache import FindingCache
from healthlint.config import Config
from healthlint.engine import Linter
from sample_articles import BAD_TXT, GOOD_MD

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for index in range(40):
        text = BAD_TXT if index % 3 == 0 else GOOD_MD
        suffix = "txt" if index % 3 == 0 else "md"
        (folder / f"article-{index:02d}.{suffix}").write_text(text, encoding="utf-8")
    (folder / "broken.md").write_bytes(b"\x00\x00binary")
    return folder


def test_parallel_results_equal_serial_results(library: Path) -> None:
    linter = Linter(today=TODAY)
    serial = linter.lint_paths([library], jobs=1)
    parallel = linter.lint_paths([library], jobs=2)
    assert serial.findings
    assert parallel == serial
    assert serial.files_checked == 40 and serial.files_unreadable == 1


def test_cache_returns_the_same_findings_and_notices_changes(library: Path, tmp_path: Path) -> None:
    linter = Linter(today=TODAY)
    store = tmp_path / "cache"
    first = linter.lint_paths([library], cache=FindingCache(store, linter.salt))
    warm = FindingCache(store, linter.salt)
    second = linter.lint_paths([library], cache=warm)
    assert second == first
    assert warm.hits == 41 and warm.misses == 0  # the binary file is remembered too

    edited = library / "article-01.md"
    edited.write_text(GOOD_MD.replace("2026", "2021"), encoding="utf-8")
    after_edit = FindingCache(store, linter.salt)
    third = linter.lint_paths([library], cache=after_edit)
    assert after_edit.misses == 1
    assert any(f.path.endswith("article-01.md") and f.rule == "HL302" for f in third.findings)


def test_cache_key_depends_on_the_day_and_the_rules() -> None:
    today = Linter(today=TODAY)
    tomorrow = Linter(today=TODAY + dt.timedelta(days=1))
    narrower = Linter(Config(ignore=["HL302"]), today=TODAY)
    assert len({today.salt, tomorrow.salt, narrower.salt}) == 3


def test_lint_text_and_parse_article_api() -> None:
    findings = healthlint.lint_text(BAD_TXT, filename="knee.txt", today="2026-11-26")
    assert all(isinstance(f, healthlint.Finding) for f in findings)
    stale = [f for f in findings if f.rule == "HL302"]
    assert stale and stale[0].line == 13 and stale[0].severity == healthlint.Severity.ERROR
    article = healthlint.parse_article(GOOD_MD, filename="ankle.md")
    assert isinstance(article, healthlint.Article)
    assert article.title == "Sprained Ankle"


def test_lint_paths_api_and_load_config(tmp_path: Path) -> None:
    (tmp_path / "healthlint.toml").write_text(
        'today = "2026-11-26"\nignore = ["HL302"]\n', encoding="utf-8"
    )
    (tmp_path / "knee.txt").write_text(BAD_TXT, encoding="utf-8")
    config = healthlint.load_config(tmp_path / "healthlint.toml")
    result = healthlint.lint_paths([tmp_path], config=config)
    assert isinstance(result, healthlint.LintResult)
    assert result.files_checked == 1
    assert not [f for f in result.findings if f.rule == "HL302"]
    assert [f for f in result.findings if f.rule == "HL102"]


def test_findings_are_sorted_and_fingerprinted(library: Path) -> None:
    result = Linter(today=TODAY).lint_paths([library])
    keys = [f.sort_key() for f in result.findings]
    assert keys == sorted(keys)
    assert all(f.fingerprint and len(f.fingerprint) == 16 for f in result.findings)


def test_a_rule_off_by_default_runs_only_when_named() -> None:
    def active(config: Config) -> set[str]:
        return {rule.spec.id for rule in Linter(config, today=TODAY).active_rules()}

    assert "HL405" not in active(Config())
    assert "HL405" not in active(Config(select=["readability"]))
    assert "HL405" in active(Config(extend_select=["HL405"]))
    assert "HL405" in active(Config(select=["long-word"]))


def test_result_lists_the_findings_that_reach_a_level(library: Path) -> None:
    result = Linter(today=TODAY).lint_paths([library])
    errors = result.at_or_above(healthlint.Severity.ERROR)
    assert errors and all(f.severity == healthlint.Severity.ERROR for f in errors)
    assert len(result.at_or_above(healthlint.Severity.INFO)) == len(result.findings)


def test_a_findings_json_form_is_the_generic_one_and_reads_back() -> None:
    from healthlint.models import Finding, to_data

    findings = healthlint.lint_text(BAD_TXT, filename="a.txt", today="2026-11-26")
    assert findings
    for finding in findings:
        assert finding.to_data() == to_data(finding)
        assert Finding.from_data(finding.to_data()) == finding
