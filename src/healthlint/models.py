"""The data that flows through healthlint: the parsed Article and the Findings about it.

Parsers produce an :class:`Article`; rule kinds read it and never the source file; the engine
turns their hits into :class:`Finding` objects. Everything here is a pydantic model so the
Python API, ``healthlint inspect`` and the JSON report share one schema.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    SECTIONS = "sections"
    CREDITS = "credits"
    FRESHNESS = "freshness"
    READABILITY = "readability"
    CAVEATS = "caveats"
    PLAIN_LANGUAGE = "plain-language"
    INPUT = "input"


ArticleFormat = Literal["markdown", "text", "html"]

BlockRole = Literal[
    "heading",  # a section heading (the title is a heading too)
    "prose",  # paragraphs and list items of the article body
    "credits",  # author, reviewer and date lines
    "chrome",  # site notices, navigation, footers, anything outside the article itself
    "table",
    "code",
    "links",  # a paragraph or list item that is nothing but links ("Related Information")
]


class _Model(BaseModel):
    # Parsers and the engine build these with model_construct (their input is already typed),
    # so the validation schema is only built when something validates or serialises one: a
    # cold one-file check does not pay for it.
    model_config = ConfigDict(frozen=False, extra="forbid", defer_build=True)


class Block(_Model):
    """One unit of text: a heading, a paragraph, a list item, a table, a credits line group.

    ``text`` keeps the source line breaks of the block, so a match at offset ``i`` sits on line
    ``line + text.count("\\n", 0, i)``.
    """

    role: BlockRole
    text: str
    line: int = Field(ge=1)
    end_line: int = Field(ge=1)
    column: int = Field(default=1, ge=1)
    list_item: bool = False
    section: int | None = Field(default=None, description="index into Article.sections")


class Section(_Model):
    title: str
    level: int = Field(ge=1, le=6)
    line: int = Field(ge=1, description="line of the heading")
    end_line: int = Field(ge=1, description="last line before the next heading of any level")
    body: str = Field(description="text of the section's own blocks, headings excluded")
    word_count: int = Field(ge=0)


class Person(_Model):
    name: str
    credentials: list[str] = Field(default_factory=list)
    line: int = Field(ge=1)


DateKind = Literal["reviewed", "updated", "next_review"]
DatePrecision = Literal["day", "month", "year"]


class DateMention(_Model):
    """A labelled date such as "Current as of: July 31, 2024"."""

    kind: DateKind
    label: str
    raw: str = Field(description="the text after the label, as written")
    value: dt.date | None = Field(default=None, description="None when the text is not a date")
    precision: DatePrecision | None = None
    ambiguous: bool = Field(
        default=False, description="a numeric date that reads differently day-first"
    )
    line: int = Field(ge=1)
    column: int = Field(default=1, ge=1)
    source: Literal["body", "front-matter"] = "body"


class Credits(_Model):
    authors: list[Person] = Field(default_factory=list)
    reviewers: list[Person] = Field(default_factory=list)
    review_boards: list[Person] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)

    def dates_of(self, kind: DateKind) -> list[DateMention]:
        return [d for d in self.dates if d.kind == kind]


DirectiveAction = Literal["disable", "enable", "disable-next-line", "disable-line", "disable-file"]


class Directive(_Model):
    """An inline instruction to healthlint written in the article, e.g. a suppression comment."""

    action: DirectiveAction
    rules: list[str] = Field(default_factory=list, description="empty means every rule")
    reason: str | None = None
    line: int = Field(ge=1)


class ParseProblem(_Model):
    """Something in the file that kept part of it from being read as the author meant."""

    code: Literal["front-matter", "encoding", "mojibake", "structure"]
    message: str
    line: int = Field(ge=1)
    column: int = Field(default=1, ge=1)


class Article(_Model):
    path: str | None = None
    format: ArticleFormat
    title: str | None = None
    title_line: int | None = None
    article_type: str | None = None
    type_source: Literal["front-matter", "headings", "configuration"] | None = None
    language: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    credits: Credits = Field(default_factory=Credits)
    directives: list[Directive] = Field(default_factory=list)
    problems: list[ParseProblem] = Field(default_factory=list)
    line_count: int = Field(default=0, ge=0)

    def blocks_with_role(self, *roles: BlockRole) -> list[Block]:
        return [b for b in self.blocks if b.role in roles]


class Finding(_Model):
    path: str
    line: int = Field(ge=1)
    column: int = Field(default=1, ge=1)
    end_line: int | None = None
    end_column: int | None = None
    rule: str = Field(description="rule id, e.g. HL302")
    name: str = Field(description="rule name, e.g. review-date-stale")
    category: Category
    severity: Severity
    message: str
    suggestion: str | None = None
    fingerprint: str | None = Field(
        default=None, description="stable hash of the rule and the offending text, for baselines"
    )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)

    @classmethod
    def build(cls, **fields: Any) -> Finding:
        """A finding from values the engine already checked, light enough to keep 100,000.

        A library run holds every finding until the report is sorted, so the strings that
        repeat (path, rule id, rule name) are shared, and so is the set of fields given.
        """
        for key in ("path", "rule", "name"):
            fields[key] = sys.intern(fields[key])
        return cls.model_construct(_fields_set=_ALL_FINDING_FIELDS, **fields)


_ALL_FINDING_FIELDS = set(Finding.model_fields)
