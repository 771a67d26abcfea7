"""What the pre-commit hook costs a machine the first time: the time pre-commit takes to build
the hook's environment and run it once, the environment's size and its package count, for the
working tree's last commit and an earlier revision, each from an empty pre-commit home and
without pip's cache (network time included: compare the two in one run).

    python benchmarks/hook_install.py --baseline 8857855
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "# Knee pain\n\nRest helps. This page does not replace your doctor's advice.\n"


def measure(revision: str, scratch: Path) -> tuple[float, int, int]:
    clone = scratch / f"clone-{revision}"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", revision], check=True)
    sha = subprocess.run(
        ["git", "-C", str(clone), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    project = scratch / f"project-{revision}"
    project.mkdir()
    (project / "knee.md").write_text(ARTICLE, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {sha}\n    hooks:\n      - id: healthlint\n",
        encoding="utf-8",
    )
    subprocess.run(["git", "add", "knee.md", ".pre-commit-config.yaml"], cwd=project, check=True)
    home = scratch / f"home-{revision}"
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_NO_CACHE_DIR": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    sites = list(home.glob("repo*/py_env-*/lib/python*/site-packages"))
    size = sum(f.stat().st_size for site in sites for f in site.rglob("*") if f.is_file())
    packages = sum(1 for site in sites for d in site.glob("*.dist-info"))
    return seconds, size, packages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        for revision in (args.baseline, "HEAD"):
            seconds, size, packages = measure(revision, scratch)
            print(
                f"{revision:>10}: first run {seconds:6.1f} s, environment "
                f"{size / 1e6:5.1f} MB in {packages} packages"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
