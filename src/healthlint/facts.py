"""What the library views (``healthlint report``, ``due``) read of an article besides its
findings: title, type, owner, review dates and reading grades.

``healthlint check`` keeps these beside each article's findings in its cache, taken from the
article and the prose its rules have just split, so a report run after a check needs no
article parsed again. They hold nothing that depends on the day or on the review cycle: the
days left and the next due date of an article without one are worked out when a view is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .models import Article

if TYPE_CHECKING:
    from .kinds.base import CheckContext

# Raised whenever the facts kept in the cache change shape or meaning.
FACTS_VERSION = 1


@dataclass(frozen=True)
class SectionGrade:
    """One section's Flesch-Kincaid grade (None for Spanish prose, where it means nothing)."""

    section: str
    line: int
    grade: float | None


@dataclass(frozen=True)
class ArticleFacts:
    """What a library view reads of one checked article."""

    title: str | None
    type: str | None
    owner: str | None
    last_review: dt.date | None
    page_due: dt.date | None  # "Next review due" as the page gives it
    grade: float | None
    sections: tuple[SectionGrade, ...]

    def to_data(self) -> list[Any]:
        """A compact JSON form: one row, dates as ISO text."""
        return [
            FACTS_VERSION,
            self.title,
            self.type,
            self.owner,
            _iso(self.last_review),
            _iso(self.page_due),
            self.grade,
            [[s.section, s.line, s.grade] for s in self.sections],
        ]

    @classmethod
    def from_data(cls, data: Any) -> ArticleFacts | None:
        """Facts from :meth:`to_data`; anything of another shape or version is None."""
        try:
            version, title, kind, owner, last, due, grade, sections = data
            if version != FACTS_VERSION:
                return None
            return cls(
                title=_text(title),
                type=_text(kind),
                owner=_text(owner),
                last_review=dt.date.fromisoformat(last) if last is not None else None,
                page_due=dt.date.fromisoformat(due) if due is not None else None,
                grade=_number(grade),
                sections=tuple(
                    SectionGrade(_required_text(name), _line(line), _number(value))
                    for name, line, value in sections
                ),
            )
        except (TypeError, ValueError):
            return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError("not text")


def _required_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise TypeError("not text")


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise TypeError("not a number")


def _line(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError("not a line number")


def review_dates(article: Article) -> tuple[dt.date | None, dt.date | None]:
    """The article's last review (else its last update) and the next review the page names."""

    def latest(*kinds: str) -> dt.date | None:
        values = [m.value for m in article.credits.dates if m.kind in kinds and m.value is not None]
        return max(values) if values else None

    return latest("reviewed") or latest("updated"), latest("next_review")


def owner_of(article: Article) -> str | None:
    """Who answers for the article: a front-matter ``owner``, else its first reviewer, review
    board or author credit."""
    owner = article.metadata.get("owner")
    if isinstance(owner, str) and owner.strip():
        return owner.strip()
    for people in (
        article.credits.reviewers,
        article.credits.review_boards,
        article.credits.authors,
    ):
        if people:
            return people[0].name
    return None


def facts_of(article: Article, context: CheckContext) -> ArticleFacts:
    """The facts of an article checked in ``context`` (``Linter.context_for``); its grades
    are read from the prose the readability rules split, so nothing is split twice."""
    from .figures import reading_grades

    last, page_due = review_dates(article)
    grade, sections = reading_grades(article, context)
    return ArticleFacts(
        title=article.title,
        type=article.article_type,
        owner=owner_of(article),
        last_review=last,
        page_due=page_due,
        grade=grade,
        sections=tuple(SectionGrade(*section) for section in sections),
    )
