"""The data that flows through healthlint: the parsed Article and the Findings about it.

Parsers produce an :class:`Article`; rule kinds read it and never the source file; the engine
turns their hits into :class:`Finding` objects. They are dataclasses built from already-typed
values, with their constraints written for pydantic (see :mod:`healthlint.validation`):
``validate(Article, data)`` checks a parsed article against the schema, and :func:`to_data`
gives the JSON form that ``healthlint inspect`` and the JSON report print.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import sys
from collections.abc import Callable
from dataclasses import field
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from .validation import model

if TYPE_CHECKING:
    from pydantic import Field


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
# A severity from its value without the enum call (cached findings are rebuilt by the thousand).
_SEVERITIES = {severity.value: severity for severity in Severity}


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


@model
class Block:
    """One unit of text: a heading, a paragraph, a list item, a table, a credits line group.

    ``text`` keeps the source line breaks of the block, so a match at offset ``i`` sits on line
    ``line + text.count("\\n", 0, i)``.
    """

    role: BlockRole
    text: str
    line: Annotated[int, Field(ge=1)]
    end_line: Annotated[int, Field(ge=1)]
    column: Annotated[int, Field(ge=1)] = 1
    list_item: bool = False
    link_words: Annotated[
        int, Field(ge=0, description="how many of the text's words are inside links")
    ] = 0
    breaks: Annotated[
        tuple[int, ...],
        Field(description="lines of the text (from 0) that end in a forced line break"),
    ] = ()
    link_lines: Annotated[
        tuple[int, ...], Field(description="lines of the text (from 0) that are only links")
    ] = ()
    section: Annotated[int | None, Field(description="index into Article.sections")] = None
    reason: Annotated[str | None, Field(description="why the block was taken for page chrome")] = (
        None
    )


@model
class Section:
    """A headed part of the article, from its heading to the next heading."""

    title: str
    level: Annotated[int, Field(ge=1, le=6)]
    line: Annotated[int, Field(ge=1, description="line of the heading")]
    end_line: Annotated[
        int, Field(ge=1, description="last line before the next heading of any level")
    ]
    body: Annotated[str, Field(description="text of the section's own blocks, headings excluded")]
    word_count: Annotated[int, Field(ge=0)]


@model
class Person:
    """A credited person or board, with the credentials written after the name."""

    name: str
    credentials: list[str] = field(default_factory=list)
    line: Annotated[int, Field(ge=1)]


DateKind = Literal["reviewed", "updated", "next_review"]
DatePrecision = Literal["day", "month", "year"]


@model
class DateMention:
    """A labelled date such as "Current as of: July 31, 2024"."""

    kind: DateKind
    label: str
    raw: Annotated[str, Field(description="the text after the label, as written")]
    value: Annotated[dt.date | None, Field(description="None when the text is not a date")] = None
    precision: DatePrecision | None = None
    ambiguous: Annotated[
        bool, Field(description="a numeric date that reads differently day-first")
    ] = False
    line: Annotated[int, Field(ge=1)]
    column: Annotated[int, Field(ge=1)] = 1
    source: Literal["body", "front-matter"] = "body"


@model
class Credits:
    """Who wrote and reviewed the article, and its labelled dates."""

    authors: list[Person] = field(default_factory=list)
    reviewers: list[Person] = field(default_factory=list)
    review_boards: list[Person] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    def dates_of(self, kind: DateKind) -> list[DateMention]:
        return [d for d in self.dates if d.kind == kind]


DirectiveAction = Literal["disable", "enable", "disable-next-line", "disable-line", "disable-file"]


@model
class Directive:
    """An inline instruction to healthlint written in the article, e.g. a suppression comment."""

    action: DirectiveAction
    rules: Annotated[list[str], Field(description="empty means every rule")] = field(
        default_factory=list
    )
    reason: str | None = None
    line: Annotated[int, Field(ge=1)]


@model
class ParseProblem:
    """Something in the file that kept part of it from being read as the author meant."""

    code: Literal["front-matter", "encoding", "mojibake", "structure"]
    message: str
    line: Annotated[int, Field(ge=1)]
    column: Annotated[int, Field(ge=1)] = 1


@model
class Article:
    """A parsed article: what every rule kind reads instead of the source file."""

    path: str | None = None
    format: ArticleFormat
    title: str | None = None
    title_line: int | None = None
    article_type: str | None = None
    # "first-sentence": the article's opening sentence says what its subject is ("X is a
    # medicine that…"). Enough to ask for the type's caveats, not to impose its sections.
    type_source: Literal["front-matter", "headings", "configuration", "first-sentence"] | None = (
        None
    )
    language: str | None = None
    # Where the language came from: front matter, <html lang>, or the text's own words.
    language_source: Literal["front-matter", "markup", "config", "detected", "default"] | None = (
        None
    )
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    credits: Credits = field(default_factory=Credits)
    directives: list[Directive] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    line_count: Annotated[int, Field(ge=0)] = 0

    def blocks_with_role(self, *roles: BlockRole) -> list[Block]:
        return [b for b in self.blocks if b.role in roles]


@model
class Finding:
    """One problem in one file: where, which rule, how severe, and what to do."""

    path: str
    line: Annotated[int, Field(ge=1)]
    column: Annotated[int, Field(ge=1)] = 1
    end_line: int | None = None
    end_column: int | None = None
    rule: Annotated[str, Field(description="rule id, e.g. HL302")]
    name: Annotated[str, Field(description="rule name, e.g. review-date-stale")]
    category: Annotated[
        str,
        Field(
            description="the rule's category: one of healthlint's (sections, credits, "
            "freshness, readability, caveats, plain-language, input) or a pack's own"
        ),
    ]
    severity: Severity
    message: str
    suggestion: str | None = None
    fingerprint: Annotated[
        str | None,
        Field(description="stable hash of the rule and the offending text, for baselines"),
    ] = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return FINDING_ORDER(self)

    @classmethod
    def build(cls, **fields: Any) -> Finding:
        """A finding from values the engine already checked, light enough to keep 100,000.

        A library run holds every finding until the report is sorted, so the strings that
        repeat (path, rule id, rule name) are shared.
        """
        for key in ("path", "rule", "name"):
            fields[key] = sys.intern(fields[key])
        return cls(**fields)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Finding:
        """A finding from its :func:`to_data` form (the finding cache, a worker process)."""
        severity = _SEVERITIES.get(data["severity"])
        if severity is None:
            raise ValueError(f"not a severity: {data['severity']!r}")
        return cls.build(**{**data, "severity": severity})

    def to_row(self) -> list[Any]:
        """The compact form the findings cache and worker processes carry: the fields in
        order, without the path (every finding of a file has the file's)."""
        return [self.line, self.column, self.end_line, self.end_column, self.rule, self.name,
                str(self.category), self.severity.value, self.message, self.suggestion,
                self.fingerprint]  # fmt: skip

    @classmethod
    def from_row(cls, path: str, row: list[Any]) -> Finding:
        """A finding of the file ``path`` from its :meth:`to_row` form."""
        line, column, end_line, end_column, rule, name, category, severity, message, \
            suggestion, fingerprint = row  # fmt: skip
        return cls(
            path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=sys.intern(rule),
            name=sys.intern(name),
            category=category,
            severity=_SEVERITIES[severity],
            message=message,
            suggestion=suggestion,
            fingerprint=fingerprint,
        )

    def to_data(self) -> dict[str, Any]:
        """The JSON form, as :func:`to_data` gives it, in one step."""
        data = {name: getattr(self, name) for name in _FINDING_FIELDS}
        data["category"] = str(self.category)
        data["severity"] = self.severity.value
        return data


_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
# The order of a report; an attrgetter builds the key in C, which a library's sort of
# 100,000 findings notices.
FINDING_ORDER: Callable[[Finding], tuple[str, int, int, str, str]] = operator.attrgetter(
    "path", "line", "column", "rule", "message"
)


def to_data(value: Any) -> Any:
    """``value`` with every dataclass, enum and date turned into JSON types, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    return value
