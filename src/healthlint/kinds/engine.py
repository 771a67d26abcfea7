"""engine: findings the engine itself reports, not a check over the article.

Rules of this kind give a code, a message and a severity to what the engine finds outside any
article's content: a file it cannot read (HL001), a suppression comment that suppresses nothing
(HL004) or one without the reason the configuration requires (HL005).

Message parameters: {reason} for unreadable files, {rules} for suppressions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .base import CheckContext, Hit, Kind, KindOptions


class Options(KindOptions):
    """Options of the engine kind (see the module documentation)."""

    pass


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    return iter(())


KIND = Kind(
    name="engine", options=Options, check=check, doc=__doc__ or "", params=("reason", "rules")
)
