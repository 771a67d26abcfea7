"""What every rule kind shares: the options base model, the Hit it yields, the check context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, dataclass_transform

from ..models import Article, Block, Severity
from ..validation import STRICT_KEYS

if TYPE_CHECKING:
    from ..rule_specs import RuleSpec


@dataclass_transform(kw_only_default=True)
class KindOptions:
    """Base of every kind's options; each subclass is a dataclass with keyword-only fields.

    Options are validated by pydantic when a pack is loaded (``kinds.validate_options``), with
    the constraints written in each field's annotation; unknown keys are refused so typos do
    not pass silently.
    """

    __pydantic_config__ = STRICT_KEYS

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(kw_only=True)(cls)


@dataclass
class Hit:
    """One problem a kind found; the engine turns it into a Finding with the rule's message."""

    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # None: the rule's severity
    suggestion: str | None = None
    snippet: str = ""


@dataclass
class CheckContext:
    """The article under check and the facts derived from it, each computed at most once."""

    article: Article
    today: dt.date
    path: str
    # The region and language set by the configuration for this file (None: not set there).
    region: str | None = None
    language_setting: str | None = None

    @cached_property
    def heading_columns(self) -> dict[int, int]:
        """Section index -> column of its heading, for hits that point at a heading."""
        return {
            b.section: b.column
            for b in self.article.blocks
            if b.role == "heading" and b.section is not None
        }

    @cached_property
    def prose_blocks(self) -> list[Block]:
        return [b for b in self.article.blocks if b.role == "prose"]

    @cached_property
    def language(self) -> str:
        """The article's primary language subtag: what its front matter or markup says, else
        the configuration's for this file, else what its prose is told to be, else English."""
        from ..language import primary_subtag, resolve_language

        article = self.article
        if article.language and article.language_source in ("front-matter", "markup"):
            return primary_subtag(article.language)
        if self.language_setting:
            return primary_subtag(self.language_setting)
        if article.language:
            return primary_subtag(article.language)
        language, _ = resolve_language(
            article.metadata, None, " ".join(b.text for b in self.prose_blocks)
        )
        return language

    @cached_property
    def memo(self) -> dict[str, Any]:
        """Per-article results shared between rules (e.g. readability statistics)."""
        return {}


class Kind(NamedTuple):
    """A rule kind: its name, options model, check function and user documentation, and the
    parameters its findings give a rule's message (``region_params``: more of them that depend
    on the rule's options, such as a caveat's per-region numbers)."""

    name: str
    options: type[KindOptions]
    check: Callable[[CheckContext, Any, RuleSpec], Iterator[Hit]]
    doc: str
    params: tuple[str, ...] = ()
    region_params: Callable[[Any], Iterable[str]] | None = None


class ActiveRule(NamedTuple):
    """A rule as a run checks it: its spec, its kind, its validated options and the severity
    in force."""

    spec: RuleSpec
    kind: Kind
    options: KindOptions
    severity: Severity
    severity_configured: bool = False  # the user set it: hits may not grade themselves


def block_position(block: Block, offset: int) -> tuple[int, int]:
    """Source line and column of a character offset inside a block's text."""
    line = block.line + block.text.count("\n", 0, offset)
    start_of_line = block.text.rfind("\n", 0, offset) + 1
    column = offset - start_of_line + 1
    if start_of_line == 0:
        column += block.column - 1
    return line, column


def normalize(text: str) -> str:
    """Lower case, straight quotes, single spaces: what phrase matching compares."""
    if not text.isascii():  # a flag of the string: ASCII text has none of these to replace
        text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        text = text.replace("\u00ad", "").replace("–", "-").replace("—", "-")
    # Each whitespace run becomes one space, as r"\s+" replaced would: str.split and re's \s
    # agree on what whitespace is, and joining is a few times faster than substituting.
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    if text[-1].isspace():
        joined += " "
    return joined.lower()
