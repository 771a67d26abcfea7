"""Whole-linter benchmarks. Every figure is printed with its ratio to a baseline measured in the
same run; commands alternate and medians are reported. No test depends on these numbers.

    python benchmarks/run.py                 # everything, 10,000 articles
    python benchmarks/run.py --count 2000 --only cold,library

Parts:
  cold     one article checked by a fresh ``healthlint check`` process, against ``python -c
           pass`` and proselint on the same file (the pre-commit case)
  first    the first run of that check: with an empty cache folder and no configuration file
           (after installing), and after a configuration file changed (packs unchanged),
           against proselint and against a run with everything cached but the file
  library  the whole corpus with every default rule on all cores, against proselint
  cache    a second run over the unchanged corpus against the first (fresh cache folder)
  memory   peak resident memory of the largest process of the library run
  growth   time per article at 1/10, 1/2 and all of the corpus, and one 1 MB article against
           ten 100 KB articles (no quadratic behaviour)
  scaling  pathological pages (thousands of headings, deep nesting, a list item of dashes) at
           one and eight times the size

proselint is the reference linter: ``pip install proselint`` in the same environment to get the
side-by-side figures (they are skipped, with a note, when it is missing).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate, paragraph

TODAY = "2026-11-26"


def _console_script(name: str) -> str | None:
    """The installed command, as pre-commit runs it (``python -m`` would add runpy's imports)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


_INSTALLED = _console_script("healthlint")
HEALTHLINT = [
    *([_INSTALLED] if _INSTALLED else [sys.executable, "-m", "healthlint"]),
    "check",
    "--today",
    TODAY,
    "--exit-zero",
]


# CPU seconds (user and system, the command and every process it started) of each timed run.
CPU: dict[tuple[str, ...], list[float]] = {}


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(tuple(command), []).append(used)
    return wall


def cpu_median(command: list[str]) -> float:
    return statistics.median(CPU[tuple(command)])


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of the largest process the command ran (itself or a worker)."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    ).stdout
    return int(out.strip()) / 1024


def alternate(commands: dict[str, Callable[[], float]], repeat: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, run in commands.items():
            samples[name].append(run())
    return {name: statistics.median(values) for name, values in samples.items()}


def proselint_command() -> list[str] | None:
    exe = _console_script("proselint")
    return [exe, "check"] if exe else None


def compile_bytecode() -> None:
    """Write healthlint's .pyc files, as ``pip install`` does for a released package: an
    editable install under ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile every module
    at every start, a cost no user pays."""
    import compileall

    import healthlint

    compileall.compile_dir(str(Path(healthlint.__file__).parent), quiet=1)


def show(medians: dict[str, float], unit: str = "ms") -> None:
    for name, value in medians.items():
        shown = value * 1000 if unit == "ms" else value
        print(f"  {name:<34} {shown:9.1f} {unit}")


def part_cold(one: Path, repeat: int, proselint: list[str] | None) -> None:
    print(f"\n## cold start: one article ({one.stat().st_size:,} bytes), median of {repeat}")

    def first_sight() -> float:
        # The hook's default: the findings cache is on, and this file is not in it yet.
        with tempfile.TemporaryDirectory() as findings:
            return timed([*HEALTHLINT, "--cache-dir", findings, str(one)])

    timed([*HEALTHLINT, "--no-cache", str(one)])  # the packs validated once, as after install
    commands: dict[str, Callable[[], float]] = {
        "python -c pass": lambda: timed([sys.executable, "-c", "pass"]),
        "healthlint check (no cache)": lambda: timed([*HEALTHLINT, "--no-cache", str(one)]),
        "healthlint check (new file, cache on)": first_sight,
    }
    if proselint:
        commands["proselint check"] = lambda: timed([*proselint, str(one)])
    medians = alternate(commands, repeat)
    show(medians)
    if proselint:
        for name in ("healthlint check (no cache)", "healthlint check (new file, cache on)"):
            ratio = medians[name] / medians["proselint check"]
            print(f"  ratio {name} / proselint: {ratio:.2f} (target: at most 1.00)")


def part_first(one: Path, repeat: int, proselint: list[str] | None) -> None:
    print(f"\n## first run: one article ({one.stat().st_size:,} bytes), median of {repeat}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bare, configured = work / "bare", work / "configured"
        for project in (bare, configured):
            project.mkdir()
            shutil.copy(one, project / one.name)
        config = configured / "healthlint.toml"
        # Two versions of the file, written in turn, so that every run reads a changed one.
        versions = [
            'fail-level = "warning"\n[severity]\nHL404 = "error"\n',
            'fail-level = "warning"\n[severity]\nHL404 = "info"\n',
        ]
        store = work / "store"
        env = {**os.environ, "HEALTHLINT_CACHE_DIR": str(store)}
        turn, edits = [0], [0]

        def fresh_findings() -> list[str]:
            turn[0] += 1
            return ["--cache-dir", str(work / f"findings-{turn[0]}")]

        def in_project(project: Path, command: list[str], environment: dict[str, str]) -> float:
            here = os.getcwd()
            os.chdir(project)
            try:
                return timed(command, environment)
            finally:
                os.chdir(here)

        def after_install() -> float:
            empty = work / f"empty-{turn[0]}"
            environment = {**os.environ, "HEALTHLINT_CACHE_DIR": str(empty)}
            seconds = in_project(bare, [*HEALTHLINT, one.name], environment)
            shutil.rmtree(empty, ignore_errors=True)
            return seconds

        def after_config_edit() -> float:
            edits[0] += 1
            config.write_text(versions[edits[0] % 2], encoding="utf-8")
            return in_project(configured, [*HEALTHLINT, *fresh_findings(), one.name], env)

        def warm() -> float:
            return in_project(bare, [*HEALTHLINT, *fresh_findings(), one.name], env)

        config.write_text(versions[1], encoding="utf-8")
        for project in (bare, configured):  # the artifact cache filled, as by earlier runs
            in_project(project, [*HEALTHLINT, *fresh_findings(), one.name], env)
        commands: dict[str, Callable[[], float]] = {
            "healthlint, all cached but the file": warm,
            "healthlint, first run after install": after_install,
            "healthlint, first run after a config edit": after_config_edit,
        }
        if proselint:
            commands["proselint check"] = lambda: in_project(
                bare, [*proselint, one.name], dict(os.environ)
            )
        medians = alternate(commands, repeat)
    show(medians)
    base = medians["healthlint, all cached but the file"]
    for name in (
        "healthlint, first run after install",
        "healthlint, first run after a config edit",
    ):
        print(f"  ratio {name} / all cached: {medians[name] / base:.2f}")
        if proselint:
            ratio = medians[name] / medians["proselint check"]
            print(f"  ratio {name} / proselint: {ratio:.2f} (target: at most 1.50)")


def part_library(corpus: Path, count: int, repeat: int, proselint: list[str] | None) -> float:
    print(f"\n## library: {count:,} articles, median of {repeat}")
    runs = {
        "healthlint check --jobs 1": [*HEALTHLINT, "--no-cache", "--jobs", "1", str(corpus)],
        "healthlint check (all cores)": [*HEALTHLINT, "--no-cache", str(corpus)],
    }
    if proselint:
        runs["proselint check"] = [*proselint, str(corpus)]
    commands: dict[str, Callable[[], float]] = {
        name: (lambda command=command: timed(command)) for name, command in runs.items()
    }
    medians = alternate(commands, repeat)
    cpu = {name: cpu_median(command) for name, command in runs.items()}
    for name, value in medians.items():
        print(
            f"  {name:<34} {value:9.2f} s {count / value:9.1f} articles/s, "
            f"{1000 * cpu[name] / count:6.2f} CPU ms/article"
        )
    if proselint:
        ratio = medians["proselint check"] / medians["healthlint check (all cores)"]
        print(f"  throughput ratio healthlint / proselint: {ratio:.1f}x (target: at least 5x)")
        per_cpu = cpu["proselint check"] / cpu["healthlint check --jobs 1"]
        print(f"  per CPU second, healthlint / proselint: {per_cpu:.1f}x (target: at least 6x)")
    return medians["healthlint check (all cores)"]


def part_cache(corpus: Path, repeat: int) -> None:
    print(f"\n## cache: unchanged library, first run against second run, median of {repeat}")
    firsts, seconds = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as store:
            env = {**os.environ, "HEALTHLINT_CACHE_DIR": store}
            firsts.append(timed([*HEALTHLINT, str(corpus)], env))
            seconds.append(timed([*HEALTHLINT, str(corpus)], env))
    first, second = statistics.median(firsts), statistics.median(seconds)
    print(f"  first run (empty cache)            {first:9.2f} s")
    print(f"  second run (nothing changed)       {second:9.2f} s")
    print(f"  ratio second / first: {second / first:.3f} (target: at most 0.100)")


def part_memory(corpus: Path) -> None:
    print("\n## memory: peak resident memory of the largest process")
    baseline = peak_rss_mb([sys.executable, "-c", "import healthlint.engine"])
    print(f"  importing healthlint.engine        {baseline:9.1f} MB")
    for fmt in ("text", "json", "sarif", "github", "junit"):
        whole = peak_rss_mb([*HEALTHLINT, "--no-cache", "--format", fmt, str(corpus)])
        print(f"  checking the library, {fmt:<7}      {whole:9.1f} MB (target: at most 200 MB)")


def part_growth(corpus: Path, files: list[Path], workdir: Path) -> None:
    print("\n## growth: time per article as the library grows (one process)")
    sizes = sorted({max(1, len(files) // 10), max(1, len(files) // 2), len(files)})
    per_article = {}
    for size in sizes:
        subset = workdir / f"subset-{size}"
        subset.mkdir()
        for path in files[:size]:
            os.link(path, subset / path.name)
        seconds = timed([*HEALTHLINT, "--no-cache", "--jobs", "1", str(subset)])
        per_article[size] = seconds / size
        print(f"  {size:>6,} articles {seconds:9.2f} s {per_article[size] * 1000:8.2f} ms/article")
    smallest, largest = per_article[sizes[0]], per_article[sizes[-1]]
    print(
        f"  ratio ms/article {sizes[-1]:,} vs {sizes[0]:,}: {largest / smallest:.2f} "
        "(linear: about 1)"
    )

    rng = random.Random(11)
    pieces = []
    while sum(len(p) for p in pieces) < 1_000_000:
        pieces.append(_prose_chunk(rng))
    big = workdir / "big.md"
    big.write_text("# One very long article\n\n" + "\n\n".join(pieces), encoding="utf-8")
    tens = workdir / "tens"
    tens.mkdir()
    chunk = len(pieces) // 10
    for index in range(10):
        part = pieces[index * chunk : (index + 1) * chunk]
        (tens / f"part-{index}.md").write_text(
            "# One tenth\n\n" + "\n\n".join(part), encoding="utf-8"
        )
    commands: dict[str, Callable[[], float]] = {
        "ten 100 KB articles": lambda: timed([*HEALTHLINT, "--no-cache", "--jobs", "1", str(tens)]),
        "one 1 MB article": lambda: timed([*HEALTHLINT, "--no-cache", "--jobs", "1", str(big)]),
    }
    medians = alternate(commands, 3)
    show(medians, "ms")
    ratio = medians["one 1 MB article"] / medians["ten 100 KB articles"]
    print(f"  ratio 1 MB / 10 x 100 KB: {ratio:.2f} (no quadratic behaviour: about 1)")


def part_scaling() -> None:
    """Pathological shapes, in one process: eight times the input should cost about eight
    times as much (a quadratic step would cost 64 times as much)."""
    import datetime as dt

    from healthlint.engine import Linter

    linter = Linter(today=dt.date.fromisoformat(TODAY))

    def headings(count: int) -> str:
        body = "".join(f"## Question {i}\n\nAnswer number {i} is short.\n\n" for i in range(count))
        return f"# Questions\n\n{body}Last reviewed: May 2, 2026\n"

    def nested(depth: int) -> str:
        return "<h1>Deep</h1>\n" + "<div>\n" * depth + "<p>Text.</p>\n" + "</div>" * depth

    def dashes(count: int) -> str:
        return "Title\n\n- " + "- " * count + "\n"

    cases = {
        "headings, parse and check": (headings, 1000, "faq.md"),
        "nested <div>s, parse and check": (nested, 2000, "deep.html"),
        "a list item of dashes": (dashes, 5000, "dashes.txt"),
    }
    print("\n## scaling: 8 times the input, in one process (best of 3)")
    for name, (make, size, filename) in cases.items():
        timings = []
        for count in (size, size * 8):
            text = make(count)
            linter.lint_text(text, filename=filename)  # warm: word lists, patterns
            best = min(
                _timed_call(lambda t=text, f=filename: linter.lint_text(t, filename=f))
                for _ in range(3)
            )
            timings.append(best)
        print(
            f"  {name:<34} {timings[0] * 1000:8.1f} ms -> {timings[1] * 1000:8.1f} ms, "
            f"ratio {timings[1] / timings[0]:.1f} (linear: about 8)"
        )


def _timed_call(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _prose_chunk(rng: random.Random) -> str:
    heading = f"## Part {rng.randrange(10_000)}"
    return heading + "\n\n" + paragraph(rng, 6)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="cold,first,library,cache,memory,growth,scaling")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    proselint = proselint_command()
    if proselint is None:
        print("(proselint is not installed: `pip install proselint` for the side-by-side figures)")
    print(f"# healthlint benchmarks, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    compile_bytecode()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        corpus = workdir / "corpus"
        files = generate(corpus, args.count)
        if "cold" in parts:
            part_cold(files[0], args.repeat, proselint)
        if "first" in parts:
            part_first(files[0], args.repeat, proselint)
        if "library" in parts:
            part_library(corpus, args.count, max(1, args.repeat // 2), proselint)
        if "cache" in parts:
            part_cache(corpus, max(1, args.repeat // 2))
        if "memory" in parts:
            part_memory(corpus)
        if "growth" in parts:
            part_growth(corpus, files, workdir)
    if "scaling" in parts:
        part_scaling()


if __name__ == "__main__":
    main()
