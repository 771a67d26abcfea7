"""Precision and recall per rule on labelled real pages.

    python benchmarks/precision.py [--pages DIR] [--labels FILE] [--findings JSON]

Runs ``healthlint check`` on the pages (or reads the JSON output of an earlier run with
``--findings``) and matches each finding to the labels: ``{file, rule, line?, verdict:
right|wrong, reason}``. A label without a line judges every finding of that rule on that file
(page-level rules such as HL501 report once per page). Per rule it prints:

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


def run_healthlint(pages: list[Path]) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "healthlint", "check", *map(str, pages), "--today", TODAY,
               "--format", "json", "--no-cache"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    data = json.loads(done.stdout)
    return list(data["findings"] if isinstance(data, dict) else data)


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
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "realpages" / "pages")
    parser.add_argument(
        "--labels", type=Path, default=ROOT / "tests" / "realpages" / "findings.yaml"
    )
    parser.add_argument("--findings", type=Path, help="JSON output of an earlier run to score")
    args = parser.parse_args(argv)
    labels = yaml.safe_load(args.labels.read_text(encoding="utf-8")) or []
    if args.findings:
        data = json.loads(args.findings.read_text(encoding="utf-8"))
        findings = list(data["findings"] if isinstance(data, dict) else data)
    else:
        pages = sorted(p for p in args.pages.iterdir()
                       if p.suffix in (".md", ".html", ".txt") and p.name != "README.md")
        if not pages:
            print(f"no pages in {args.pages}", file=sys.stderr)
            return 2
        findings = run_healthlint(pages)
    table = score(findings, labels)
    print(f"{'rule':<7} {'findings':>8} {'judged':>6} {'right':>5} {'precision':>9} "
          f"{'recall':>11} {'unjudged':>8}")
    for rule in sorted(table):
        row = table[rule]
        recall = (f"{row['recalled']}/{row['expected']} {percent(row['recalled'], row['expected'])}"
                  if row["expected"] else "-")
        print(f"{rule:<7} {row['findings']:>8} {row['judged']:>6} {row['right']:>5} "
              f"{percent(row['right'], row['judged']):>9} {recall:>11} {row['unjudged']:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
