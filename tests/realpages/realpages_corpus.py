"""Read the real-page corpus with healthlint and compare each field with the hand-checked truth.

Shared by ``test_truth.py``, ``score_corpus.py`` and ``update_known_misreads.py``. Texts are
compared the way the corpus's scorer does: NFKC, casefolded, without ``*_`#``, runs of white space
collapsed to one space, and " :?." stripped from both ends.
"""

from __future__ import annotations

import collections
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

import healthlint
from healthlint.config import DEFAULT_PACKS, Config
from healthlint.models import Article

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
TRUTH_FILE = HERE / "truth.json"
MISREADS_FILE = HERE / "known_misreads.yaml"
EMERGENCY_PACK = HERE / "emergency.yaml"
EMERGENCY_RULE = "RPT001"
TODAY = "2026-11-26"

# Every scored field, in the order the tests and the summary list them.
FIELDS = (
    "title",
    "sections",
    "section_order",
    "review_date",
    "review_label_empty",
    "author",
    "reviewer",
    "disclaimer",
    "emergency_instruction",
    "not_empty",
)

# "Not read as empty": the article's prose must be at least this share of the words a reader
# sees on the page, and at least MIN_PROSE_WORDS words.
MIN_PROSE_SHARE = 0.10
MIN_PROSE_WORDS = 20

_WORD = re.compile(r"\w+")


def norm(text: str | None) -> str:
    """A heading or title as the scorer compares it."""
    text = unicodedata.normalize("NFKC", text or "").replace("\\-", "-").casefold()
    text = re.sub(r"[*_`#]", "", text)
    return re.sub(r"\s+", " ", text).strip(" :?.")


def load_truth() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(TRUTH_FILE.read_text(encoding="utf-8"))
    return data


def read_page(name: str) -> str:
    """The page's text. The pages are UTF-8 (mojibake included); line ends are kept."""
    return (PAGES / name).read_bytes().decode("utf-8", errors="replace")


class _VisibleText(HTMLParser):
    _HIDDEN = frozenset({"script", "style", "noscript", "head", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_words(text: str, fmt: str) -> int:
    """Words a reader sees on the whole page, chrome included (independent of healthlint)."""
    if fmt == "html":
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        body = " ".join(parser.parts)
    else:
        body = re.sub(r"\A---\r?\n.*?\r?\n---\r?\n", "", text, flags=re.S)
        body = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", body)  # images
        body = re.sub(r"\]\([^)]*\)", "] ", body)  # link targets
        body = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
        body = unescape(re.sub(r"<[^>]+>", " ", body))
    return len(_WORD.findall(body))


def prose_words(article: Article) -> int:
    return sum(len(_WORD.findall(b.text)) for b in article.blocks if b.role == "prose")


@dataclass
class Reading:
    """How healthlint read one page."""

    article: Article
    rules: frozenset[str]
    visible_words: int


@dataclass(frozen=True)
class Outcome:
    ok: bool
    detail: str


@contextmanager
def _private_cache() -> Iterator[None]:
    old = os.environ.get("HEALTHLINT_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="healthlint-realpages-") as folder:
        os.environ["HEALTHLINT_CACHE_DIR"] = folder
        try:
            yield
        finally:
            if old is None:
                os.environ.pop("HEALTHLINT_CACHE_DIR", None)
            else:
                os.environ["HEALTHLINT_CACHE_DIR"] = old


def read_corpus(truth: list[dict[str, Any]]) -> dict[str, Reading]:
    """Parse every page once and check them all once (built-in rules plus the emergency probe)."""
    with _private_cache():
        config = Config(packs=[*DEFAULT_PACKS, str(EMERGENCY_PACK)])
        result = healthlint.lint_paths(
            [PAGES / t["file"] for t in truth], config=config, today=TODAY
        )
        rules: dict[str, set[str]] = collections.defaultdict(set)
        for finding in result.findings:
            rules[Path(finding.path).name].add(finding.rule)
        readings = {}
        for t in truth:
            text = read_page(t["file"])
            readings[t["file"]] = Reading(
                article=healthlint.parse_article(text, filename=t["file"]),
                rules=frozenset(rules[t["file"]]),
                visible_words=visible_words(text, t["format"]),
            )
    return readings


def section_lists(truth: dict[str, Any], article: Article) -> tuple[list[str], list[str]]:
    """(found, wanted) section titles, normalised; the title is never counted as a section."""
    title = norm(truth.get("title"))
    got = [norm(s.title) for s in article.sections]
    got = [s for s in got if s != title]
    want = [norm(s) for s in truth.get("sections") or []]
    return got, want


def _order_detail(got: list[str], want: list[str]) -> str:
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        if g != w:
            return f"section {i + 1} is {g!r}, truth {w!r} ({len(got)} sections, truth {len(want)})"
    if len(got) != len(want):
        shared = min(len(got), len(want))
        return f"{len(got)} sections, truth {len(want)} (the first {shared} agree)"
    return "sections agree"


def _flag(name: str, got: bool, want: bool) -> Outcome:
    return Outcome(got == want, f"{name}: healthlint {got}, truth {want}")


def compare(field: str, truth: dict[str, Any], reading: Reading) -> Outcome:
    """Whether healthlint's reading of one field of one page agrees with the truth."""
    article = reading.article
    credits = article.credits
    if field == "title":
        got_t, want_t = article.title, truth.get("title")
        return Outcome(norm(got_t) == norm(want_t), f"title {got_t!r}, truth {want_t!r}")
    if field in ("sections", "section_order"):
        got, want = section_lists(truth, article)
        if field == "section_order":
            return Outcome(got == want, _order_detail(got, want))
        got_c, want_c = collections.Counter(got), collections.Counter(want)
        extra = list((got_c - want_c).elements())
        missed = list((want_c - got_c).elements())
        return Outcome(not extra and not missed, f"sections extra {extra} missed {missed}")
    if field == "review_date":
        dates = [d for d in credits.dates if d.kind == "reviewed" and d.value]
        got_d = dates[0].value.isoformat() if dates and dates[0].value else None
        want_d = truth.get("review_date_iso")
        ok = got_d == want_d or bool(got_d and want_d and got_d[: len(want_d)] == want_d)
        return Outcome(ok, f"review date {got_d!r}, truth {want_d!r}")
    if field == "review_label_empty":
        got_e = any(
            d.kind == "reviewed" and d.value is None and not d.raw.strip() for d in credits.dates
        )
        return _flag("empty review label", got_e, bool(truth.get("review_label_empty")))
    if field == "author":
        return _flag("author", bool(credits.authors), bool(truth.get("has_author")))
    if field == "reviewer":
        got_r = bool(credits.reviewers or credits.review_boards)
        return _flag("reviewer", got_r, bool(truth.get("has_reviewer")))
    if field == "disclaimer":
        got_s = "HL501" not in reading.rules
        return _flag("disclaimer (HL501 silent)", got_s, bool(truth.get("has_disclaimer")))
    if field == "emergency_instruction":
        got_s = EMERGENCY_RULE not in reading.rules
        want_s = bool(truth.get("has_emergency_instruction"))
        return _flag("emergency instruction", got_s, want_s)
    if field == "not_empty":
        words = prose_words(article)
        need = max(MIN_PROSE_WORDS, round(MIN_PROSE_SHARE * reading.visible_words))
        return Outcome(
            words >= need,
            f"{words} words of prose of {reading.visible_words} visible words (need {need})",
        )
    raise ValueError(f"unknown field {field!r}")


def load_misreads() -> list[dict[str, str]]:
    """The cases that fail today: [{file, field, reason}]."""
    if not MISREADS_FILE.exists():
        return []
    data = yaml.safe_load(MISREADS_FILE.read_text(encoding="utf-8")) or []
    return [dict(entry) for entry in data]


MISREADS_HEADER = """\
# (page, field) cases of tests/realpages/test_truth.py that healthlint gets wrong today.
# Each one is an xfail(strict=True): when a parser change fixes a case, the test fails until
# the case is taken out of this list. Regenerate it (reasons of cases still failing are kept):
#     python tests/realpages/update_known_misreads.py
"""


def write_misreads(entries: list[dict[str, str]]) -> None:
    body = yaml.safe_dump(
        [{"file": e["file"], "field": e["field"], "reason": e["reason"]} for e in entries],
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    MISREADS_FILE.write_text(MISREADS_HEADER + (body if entries else "[]\n"), encoding="utf-8")
