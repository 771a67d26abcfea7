"""Assembling an Article from what a format parser saw.

Parsers only report headings and blocks in document order; sections, credits and the split
between article prose and credits are worked out here, the same way for every format.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import (
    Article,
    ArticleFormat,
    Block,
    BlockRole,
    Credits,
    Directive,
    ParseProblem,
    Section,
)
from . import credits as credit_grammar

_CREDITS_HEADINGS = re.compile(
    r"^(?:credits|about this (?:page|article|information)|article credits|"
    r"page information|reviewed by|acknowledg(?:e)?ments?)$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


class ArticleBuilder:
    def __init__(self, *, path: str | None, fmt: ArticleFormat, line_count: int) -> None:
        self.path = path
        self.format: ArticleFormat = fmt
        self.line_count = line_count
        self.blocks: list[Block] = []
        self.metadata: dict[str, Any] = {}
        self.metadata_lines: dict[str, int] = {}
        self.title: str | None = None
        self.title_line: int | None = None
        self.directives: list[Directive] = []
        self.problems: list[ParseProblem] = []
        self._heading_levels: dict[int, int] = {}

    def heading(self, text: str, level: int, line: int, end_line: int | None = None,
                column: int = 1) -> None:
        text = " ".join(text.split())
        if not text:
            return
        block = Block(
            role="heading", text=text, line=line, end_line=end_line or line, column=column
        )
        self._heading_levels[id(block)] = level
        self.blocks.append(block)

    def block(self, role: BlockRole, text: str, line: int, end_line: int | None = None, *,
              column: int = 1, list_item: bool = False) -> None:
        if not text.strip():
            return
        self.blocks.append(
            Block(
                role=role, text=text, line=line, end_line=max(end_line or line, line),
                column=column, list_item=list_item,
            )
        )

    def set_title(self, text: str, line: int | None) -> None:
        if self.title is None and text.strip():
            self.title = " ".join(text.split())
            self.title_line = line

    def build(self) -> Article:
        headings = [b for b in self.blocks if b.role == "heading"]
        levels = self._heading_levels
        title_block: Block | None = None
        if headings and self.title is None:
            first = headings[0]
            top = min(levels.values())
            if levels[id(first)] == top and sum(1 for h in headings if levels[id(h)] == top) == 1:
                title_block = first
                self.set_title(first.text, first.line)
        elif headings and self.title is not None:
            first = headings[0]
            if levels[id(first)] == 1 and _same_words(first.text, self.title):
                title_block = first
                if self.title_line is None or self.metadata.get("title"):
                    self.title_line = first.line

        sections: list[Section] = []
        section_blocks: list[list[Block]] = []
        current: int | None = None
        for block in self.blocks:
            if block.role == "heading":
                level = levels[id(block)]
                if block is title_block:
                    current = None
                    continue
                sections.append(
                    Section(title=block.text, level=level, line=block.line,
                            end_line=block.line, body="", word_count=0)
                )
                section_blocks.append([])
                current = len(sections) - 1
                block.section = current
                continue
            if block.role == "chrome":
                block.section = None
                continue
            block.section = current
            if current is not None:
                section_blocks[current].append(block)

        for index, section in enumerate(sections):
            next_line = (
                sections[index + 1].line - 1 if index + 1 < len(sections) else self.line_count
            )
            section.end_line = max(section.line, next_line)
            if _CREDITS_HEADINGS.match(section.title.strip(" :")):
                for block in section_blocks[index]:
                    if block.role == "prose":
                        block.role = "credits"

        credits = self._credits()

        for index, section in enumerate(sections):
            body_blocks = section_blocks[index]  # headings never enter it
            section.body = "\n\n".join(b.text for b in body_blocks)
            section.word_count = sum(count_words(b.text) for b in body_blocks)

        article_type = _article_type(self.metadata)
        return Article(
            path=self.path,
            format=self.format,
            title=self.title,
            title_line=self.title_line,
            article_type=article_type,
            type_source="front-matter" if article_type else None,
            language=str(self.metadata["language"]) if self.metadata.get("language") else None,
            metadata=self.metadata,
            sections=sections,
            blocks=self.blocks,
            credits=credits,
            directives=self.directives,
            problems=self.problems,
            line_count=self.line_count,
        )

    def _credits(self) -> Credits:
        credits = Credits()
        if self.metadata:
            credit_grammar.from_front_matter(
                self.metadata, credits, self.metadata_lines, default_line=1
            )
        # Body credits first; site chrome only when the body has no review date, because a
        # footer's "Last updated" speaks of the site, not of the article.
        for roles in (("credits", "prose"), ("chrome",)):
            if roles == ("chrome",) and credits.dates_of("reviewed"):
                break
            for block in self.blocks:
                if block.role not in roles:
                    continue
                found = credit_grammar.scan_lines(_numbered_lines(block), credits)
                if found and block.role == "prose" and _mostly_credits(block, found):
                    block.role = "credits"
        return credits


def _numbered_lines(block: Block) -> list[tuple[int, str]]:
    return [(block.line + i, text) for i, text in enumerate(block.text.split("\n"))]


def _mostly_credits(block: Block, found: list[int]) -> bool:
    lines = [t for t in block.text.split("\n") if t.strip()]
    return len(found) * 2 >= len(lines)


def _same_words(a: str, b: str) -> bool:
    return _WORD.findall(a.lower()) == _WORD.findall(b.lower())


def _article_type(metadata: dict[str, Any]) -> str | None:
    value = metadata.get("type") or metadata.get("article_type")
    if isinstance(value, str) and value.strip():
        return value.strip().lower().replace(" ", "-").replace("_", "-")
    return None
