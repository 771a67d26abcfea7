"""benchmarks/precision.py matches findings to labels as its documentation says."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("precision", ROOT / "benchmarks" / "precision.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_score_counts_precision_recall_and_unjudged() -> None:
    precision = load()
    findings = [
        {"path": "x/a.md", "rule": "HL501", "line": 1},
        {"path": "x/b.md", "rule": "HL501", "line": 3},
        {"path": "x/a.md", "rule": "HL503", "line": 7},
        {"path": "x/a.md", "rule": "HL503", "line": 9},
    ]
    labels = [
        {"file": "a.md", "rule": "HL501", "verdict": "right"},
        {"file": "b.md", "rule": "HL501", "verdict": "wrong"},
        {"file": "c.md", "rule": "HL501", "verdict": "right"},
        {"file": "a.md", "rule": "HL503", "line": 7, "verdict": "right"},
    ]
    table = precision.score(findings, labels)
    assert table["HL501"]["judged"] == 2 and table["HL501"]["right"] == 1
    assert table["HL501"]["expected"] == 2 and table["HL501"]["recalled"] == 1
    assert table["HL503"]["judged"] == 1 and table["HL503"]["unjudged"] == 1


def test_truth_judges_credit_and_date_findings_and_counts_what_was_missed() -> None:
    precision = load()
    truth = [
        {
            "file": "a.md",
            "has_author": False,
            "author_text": None,
            "has_reviewer": True,
            "reviewer_text": "Board",
            "review_date_iso": "2020-01-02",
            "review_date_as_written": "Last reviewed: 2 January 2020",
            "other_dates": [],
        },
        {
            "file": "b.md",
            "has_author": False,
            "author_text": None,
            "has_reviewer": False,
            "reviewer_text": None,
            "review_date_iso": None,
            "review_date_as_written": None,
            "other_dates": [],
        },
    ]
    findings = [
        {"path": "x/a.md", "rule": "HL201", "line": 4, "message": "no author"},
        {"path": "x/a.md", "rule": "HL202", "line": 4, "message": "no reviewer"},
        {
            "path": "x/a.md",
            "rule": "HL302",
            "line": 9,
            "message": '"Last reviewed: 2 January 2020" is 6 years old',
        },
        {
            "path": "x/a.md",
            "rule": "HL302",
            "line": 12,
            "message": '"Updated: 3 March 2019" is 7 years old',
        },
    ]
    labels = precision.judged_by_truth(findings, truth)
    table = precision.score(findings, labels)
    assert table["HL201"]["right"] == 1 and table["HL201"]["expected"] == 2
    assert table["HL201"]["recalled"] == 1
    assert table["HL202"]["judged"] == 1 and table["HL202"]["right"] == 0
    assert table["HL302"]["judged"] == 2 and table["HL302"]["right"] == 1
    assert table["HL301"]["expected"] == 1 and table["HL301"]["recalled"] == 0


def test_label_files_are_well_formed() -> None:
    precision = load()
    labels = precision.read_labels(ROOT / "tests" / "realpages" / "labels")
    assert labels
    for label in labels:
        assert {"file", "rule", "verdict", "reason"} <= set(label)
        assert label["verdict"] in ("right", "wrong") and label["reason"]
