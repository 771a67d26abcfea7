"""Format parsers: the only code that knows what Markdown, plain text and HTML look like."""

from __future__ import annotations

from pathlib import PurePath

from ..models import Article, ArticleFormat

EXTENSIONS: dict[str, ArticleFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_for(filename: str | None, text: str = "") -> ArticleFormat:
    """The format of a file, from its extension, or from its first bytes when it has none."""
    if filename:
        suffix = PurePath(filename).suffix.lower()
        if suffix in EXTENSIONS:
            return EXTENSIONS[suffix]
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("---") or head.startswith("#"):
        return "markdown"
    return "text"


def parse_article(
    text: str, *, filename: str | None = None, fmt: ArticleFormat | None = None
) -> Article:
    """Parse an article from text; the format comes from ``fmt``, else from ``filename``."""
    chosen = fmt or format_for(filename, text)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if chosen == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(text, path=filename)
    if chosen == "html":
        from .html import parse_html

        return parse_html(text, path=filename)
    from .plaintext import parse_text

    return parse_text(text, path=filename)
