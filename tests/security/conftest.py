from pathlib import Path

import pytest


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder to run the command in, with a findings cache of its own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path
