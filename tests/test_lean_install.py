"""healthlint runs without textstat (and so without NLTK): the data it needs ships with it or
comes from a declared, small dependency (Pyphen); textstat is a test-only reference."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCKED_RUN = """
import importlib.abc, sys
class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("textstat", "nltk"):
            raise ImportError(f"{name} is not installed here")
        return None
sys.meta_path.insert(0, Blocked())
from healthlint.config import Config
from healthlint.engine import Linter
text = "# Flu\\n\\n" + "Seasonal immunization substantially diminishes hospitalization. " * 40
config = Config(select=["HL401"])
linter = Linter(config)
findings = linter.lint_text(text, filename="flu.md")
from healthlint.readability.stats import easy_words
assert "the" in easy_words() and len(easy_words()) > 2000
print(",".join(f.rule for f in findings))
assert "textstat" not in sys.modules and "nltk" not in sys.modules
"""


def test_a_check_needs_neither_textstat_nor_nltk() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "HL401"


def test_textstat_is_a_test_dependency_and_pyphen_a_runtime_one() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [requirement.split(">")[0].split("<")[0] for requirement in project["dependencies"]]
    assert "textstat" not in runtime and "pyphen" in runtime
    assert any(r.startswith("textstat") for r in project["optional-dependencies"]["test"])
    shipped = ROOT / "src" / "healthlint" / "readability" / "data"
    assert (shipped / "easy_words_en.txt").is_file() and (shipped / "TEXTSTAT-LICENSE").is_file()


def test_the_shipped_easy_words_are_textstat_s() -> None:
    import importlib.util

    spec = importlib.util.find_spec("textstat")
    assert spec is not None and spec.submodule_search_locations
    theirs = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en"
    ours = ROOT / "src" / "healthlint" / "readability" / "data" / "easy_words_en.txt"
    assert ours.read_bytes() == (theirs / "easy_words.txt").read_bytes()
