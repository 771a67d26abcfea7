"""healthlint's reading of real public pages, field by field, against their hand-checked truth.

One test per (page, field). The cases that healthlint misreads today are listed in
known_misreads.yaml and marked xfail(strict=True), so a fixed case fails until it is removed
from the list (``python tests/realpages/update_known_misreads.py`` rewrites it).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from realpages_corpus import (
    FIELDS,
    PAGES,
    Reading,
    compare,
    load_misreads,
    load_truth,
    read_corpus,
)

TRUTH = load_truth()
BY_FILE = {t["file"]: t for t in TRUTH}
MISREADS = {(m["file"], m["field"]): m["reason"] for m in load_misreads()}


def _cases() -> list[Any]:
    cases = []
    for t in TRUTH:
        for field in FIELDS:
            reason = MISREADS.get((t["file"], field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(t["file"], field, id=f"{t['file']}:{field}", marks=marks))
    return cases


@pytest.fixture(scope="session")
def corpus() -> dict[str, Reading]:
    return read_corpus(TRUTH)


@pytest.mark.parametrize(("file", "field"), _cases())
def test_field(corpus: dict[str, Reading], file: str, field: str) -> None:
    outcome = compare(field, BY_FILE[file], corpus[file])
    assert outcome.ok, f"{file}: {outcome.detail}"


@pytest.mark.parametrize("entry", TRUTH, ids=lambda t: t["file"])
def test_page_is_unedited(entry: dict[str, Any]) -> None:
    data = (PAGES / entry["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]


def test_every_page_has_truth() -> None:
    files = {p.name for p in PAGES.iterdir() if not p.name.startswith(".")}
    assert files == set(BY_FILE)


def test_known_misreads_name_real_cases() -> None:
    entries = load_misreads()
    keys = [(m["file"], m["field"]) for m in entries]
    assert len(keys) == len(set(keys)), "a case is listed twice"
    for m in entries:
        assert m["file"] in BY_FILE, m
        assert m["field"] in FIELDS, m
        assert m.get("reason"), m
