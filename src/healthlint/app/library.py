"""The articles of a library, read and parsed for the commands that look at all of them
(``stats``, ``due``, ``report``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Config
    from ..models import Article


def parsed_articles(
    paths: list[str], config: Config, problems: list[str], warn: Callable[[str], None]
) -> Iterator[tuple[str, Article]]:
    """Each article the paths name, parsed; a file that cannot be read is told to ``warn`` and
    counted in ``problems``, and the others are still read."""
    from ..engine import read_articles
    from ..parsers import parse_article

    # One configuration for the run: its size cap and which files are articles.
    for shown, source, problem in read_articles(paths, config):
        if source is None:
            warn(f"healthlint: {shown}: {problem}")
            problems.append(shown)
            continue
        yield shown, parse_article(source.text, filename=shown)
