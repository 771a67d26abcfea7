#!/usr/bin/env python3
"""Rewrite known_misreads.yaml with the (page, field) cases that fail today.

Usage: python tests/realpages/update_known_misreads.py [--check]
Reasons already written for a case that still fails are kept; new failures get the comparison
as their reason; fixed cases are dropped. With --check, nothing is written and the exit code is
1 when the list is out of date.
"""

from __future__ import annotations

import argparse
import sys

from realpages_corpus import (
    FIELDS,
    MISREADS_FILE,
    compare,
    load_misreads,
    load_truth,
    read_corpus,
    write_misreads,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if stale")
    args = parser.parse_args()
    truth = load_truth()
    readings = read_corpus(truth)
    old = {(m["file"], m["field"]): m["reason"] for m in load_misreads()}
    entries = []
    for t in truth:
        for field in FIELDS:
            outcome = compare(field, t, readings[t["file"]])
            if not outcome.ok:
                key = (t["file"], field)
                reason = old.get(key) or outcome.detail
                entries.append({"file": t["file"], "field": field, "reason": reason})
    new = {(e["file"], e["field"]) for e in entries}
    fixed, broken = sorted(set(old) - new), sorted(new - set(old))
    for file, field in fixed:
        print(f"fixed:      {file}:{field}")
    for file, field in broken:
        print(f"now failing: {file}:{field}")
    total = len(truth) * len(FIELDS)
    print(f"{total - len(entries)} of {total} cases pass, {len(entries)} known misreads")
    if args.check:
        return 1 if fixed or broken else 0
    write_misreads(entries)
    print(f"wrote {MISREADS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
