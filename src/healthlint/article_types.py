"""Recognising an article's type from its headings when front matter does not say."""

from __future__ import annotations

from collections.abc import Mapping

from .kinds.required_sections import heading_key
from .models import Article
from .packs import ArticleTypeSpec


def recognise_type(article: Article, types: Mapping[str, ArticleTypeSpec]) -> str | None:
    """The type whose identifying headings the article uses, the first heading deciding ties."""
    headings = [heading_key(s.title) for s in article.sections]
    best: tuple[int, int, str] | None = None
    for name, spec in types.items():
        keys = {heading_key(h) for h in spec.headings}
        positions = [i for i, h in enumerate(headings) if h in keys]
        if not positions:
            continue
        candidate = (-len(positions), positions[0], name)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None
