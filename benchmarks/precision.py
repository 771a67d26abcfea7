"""Precision and recall per rule on labelled real pages.

    python benchmarks/precision.py [--pages DIR ...] [--labels DIR|FILE ...] [--truth FILE]
                                   [--findings JSON]

Runs ``healthlint check`` on the pages (or reads the JSON output of an earlier run with
``--findings``) and matches each finding to the labels: ``{file, rule, line?, verdict:
right|wrong, reason}``, read from every ``*.yaml`` file of the labels folder. A label without a
line judges every finding of that rule on that file (page-level rules such as HL501 report once
per page).

The credit and date rules (HL201, HL202, HL301, HL302, HL304, HL306) are judged against the
hand-checked truth of each page (``truth.json``) instead, so that a finding that appears or goes
away is judged without relabelling: a missing-author finding is right when the truth records no
author, a stale-date finding is right when the date it quotes is one the page shows and is older
than two years, and so on. A label in the labels folder still wins over the truth. Per rule it
prints:

    precision   judged right / judged, over the findings that have a label
    recall      labelled-right findings that were reported / labelled-right
    unjudged    findings without a label (not counted in precision)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"
TRUTH_RULES = ("HL201", "HL202", "HL301", "HL302", "HL304", "HL306")


def run_healthlint(pages: list[Path]) -> list[dict[str, Any]]:
    command = [
        sys.executable,
        "-m",
        "healthlint",
        "check",
        *map(str, pages),
        "--today",
        TODAY,
        "--format",
        "json",
        "--no-cache",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    data = json.loads(done.stdout)
    return list(data["findings"] if isinstance(data, dict) else data)


def read_labels(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    labels: list[dict[str, Any]] = []
    for file in files:
        labels.extend(yaml.safe_load(file.read_text(encoding="utf-8")) or [])
    return labels


def _quoted_date(message: str) -> str:
    return message.split('"')[1] if message.count('"') >= 2 else ""


def _judge(finding: dict[str, Any], page: dict[str, Any]) -> tuple[str, str] | None:
    """The verdict the page's truth gives a credit or date finding, or None for other rules."""
    rule = finding["rule"]
    shown = [page.get("review_date_as_written") or "", *page.get("other_dates", [])]
    if rule == "HL201":
        return (
            ("wrong", "truth: author " + str(page["author_text"]))
            if page["has_author"]
            else ("right", "truth: the page names no author")
        )
    if rule == "HL202":
        return (
            ("wrong", "truth: reviewer " + str(page["reviewer_text"]))
            if page["has_reviewer"]
            else ("right", "truth: the page names no medical reviewer")
        )
    if rule == "HL301":
        return (
            ("wrong", "truth: reviewed " + str(page["review_date_iso"]))
            if page["review_date_iso"]
            else ("right", "truth: the page shows no review date")
        )
    if rule == "HL302":
        quoted = _quoted_date(finding["message"])
        if not any(quoted and quoted.split(":")[-1].strip() in text for text in shown):
            return "wrong", f"quotes {quoted!r}, which is not a date the page shows"
        return "right", f"truth: the page shows {quoted!r}, over two years before {TODAY}"
    if rule == "HL304":
        return (
            ("right", "truth: the review label is empty")
            if page.get("review_label_empty")
            else ("wrong", "truth: the review label holds a date")
        )
    if rule == "HL306":
        due = [text for text in shown if text.lower().startswith("next review")]
        return (
            ("right", f"truth: {due[0]!r} has passed")
            if due
            else ("wrong", "truth: the page shows no next-review date")
        )
    return None


def judged_by_truth(
    findings: list[dict[str, Any]], truth: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Labels for the credit and date rules: one per finding, and one per page the rule missed."""
    pages = {page["file"]: page for page in truth}
    labels: list[dict[str, Any]] = []
    reported: set[tuple[str, str]] = set()
    for finding in findings:
        name = Path(finding["path"]).name
        if finding["rule"] not in TRUTH_RULES or name not in pages:
            continue
        verdict = _judge(finding, pages[name])
        if verdict:
            reported.add((name, finding["rule"]))
            labels.append(
                {
                    "file": name,
                    "rule": finding["rule"],
                    "line": finding["line"],
                    "verdict": verdict[0],
                    "reason": verdict[1],
                }
            )
    missing = {
        "HL201": lambda p: not p["has_author"],
        "HL202": lambda p: not p["has_reviewer"],
        "HL301": lambda p: (
            not (p["review_date_iso"] or p.get("other_dates") or p.get("review_label_empty"))
        ),
    }
    for name, page in pages.items():
        for rule, expected in missing.items():
            if expected(page) and (name, rule) not in reported:
                labels.append(
                    {
                        "file": name,
                        "rule": rule,
                        "verdict": "right",
                        "reason": "truth: the page lacks it, and it was not reported",
                    }
                )
    return labels


def score(
    findings: list[dict[str, Any]], labels: list[dict[str, Any]]
) -> dict[str, dict[str, int]]:
    by_file_rule: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for label in labels:
        by_file_rule[(str(label["file"]), str(label["rule"]))].append(label)
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    found_labels: set[int] = set()
    for finding in findings:
        name = Path(finding["path"]).name
        rule = finding["rule"]
        candidates = by_file_rule.get((name, rule), [])
        match = next((lb for lb in candidates if lb.get("line") == finding["line"]), None)
        if match is None:
            match = next((lb for lb in candidates if lb.get("line") is None), None)
        row = table[rule]
        row["findings"] += 1
        if match is None:
            row["unjudged"] += 1
            continue
        found_labels.add(id(match))
        row["judged"] += 1
        row["right"] += match["verdict"] == "right"
    for label in labels:
        if label["verdict"] == "right":
            row = table[str(label["rule"])]
            row["expected"] += 1
            row["recalled"] += id(label) in found_labels
    return table


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages",
        type=Path,
        action="append",
        help="a folder of pages (repeatable; default: both real-page sets)",
    )
    parser.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="a labels folder or file (repeatable; default: both sets' labels)",
    )
    parser.add_argument("--truth", type=Path, default=ROOT / "tests" / "realpages" / "truth.json")
    parser.add_argument("--findings", type=Path, help="JSON output of an earlier run to score")
    args = parser.parse_args(argv)
    real = ROOT / "tests" / "realpages"
    page_folders = args.pages or [real / "pages", real / "extra" / "pages"]
    labels = [
        label
        for source in (args.labels or [real / "labels", real / "extra" / "labels.yaml"])
        if source.exists()
        for label in read_labels(source)
    ]
    if args.findings:
        data = json.loads(args.findings.read_text(encoding="utf-8"))
        findings = list(data["findings"] if isinstance(data, dict) else data)
    else:
        pages = sorted(
            p
            for folder in page_folders
            if folder.is_dir()
            for p in folder.iterdir()
            if p.suffix in (".md", ".html", ".txt") and p.name != "README.md"
        )
        if not pages:
            print(f"no pages in {', '.join(map(str, page_folders))}", file=sys.stderr)
            return 2
        findings = run_healthlint(pages)
    if args.truth.is_file():
        truth = json.loads(args.truth.read_text(encoding="utf-8"))
        labelled = {(lb["file"], lb["rule"]) for lb in labels}
        labels += [
            lb
            for lb in judged_by_truth(findings, truth)
            if (lb["file"], lb["rule"]) not in labelled
        ]
    table = score(findings, labels)
    print(
        f"{'rule':<7} {'findings':>8} {'judged':>6} {'right':>5} {'precision':>9} "
        f"{'recall':>11} {'unjudged':>8}"
    )
    for rule in sorted(table):
        row = table[rule]
        recall = (
            f"{row['recalled']}/{row['expected']} {percent(row['recalled'], row['expected'])}"
            if row["expected"]
            else "-"
        )
        print(
            f"{rule:<7} {row['findings']:>8} {row['judged']:>6} {row['right']:>5} "
            f"{percent(row['right'], row['judged']):>9} {recall:>11} {row['unjudged']:>8}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
