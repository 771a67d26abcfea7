"""The README's Python snippet runs as written, from the repository root."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_python_api_snippet_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"```python\n(.*?)```", readme, re.S)
    done = subprocess.run(
        [sys.executable, "-c", snippet],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "HEALTHLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Cataract Surgery treatment" in lines[-4]
    assert re.fullmatch(r"\d+ findings in \d+ files", lines[-3])
    first = ast.literal_eval(lines[-2])  # to_data(): plain values only
    assert set(first) >= {"path", "line", "rule", "severity", "message"}
    assert isinstance(first["severity"], str)
    assert re.fullmatch(r"[1-9]\d* findings fail the gate", lines[-1])  # HL501 on bad examples
