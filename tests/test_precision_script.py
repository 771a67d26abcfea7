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


def test_labels_file_is_well_formed() -> None:
    import yaml

    labels = yaml.safe_load((ROOT / "tests" / "realpages" / "findings.yaml").read_text("utf-8"))
    assert labels
    for label in labels:
        assert {"file", "rule", "verdict", "reason"} <= set(label)
        assert label["verdict"] in ("right", "wrong") and label["reason"]
