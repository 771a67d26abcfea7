#!/usr/bin/env python3
"""Per-field agreement of healthlint with the truth of the real-page corpus.

Usage: python tests/realpages/score_corpus.py [--verbose]
Prints, for every field the tests check, on how many pages healthlint agrees with the
hand-checked truth, and section precision, recall and F1 over all pages; --verbose lists every
disagreement.
"""

from __future__ import annotations

import argparse
import collections
import sys

from realpages_corpus import FIELDS, compare, load_truth, read_corpus, section_lists


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    truth = load_truth()
    readings = read_corpus(truth)
    agree: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    tp = found = want = 0
    for t in truth:
        reading = readings[t["file"]]
        for field in FIELDS:
            outcome = compare(field, t, reading)
            agree[field] += outcome.ok
            if not outcome.ok:
                wrong.append(f"{t['file']}: {outcome.detail}")
        got_s, want_s = (collections.Counter(x) for x in section_lists(t, reading.article))
        tp += sum((got_s & want_s).values())
        found += sum(got_s.values())
        want += sum(want_s.values())
    if args.verbose:
        print("\n".join(wrong))
        print()
    n = len(truth)
    print(f"{n} real pages")
    for field in FIELDS:
        print(f"  {field:22} {agree[field]}/{n}")
    prec = tp / found if found else 0.0
    rec = tp / want if want else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(
        f"  sections (headings)    precision {prec:.2f} recall {rec:.2f} F1 {f1:.2f} "
        f"({tp} of {want} found, {found - tp} extra)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
