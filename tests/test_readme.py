"""The README's Python snippet runs as written, from the repository root."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_python_api_snippet_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"```python\n(.*?)```", readme, re.S)
    done = subprocess.run(
        [sys.executable, "-c", snippet],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "HEALTHLINT_CACHE_DIR": str(ROOT / ".pytest_cache" / "hl")},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Cataract Surgery treatment" in lines[-3]
    assert re.fullmatch(r"\d+ findings in \d+ files", lines[-2])
    first = ast.literal_eval(lines[-1])  # to_data(): plain values only
    assert set(first) >= {"path", "line", "rule", "severity", "message"}
    assert isinstance(first["severity"], str)
