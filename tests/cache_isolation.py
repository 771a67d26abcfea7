"""A private cache folder for each test that runs the command line in-process, so tests never
read findings, packs or configuration cached by another test or by the user's own runs.

Import ``private_cache`` into a test module to use it there (it is autouse)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
