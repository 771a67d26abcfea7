"""credits: the article must say who wrote it and who checked it medically.

Credits are read from labelled lines anywhere in the article ("Author:", "Written by",
"Medically reviewed by", "Reviewer:", a "Clinical Review Board" line) and from front matter
(``authors``, ``reviewers``, ``review_board``). Each rule lists what it requires:

    author                     at least one author (a person, a staff or an organisation)
    reviewer                   at least one reviewer whose name carries a clinical credential
    review-board-or-reviewer   a credentialed reviewer, or a named clinical/medical review board

A reviewer listed without a credential ("Reviewed by: Jane Doe") does not count: readers cannot
tell whether the reviewer is qualified. The finding then names that reviewer.

Options:
    require: [author | reviewer | review-board-or-reviewer] (required)
    credentials: [str]   credentials that qualify a reviewer; default MD, DO, RN, PhD, PharmD,
                         NP, PA, MBBS and the other credentials the credits reader knows, plus
                         "Dr" before a name

The finding points at the first credits line, or at the title when there is none.

Message parameters: {missing} (what is missing, in plain words), {detail} (a note on
reviewers listed without credentials, or empty).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ..models import Person
from ..parsers.credits import CREDENTIALS
from .base import CheckContext, Hit, Kind, KindOptions

if TYPE_CHECKING:
    from pydantic import Field

Requirement = Literal["author", "reviewer", "review-board-or-reviewer"]

_MISSING = {
    "author": "an author",
    "reviewer": "a medical reviewer with a credential such as MD or RN",
    "review-board-or-reviewer": (
        "a medical reviewer with a credential such as MD or RN, or a clinical review board"
    ),
}


class Options(KindOptions):
    """Options of the credits kind (see the module documentation)."""

    require: Annotated[list[Requirement], Field(min_length=1)]
    credentials: list[str] = field(default_factory=lambda: [*CREDENTIALS, "Dr"])


def _key(credential: str) -> str:
    return credential.replace(".", "").replace("-", "").lower()


def _qualified(person: Person, accepted: set[str]) -> bool:
    return any(_key(c) in accepted for c in person.credentials)


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    credits = ctx.article.credits
    accepted = {_key(c) for c in options.credentials}
    qualified = [p for p in credits.reviewers if _qualified(p, accepted)]
    unqualified = [p for p in credits.reviewers if not _qualified(p, accepted)]
    first_credit = next((b.line for b in ctx.article.blocks if b.role == "credits"), None)
    anchor = first_credit or ctx.article.title_line or 1
    for requirement in dict.fromkeys(options.require):
        if requirement == "author":
            satisfied = bool(credits.authors)
        elif requirement == "reviewer":
            satisfied = bool(qualified)
        else:
            satisfied = bool(qualified or credits.review_boards)
        if satisfied:
            continue
        detail = ""
        if requirement != "author" and unqualified:
            names = ", ".join(p.name for p in unqualified[:3])
            detail = f" ({names} is listed without a credential)"
            if len(unqualified) > 1:
                detail = f" ({names} are listed without credentials)"
        yield Hit(
            line=anchor,
            params={"missing": _MISSING[requirement], "detail": detail},
            snippet=requirement,
        )


KIND = Kind(
    name="credits", options=Options, check=check, doc=__doc__ or "", params=("missing", "detail")
)
