"""The working tree against an earlier revision, in the same command: a one-file check (the
pre-commit case) and a library check, each timed alternately and reported as a median with
its ratio to the revision.

    python benchmarks/compare.py --baseline 8857855            # 1,000 articles, 7 rounds
    python benchmarks/compare.py --baseline v1.0 --count 300 --repeat 3

The revision is exported with ``git archive`` into a temporary folder; both trees run the
same interpreter as ``python -m healthlint`` with their own ``src`` first on ``PYTHONPATH``
and their own cache folder, warmed once before timing (as after an install), so each side
reads only what it built itself. Both trees get their bytecode compiled first. The library
check runs on one core (``--jobs 1``) so that the figure is the work, not the scheduling.
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate
from run import alternate

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"


def export(revision: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
        capture_output=True,
        check=True,
    ).stdout
    tree = into / "baseline"
    tree.mkdir()
    archive_path = into / "baseline.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(tree, filter="data")
    return tree


class Tree:
    def __init__(self, name: str, root: Path, cache: Path) -> None:
        self.name = name
        self.env = {
            **os.environ,
            "PYTHONPATH": str(root / "src"),
            "HEALTHLINT_CACHE_DIR": str(cache),
        }
        compileall.compile_dir(str(root / "src"), quiet=1)

    def run(self, *arguments: str) -> float:
        command = [
            sys.executable,
            "-m",
            "healthlint",
            "check",
            "--today",
            TODAY,
            "--exit-zero",
            *arguments,
        ]
        start = time.perf_counter()
        subprocess.run(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        return time.perf_counter() - start


def report(title: str, medians: dict[str, float], baseline: str, current: str) -> None:
    print(f"\n## {title}")
    for name, value in medians.items():
        print(f"  {name:<12} {value * 1000:10.1f} ms")
    print(f"  ratio working tree / baseline: {medians[current] / medians[baseline]:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="a git revision to compare against")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", type=Path, help="also time this folder of real pages")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        baseline_root = export(args.baseline, scratch)
        (scratch / "cache-baseline").mkdir()
        (scratch / "cache-current").mkdir()
        trees = {
            args.baseline: Tree(args.baseline, baseline_root, scratch / "cache-baseline"),
            "working": Tree("working", ROOT, scratch / "cache-current"),
        }
        corpus = scratch / "corpus"
        files = generate(corpus, args.count, seed=7)
        one = files[len(files) // 2]
        for tree in trees.values():
            tree.run("--cache-dir", str(scratch / "warm"), str(one))  # artifacts built once

        def fresh(tree: Tree, *paths: Path) -> Callable[[], float]:
            def run() -> float:
                with tempfile.TemporaryDirectory() as findings:
                    return tree.run("--cache-dir", findings, "--jobs", "1", *map(str, paths))

            return run

        report(
            f"one article ({one.stat().st_size:,} bytes), median of {args.repeat}",
            alternate({name: fresh(tree, one) for name, tree in trees.items()}, args.repeat),
            args.baseline,
            "working",
        )
        library_rounds = max(3, args.repeat // 2)
        report(
            f"library of {len(files):,} articles, one core, median of {library_rounds}",
            alternate({name: fresh(tree, corpus) for name, tree in trees.items()}, library_rounds),
            args.baseline,
            "working",
        )
        if args.pages:
            report(
                f"real pages in {args.pages}, one core, median of {library_rounds}",
                alternate(
                    {name: fresh(tree, args.pages) for name, tree in trees.items()}, library_rounds
                ),
                args.baseline,
                "working",
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
