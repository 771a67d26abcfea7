"""An unchanged library is answered from the findings cache in the parent process: no worker is
started, and the findings are the same as a full check's."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest

from healthlint.cache import FindingCache
from healthlint.config import Config
from healthlint.engine import Linter, discover

ARTICLE = "# Flu {n}\n\nRest at home and drink fluids.\n\nLast reviewed: March 3, 2020\n"


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for n in range(60):  # enough files for two workers
        (folder / f"flu-{n:02}.md").write_text(ARTICLE.format(n=n), encoding="utf-8")
    return folder


def run(linter: Linter, folder: Path, cache: FindingCache) -> list[tuple[str, int, str]]:
    result = linter.lint_targets(discover([folder]), jobs=2, cache=cache)
    return [(f.path, f.line, f.rule) for f in result.findings]


def test_hits_start_no_worker_and_misses_are_checked(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    linter = Linter(Config(select=["HL302"]))
    cache = FindingCache(tmp_path / "cache", linter.salt)
    first = run(linter, library, cache)
    assert len(first) == 60

    class NoWorkers:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("a worker was started for a library the cache answers")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoWorkers)
    assert run(linter, library, cache) == first
    # A changed file is checked again, and its new finding comes back in its place.
    (library / "flu-07.md").write_text(
        ARTICLE.format(n=7).replace("2020", "2026"), encoding="utf-8"
    )
    again = run(linter, library, cache)
    assert len(again) == 59 and all("flu-07" not in path for path, _, _ in again)
