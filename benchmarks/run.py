"""Benchmarks for the whole linter, each figure printed with its ratio to a baseline measured
in the same run (runs alternate, medians reported).

    python benchmarks/run.py [--count 1000] [--repeat 5]

1. cold start: one article checked by a fresh ``healthlint check`` process, against a bare
   ``python -c pass`` (the interpreter's own start-up) and, when installed, ``proselint`` on
   the same file;
2. throughput: articles per second over a generated corpus, against proselint on the same
   corpus when it is installed (``pip install proselint``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

TODAY = "2026-11-26"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def alternate(commands: dict[str, Callable[[], float]], repeat: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, run in commands.items():
            samples[name].append(run())
    return {name: statistics.median(values) for name, values in samples.items()}


def proselint_command() -> list[str] | None:
    exe = shutil.which("proselint") or str(Path(sys.executable).parent / "proselint")
    return [exe, "check"] if Path(exe).exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    healthlint = [sys.executable, "-m", "healthlint", "check", "--today", TODAY, "--exit-zero"]
    proselint = proselint_command()

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        files = generate(corpus, args.count)
        one = str(files[0])

        print(f"# cold start, one article ({Path(one).name}), median of {args.repeat}")
        cold: dict[str, Callable[[], float]] = {
            "python -c pass": lambda: timed([sys.executable, "-c", "pass"]),
            "healthlint check": lambda: timed([*healthlint, one]),
        }
        if proselint:
            cold["proselint check"] = lambda: timed([*proselint, one])
        medians = alternate(cold, args.repeat)
        for name, value in medians.items():
            print(f"  {name:<18} {value * 1000:8.1f} ms")
        if proselint:
            ratio = medians["healthlint check"] / medians["proselint check"]
            print(f"  ratio healthlint / proselint: {ratio:.2f}")

        print(f"\n# throughput over {args.count} articles, median of {max(1, args.repeat // 2)}")
        whole: dict[str, Callable[[], float]] = {
            "healthlint check": lambda: timed([*healthlint, str(corpus)]),
        }
        if proselint:
            whole["proselint check"] = lambda: timed([*proselint, str(corpus)])
        medians = alternate(whole, max(1, args.repeat // 2))
        for name, value in medians.items():
            print(f"  {name:<18} {value:8.2f} s  {args.count / value:8.1f} articles/s")
        if proselint:
            ratio = medians["proselint check"] / medians["healthlint check"]
            print(f"  throughput ratio healthlint / proselint: {ratio:.2f}x")


if __name__ == "__main__":
    main()
