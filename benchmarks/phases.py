"""Where a check's time goes, article by article, in one process: parsing and each rule.

    python benchmarks/phases.py [--count 300] [--baseline REV]

Generates the benchmark corpus (``corpus.py``), parses and checks every article once to warm
the word caches, then times parsing and each rule's check over the corpus (best of three
rounds) and prints milliseconds per article. With ``--baseline REV`` the same is measured for
that git revision, in its own process with its own source first on ``PYTHONPATH``, and each
line shows both figures and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parent.parent


def measure(corpus: Path) -> dict[str, float]:
    from healthlint.config import Config
    from healthlint.engine import Linter
    from healthlint.kinds.base import CheckContext
    from healthlint.parsers import parse_article

    linter = Linter(Config(), today=dt.date(2026, 11, 26))
    texts = [(path.read_text(encoding="utf-8"), path.name) for path in sorted(corpus.iterdir())]
    best: dict[str, float] = {}
    for _ in range(4):  # the first round warms the caches and is not kept
        spent: dict[str, float] = defaultdict(float)
        for text, name in texts:
            start = time.perf_counter()
            article = parse_article(text, filename=name)
            spent["parse"] += time.perf_counter() - start
            context = CheckContext(article=article, today=linter.today, path=name)
            for rule in linter.active_rules([]):
                start = time.perf_counter()
                for _hit in rule.kind.check(context, rule.options, rule.spec):
                    pass
                spent[rule.spec.id] += time.perf_counter() - start
        if _:
            for key, value in spent.items():
                best[key] = min(best.get(key, value), value)
    return {key: 1000 * value / len(texts) for key, value in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--baseline", help="a git revision to compare against")
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.corpus:
        figures = measure(args.corpus)
        print(json.dumps(figures) if args.json else figures)
        return 0
    from corpus import generate

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        generate(scratch / "corpus", args.count, seed=7)
        current = measure(scratch / "corpus")
        baseline: dict[str, float] = {}
        if args.baseline:
            from compare import export

            tree = export(args.baseline, scratch)
            # Its own artifact cache: an entry another revision wrote under the same name may
            # hold a different layout.
            env = {
                **os.environ,
                "PYTHONPATH": str(tree / "src"),
                "HEALTHLINT_CACHE_DIR": str(scratch / "baseline-cache"),
            }
            done = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__)),
                    "--corpus",
                    str(scratch / "corpus"),
                    "--json",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            baseline = json.loads(done.stdout)
    keys = ["parse", *sorted(k for k in current if k != "parse")]
    total_now = sum(current.values())
    print(f"ms per article over {args.count} articles (best of 3 rounds)")
    for key in keys:
        if baseline:
            before = baseline.get(key, 0.0)
            ratio = f"{current[key] / before:6.2f}" if before else "   new"
            print(f"  {key:<8} {before:7.3f} {current[key]:7.3f} {ratio}")
        else:
            print(f"  {key:<8} {current[key]:7.3f}")
    if baseline:
        total_before = sum(baseline.values())
        print(
            f"  {'total':<8} {total_before:7.3f} {total_now:7.3f} {total_now / total_before:6.2f}"
        )
    else:
        print(f"  {'total':<8} {total_now:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
